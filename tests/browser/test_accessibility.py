"""Accessibility in a real browser: axe-core on every page in both languages, both colour schemes and
two widths, and the keyboard – skip link, visible focus, language selector, search, colour-scheme
toggle and the checklists – without a mouse. Headings: one h1 per page, no level skipped.

WCAG 2.2 AA is the floor for this site (shared/FACTS.md, accessibility).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import AXE_CONFIGS as CONFIGS, AXE_SCHEMES as SCHEMES, assert_axe_found_nothing, axe_config_id, axe_results
from browsing import (
    AXE_OPTIONS,
    hold_still,
    PATHS,
    SITE_ORIGIN,
    SKIP_LINK_TEXT,
    focus_problems,
    focus_state,
    language_of,
    new_context,
    open_page,
    path_of,
    describe,
    search_results,
    tab_until,
    wait_until_search_is_ready,
)

#: The Finnish pages' sweep is here; the English pages' is tests/browser/test_accessibility_en.py, so that
#: under xdist the two sweeps (about a minute each) run on both workers at once.
FINNISH = [path for path in PATHS if language_of(path) == "fi"]


@pytest.fixture(scope="module")
def axe_sweep(browser, built_site):
    """axe-core on every Finnish page in every configuration: {(scheme, width): {path: result}}."""
    return axe_results(browser, built_site, FINNISH)


@pytest.mark.parametrize("config", CONFIGS, ids=axe_config_id)
@pytest.mark.parametrize("path", FINNISH)
def test_axe_finds_no_violations(axe_sweep, config, path):
    assert_axe_found_nothing(axe_sweep[config][path], config, path)


# Material's overlays are checked open as well: axe skips what is off screen or hidden.
MENU_BUTTON = 'button[data-site-toggle="__drawer"]'
OVERLAYS = {
    "navigation drawer (section)": (375, "/toipumisorientaatio/yhteys/", [MENU_BUTTON]),
    "navigation drawer (top level)": (
        375, "/en/toipumisorientaatio/yhteys/",
        [MENU_BUTTON, ".md-nav--primary .md-nav__item--active > .md-nav > .md-nav__title"],
    ),
    "navigation drawer (services)": (375, "/hinnat/", [MENU_BUTTON]),
}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_axe_finds_no_violations_in_open_overlays(browser, built_site, scheme, overlay):
    width, path, clicks = OVERLAYS[overlay]
    context = new_context(browser, built_site, viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = open_page(context, path)
        for selector in clicks:
            page.click(selector)
        results = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        violations = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "url": v["helpUrl"],
             "nodes": [{"target": " ".join(n["target"]), "summary": n["failureSummary"]} for n in v["nodes"]]}
            for v in results
        ]
        assert not violations, describe(violations, f"{path} with the {overlay} open", (scheme, width))
    finally:
        context.close()


@pytest.mark.parametrize("scheme,width", [("light", 375), ("dark", 1280)])
def test_axe_finds_no_violations_in_search_results_and_language_menu(browser, built_site, scheme, width):
    context = new_context(browser, built_site, viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = open_page(context, "/")
        tab_until(page, "input.md-search__input")
        wait_until_search_is_ready(page)
        assert search_results(page, "valmennus")
        violations = Axe().run(page, context=".md-search", options=AXE_OPTIONS).response["violations"]
        # A search that finds nothing shows the contact buttons and the main pages (issue 21).
        assert search_results(page, "peruutuskäytäntö") == []
        page.wait_for_selector("[data-site-search-help]:not([hidden])")
        violations += Axe().run(page, context=".md-search", options=AXE_OPTIONS).response["violations"]
        page.keyboard.press("Escape")
        violations += Axe().run(page, context=".site-language", options=AXE_OPTIONS).response["violations"]
        described = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "url": v["helpUrl"],
             "nodes": [{"target": " ".join(n["target"]), "summary": n["failureSummary"]} for n in v["nodes"]]}
            for v in violations
        ]
        assert not described, describe(described, "/ (search results, no results, language switch)", (scheme, width))
    finally:
        context.close()


@pytest.mark.parametrize("path,width", [("/", 375), ("/en/toipumisorientaatio/yhteys/", 1280)])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(browser, built_site, path, width):
    context = new_context(browser, built_site, viewport={"width": width, "height": 800})
    try:
        page = open_page(context, path)
        page.keyboard.press("Tab")
        skip = page.evaluate(
            "() => { const e = document.activeElement; return {cls: e.className, text: e.textContent.trim(), href: e.getAttribute('href')}; }"
        )
        assert "md-skip" in skip["cls"], f"first Tab stop on {path} is not the skip link: {skip}"
        assert skip["text"] == SKIP_LINK_TEXT[language_of(path)]
        assert not focus_problems(focus_state(page)), focus_state(page)

        page.keyboard.press("Enter")
        target = skip["href"].lstrip("#")
        page.wait_for_function("(target) => location.hash === '#' + target", arg=target)
        assert page.evaluate(
            "(id) => document.getElementById(id).matches('.md-content h1')", target
        ), "the skip link should lead to the page's h1"
        page.keyboard.press("Tab")
        after = page.evaluate(
            """(id) => {
              const target = document.getElementById(id), focused = document.activeElement;
              return {follows: !!(target.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING),
                      outside: !!focused.closest('.md-header, .md-sidebar'), element: focused.outerHTML.slice(0, 100)};
            }""",
            target,
        )
        assert after["follows"] and not after["outside"], (
            f"after the skip link, Tab should continue in the content after the h1, not at {after['element']}"
        )
    finally:
        context.close()


FOCUS_WALKS = [
    ("/", "light", 375),
    ("/", "dark", 1280),
    ("/en/toipumisorientaatio/yhteys/", "dark", 375),
    ("/en/toipumisorientaatio/yhteys/", "light", 1280),
    ("/toipumisorientaatio/itsearviointi/", "light", 375),
    ("/en/hinnat/", "dark", 375),
]
TAB_STOPS = 30


@pytest.mark.parametrize("path,scheme,width", FOCUS_WALKS, ids=[f"{p}-{s}-{w}px" for p, s, w in FOCUS_WALKS])
def test_focus_is_always_visible(browser, built_site, path, scheme, width):
    """Each of the first Tab stops shows a focus ring of 3:1 or more, on screen, not covered."""
    context = new_context(browser, built_site, viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = open_page(context, path)
        failures = []
        for stop in range(1, TAB_STOPS + 1):
            page.keyboard.press("Tab")
            state = focus_state(page)
            if state is None:  # focus left the page: all stops seen
                break
            problems = focus_problems(state)
            for _ in range(3):  # Material opens some things (the search) a moment after focus arrives
                if not problems:
                    break
                page.wait_for_timeout(150)
                state = focus_state(page)
                problems = focus_problems(state) if state else []  # None: focus has left the page
            if problems:
                failures.append(f"  Tab stop {stop}: {state['element']} “{state['name']}”: {'; '.join(problems)}")
        assert not failures, f"focus not visible on {path} ({scheme}, {width} px):\n" + "\n".join(failures)
    finally:
        context.close()


def test_a_table_wider_than_the_screen_can_be_scrolled_from_the_keyboard(browser, built_site):
    """Tables become cards on phones (test_front_door.py); a table that still overflows its box, such
    as a wide one on a tablet, must be reachable from the keyboard. One is added to a real page."""
    context = new_context(browser, built_site, viewport={"width": 700, "height": 800})
    try:
        page = open_page(context, "/palveluehdot/")
        page.evaluate(
            """() => {
              const wrap = document.createElement('div');
              wrap.className = 'md-typeset__scrollwrap';
              wrap.innerHTML = '<div class="md-typeset__table"><table><caption>Leveä taulukko</caption>'
                + '<tbody><tr><td>x</td></tr></tbody></table></div>';
              wrap.querySelector('td').style.minWidth = '1200px';  // not a style attribute: the policy blocks those
              document.querySelector('article h1').after(wrap);
              window.dispatchEvent(new Event('resize'));
            }"""
        )
        page.wait_for_function("() => document.querySelector('.md-typeset__scrollwrap').tabIndex === 0")
        tab_until(page, ".md-typeset__scrollwrap")
        state = focus_state(page)
        assert not focus_problems(state), state
        region = page.evaluate(
            "() => { const e = document.activeElement; return {role: e.getAttribute('role'), name: e.getAttribute('aria-label'),"
            " caption: e.querySelector('caption').textContent.trim()}; }"
        )
        assert region["role"] == "region" and region["name"] == region["caption"]
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    finally:
        context.close()


@pytest.mark.parametrize(
    "path,width",
    [("/", 375), ("/en/toipumisorientaatio/itsearviointi/", 1280)],
)
def test_language_selector_works_from_the_keyboard(browser, built_site, path, width):
    language = language_of(path)
    other = "en" if language == "fi" else "fi"
    slug = path[len("/en/"):] if language == "en" else path[1:]
    context = new_context(browser, built_site, viewport={"width": width, "height": 800})
    try:
        page = open_page(context, path)
        tab_until(page, f".site-language__link[hreflang='{other}']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == SITE_ORIGIN + path_of(other, slug)
        assert page.get_attribute("html", "lang") == other
    finally:
        context.close()


@pytest.mark.parametrize(
    "path,query,arrow,expected,width",
    [
        ("/", "irtisanomisaika", True, "/palveluehdot/", 375),
        ("/en/", "notice period", False, "/en/palveluehdot/", 1280),
    ],
)
def test_search_works_from_the_keyboard(browser, built_site, width, path, query, arrow, expected):
    context = new_context(browser, built_site, viewport={"width": width, "height": 800})
    try:
        page = open_page(context, path)
        tab_until(page, "input.md-search__input")
        page.wait_for_function("() => document.getElementById('__search').checked")
        wait_until_search_is_ready(page)
        found = search_results(page, query)
        assert expected in found, f"“{query}” on {path}: {found}"
        if arrow:  # the arrow keys move into the results; Enter follows the focused one
            page.keyboard.press("ArrowDown")
            assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
            assert not focus_problems(focus_state(page)), focus_state(page)
        with page.expect_navigation():
            page.keyboard.press("Enter")  # in the search box, Enter opens the first result
        assert page.url.split("?")[0].split("#")[0] == SITE_ORIGIN + found[0]
    finally:
        context.close()


@pytest.mark.parametrize("scheme,width", [("light", 375), ("dark", 1280)])
def test_colour_scheme_toggle_works_from_the_keyboard(browser, built_site, scheme, width):
    context = new_context(browser, built_site, viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = open_page(context, "/maksajille/")
        current = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
        other = {"default": "slate", "slate": "default"}
        start = current()
        assert start == SCHEMES[scheme]
        tab_until(page, "input.md-option")
        assert not focus_problems(focus_state(page)), focus_state(page)
        for key, expected in [("Enter", other[start]), ("Space", start), ("Space", other[start]), ("Enter", start)]:
            page.keyboard.press(key)
            page.wait_for_function("(scheme) => document.body.getAttribute('data-md-color-scheme') === scheme", arg=expected)
            assert page.evaluate("document.activeElement.matches('input.md-option')"), f"{key} moved focus away"
            assert not focus_problems(focus_state(page)), (key, focus_state(page))
    finally:
        context.close()


def test_the_colour_scheme_is_set_before_anything_is_drawn(built_site):
    """partials/colour-scheme.html runs before the header: a page that arrives slowly is never drawn in
    the light scheme first for a visitor in the dark one (the toggle's script, inside the header, came
    3.7 KB later and let a light frame through in the review)."""
    for page in ("index.html", "en/hinnat/index.html", "404.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        body, scheme, header = html.index("<body"), html.index('document.body.setAttribute("data-md-color-"'), html.index("<header")
        assert body < scheme < header and scheme - body < 1500, (page, scheme - body, header - body)


def test_the_colour_scheme_follows_the_system_until_the_visitor_chooses_one(browser, built_site):
    """partials/palette.html: before any touch (Material's script not loaded) and after a choice."""
    context = new_context(browser, built_site, viewport={"width": 375, "height": 800}, color_scheme="light")
    try:
        page = open_page(context, "/en/hinnat/")
        state = lambda: page.evaluate(  # noqa: E731
            "() => [document.body.getAttribute('data-md-color-scheme'), document.querySelector('[data-site-palette] label:not([hidden])').htmlFor,"
            " document.querySelector('meta[name=color-scheme]').content, !!window.document$]"
        )
        assert state() == ["default", "__palette_1", "light", False]
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        assert state() == ["slate", "__palette_0", "dark", False]
        page.click("[data-site-palette] label:not([hidden])")
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
        page.emulate_media(color_scheme="light")
        page.emulate_media(color_scheme="dark")
        page.reload()
        assert state()[:3] == ["default", "__palette_1", "light"], "the visitor's choice is kept over the system's"
    finally:
        context.close()


@pytest.mark.parametrize("language", ["fi"])
def test_checklists_work_from_the_keyboard(browser, built_site, language):
    context = new_context(browser, built_site, viewport={"width": 1280, "height": 800})
    try:
        page = open_page(context, path_of(language, "toipumisorientaatio/itsearviointi/"))
        tab_until(page, ".checklist input[type=checkbox]", limit=80)
        checked = lambda: page.evaluate("document.activeElement.checked")  # noqa: E731
        assert not checked()
        assert not focus_problems(focus_state(page)), focus_state(page)
        page.keyboard.press("Space")
        assert checked()
        page.keyboard.press("Space")
        assert not checked()
        page.keyboard.press("Space")
        tab_until(page, ".checklist-clear", limit=40)
        page.keyboard.press("Enter")
        assert page.evaluate(
            "() => [...document.activeElement.closest('.checklist').querySelectorAll('input[type=checkbox]')].every(box => !box.checked)"
        ), "the clear button should clear the list from the keyboard"
    finally:
        context.close()
