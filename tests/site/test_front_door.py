"""The front door: what a visitor on a phone meets first, checked in a real Chromium: the parts read
from the shared strict build (the rest, and what is checked and why:
tests/browser/test_front_door.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import re

import pytest
from mkdocs.utils.yaml import yaml_load

from browsing import LANGUAGES, PATHS
from harness import ROOT
from front_door_helpers import HOME, prices_with_vat

SERVICE_PAGES = [
    "neuropsykiatrinen-valmennus/",
    "ammatillinen-tukihenkilotoiminta/",
    "valmennuksen-jalkeen/",
    "maksajille/",
    "palveluehdot/",
    "hinnat/",
]


def test_home_pages_offer_both_services_and_both_paths(built_site):
    for language, path in HOME.items():
        html = (built_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        for target in ("neuropsykiatrinen-valmennus/", "ammatillinen-tukihenkilotoiminta/", "palveluehdot/", "hinnat/",
                       "toipumisorientaatio/"):
            assert f'href="{target}' in article or f'/{target}"' in article, f"{path}: no link to {target}"
        assert article.count('class="grid cards"') == 2, f"{path}: the service cards and the two paths"


def top_level_entries(html: str) -> list[str]:
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.DOTALL)
    return re.findall(r'<li class="md-tabs__item[^"]*">\s*<a [^>]*>\s*(.*?)\s*</a>', tabs[0], re.DOTALL) if tabs else []


@pytest.mark.parametrize("path", PATHS)
def test_menu_has_at_most_six_top_level_entries_and_no_edit_pencil(built_site, path):
    html = (built_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    entries = top_level_entries(html)
    assert 2 <= len(entries) <= 6, f"{path}: {len(entries)} top-level menu entries: {entries}"
    drawer = html[html.index('id="site-drawer"') :]
    drawer = drawer[: drawer.index("</nav>")]
    top = re.findall(r'<li class="md-nav__item[^"]*">', drawer)
    assert top, path
    article = html[html.index("<article") : html.index("</article>")]
    assert "md-content__button" not in article and 'rel="edit"' not in article, f"{path}: an edit pencil"


def test_drawer_and_tabs_show_the_menu_of_mkdocs_yml_in_each_language(built_site):
    """The top of the menu is what mkdocs.yml says, titles translated; staff may add or rename entries."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    titles = [next(iter(entry)) for entry in config["nav"] if isinstance(entry, dict)]
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    english = next(language for language in i18n["languages"] if language["locale"] == "en")["nav_translations"]
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert top_level_entries(html) == titles
    html_en = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert top_level_entries(html_en) == [english[title] for title in titles]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SERVICE_PAGES)
def test_service_page_ends_with_a_next_step(built_site, language, slug):
    html = (built_site / LANGUAGES[language] / slug / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert article.count('class="next-step"') == 1, f"/{LANGUAGES[language]}{slug}: one next-step box"
    after = article[article.index('class="next-step"') :]
    after = after[after.index("</section>") :]
    # The print-only colophon (date, address and contact on paper) closes every article.
    after = re.split(r'<div class="print-colophon"', after)[0]
    assert not re.search(r"<(p|h\d|ul|ol|table|div)\b(?![^>]*page-updated)", after), (
        f"/{LANGUAGES[language]}{slug}: content after the next-step box"
    )
    box = article[article.index('class="next-step"') :]
    assert 'href="tel:' in box and 'href="mailto:' in box
    others = [page for page in ("palveluehdot/", "hinnat/") if page != slug]
    for other in others:
        assert other in box, f"/{LANGUAGES[language]}{slug}: the next step links purchasers to {other}"


def test_price_tables_stay_whole_tables_in_the_html(built_site):
    html = (built_site / "hinnat" / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<div class="price-table">\s*<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table data-cards>.*?</table>', html, re.DOTALL)[0]
    assert "<caption>" in table and table.count('<th scope="col">') == 4
    assert len(re.findall(r"<tr>", table)) == 1 + len(prices_with_vat("fi"))


def test_every_footer_points_to_the_emergency_number(built_site):
    for page, words in (("hinnat/index.html", "Hätätilanteessa soita"), ("en/index.html", "In an emergency, call")):
        footer = (built_site / page).read_text(encoding="utf-8").split("<footer", 1)[1]
        assert re.search(rf'{words}[^<]*<a href="tel:112">112</a>\.', footer), page
