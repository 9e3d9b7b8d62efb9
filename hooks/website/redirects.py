"""Addresses people guess: the English names of pages, and the 404 page's "did you mean".

Every page is at the slug of its Finnish file name in both languages (``/en/hinnat/``), but an English
visitor or purchaser types ``/en/prices/``. The one place for those names is the front matter of each
page, ``aliases:``, a list of addresses below the page's own language (an English page's aliases are
under ``/en/``):

    ---
    description: ...
    aliases:
      - prices
      - price-list
    ---

Each alias becomes a small redirect page that works without JavaScript (a meta refresh and a visible
link), points search engines at the real page (canonical) and keeps itself out of them (noindex); it
is in no sitemap and no search index. The checking pass stops on an alias that is no address, that is
a page's own address, or that two pages share.

The 404 page gets the list of every page and alias (``not_found_addresses``) and suggests the nearest
one to the typed address, in the visitor's language (``overrides/404.html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import Environment

from .fragments import render
from .pages import LANGUAGES, Source, slug, url_path
from .problems import Problem
from .staff_yaml import front_matter_list

ALIASES = "aliases"
_ALIASES_WORDS = (("Sivun muut osoitteet", "The page's other addresses"), "prices")
# An address below a language's root: words of a–z, 0–9 and hyphens, folders separated by "/".
GOOD_ALIAS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
TEXTS = {
    "fi": {"heading": "Sivu on toisessa osoitteessa", "moved": "Siirry sivulle:"},
    "en": {"heading": "This page is at another address", "moved": "Go to the page:"},
}


@dataclass(frozen=True)
class Redirect:
    language: str
    alias: str  # "prices/", below the language's root
    target: str  # the page's slug, "hinnat/"

    @property
    def path(self) -> str:
        return url_path(self.alias, self.language)

    @property
    def target_path(self) -> str:
        return url_path(self.target, self.language)


def _page_aliases(source: Source) -> tuple[list[str], Problem | None]:
    return front_matter_list(source.text, source.file, ALIASES, *_ALIASES_WORDS)


def redirects(sources: tuple[Source, ...]) -> list[Redirect]:
    """Every well-formed alias of every page (``check`` reports the rest)."""
    found = []
    for source in sources:
        name = source.name
        if not name or not name.known_language:
            continue
        for alias in _page_aliases(source)[0]:
            if GOOD_ALIAS.match(alias.strip("/")):
                found.append(Redirect(name.language, alias.strip("/") + "/", name.slug))
    return found


def check(sources: tuple[Source, ...]) -> list[Problem]:
    """An alias that is not an address, is a page's own address, or is another page's alias too."""
    problems = [problem for source in sources if (problem := _page_aliases(source)[1])]
    pages = {url_path(name.slug, name.language) for source in sources if (name := source.name) and name.known_language}
    seen: dict[str, str] = {}
    for source in sources:
        name = source.name
        if not name or not name.known_language:
            continue
        for alias in _page_aliases(source)[0]:
            address = alias.strip("/")
            where = "/" + url_path(address + "/", name.language)
            if not GOOD_ALIAS.match(address) or address.split("/")[0] in LANGUAGES:
                problems.append(Problem(
                    source.file, None,
                    f"{source.file}: muu osoite '{alias}' (kohta 'aliases:') ei kelpaa. Kirjoita osoite pienillä "
                    "kirjaimilla a–z, numeroilla ja väliviivoilla, ilman kielen kansiota (en/), esimerkiksi "
                    "'prices' tai 'guide/connectedness'.",
                    f"{source.file}: the other address '{alias}' (under 'aliases:') is not valid. Write it in small "
                    "letters a–z, digits and hyphens, without the language folder (en/), such as 'prices' or "
                    "'guide/connectedness'.",
                ))
            elif url_path(address + "/", name.language) in pages:
                problems.append(Problem(
                    source.file, None,
                    f"{source.file}: muu osoite '{alias}' on jo sivun oma osoite {where}. Poista se kohdasta 'aliases:'.",
                    f"{source.file}: the other address '{alias}' is already a page's own address, {where}. "
                    "Remove it from 'aliases:'.",
                ))
            elif where in seen and seen[where] != source.file:
                problems.append(Problem(
                    source.file, None,
                    f"{source.file}: muu osoite {where} on myös sivulla {seen[where]}. Osoite voi viedä vain yhdelle "
                    "sivulle: poista se toiselta.",
                    f"{source.file}: the other address {where} is also on {seen[where]}. An address can lead to one "
                    "page only: remove it from one of them.",
                ))
            else:
                seen[where] = source.file
    return problems


def page_title(source: Source) -> str:
    """The page's heading (its first ``# `` line after the front matter), as visitors see it."""
    body = re.sub(r"\A---\n.*?\n---\n", "", source.text, count=1, flags=re.DOTALL)
    match = re.search(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", body, re.MULTILINE)
    return match[1].strip() if match else slug(source.name.stem if source.name else source.path)


def redirect_page(redirect: Redirect, site_url: str, title: str, templates: Environment) -> str:
    """The redirect page: meta refresh and a visible link, canonical to the page, noindex."""
    target = site_url.rstrip("/") + "/" + redirect.target_path
    return render(templates, "redirect.html", language=redirect.language, target=target, title=title, **TEXTS[redirect.language])


def redirect_pages(sources: tuple[Source, ...], site_url: str, templates: Environment) -> dict[str, str]:
    """Site path of each alias's folder → its redirect page."""
    titles = {item["path"]: item["title"] for item in not_found_addresses(sources)}
    return {
        item.path: redirect_page(item, site_url, titles.get(item.target_path, ""), templates)
        for item in redirects(sources)
    }


def not_found_addresses(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    """Every page and alias for the 404 page's suggestion: its site path, language, and the title and
    path of the page it leads to."""
    titles = {
        url_path(name.slug, name.language): page_title(source)
        for source in sources
        if (name := source.name) and name.known_language
    }
    addresses = [{"path": path, "target": path, "title": title} for path, title in sorted(titles.items())]
    addresses += [
        {"path": item.path, "target": item.target_path, "title": titles.get(item.target_path, "")}
        for item in redirects(sources)
    ]
    return addresses
