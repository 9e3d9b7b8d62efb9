"""The site's pages and languages: the one place that knows how a page's file name is made.

Every page exists twice, ``docs/<stem>.fi.md`` and ``docs/<stem>.en.md``. Finnish is the default
language and lives at the root of the site (``/hinnat/``), English under ``/en/`` (``/en/hinnat/``);
both share the slug made from the stem. ``tests/unit/test_pages.py`` pins ``LANGUAGES`` and
``DEFAULT`` to the i18n languages of ``mkdocs.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("fi", "en")
DEFAULT = "fi"
#: How each language is named in a message for the staff: (Finnish adjective, Finnish partitive, English).
LANGUAGE_NAMES = {
    "fi": ("suomenkielinen", "suomenkielistä", "Finnish"),
    "en": ("englanninkielinen", "englanninkielistä", "English"),
}
#: Babel's locale of each language: Finnish as in Finland, English as in the United Kingdom.
LOCALES = {"fi": "fi_FI", "en": "en_GB"}

_PAGE_FILE = re.compile(r"^(?P<stem>.+)\.(?P<language>[A-Za-z]{2})\.md$")


@dataclass(frozen=True)
class PageName:
    """A page file's name, relative to ``docs/``: ``toipumisorientaatio/yhteys.en.md``."""

    stem: str  # "toipumisorientaatio/yhteys"
    language: str  # "en", as written (a capital "EN" is a staff mistake that checks report)

    @classmethod
    def parse(cls, path: str) -> PageName | None:
        """The stem and language of a page file, or None where the name has no language part."""
        match = _PAGE_FILE.match(path)
        return cls(match["stem"], match["language"]) if match else None

    @property
    def known_language(self) -> bool:
        return self.language in LANGUAGES

    @property
    def source(self) -> str:
        return f"{self.stem}.{self.language}.md"

    @property
    def link_name(self) -> str:
        """How links and the menu name the page: without the language part (``hinnat.md``)."""
        return f"{self.stem}.md"

    @property
    def slug(self) -> str:
        return slug(self.stem)

    def in_language(self, language: str) -> PageName:
        return PageName(self.stem, language)


def language_of(src_uri: str) -> str:
    """The language of a page from its file name; a name without a known language part is Finnish."""
    name = PageName.parse(src_uri)
    return name.language if name and name.known_language else DEFAULT


def slug(stem: str) -> str:
    """The page's address below its language's root: ``""``, ``hinnat/``, ``toipumisorientaatio/``."""
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def prefix(language: str) -> str:
    """The folder of a language in the site: ``""`` for Finnish, ``"en/"`` for English."""
    return "" if language == DEFAULT else f"{language}/"


def url_path(page_slug: str, language: str) -> str:
    """A page's path in the site, without the leading slash: ``en/hinnat/``."""
    return prefix(language) + page_slug


def split_url_path(path: str) -> tuple[str, str]:
    """(language, slug) of a site path such as ``en/hinnat/`` (as MkDocs gives ``page.url``)."""
    first = path.lstrip("/").split("/", 1)[0]
    if first in LANGUAGES and first != DEFAULT:
        return first, path.lstrip("/")[len(first) + 1 :]
    return DEFAULT, path.lstrip("/")


@dataclass(frozen=True)
class Source:
    """One page file as read once per build: its path under ``docs/`` and its text."""

    path: str  # relative to docs/, as MkDocs' src_uri
    text: str

    @property
    def name(self) -> PageName | None:
        return PageName.parse(self.path)

    @property
    def file(self) -> str:
        """As the staff see it in the repository: ``docs/hinnat.fi.md``."""
        return f"docs/{self.path}"

    @property
    def language(self) -> str:
        return language_of(self.path)


def read_sources(docs_dir: str | Path) -> tuple[Source, ...]:
    """Every Markdown file under ``docs_dir``, in a stable order, read once."""
    docs = Path(docs_dir)
    return tuple(
        Source(path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(docs.rglob("*.md"))
    )


def pairs(paths: list[str] | tuple[str, ...]) -> dict[str, set[str]]:
    """The languages each page stem exists in, from file names with a known language part."""
    found: dict[str, set[str]] = {}
    for path in paths:
        name = PageName.parse(path)
        if name and name.known_language:
            found.setdefault(name.stem, set()).add(name.language)
    return found


def slugs(paths: list[str] | tuple[str, ...]) -> list[str]:
    """Every page's slug, once for both languages, sorted."""
    return sorted({slug(stem) for stem in pairs(paths)})


def link_names(paths: list[str] | tuple[str, ...]) -> list[str]:
    """The pages as links name them: ``hinnat.fi.md`` and ``hinnat.en.md`` are both ``hinnat.md``."""
    return sorted(f"{stem}.md" for stem in pairs(paths))
