"""The front door: what a visitor on a phone meets first, checked in a real Chromium.

Issue 11: contact links in the first phone screen of the home page, no documentation furniture on
the home page, a menu of at most six entries, no edit pencil, a drawer that takes no focus while
closed, the short name uncut on a 320 px phone, every price with VAT on screen without sideways
scrolling, and a second accessibility engine (HTML_CodeSniffer, as pa11y runs it) with no errors.

Layer: Chromium on the built site.
"""

from __future__ import annotations


import pytest

from browsing import RUN_HTMLCS, LANGUAGES, PATHS, SITE_ORIGIN, add_htmlcs, new_context, open_page
from front_door_helpers import HOME, prices_with_vat
from harness import ROOT

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 768}
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


@pytest.fixture(scope="module")
def htmlcs_sweep(browser, built_site):
    """HTML_CodeSniffer's WCAG2AA errors on every page, at phone and desktop width, as pa11y runs it."""
    results = {}
    for viewport in (PHONE, DESKTOP):
        context = new_context(browser, built_site, viewport=viewport)
        page = context.new_page()
        for path in PATHS:
            page.goto(SITE_ORIGIN + path, wait_until="load")
            add_htmlcs(page)
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
    add_htmlcs(page)
    codes = [error["code"] for error in page.evaluate(RUN_HTMLCS)]
    assert any("H30.2" in code for code in codes), codes
    context.close()
