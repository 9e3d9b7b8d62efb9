"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide – 1280 px zoomed to 400 % – no page scrolls sideways.

Data tables may scroll inside their own box, which the criterion allows; the page itself may not.
"""

from __future__ import annotations

import pytest

from browsing import LANGUAGES, SLUGS


@pytest.fixture(scope="module")
def narrow_context(browser, built_site):
    from harness import serve_from

    context = browser.new_context(viewport={"width": 320, "height": 640})
    context.route("**/*", serve_from(built_site))
    yield context
    context.close()


def test_no_page_scrolls_sideways_at_320_px(narrow_context):
    from harness import SITE_ORIGIN

    page = narrow_context.new_page()
    too_wide = []
    for language, prefix in LANGUAGES.items():
        for slug in SLUGS:
            page.goto(f"{SITE_ORIGIN}/{prefix}{slug}", wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide.append(f"/{prefix}{slug}: {width} px")
    assert not too_wide, "pages wider than 320 px:\n" + "\n".join(too_wide)
