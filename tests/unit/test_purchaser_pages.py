"""The purchaser pages: service terms, prices, contact, accessibility statement and privacy notice: the
parts that need no build (the rest, and what is checked and why:
tests/site/test_purchaser_pages.py).

Layer: unit tests, no build.
"""

from __future__ import annotations

import re

import pytest
from purchaser_pages_helpers import LANGUAGES, SLUGS
from harness import ROOT


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_no_hand_typed_prices_or_vat_in_sources(slug, language):
    source = ROOT / "docs" / f"{slug}.{language}.md"
    text = source.read_text(encoding="utf-8")
    assert not re.search(r"\d\s*€|€\s*\d", text), f"{source.name} types a euro amount by hand"
    assert not re.search(r"\b2[45](?:[.,]5)?\s*%", text), f"{source.name} types a VAT percentage by hand"
    assert not re.search(r"0400|578\s*743|@metodi\.fi", text), f"{source.name} types contact details"
