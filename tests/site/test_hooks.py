"""The small hooks' pure functions, and the one source of the contact details: the parts read from the
shared strict build (the rest, and what is checked and why: tests/unit/test_hooks.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import json
import posixpath
import re

from website import stylesheets
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


def test_every_page_inlines_the_first_screen_and_loads_the_rest_without_blocking(built_site):
    """One <style> (critical.css) and rest.css for print, switched to every medium by a script, and
    as an ordinary stylesheet in <noscript>; no stylesheet blocks the first paint."""
    for page in ("index.html", "en/hinnat/index.html", "toipumisorientaatio/yhteys/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert len(re.findall(r"<style>", html)) == 1, page
        assert re.findall(r'<link rel="stylesheet" href="([^"]+)"( media="print")?', html) == [
            (posixpath.relpath("assets/stylesheets/rest.css", posixpath.dirname(page) or "."), ' media="print"'),
            (posixpath.relpath("assets/stylesheets/rest.css", posixpath.dirname(page) or "."), ""),
        ], page
        assert re.search(r"<noscript><link rel=\"stylesheet\" href=\"[^\"]+rest\.css\"></noscript>", html), page
        assert stylesheets.SWITCH_SCRIPT in html, page