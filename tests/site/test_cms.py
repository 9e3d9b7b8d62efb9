"""The CMS at /admin/ (Sveltia CMS, admin/): its configuration covers every page and the price file,:
the parts read from the shared strict build (the rest, and what is checked and why:
tests/unit/test_cms.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from cms_helpers import NOTE


class Links(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.attrs.append((tag, dict(attrs)))


def test_admin_is_published_once_with_the_recorded_files(built_site):
    admin = built_site / "admin"
    assert (admin / "index.html").is_file() and (admin / "config.yml").is_file()
    assert not (built_site / "en/admin").exists()
    assert not (admin / "README.md").exists()
    for name, entry in NOTE["files"].items():
        assert hashlib.sha256((admin / name).read_bytes()).hexdigest() == entry["sha256"], name


def test_admin_page_is_noindex_finnish_and_loads_the_bundle_from_the_site(built_site):
    html = (built_site / "admin/index.html").read_text(encoding="utf-8")
    tags = Links(html).attrs
    assert ("html", {"lang": "fi"}) in tags
    robots = [attrs["content"] for tag, attrs in tags if tag == "meta" and attrs.get("name") == "robots"]
    assert robots and "noindex" in robots[0]
    scripts = [attrs["src"] for tag, attrs in tags if tag == "script" and "src" in attrs]
    assert scripts == ["sveltia-cms.js"]
    assert re.search(r"<noscript>\s*<p>Sivujen muokkaus tarvitsee JavaScriptin", html)


def test_admin_is_in_no_sitemap_search_index_or_menu(built_site):
    assert "/admin" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for index in (built_site / "search/search_index.json", built_site / "en/search/search_index.json"):
        locations = [doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
        assert locations and not [location for location in locations if "admin" in location.split("/")]
    pages = [path for path in built_site.rglob("*.html") if "admin" not in path.relative_to(built_site).parts]
    assert len(pages) >= 20
    for path in pages:
        hrefs = [attrs.get("href", "") for _, attrs in Links(path.read_text(encoding="utf-8")).attrs]
        assert not [href for href in hrefs if "admin/" in href or href.rstrip("/").endswith("admin")], path
