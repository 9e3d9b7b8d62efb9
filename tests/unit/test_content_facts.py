"""The critical facts of the purchaser pages, checked on the strict build in both languages: the parts
that need no build (the rest, and what is checked and why: tests/site/test_content_facts.py).

Layer: unit tests, no build.
"""

from __future__ import annotations

import re

import pytest

from website.price_file import DATA_FILE
from content_facts_helpers import CONDITION_TERMS, LANGUAGES, data, squash


CONDITIONAL = {"fi": r"\bvoi(?:vat)? olla\b", "en": r"\b(?:can|may) be\b"}
PAYER_AS_RULE = {"fi": r"\bkun yksityi\w*(?: henkilö)? ostaa", "en": r"\bwhen a private person buys"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_file_gives_all_the_conditions_in_conditional_words_and_names_its_sources(data, language):
    texts = data.texts[language]
    vat_free = squash(texts["vat_free"])
    missing = [name for name, term in CONDITION_TERMS[language].items() if term.lower() not in vat_free.lower()]
    assert not missing, f"{DATA_FILE} texts.{language}.vat_free lacks the conditions {missing}"
    # A short list, one condition a line, "all" of them, and the sources named (issue 20).
    assert len(re.findall(r"(?m)^- ", texts["vat_free"])) == 5  # Soteri and supervision are one condition
    assert re.search(r"\bkaikkien\b|\ball\b", vat_free) and ("37–38 §" in vat_free or "sections 37–38" in vat_free)
    assert "Verohallinnon ohje" in vat_free or "Tax Administration's guidance" in vat_free
    assert re.search(CONDITIONAL[language], vat_free), (
        f"texts.{language}.vat_free must say the service CAN be VAT-free, not that it is"
    )
    for key in ("vat_free", "vat_added"):
        assert not re.search(PAYER_AS_RULE[language], squash(texts[key]), re.IGNORECASE), (
            f"texts.{language}.{key} makes the payer the rule; VAT depends on the four conditions"
        )
