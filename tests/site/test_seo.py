"""What search engines and link previews read: language alternates, canonical address, description
and Open Graph data on every page, the sitemap, robots.txt and the bilingual 404 page; and, in
Chromium, that the language selector leads to the same page in the other language.

Layer: the shared strict build.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import pytest
import yaml

from browsing import LANGUAGES, SLUGS, SITE_URL, path_of
from harness import ROOT

DOCS = ROOT / "docs"
OG_LOCALES = {"fi": "fi_FI", "en": "en_GB"}
PAGES = [(language, slug) for language in LANGUAGES for slug in SLUGS]


class Head(HTMLParser):
    """The <html lang>, <link> and <meta> elements of a page, and its <title>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.links: list[dict] = []
        self.meta: list[dict] = []
        self.anchors: list[dict] = []
        self.title = ""
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.meta.append(attrs)
        elif tag == "a":
            self.anchors.append(attrs)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def meta_content(self, **match) -> list[str]:
        return [m.get("content") for m in self.meta if all(m.get(k) == v for k, v in match.items())]


def url_of(language: str, slug: str) -> str:
    return SITE_URL + path_of(language, slug)


def source_of(language: str, slug: str):
    stem = "index" if slug == "" else slug.rstrip("/")
    for candidate in (DOCS / f"{stem}.{language}.md", DOCS / stem / f"index.{language}.md"):
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no source for {language} {slug!r}")


def front_matter(language: str, slug: str) -> dict:
    text = source_of(language, slug).read_text(encoding="utf-8")
    assert text.startswith("---"), f"{source_of(language, slug)} has no front matter"
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def head_of(built_site, language: str, slug: str) -> Head:
    return Head((built_site / LANGUAGES[language] / slug / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language,slug", PAGES)
def test_alternates_and_canonical(built_site, language, slug):
    head = head_of(built_site, language, slug)
    alternates = {link["hreflang"]: link["href"] for link in head.links if link.get("rel") == "alternate" and link.get("hreflang")}
    assert alternates == {"fi": url_of("fi", slug), "en": url_of("en", slug), "x-default": url_of("fi", slug)}
    assert all(href.startswith("https://") for href in alternates.values())
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == [url_of(language, slug)]
    assert head.lang == language


@pytest.mark.parametrize("language,slug", PAGES)
def test_description_and_open_graph(built_site, language, slug):
    head = head_of(built_site, language, slug)
    expected = " ".join(str(front_matter(language, slug)["description"]).split())
    assert head.meta_content(name="description") == [expected]
    assert head.meta_content(property="og:description") == [expected]
    assert head.meta_content(property="og:locale") == [OG_LOCALES[language]]
    assert head.meta_content(**{"property": "og:locale:alternate"}) == [
        locale for other, locale in OG_LOCALES.items() if other != language
    ]
    assert head.meta_content(property="og:url") == [url_of(language, slug)]
    (og_title,) = head.meta_content(property="og:title")
    assert og_title and og_title in head.title, (og_title, head.title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_own_description(built_site, language):
    descriptions = {slug: head_of(built_site, language, slug).meta_content(name="description")[0] for slug in SLUGS}
    repeated = {d for d in descriptions.values() if list(descriptions.values()).count(d) > 1}
    assert not repeated, f"{language}: the same description on several pages: {repeated}"


@pytest.mark.parametrize("slug", SLUGS)
def test_descriptions_differ_between_languages(built_site, slug):
    finnish = head_of(built_site, "fi", slug).meta_content(name="description")[0]
    english = head_of(built_site, "en", slug).meta_content(name="description")[0]
    assert finnish != english, f"{slug!r}: the English page has the Finnish description"


def test_sitemap_lists_every_page_with_both_languages(built_site):
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(built_site / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=namespaces): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", namespaces)
        }
        for url in root.findall("s:url", namespaces)
    }
    for language, slug in PAGES:
        assert entries.get(url_of(language, slug)) == {
            "fi": url_of("fi", slug), "en": url_of("en", slug), "x-default": url_of("fi", slug)
        }, url_of(language, slug)
    assert len(entries) == len(PAGES)


def test_robots_txt_names_the_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in robots.splitlines()


def test_root_404_page_is_bilingual(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    head = Head(html)
    assert head.lang == "fi"
    assert '<section lang="fi"' in html and '<section lang="en"' in html
    assert '<span lang="en">' in html
    hrefs = {anchor.get("href") for anchor in head.anchors}
    assert {f"{SITE_URL}/", f"{SITE_URL}/en/", f"{SITE_URL}/?q=", f"{SITE_URL}/en/?q="} <= hrefs
