"""Every page's first view in Chromium, as a first-time visitor, measured once and read by two kinds of
check (one module, so that the pages are loaded once: two modules loaded them twice under xdist):

- the network: nothing from another origin, no failed request, no console error, no cookie. The site
  is served at its real origin (conftest), so a request anywhere else – a font, an analytics script,
  GitHub's API for the repository widget – shows up here. Material fetches ``sitemap.xml`` relative
  to each language alternate for its language selector; hooks/website/seo.py writes one beside every
  page so those requests succeed;
- the page weight: the first view of every page within the budget of scripts/budget.py
  (``python3 scripts/dev.py budget`` prints the figures and the build time).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import pytest

import budget
from browsing import PATHS, first_views


@pytest.fixture(scope="module")
def loads(browser, built_site):
    return first_views(browser, built_site)


@pytest.mark.parametrize("path", PATHS)
def test_a_first_view_stays_on_the_site_and_fails_nothing(loads, path):
    load = loads[path]
    assert load.requests, f"{path}: nothing was requested"
    assert not load.foreign, f"{path} asked another origin for: {load.foreign}"
    assert not load.failed, f"{path}: failed requests: {load.failed}"
    assert not load.console_errors, f"{path}: console errors: {load.console_errors}"
    assert not load.cookies, f"{path} set cookies: {load.cookies}"


def test_the_first_view_waits_for_materials_script_and_search(loads):
    """Material's script loads at the first touch, search when it is opened (overrides/main.html)."""
    for path, load in loads.items():
        fetched = {request.split("://", 1)[1].split("/", 1)[1] for request in load.requests}
        assert not any("/bundle." in name for name in fetched), (path, sorted(fetched))
        assert not any("search_index" in name or "/workers/search." in name for name in fetched), (path, sorted(fetched))
        assert not any(name.endswith("sitemap.xml") for name in fetched), (path, sorted(fetched))


@pytest.mark.parametrize("path, touch", [("/", "pointerdown"), ("/en/hinnat/", "scroll"), ("/palveluehdot/", "keydown")])
@pytest.mark.parametrize("width", [360, 1366])
def test_the_first_touch_starts_materials_script_and_nothing_moves(site_page, path, touch, width):
    page = site_page(path, viewport={"width": width, "height": 800})
    page.wait_for_timeout(300)  # transitions of the first paint (the drawer's) come to rest
    # Where everything visible is (an element with no area – an empty search result list – draws nothing).
    boxes = """() => [...document.querySelectorAll('.md-header *, .md-content *')]
      .map((e) => e.getBoundingClientRect()).filter((box) => box.width * box.height > 0).map((box) => JSON.stringify(box))"""
    header = "() => document.querySelector('.md-header').className"
    before, header_before = page.evaluate(boxes), page.evaluate(header)
    assert not page.evaluate("() => !!window.document$")
    with page.expect_response(lambda response: "/assets/javascripts/bundle." in response.url and response.ok):
        page.evaluate("(type) => window.dispatchEvent(new Event(type))", touch)
    page.wait_for_function("() => !!window.document$")
    # Material has started and wrapped the tables again (the build wrote them wrapped): once each.
    assert page.evaluate(boxes) == before
    assert page.evaluate(header) == header_before, "the header's shadow changed as Material started"
    assert page.evaluate("() => document.querySelectorAll('.md-typeset__scrollwrap .md-typeset__scrollwrap').length") == 0
    assert not any("search_index" in url for url in page.traffic.requests)
    assert not page.traffic.failed and not page.traffic.console_errors


def test_the_key_that_loads_materials_script_is_not_lost(site_page):
    """'s' opens search at once, before Material's keyboard handling exists; what follows is typed
    into the field; Escape closes search again."""
    page = site_page("/hinnat/", viewport={"width": 1366, "height": 768})
    page.keyboard.press("s")
    assert page.evaluate("() => document.getElementById('__search').checked")
    page.keyboard.type("hinta")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert page.input_value("input.md-search__input") == "hinta"
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")


def test_escape_closes_search_while_materials_script_is_on_its_way(site_page):
    page = site_page("/en/", viewport={"width": 360, "height": 740})
    page.route("**/assets/javascripts/bundle.*", lambda route: None)  # held: a slow connection
    page.click('[data-site-toggle="__search"]')
    assert page.evaluate("() => document.getElementById('__search').checked && !window.document$")
    page.keyboard.press("Escape")
    assert page.evaluate("() => !document.getElementById('__search').checked")
    page.wait_for_function("() => document.activeElement.matches('[data-site-toggle=\"__search\"]')")


@pytest.mark.parametrize("path, index", [("/hinnat/", "/search/search_index.json"), ("/en/hinnat/", "/en/search/search_index.json")])
def test_opening_search_loads_the_pages_own_index(site_page, path, index):
    page = site_page(path)
    with page.expect_response(lambda response: response.url.endswith(index) and response.ok):
        page.focus("input.md-search__input")
    page.wait_for_function("document.querySelector('.md-search-result__meta') !== null")
    assert not page.traffic.failed and not page.traffic.console_errors


# --------------------------------------------------------------------------- the page weight

LIMIT = budget.BUDGET_GZIP_BYTES


def test_every_first_view_is_within_the_byte_budget(loads):
    over = []
    for path in PATHS:
        load = loads[path]
        if load.gzip > LIMIT:
            heaviest = sorted(load.responses, key=lambda response: -response.gzip)[:4]
            detail = ", ".join(f"{response.url.rsplit('/', 1)[-1] or 'page'} {response.gzip / 1024:.1f}" for response in heaviest)
            over.append(f"  {path}: {load.gzip / 1024:.1f} KiB gzip, {len(load.responses)} requests (heaviest: {detail})")
    assert not over, f"{len(over)} page(s) over the {LIMIT / 1024:.0f} KiB gzip budget on first view:\n" + "\n".join(over)


def test_the_measurement_counts_every_kind_of_response(loads):
    # The home page loads no script file on its first view; the prices page loads the estimator's.
    for path, kinds in (("/", ("html", "css", "image")), ("/hinnat/", ("html", "css", "js", "image"))):
        load = loads[path]
        for kind in kinds:
            assert load.by_kind()[kind][0] > 0, (path, kind, load.by_kind())
        assert load.gzip == sum(response.gzip for response in load.responses)
        assert all(0 < response.gzip for response in load.responses if response.raw)


def test_the_report_prints_every_page(loads, capsys):
    budget.report(list(loads.values()), verbose=False)
    printed = capsys.readouterr().out
    assert all(f"\n{path} " in printed for path in PATHS)
    assert "Heaviest first view" in printed
