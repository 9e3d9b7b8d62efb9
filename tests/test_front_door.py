"""The front door: what a visitor on a phone meets first, checked in a real Chromium.

Issue 11: contact links in the first phone screen of the home page, no documentation furniture on
the home page, a menu of at most six entries, no edit pencil, a drawer that takes no focus while
closed, the short name uncut on a 320 px phone, every price with VAT on screen without sideways
scrolling, and a second accessibility engine (HTML_CodeSniffer, as pa11y runs it) with no errors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from browsing import LANGUAGES, NO_MOTION, PATHS, SITE_ORIGIN, new_context, open_page
from harness import ROOT
from price_data import load_price_data, rate_in_force
from prices import build_date, format_money, price_row

HTMLCS = (Path(__file__).parent / "vendor" / "htmlcs" / "HTMLCS.js").read_text(encoding="utf-8")
HOME = {"fi": "/", "en": "/en/"}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 768}
SERVICE_PAGES = [
    "neuropsykiatrinen-valmennus/",
    "ammatillinen-tukihenkilotoiminta/",
    "valmennuksen-jalkeen/",
    "maksajille/",
    "palveluehdot/",
    "hinnat/",
]
PRICE_PAGES = ["hinnat/", "ammatillinen-tukihenkilotoiminta/"]


def in_first_screen(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(
        selector,
        """(links) => links.map((link) => {
          const box = link.getBoundingClientRect();
          const style = getComputedStyle(link);
          return {href: link.getAttribute("href"), top: box.top, bottom: box.bottom, left: box.left,
                  right: box.right, visible: box.width > 0 && box.height > 0 && style.visibility === "visible"};
        })""",
    )


# --------------------------------------------------------------------------- home page


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_has_call_and_email_in_the_first_phone_screen(browser, built_site, language):
    context = new_context(browser, built_site, viewport=PHONE)
    page = open_page(context, HOME[language])
    article = "article.md-content__inner"
    for scheme, label in (("tel:", "phone"), ("mailto:", "email")):
        links = [
            link
            for link in in_first_screen(page, f'{article} a[href^="{scheme}"]')
            if link["visible"] and link["bottom"] <= PHONE["height"] and link["right"] <= PHONE["width"]
        ]
        assert links, f"{HOME[language]}: no {label} link inside the first 360×740 screen"
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_has_no_side_menu_or_table_of_contents_on_desktop(browser, built_site, language):
    context = new_context(browser, built_site, viewport=DESKTOP)
    page = open_page(context, HOME[language])
    shown = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar')].filter((sidebar) => {
          const box = sidebar.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && getComputedStyle(sidebar).visibility !== 'hidden'
            && sidebar.querySelector('a');
        }).map((sidebar) => sidebar.dataset.mdType)"""
    )
    assert shown == [], f"{HOME[language]} shows sidebars at 1366 px: {shown}"
    assert page.locator("article h1").count() == 1
    context.close()


def test_home_pages_offer_both_services_and_both_paths(built_site):
    for language, path in HOME.items():
        html = (built_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        for target in ("neuropsykiatrinen-valmennus/", "ammatillinen-tukihenkilotoiminta/", "palveluehdot/", "hinnat/",
                       "toipumisorientaatio/"):
            assert f'href="{target}' in article or f'/{target}"' in article, f"{path}: no link to {target}"
        assert article.count('class="grid cards"') == 2, f"{path}: the service cards and the two paths"


# --------------------------------------------------------------------------- menu and pencil


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


def test_staff_reach_the_source_from_the_footer(built_site):
    html = (built_site / "en" / "hinnat" / "index.html").read_text(encoding="utf-8")
    footer = html[html.index("<footer") :]
    assert re.search(r'<a href="[^"]+/edit/main/docs/hinnat\.en\.md" rel="edit">For staff: edit this page</a>', footer)


# --------------------------------------------------------------------------- every service page ends with a next step


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


# --------------------------------------------------------------------------- keyboard and drawer


FOCUS_IN_DRAWER = "() => !!document.activeElement && !!document.activeElement.closest('.md-sidebar--primary')"


@pytest.mark.parametrize("width", [360, 1024])
def test_closed_drawer_takes_no_tab_stop(browser, built_site, width):
    context = new_context(browser, built_site, viewport={"width": width, "height": 800})
    page = open_page(context, "/hinnat/")
    in_drawer = []
    for stop in range(1, 31):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUS_IN_DRAWER):
            in_drawer.append(stop)
    assert not in_drawer, f"/hinnat/ at {width} px: Tab stops {in_drawer} of the first 30 are in the closed drawer"
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_button_opens_the_drawer_and_escape_returns_focus(browser, built_site, language):
    context = new_context(browser, built_site, viewport=PHONE)
    page = open_page(context, HOME[language] + "hinnat/")
    button = page.locator('button[data-site-toggle="__drawer"]')
    assert button.get_attribute("aria-label") == {"fi": "Valikko", "en": "Menu"}[language]
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(FOCUS_IN_DRAWER)
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.dataset.siteToggle") == "__drawer"
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility") == "hidden"
    search = page.locator('button[data-site-toggle="__search"]')
    assert search.get_attribute("aria-label") == {"fi": "Haku", "en": "Search"}[language]
    context.close()


@pytest.mark.parametrize("width", [320, 360, 1366])
@pytest.mark.parametrize("language", LANGUAGES)
def test_header_shows_the_short_name_uncut(browser, built_site, width, language):
    context = new_context(browser, built_site, viewport={"width": width, "height": 700})
    page = open_page(context, HOME[language] + "palveluehdot/")
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(100)
    name = page.evaluate(
        """() => {
          const name = document.querySelector('.md-header .site-brand__name');
          const box = name.getBoundingClientRect();
          return {text: name.textContent.trim(), scroll: name.scrollWidth, client: name.clientWidth,
                  left: box.left, right: box.right, visible: getComputedStyle(name).visibility === 'visible'};
        }"""
    )
    assert name["text"] == "Metodi"
    assert name["scroll"] <= name["client"], f"the name is cut at {width} px: {name}"
    assert name["visible"] and 0 <= name["left"] and name["right"] <= width, name
    context.close()


# --------------------------------------------------------------------------- prices on phones


def prices_with_vat(language: str) -> list[str]:
    data = load_price_data(ROOT / "data" / "prices.yml")
    rate = rate_in_force(data.vat_rates, build_date())
    return [
        format_money(price_row(duration, rate.percent).gross, language)
        for service in data.services.values()
        for duration in service.durations
    ]


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PRICE_PAGES)
def test_every_price_with_vat_is_on_screen_without_sideways_scrolling(browser, built_site, width, language, slug):
    context = new_context(browser, built_site, viewport={"width": width, "height": 800})
    page = open_page(context, "/" + LANGUAGES[language] + slug)
    figures = prices_with_vat(language)
    cells = page.evaluate(
        """(figures) => [...document.querySelectorAll('article td')]
          .filter((cell) => figures.includes(cell.textContent.trim()))
          .map((cell) => {
            const box = cell.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(cell);
            const text = range.getBoundingClientRect();
            return {figure: cell.textContent.trim(), left: text.left, right: text.right, width: box.width};
          })""",
        figures,
    )
    assert sorted({cell["figure"] for cell in cells}) == sorted(set(figures)), f"table cells: {cells}"
    outside = [cell for cell in cells if cell["left"] < 0 or cell["right"] > width]
    assert not outside, f"/{LANGUAGES[language]}{slug} at {width} px: prices with VAT off screen: {outside}"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    context.close()


def test_price_tables_stay_whole_tables_in_the_html(built_site):
    html = (built_site / "hinnat" / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<div class="price-table">\s*<table data-cards>.*?</table>', html, re.DOTALL)[0]
    assert "<caption>" in table and table.count('<th scope="col">') == 4
    assert len(re.findall(r"<tr>", table)) == 1 + len(prices_with_vat("fi"))


# --------------------------------------------------------------------------- HTML_CodeSniffer


RUN_HTMLCS = """() => new Promise((resolve) => {
  HTMLCS.process('WCAG2AA', document, () => {
    resolve(HTMLCS.getMessages().filter((message) => message.type === HTMLCS.ERROR).map((message) => ({
      code: message.code, message: message.msg,
      element: message.element && message.element.outerHTML ? message.element.outerHTML.slice(0, 160) : String(message.element),
    })));
  });
})"""


@pytest.fixture(scope="module")
def htmlcs_sweep(browser, built_site):
    """HTML_CodeSniffer's WCAG2AA errors on every page, at phone and desktop width, as pa11y runs it."""
    results = {}
    for viewport in (PHONE, DESKTOP):
        context = new_context(browser, built_site, viewport=viewport)
        page = context.new_page()
        for path in PATHS:
            page.goto(SITE_ORIGIN + path, wait_until="load")
            page.add_script_tag(content=HTMLCS)
            results[(path, viewport["width"])] = page.evaluate(RUN_HTMLCS)
        context.close()
    return results


@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]])
@pytest.mark.parametrize("path", PATHS)
def test_html_codesniffer_finds_no_errors(htmlcs_sweep, path, width):
    errors = htmlcs_sweep[(path, width)]
    assert not errors, f"HTML_CodeSniffer WCAG2AA on {path} at {width} px:\n" + "\n".join(
        f"  {error['code']}: {error['message']}\n    {error['element']}" for error in errors
    )


def test_html_codesniffer_would_catch_an_image_only_link(browser, built_site):
    context = new_context(browser, built_site, viewport=DESKTOP)
    page = open_page(context, "/")
    page.evaluate("""() => { const link = document.createElement('a'); link.href = '/';
      link.innerHTML = '<img src="assets/logo.svg" alt="">'; document.querySelector('article').append(link); }""")
    page.add_script_tag(content=HTMLCS)
    codes = [error["code"] for error in page.evaluate(RUN_HTMLCS)]
    assert any("H30.2" in code for code in codes), codes
    context.close()


def test_every_footer_points_to_the_emergency_number(built_site):
    for page, words in (("hinnat/index.html", "Hätätilanteessa soita"), ("en/index.html", "In an emergency, call")):
        footer = (built_site / page).read_text(encoding="utf-8").split("<footer", 1)[1]
        assert re.search(rf'{words}[^<]*<a href="tel:112">112</a>\.', footer), page
