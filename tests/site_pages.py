"""Where a page of the built site is, and its HTML: one helper for the tests of the built pages.

Arguments are always (site, slug, language); a slug is the page's address without language, with or
without the trailing slash ("" is the home page).
"""

from __future__ import annotations

import re
from pathlib import Path

from harness import LANGUAGE_PREFIXES


def page_file(site: Path, slug: str, language: str) -> Path:
    """The built file of ``slug`` in ``language``: site/[en/]slug/index.html."""
    return site / LANGUAGE_PREFIXES[language] / slug / "index.html"


def page_html(site: Path, slug: str, language: str) -> str:
    return page_file(site, slug, language).read_text(encoding="utf-8")


def article_html(html: str) -> str:
    """What is inside the page's main <article> element."""
    match = re.search(r"<article\b[^>]*>(?P<body>.*?)</article>", html, re.DOTALL)
    assert match, "the page has no <article> element"
    return match["body"]
