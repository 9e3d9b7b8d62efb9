"""Loading every page in Chromium, as a first-time visitor: nothing from another origin, no failed
request, no console error, no cookie.

The site is served at its real origin (conftest), so a request anywhere else – a font, an analytics
script, GitHub's API for the repository widget – shows up here. Material fetches ``sitemap.xml``
relative to each language alternate for its language selector; hooks/website/seo.py writes one beside
every page so those requests succeed.
"""

from __future__ import annotations

import pytest

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


def test_the_first_view_waits_for_search_but_fetches_the_language_sitemaps(loads):
    """Search loads only when opened (overrides/main.html); the measurement waits for late fetches."""
    for path, load in loads.items():
        fetched = {request.split("://", 1)[1].split("/", 1)[1] for request in load.requests}
        assert not any("search_index" in name or "/workers/search." in name for name in fetched), (path, sorted(fetched))
        assert any(name.endswith("sitemap.xml") for name in fetched), (path, sorted(fetched))


@pytest.mark.parametrize("path, index", [("/hinnat/", "/search/search_index.json"), ("/en/hinnat/", "/en/search/search_index.json")])
def test_opening_search_loads_the_pages_own_index(site_page, path, index):
    page = site_page(path)
    with page.expect_response(lambda response: response.url.endswith(index) and response.ok):
        page.focus("input.md-search__input")
    page.wait_for_function("document.querySelector('.md-search-result__meta') !== null")
    assert not page.traffic.failed and not page.traffic.console_errors
