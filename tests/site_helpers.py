"""Shared by the layers of tests/*/test_site.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from harness import ROOT

DOCS = ROOT / "docs"


def page_slugs() -> list[str]:
    """Every page's address without language, from the Finnish sources ("" is the home page)."""
    slugs = []
    for path in sorted(DOCS.rglob("*.fi.md")):
        stem = path.relative_to(DOCS).as_posix()[: -len(".fi.md")]
        slugs.append("" if stem == "index" else stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    return slugs


SLUGS = page_slugs()


class Elements(HTMLParser):
    """Collects start tags with their attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **required) -> list[dict]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(required[key] in (attrs.get(key) or "").split() for key in required)
        ]


EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "object": ["data"],
    "embed": ["src"],
}
# <link> relations that do not load anything: they describe the page for search engines.
DESCRIPTIVE_LINKS = {"canonical", "alternate"}


def loaded_urls(html: str) -> list[str]:
    urls = []
    for tag, attrs in Elements(html).tags:
        if tag == "link" and set((attrs.get("rel") or "").split()) & DESCRIPTIVE_LINKS:
            continue
        for attribute in LOADING_ATTRIBUTES.get(tag, []):
            if attrs.get(attribute):
                urls.append(attrs[attribute])
    urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", html)
    urls += re.findall(r"@import\s+['\"]([^'\"]+)", html)
    return urls
