"""The small hooks' pure functions, and the one source of the contact details: the parts read from the
shared strict build (the rest, and what is checked and why: tests/unit/test_hooks.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import json
import re
from hooks_helpers import footer
from harness import ROOT


def test_footer_links_in_the_page_language(built_site):
    fi = footer((built_site / "maksajille/index.html").read_text(encoding="utf-8"))
    en = footer((built_site / "en/maksajille/index.html").read_text(encoding="utf-8"))
    assert 'href="../saavutettavuusseloste/">Saavutettavuusseloste<' in fi
    assert 'href="../tietosuoja/">Tietosuojaseloste<' in fi
    assert 'href="../saavutettavuusseloste/">Accessibility statement<' in en
    assert 'href="../tietosuoja/">Privacy notice<' in en


def test_built_search_indexes_hold_one_language_each(built_site):
    fi = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert {doc["title"] for doc in fi["docs"]} >= {"Palvelun ostajalle"}
    assert {doc["title"] for doc in en["docs"]} >= {"For purchasers"}
    assert "For purchasers" not in {doc["title"] for doc in fi["docs"]}
    assert "Palvelun ostajalle" not in {doc["title"] for doc in en["docs"]}


def test_english_pages_search_their_own_index(built_site):
    en = (built_site / "en/maksajille/index.html").read_text(encoding="utf-8")
    fi = (built_site / "maksajille/index.html").read_text(encoding="utf-8")
    assert re.search(r'"base":\s*"\.\./\.\./en/"', en)
    assert re.search(r'"base":\s*"\.\."', fi)


def test_every_page_makes_one_stylesheet_request(built_site):
    site_css = (ROOT / "overrides/assets/stylesheets/site.css").read_text(encoding="utf-8")
    for page in ("index.html", "en/hinnat/index.html", "toipumisorientaatio/yhteys/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
        assert len(links) == 1, (page, links)
        bundle = ((built_site / page).parent / links[0]).resolve().read_text(encoding="utf-8")
        assert ".site-brand" in bundle and "--md-primary-fg-color: #1d5c57" in site_css
        assert "--md-primary-fg-color: #1d5c57" in bundle and ".md-typeset" in bundle
