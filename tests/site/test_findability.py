"""Issue 21 in the built site: the English addresses as redirect pages, out of sitemaps and search,
the 404 page's list of addresses, and the language switch's heading pairs.

Layer: the shared strict build.
"""

from __future__ import annotations

import json
import re

import pytest

from harness import ROOT, SITE_URL
from site_pages import page_html
from website import redirects
from website.pages import read_sources

SOURCES = read_sources(ROOT / "docs")
REDIRECTS = redirects.redirects(SOURCES)
# Addresses issue 21 names: each must lead to its page.
NAMED = {
    "en/prices/": "en/hinnat/", "en/contact/": "en/yhteystiedot/", "en/terms/": "en/palveluehdot/",
    "en/coaching/": "en/neuropsykiatrinen-valmennus/", "en/support-person/": "en/ammatillinen-tukihenkilotoiminta/",
    "en/privacy/": "en/tietosuoja/", "en/accessibility/": "en/saavutettavuusseloste/",
    "en/purchasers/": "en/maksajille/", "en/after-coaching/": "en/valmennuksen-jalkeen/",
}


def test_the_named_english_addresses_and_every_english_page_have_an_english_name():
    found = {item.path: item.target_path for item in REDIRECTS}
    assert NAMED.items() <= found.items()
    english_pages = {f"en/{source.name.slug}" for source in SOURCES if source.name and source.name.language == "en"}
    named = set(found.values()) | {"en/"}
    assert english_pages <= named, f"English pages without an English address: {sorted(english_pages - named)}"


@pytest.mark.parametrize("item", REDIRECTS, ids=lambda item: item.path)
def test_each_redirect_page_points_at_its_page(built_site, item):
    html = (built_site / item.path / "index.html").read_text(encoding="utf-8")
    target = f"{SITE_URL}/{item.target_path}"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in html
    assert f'<link rel="canonical" href="{target}">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert re.search(rf'<a href="{re.escape(target)}">[^<]+</a>', html), "a visible link for browsers that do not refresh"
    assert "Content-Security-Policy" in html
    assert (built_site / item.target_path / "index.html").is_file()


def test_no_redirect_is_in_a_sitemap_or_the_search(built_site):
    texts = [path.read_text(encoding="utf-8") for path in built_site.rglob("sitemap.xml")]
    indexes = [json.loads(path.read_text(encoding="utf-8")) for path in built_site.rglob("search_index.json")]
    locations = {doc["location"].split("#")[0] for index in indexes for doc in index["docs"]}
    for item in REDIRECTS:
        assert not any(f"/{item.path}<" in text or f'/{item.path}"' in text for text in texts), item.path
        assert item.alias not in locations and item.path not in locations


def test_the_404_page_lists_every_page_and_address(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="site-addresses">(.*?)</script>', html, re.DOTALL)[1])
    paths = {item["path"] for item in data["addresses"]}
    assert {item.path for item in REDIRECTS} <= paths and {"", "en/", "hinnat/", "en/hinnat/"} <= paths
    assert all(item["title"] for item in data["addresses"])


@pytest.mark.parametrize("slug,language,pair", [
    ("hinnat/", "fi", "arvonlisavero>arvonlisavero"),
    ("toipumisorientaatio/yhteys/", "en", "pitfalls-and-tips>sudenkuopat-ja-vinkit"),
])
def test_the_language_switch_knows_the_matching_headings(built_site, slug, language, pair):
    sections = re.search(r'data-site-sections="([^"]*)"', page_html(built_site, slug, language))[1]
    assert pair in sections.split()
