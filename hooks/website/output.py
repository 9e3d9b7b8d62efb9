"""What the build writes besides the pages, and how the written site replaces the last good one.

- **Keep the last good site.** ``mkdocs build`` empties the output folder before it renders the pages,
  so a mistake found while rendering would leave a half-written or empty site. The build writes into
  a staging folder beside the real one (``staging_dir``), and ``publish`` swaps it in only when the
  whole build, both languages, has succeeded. ``mkdocs serve`` builds into a temporary folder of its
  own and is left alone.
- **GitHub Pages' files.** The site is published from the ``gh-pages`` branch, so that the pull
  requests' previews under ``pr-preview/`` and the live site share one Pages site. Pages reads two
  files at the branch's root: ``CNAME``, the custom domain (with a branch source GitHub keeps it in
  this file, so each build writes it from ``site_url``; only a site at the root of its own host gets
  one), and ``.nojekyll`` (without it Pages runs the branch through Jekyll, which drops files whose
  names start with ``_``).
- **The CMS.** ``admin/`` at the project root becomes ``/admin/``: Sveltia CMS, its page and its
  configuration (see scripts/update_cms.py). It is kept out of ``docs/``, the staff's page folder, on
  purpose: there every Markdown file is a page, and the i18n plugin would decide per language whether
  to copy it. Copied after the build, it is published once, at ``/admin/`` only, and no page, menu,
  sitemap or search index knows of it. ``README.md`` (notes for developers) stays out.
- **One bilingual 404 page.** Static hosts serve the root ``404.html`` for every missing address. The
  i18n plugin renders the 404 template once per language into the same file; the default language's
  rendering is kept (its body is bilingual, see ``overrides/404.html``).
- **Search in the page's own language.** The i18n plugin writes one search index for both languages;
  ``split_index`` makes one per language: ``search/search_index.json`` keeps the Finnish pages, with
  Finnish stop words, and ``en/search/search_index.json`` the English ones (``overrides/main.html``
  points the English pages at their own index).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from .pages import DEFAULT, LANGUAGES, prefix

STAGING_SUFFIX = ".building"
PREVIOUS_SUFFIX = ".previous"
ADMIN_FOLDER = "admin"
ADMIN_NOT_PUBLISHED = ("README.md",)
ADMIN_PAGE = "index.html"
NOT_FOUND_PAGE = "404.html"
INDEX = Path("search") / "search_index.json"


# --------------------------------------------------------------------------- the last good site


def staging_dir(site_dir: str | Path) -> Path:
    site = Path(site_dir)
    return site.with_name(site.name + STAGING_SUFFIX)


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def publish(staging: Path, site: Path) -> None:
    """Replace ``site`` with ``staging`` in two renames, so the site is never half-written."""
    previous = site.with_name(site.name + PREVIOUS_SUFFIX)
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)


# --------------------------------------------------------------------------- GitHub Pages


def cname_for(site_url: str) -> str | None:
    """The custom domain to publish ``site_url`` at, or None where a CNAME file would be wrong."""
    address = urlsplit(site_url)
    host = (address.hostname or "").lower()
    if address.scheme != "https" or address.path not in {"", "/"} or "." not in host:
        return None
    if host.endswith(".github.io"):
        return None
    return host


def write_pages_files(site_dir: Path, site_url: str) -> None:
    (site_dir / ".nojekyll").write_text("", encoding="utf-8")
    domain = cname_for(site_url)
    if domain:
        (site_dir / "CNAME").write_text(domain + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- the CMS


def publish_admin(project_dir: Path, site_dir: Path, page=lambda html: html) -> None:
    """Copies ``admin/`` to the site; its page, ``index.html``, goes through ``page`` (its security
    policy, website.security)."""
    source = project_dir / ADMIN_FOLDER
    if source.is_dir():
        shutil.copytree(
            source, site_dir / ADMIN_FOLDER, ignore=shutil.ignore_patterns(*ADMIN_NOT_PUBLISHED), dirs_exist_ok=True
        )
        index = site_dir / ADMIN_FOLDER / ADMIN_PAGE
        if index.is_file():
            index.write_text(page(index.read_text(encoding="utf-8")), encoding="utf-8")



# --------------------------------------------------------------------------- search


def split_index(index: dict) -> dict[str, dict]:
    """One index per language; English locations become relative to ``en/``."""
    others = [language for language in LANGUAGES if language != DEFAULT]
    by_language: dict[str, list] = {language: [] for language in LANGUAGES}
    for doc in index["docs"]:
        location = doc["location"]
        language = next((other for other in others if location.startswith(prefix(other))), DEFAULT)
        by_language[language].append({**doc, "location": location[len(prefix(language)) :]})
    return {
        language: {**index, "config": {**index["config"], "lang": [language]}, "docs": docs}
        for language, docs in by_language.items()
    }


def index_path(site_dir: Path, language: str) -> Path:
    return site_dir / prefix(language) / INDEX


def split_search_index(site_dir: Path, prepare: Callable[[dict], dict] = lambda index: index) -> None:
    """``prepare`` changes the combined index first (the ranking fields of ``website.search``)."""
    combined = index_path(site_dir, DEFAULT)
    if not combined.exists():
        return
    for language, index in split_index(prepare(json.loads(combined.read_text(encoding="utf-8")))).items():
        target = index_path(site_dir, language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
