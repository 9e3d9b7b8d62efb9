"""What search engines and link previews read: language alternates, canonical address, description: the
parts that need Chromium (the rest, and what is checked and why: tests/site/test_seo.py).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import pytest

from browsing import SITE_ORIGIN, new_context, open_page, path_of


def test_404_page_works_at_any_depth_and_its_search_link_opens_search(browser, built_site):
    context = new_context(browser, built_site, viewport={"width": 1280, "height": 800})
    failed = []
    context.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {urlpath(r.url)}"))
    try:
        page = context.new_page()
        response = page.goto(SITE_ORIGIN + "/en/no/such/page/", wait_until="load")
        assert response.status == 404
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", (
            "the 404 page's stylesheets did not load at a nested address"
        )
        page.wait_for_load_state("networkidle")
        assert failed == ["404 /en/no/such/page/"], failed
        with page.expect_navigation():
            page.click("section[lang=en] a[href$='?q=']")
        page.wait_for_function("() => document.getElementById('__search').checked")
    finally:
        context.close()


def urlpath(url: str) -> str:
    return url[len(SITE_ORIGIN):] if url.startswith(SITE_ORIGIN) else url


@pytest.mark.parametrize(
    "path,width",
    [("/", 1280), ("/en/", 375), ("/toipumisorientaatio/yhteys/", 375), ("/en/toipumisorientaatio/yhteys/", 1280)],
)
def test_clicking_the_other_language_opens_the_same_page(browser, built_site, path, width):
    language = "en" if path.startswith("/en/") else "fi"
    other = "fi" if language == "en" else "en"
    slug = path[len("/en/"):] if language == "en" else path[1:]
    context = new_context(browser, built_site, viewport={"width": width, "height": 800})
    try:
        page = open_page(context, path)
        with page.expect_navigation():
            page.click(f".site-language__link[hreflang={other}]")
        assert page.url == SITE_ORIGIN + path_of(other, slug)
        assert page.get_attribute("html", "lang") == other
    finally:
        context.close()
