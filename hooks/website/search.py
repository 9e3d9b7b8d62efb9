"""Search that forgives and helps: what the build adds to Material's search index, and the help shown
when a search finds nothing.

- **Ranked by what people come for.** A page's front matter may list the words people search for it
  with (``keywords:``); the contact page lists yhteys, soita, sähköposti… They go into a field of
  their own that weighs more than a title, so a contact word brings the contact page first even where
  another page has the word in its title (the guide's "Yhteys"). The "Lyhyesti" / "In brief" box of a
  page goes into a field of its own too, which weighs more than body text and less than a title.
- **Snippets keep their spaces.** Material's indexer drops the line break of a ``<br>`` and the
  boundary between two blocks or table cells, so "Toni Kataja<br>Sosiaalialan…" became
  "Toni KatajaSosiaalialan"; ``with_spaces`` puts a line break there in the page, which browsers
  show as nothing.
- **No dead end.** ``no_results_help`` gives the search box's message for a search that finds nothing:
  the contact buttons (the same links as the contact card) and the main pages.

Diacritics folding and the stemming of typed words are in the search worker
(``overrides/assets/javascripts/workers/search-stemming.js``): they happen in the browser, where
lunr builds its index.
"""

from __future__ import annotations

import html as html_module
import re
from typing import Any

from jinja2 import Environment

from . import contact
from .pages import LANGUAGES, PageName, Source, slug, url_path
from .problems import Problem
from .staff_yaml import front_matter_list
from .structure import nav_entries

#: The front matter key for the words a page is searched with.
KEYWORDS = "keywords"
#: lunr's field boosts: Material gives a title 1000 and body text 1.
FIELDS = {"keywords": {"boost": 100000.0}, "brief": {"boost": 10.0}}
# The pages a search that finds nothing offers, in this order (stems of docs/).
MAIN_PAGES = ("index", "neuropsykiatrinen-valmennus", "ammatillinen-tukihenkilotoiminta", "hinnat", "yhteystiedot")
HELP_TEXT = {
    "fi": {
        "lead": "Etsimääsi ei löytynyt. Kokeile toista sanaa, tai kysy meiltä suoraan:",
        "pages": "Sivuston pääsivut:",
    },
    "en": {
        "lead": "Nothing matched your search. Try another word, or ask us directly:",
        "pages": "The site's main pages:",
    },
}

_BRIEF = re.compile(
    r'<div class="admonition abstract">\s*<p class="admonition-title">[^<]*</p>(?P<body>.*?)</div>', re.DOTALL
)
_LINE_BREAK = re.compile(r"(<br\s*/?>)(?!\s)", re.IGNORECASE)
_BLOCK_END = re.compile(
    r"(</(?:p|div|li|dd|dt|td|th|tr|label|h[1-6]|caption|figcaption|legend|summary|option)>)(?=<)",
    re.IGNORECASE,
)


def with_spaces(html: str) -> str:
    """The page with a line break after every ``<br>`` and between adjacent blocks and table cells,
    for the indexer. (Never inside an element: what a cell or a paragraph holds stays as it was.)"""
    return _BLOCK_END.sub(r"\1\n", _LINE_BREAK.sub(r"\1\n", html))


def brief_text(html: str) -> str:
    """The plain text of the page's "Lyhyesti" / "In brief" box (its first ``abstract`` box), or ""."""
    match = _BRIEF.search(html)
    if not match:
        return ""
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", match["body"])).split())


# --------------------------------------------------------------------------- keywords


_KEYWORDS_WORDS = (("Hakusanat", "The search words"), "ota yhteyttä")


def keywords_of(source: Source) -> list[str]:
    return front_matter_list(source.text, source.file, KEYWORDS, *_KEYWORDS_WORDS)[0]


def check(sources: tuple[Source, ...]) -> list[Problem]:
    """A ``keywords:`` that is not a list of words, named with its page and line."""
    found = (front_matter_list(source.text, source.file, KEYWORDS, *_KEYWORDS_WORDS)[1] for source in sources)
    return [problem for problem in found if problem]


# --------------------------------------------------------------------------- the index


def page_fields(html: str, keywords: list[str]) -> dict[str, str]:
    """The fields the build adds to a page's own entry in the index (not to its sections)."""
    fields = {"keywords": " ".join(keywords), "brief": brief_text(html)}
    return {name: value for name, value in fields.items() if value}


def with_fields(index: dict, fields: dict[str, dict[str, str]]) -> dict:
    """Material's index (``config`` and ``docs``) with ``fields`` (page location → field → text) added
    to each page's own entry, and their boosts to the configuration."""
    docs = [{**doc, **fields.get(doc["location"], {})} if "#" not in doc["location"] else doc for doc in index["docs"]]
    config = {**index["config"], "fields": {**index["config"]["fields"], **FIELDS}}
    return {**index, "config": config, "docs": docs}


# --------------------------------------------------------------------------- no results


def menu_titles(nav: Any, translations: dict[str, dict]) -> dict[str, dict[str, str]]:
    """language → page stem → the page's title in the menu (English from the menu's translations)."""
    titles: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    for _section, title, file in nav_entries(nav):
        name = PageName.parse(file.replace(".md", ".fi.md")) if file and title else None
        if name is None:
            continue
        for language in LANGUAGES:
            own = title if language == "fi" else translations.get(language, {}).get(title, title)
            titles[language].setdefault(name.stem, own)
    return titles


def no_results_help(details: dict, language: str, templates: Environment, titles: dict[str, str]) -> dict:
    """What the search box says when a search finds nothing: the contact buttons and the main pages
    (site paths, for the template's ``url`` filter)."""
    return {
        **HELP_TEXT[language],
        "actions": contact.render_contact_actions(details, language, templates),
        "links": [(url_path(slug(stem), language), titles[stem]) for stem in MAIN_PAGES if stem in titles],
    }
