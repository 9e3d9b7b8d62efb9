"""Language alternates for search engines and for the language selector.

Every page exists in both languages under the same slug (Finnish at ``/slug/``, English at
``/en/slug/``), so a page's counterpart is found from its address alone. This module gives each page its
alternates (``page_alternates`` in the templates), writes ``sitemap.xml`` with both languages and
``x-default``, a ``robots.txt`` that names it, and a small sitemap beside every page: Material's
language selector fetches ``sitemap.xml`` relative to each ``<link rel="alternate">``, and without
those files every page view made requests that ended in 404.

Pull requests' previews live under ``pr-preview/`` of the same host (.github/workflows/pr.yml) and are
kept out of search engines twice: the live robots.txt disallows that folder, and a preview build
(``SITE_NOINDEX=1``) puts ``<meta name="robots" content="noindex">`` on every page and writes a
robots.txt that disallows everything.
"""

from __future__ import annotations

import gzip
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from .pages import DEFAULT, LANGUAGES, LOCALES, split_url_path, url_path

#: Open Graph wants the locales as fi_FI and en_GB, as Babel has them.
OG_LOCALES = LOCALES
#: Each language's name in itself, as the language selector shows it.
LANGUAGE_NAMES = {"fi": "Suomi", "en": "English"}
#: The folder of the pull requests' previews on the published site (`umbrella-dir` in pr.yml).
PREVIEW_FOLDER = "pr-preview"
#: The environment variable that marks a build as a preview, and the values that switch it on.
NOINDEX_VARIABLE = "SITE_NOINDEX"
NOINDEX_META = '<meta name="robots" content="noindex">'
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
ROBOTS_META = re.compile(r"<meta\b[^>]*\bname=[\"']?robots\b", re.IGNORECASE)


@dataclass(frozen=True)
class Alternate:
    language: str
    name: str
    path: str  # site-relative, as MkDocs writes page URLs: "" or "en/maksajille/"
    url: str  # absolute, from site_url


def language_of(page_url: str) -> str:
    return split_url_path(page_url)[0]


def slug_of(page_url: str) -> str:
    return split_url_path(page_url)[1]


def alternates(page_url: str, site_url: str) -> list[Alternate]:
    """The page in every language, the default language first."""
    slug = slug_of(page_url)
    base = site_url.rstrip("/") + "/"
    return [
        Alternate(language, LANGUAGE_NAMES[language], url_path(slug, language), base + url_path(slug, language))
        for language in LANGUAGES
    ]


def sitemap_entry(slug: str, site_url: str, language: str) -> str:
    versions = alternates(slug, site_url)
    own = next(version for version in versions if version.language == language)
    default = next(version for version in versions if version.language == DEFAULT)
    links = [
        f'    <xhtml:link rel="alternate" hreflang="{version.language}" href={quoteattr(version.url)}/>'
        for version in versions
    ]
    links.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(default.url)}/>')
    return f"  <url>\n    <loc>{own.url}</loc>\n" + "\n".join(links) + "\n  </url>"


def sitemap(entries: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n"
    )


def robots_txt(site_url: str, *, noindex: bool = False) -> str:
    """The live site: everything but the previews, and the sitemap. A preview: nothing at all."""
    if noindex:
        return "User-agent: *\nDisallow: /\n"
    previews = urlsplit(site_url).path.rstrip("/") + f"/{PREVIEW_FOLDER}/"
    return f"User-agent: *\nAllow: /\nDisallow: {previews}\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def noindex_requested(environ) -> bool:
    return environ.get(NOINDEX_VARIABLE, "").strip().lower() in {"1", "true", "yes"}


def with_noindex(html: str) -> str:
    """The page with a robots noindex meta element first in its head (unchanged if it has one)."""
    if ROBOTS_META.search(html):
        return html
    return HEAD.sub(lambda match: match[0] + NOINDEX_META, html, count=1)


def write_sitemaps(site_dir: Path, slugs: list[str], site_url: str, *, noindex: bool = False) -> None:
    entries = {
        (slug, language): sitemap_entry(slug, site_url, language) for slug in slugs for language in LANGUAGES
    }
    full = sitemap(list(entries.values()))
    (site_dir / "sitemap.xml").write_text(full, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(full.encode("utf-8"), mtime=0))
    for (slug, language), entry in entries.items():
        folder = site_dir / url_path(slug, language)
        if folder != site_dir:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "sitemap.xml").write_text(sitemap([entry]), encoding="utf-8")
    (site_dir / "robots.txt").write_text(robots_txt(site_url, noindex=noindex), encoding="utf-8")


def page_context(page_url: str, site_url: str) -> dict:
    """What the templates need to know about a page's language and its other language."""
    return {
        "page_alternates": alternates(page_url, site_url),
        "page_language": language_of(page_url),
        "page_is_home": slug_of(page_url) == "",
        "og_locales": OG_LOCALES,
    }
