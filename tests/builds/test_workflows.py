"""The GitHub Actions workflows: they pass actionlint, run when they should, run the README's own: the
parts that build their own copy of the project (the rest, and what is checked and why:
tests/unit/test_workflows.py).

Layer: each test builds its own copy of the project.
"""

from __future__ import annotations

import re

from harness import build_site
from workflows_helpers import Head, preview_build_env, sitemap_addresses


def test_a_preview_build_is_noindex_and_stays_at_its_own_address(tmp_path):
    env = preview_build_env()
    preview = env["SITE_URL"]
    build = build_site(tmp_path / "site", env=env)
    assert build.returncode == 0, build.output
    pages = sorted(build.site.rglob("*.html"))
    assert len(pages) >= 2 * 9
    checked_addresses = 0
    for page in pages:
        head = Head(page.read_text(encoding="utf-8"))
        assert head.noindex, f"{page.relative_to(build.site)}: no robots noindex ({head.robots})"
        for address in head.addresses:
            assert address.startswith(preview), f"{page.relative_to(build.site)} points at {address}"
            checked_addresses += 1
    assert checked_addresses >= len(pages), "the pages have no canonical or language addresses to check"
    assert sitemap_addresses(build.site) and all(a.startswith(preview) for a in sitemap_addresses(build.site))
    robots = (build.site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Disallow: /" in robots and not any(line.startswith("Allow") for line in robots)
    # Only the live site at the root of the host names the custom domain.
    assert not (build.site / "CNAME").exists()
    # Staff reach each page's own source file from the preview's footer (the public site has no link).
    for output, source in (("hinnat/index.html", "hinnat.fi.md"), ("en/hinnat/index.html", "hinnat.en.md"),
                           ("toipumisorientaatio/yhteys/index.html", "toipumisorientaatio/yhteys.fi.md")):
        html = (build.site / output).read_text(encoding="utf-8")
        footer = html[html.index("<footer"):]
        edit = re.findall(r'<a href="([^"]+)" rel="edit">', footer)
        assert len(edit) == 1 and edit[0].endswith(f"/edit/main/docs/{source}"), f"{output}: {edit}"
