"""Both languages are equal: every page exists as ``name.fi.md`` and ``name.en.md``.

The checking pass (``check``) finds a page forgotten in one language, or a page without its
description for search engines and link previews, before anything is written.

The live preview (``mkdocs serve``) is where staff write a new page, usually in Finnish first. There a
missing language version is not an error but a warning, and the page shows a notice at its top, so the
preview starts and the half-done page can be read; the strict ``build`` of every publish still stops.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass

from . import staff_yaml
from .pages import LANGUAGE_NAMES, LANGUAGES, PageName, Source, pairs
from .links import NAV_NOT_FOUND, NOT_FOUND
from .problems import Problem, for_staff

FIRST_HEADING = re.compile(r"^# .*$", re.MULTILINE)


@dataclass(frozen=True)
class MissingPair:
    """A page that exists in one language only: ``docs/{stem}.{have}.md`` without ``{missing}``."""

    stem: str
    have: str
    missing: str

    @property
    def present_file(self) -> str:
        return f"docs/{self.stem}.{self.have}.md"

    @property
    def missing_file(self) -> str:
        return f"docs/{self.stem}.{self.missing}.md"


def file_name_problems(relative_paths: list[str]) -> list[Problem]:
    """Page files whose name has no language part, or has it in capitals."""
    problems = []
    for path in relative_paths:
        name = PageName.parse(path)
        if name and name.known_language:
            continue
        folder, _, file_name = path.rpartition("/")
        prefix = f"{folder}/" if folder else ""
        if name and name.language.lower() in LANGUAGES:
            language = name.language
            stem = name.stem.rpartition("/")[2].lower()
            finnish = (
                f"docs/{path}: tiedoston nimen kieliosa '.{language}' pitää kirjoittaa pienillä "
                f"kirjaimilla, samoin koko nimi. Nimeä tiedosto docs/{prefix}{stem}.{language.lower()}.md."
            )
            english = (
                f"docs/{path}: the language part '.{language}' of the file name must be in small "
                f"letters, like the whole name. Rename the file docs/{prefix}{stem}.{language.lower()}.md."
            )
        else:
            stem = file_name.removesuffix(".md").rpartition(".")[0] if name else file_name.removesuffix(".md")
            finnish = (
                f"docs/{path}: tiedoston nimestä puuttuu kieli. Nimeä suomenkielinen sivu "
                f"'{stem}.fi.md' ja englanninkielinen '{stem}.en.md', ja pidä molemmat."
            )
            english = (
                f"docs/{path}: the file name has no language. Name it like 'page.fi.md' for Finnish and "
                f"'page.en.md' for English, and keep both: here '{stem}.fi.md' and '{stem}.en.md'."
            )
        problems.append(Problem(f"docs/{path}", None, finnish, english, stops_preview=True))
    return problems


def missing_pairs(relative_paths: list[str]) -> list[MissingPair]:
    return [
        MissingPair(stem, next(iter(languages)), language)
        for stem, languages in sorted(pairs(relative_paths).items())
        for language in LANGUAGES
        if language not in languages
    ]


def missing_pair_problem(pair: MissingPair) -> Problem:
    return Problem(
        pair.missing_file,
        None,
        f"{pair.missing_file} puuttuu: sivusta {pair.present_file} ei ole "
        f"{LANGUAGE_NAMES[pair.missing][1]} versiota. Jokainen sivu tehdään kummallakin kielellä: "
        f"lisää {pair.missing_file} (käännä sivu) tai poista {pair.present_file}.",
        f"{pair.missing_file} is missing: {pair.present_file} has no {LANGUAGE_NAMES[pair.missing][2]} "
        f"version. Every page must exist in both languages: add {pair.missing_file} (translate the "
        f"page), or remove {pair.present_file}.",
    )


def preview_warning(pair: MissingPair) -> str:
    """What the preview logs for a page in one language only: it shows the page, and says what stops."""
    return for_staff(*_preview_texts(pair))


def _preview_texts(pair: MissingPair) -> tuple[str, str]:
    return (
        f"Esikatselu: {pair.present_file} näkyy esikatselussa, mutta siltä puuttuu vielä "
        f"{LANGUAGE_NAMES[pair.missing][0]} versio {pair.missing_file}. Julkaisu pysähtyy, kunnes "
        "se on lisätty.",
        f"Preview: {pair.present_file} is shown in the preview, but it has no "
        f"{LANGUAGE_NAMES[pair.missing][2]} version {pair.missing_file} yet. Publishing stops until it is added.",
    )


def preview_notice(pair: MissingPair) -> str:
    """The notice at the top of the page in the preview (Markdown: an admonition without a title)."""
    finnish = (
        f"**Esikatselu:** tältä sivulta puuttuu vielä {LANGUAGE_NAMES[pair.missing][0]} versio "
        f"`{pair.missing_file}`. Julkaisu pysähtyy, kunnes se on lisätty."
    )
    english = (
        f"**Preview:** this page has no {LANGUAGE_NAMES[pair.missing][2]} version `{pair.missing_file}` "
        "yet. Publishing stops until it is added."
    )
    return (
        '!!! warning "" \n\n'
        f'    {finnish}\n    {{ lang="fi" }}\n\n'
        f'    {english}\n    {{ lang="en" }}\n'
    )


def with_preview_notice(markdown: str, pair: MissingPair) -> str:
    """The page with the notice right after its main heading (or at the top if it has none)."""
    heading = FIRST_HEADING.search(markdown)
    at = heading.end() if heading else 0
    return f"{markdown[:at]}\n\n{preview_notice(pair)}\n{markdown[at:]}"


def about_page_in_one_language(message: str, stems: set[str]) -> bool:
    """Whether MkDocs' message is only the other language's build missing a page that is in ``stems``
    (such as "A reference to 'uutinen.md' ... not found" while docs/uutinen.en.md is still to come)."""
    nav = NAV_NOT_FOUND.match(message)
    if nav:
        target = nav["link"]
    else:
        link = NOT_FOUND.match(message)
        if not link:
            return False
        path = link["link"].partition("#")[0]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(link["page"]), path))
    return target.removesuffix(".md") in stems


class PreviewFilter(logging.Filter):
    """In the preview, drops MkDocs' warnings about the missing language version of a page that the
    preview already shows with a notice: they would stop the preview (strict mode) for nothing new."""

    def __init__(self, stems: set[str]):
        super().__init__()
        self.stems = stems

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            self.stems and record.levelno >= logging.WARNING and about_page_in_one_language(record.getMessage(), self.stems)
        )


def description_problem(source: Source) -> Problem | None:
    """A problem if the page's front matter is broken or has no ``description:``."""
    meta, problem = staff_yaml.front_matter(source.text, source.file)
    if problem:
        return problem
    description = meta.get("description") if isinstance(meta, dict) else None
    if isinstance(description, str) and description.strip():
        return None
    return Problem(
        source.file,
        None,
        f"{source.file}: sivulta puuttuu kuvaus (description). Lisää tiedoston alkuun:\n"
        "---\ndescription: Sivun sisältö yhdellä tai kahdella virkkeellä, sivun omalla kielellä.\n---",
        f"{source.file}: the page has no description. Add at the very top of the file:\n"
        "---\ndescription: One or two sentences about this page, in its own language.\n---",
        stops_preview=True,
    )


def check(sources: tuple[Source, ...], serving: bool = False) -> list[Problem]:
    """Every page in both languages, with a language part in its name and a description. The preview
    shows a page in one language with a notice, and says so in its own words."""
    paths = [source.path for source in sources]
    pairs_missing = missing_pairs(paths)
    if serving:
        problems = [Problem(pair.missing_file, None, *_preview_texts(pair)) for pair in pairs_missing]
    else:
        problems = [missing_pair_problem(pair) for pair in pairs_missing]
    problems = file_name_problems(paths) + problems
    return problems + [problem for source in sources if (problem := description_problem(source))]


def pages_in_one_language(sources: tuple[Source, ...]) -> dict[str, MissingPair]:
    """The pages the preview shows with a notice, by their file (``uutinen.fi.md``)."""
    return {f"{pair.stem}.{pair.have}.md": pair for pair in missing_pairs([source.path for source in sources])}
