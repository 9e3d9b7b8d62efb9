"""Content of the main pages – home, coaching, purchasers, after coaching, support-person work – in
both: the parts that need no build (the rest, and what is checked and why:
tests/site/test_pages_content.py).

Layer: unit tests, no build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from harness import ROOT
from pages_content_helpers import LANGUAGES, PAGES

DOCS = ROOT / "docs"


# "€", "EUR", "70e", "70 e/1,5h", "70 euroa" – but not "step 2 e.g.".
TYPED_EURO = re.compile(r"€|\bEUR\b|\d ?e\b(?!\.\w)|\d ?euro", re.IGNORECASE)
TYPED_PERCENT = re.compile(r"\d\s*%")


def markdown_without_front_matter_and_comments(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    return re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)


def test_no_euro_amount_is_typed_by_hand_in_docs():
    """Prices come only from data/prices.yml through the shortcodes."""
    problems = [
        f"{path.relative_to(ROOT)}: {match[0]!r}"
        for path in sorted(DOCS.rglob("*.md"))
        for match in TYPED_EURO.finditer(markdown_without_front_matter_and_comments(path))
    ]
    assert not problems, "euro amounts typed by hand:\n" + "\n".join(problems)


@pytest.mark.parametrize("slug", [slug or "index" for slug in PAGES])
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_percentage_is_typed_by_hand_in_my_pages(language, slug):
    text = markdown_without_front_matter_and_comments(DOCS / f"{slug}.{language}.md")
    assert not TYPED_PERCENT.search(text), "a percentage (VAT?) typed by hand; use <!-- md:vat-rate -->"
