"""Accessibility in a real browser: axe-core on every page in both languages, both colour schemes and:
the parts read from the shared strict build (the rest, and what is checked and why:
tests/browser/test_accessibility.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from browsing import PATHS


class Headings(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.levels: list[int] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


@pytest.mark.parametrize("path", PATHS + ["/404.html"])
def test_headings_are_in_order_with_one_h1(built_site, path):
    file = built_site / (path.lstrip("/") if path.endswith(".html") else path.lstrip("/") + "index.html")
    levels = Headings(file.read_text(encoding="utf-8")).levels
    assert levels.count(1) == 1, f"{path}: {levels.count(1)} h1 elements"
    assert levels[0] == 1, f"{path}: the first heading is h{levels[0]}"
    skips = [f"h{a} → h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not skips, f"{path}: heading levels skipped: {', '.join(skips)} (all: {levels})"
