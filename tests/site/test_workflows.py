"""The GitHub Actions workflows: they pass actionlint, run when they should, run the README's own: the
parts read from the shared strict build (the rest, and what is checked and why:
tests/unit/test_workflows.py).

Layer: the shared strict build.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from website import seo
from harness import SITE_URL
from workflows_helpers import Head, sitemap_addresses


def test_the_live_build_keeps_previews_out_of_search_engines_and_is_indexable(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Disallow: /{seo.PREVIEW_FOLDER}/" in robots
    assert "Disallow: /" not in robots
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in robots
    # Every page offered to search engines may be indexed.
    addresses = sitemap_addresses(built_site)
    assert addresses
    for address in addresses:
        assert address.startswith(SITE_URL + "/")
        path = urlsplit(address).path.removeprefix(urlsplit(SITE_URL).path.rstrip("/"))
        page = built_site / path.lstrip("/") / "index.html"
        assert not Head(page.read_text(encoding="utf-8")).noindex, f"{address} is marked noindex"
    assert (built_site / "CNAME").read_text(encoding="utf-8") == urlsplit(SITE_URL).hostname + "\n"
    assert (built_site / ".nojekyll").is_file()
