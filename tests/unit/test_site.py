"""The bilingual site as built: pages, languages, selector, navigation, origins, strict build: the
parts that need no build (the rest, and what is checked and why: tests/site/test_site.py).

Layer: unit tests, no build.
"""

from __future__ import annotations

from harness import SITE_URL
from site_helpers import EXTERNAL, SLUGS, loaded_urls


def test_there_are_pages():
    assert len(SLUGS) >= 9
    assert "" in SLUGS and "ammatillinen-tukihenkilotoiminta/" in SLUGS


def test_the_origin_check_would_catch_a_font_or_script():
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js"></script>'
    assert [url for url in loaded_urls(html) if EXTERNAL.match(url)] == [
        "https://fonts.googleapis.com/css",
        "//cdn.example/x.js",
    ]


def test_site_url_is_absolute_https():
    assert SITE_URL.startswith("https://")
