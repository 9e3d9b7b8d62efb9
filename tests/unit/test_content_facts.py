"""The critical facts of the purchaser pages, checked on the strict build in both languages.

- VAT: beside every price table stand all four conditions of the social-welfare exemption
  (Arvonlisäverolaki 37–38 §), in conditional words, from ``data/prices.yml``; the prices page says
  them once; no page says that Metodi is registered in Soteri (the owner has not confirmed it).
- The first price column is the price with VAT, the price a private person pays (VNa 553/2013 § 2),
  and the prices page leads with such a price.
- Child welfare is bought by the wellbeing services counties (since 1 Jan 2023), not municipalities.
- The contact person's English title is not "Head of social services".
- The service terms say that the binding terms are in the written contract.

Figures and texts are read from the data file through the hook's own functions, never copied here.
"""

from __future__ import annotations

import re

import pytest

from website.price_file import DATA_FILE
from content_facts_helpers import CONDITION_TERMS, LANGUAGES, data, squash


CONDITIONAL = {"fi": r"\bvoi(?:vat)? olla\b", "en": r"\b(?:can|may) be\b"}
PAYER_AS_RULE = {"fi": r"\bkun yksityi\w*(?: henkilö)? ostaa", "en": r"\bwhen a private person buys"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_file_gives_all_four_conditions_in_conditional_words(data, language):
    texts = data.texts[language]
    vat_free = squash(texts["vat_free"])
    missing = [name for name, term in CONDITION_TERMS[language].items() if term.lower() not in vat_free.lower()]
    assert not missing, f"{DATA_FILE} texts.{language}.vat_free lacks the conditions {missing}"
    assert re.search(CONDITIONAL[language], vat_free), (
        f"texts.{language}.vat_free must say the service CAN be VAT-free, not that it is"
    )
    for key in ("vat_free", "vat_added"):
        assert not re.search(PAYER_AS_RULE[language], squash(texts[key]), re.IGNORECASE), (
            f"texts.{language}.{key} makes the payer the rule; VAT depends on the four conditions"
        )
