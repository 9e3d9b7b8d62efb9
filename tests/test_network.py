"""Loading every page in Chromium, as a first-time visitor: nothing from another origin, no failed
request, no console error, no cookie.

The site is served at its real origin (conftest), so a request anywhere else – a font, an analytics
script, GitHub's API for the repository widget – shows up here. Material fetches ``sitemap.xml``
relative to each language alternate for its language selector; hooks/seo.py writes one beside
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


def test_the_first_view_includes_search_and_the_language_sitemaps(loads):
    """The measurement waits for what the scripts fetch after the page has loaded."""
    for path, load in loads.items():
        fetched = {request.split("://", 1)[1].split("/", 1)[1] for request in load.requests}
        index = "en/search/search_index.json" if path.startswith("/en/") else "search/search_index.json"
        assert index in fetched, (path, sorted(fetched))
        assert any(name.endswith("sitemap.xml") for name in fetched), (path, sorted(fetched))
