"""Both languages are equal: every page exists as ``name.fi.md`` and ``name.en.md``.

Checked when the build starts, before anything is written, so a page forgotten in one language, or a
page without its description for search engines and link previews, stops the build with a message that
names the file.

The live preview (``mkdocs serve``) is where staff write a new page, usually in Finnish first. There a
missing language version is not an error but a warning, and the page shows a notice at its top, so the
preview starts and the half-done page can be read; the strict ``build`` of every publish still stops.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from messages import for_staff, place, warn_in_preview

LANGUAGES = ("fi", "en")
LANGUAGE_NAMES = {"fi": "Finnish", "en": "English"}
FINNISH_LANGUAGE_NAMES = {"fi": "suomenkielinen", "en": "englanninkielinen"}
FINNISH_LANGUAGE_PARTITIVES = {"fi": "suomenkielistä", "en": "englanninkielistä"}
PAGE = re.compile(r"^(?P<stem>.+)\.(?P<language>[a-z]{2})\.md$")
ANY_CASE_PAGE = re.compile(r"^(?P<stem>.+)\.(?P<language>[A-Za-z]{2})\.md$")
FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?)\n---\s*\n", re.DOTALL)
FIRST_HEADING = re.compile(r"^# .*$", re.MULTILINE)

log = logging.getLogger("mkdocs.hooks.translations")


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


def file_name_errors(relative_paths: list[str]) -> list[str]:
    """Messages for page files whose name has no language part, or has it in capitals."""
    errors = []
    for path in relative_paths:
        match = PAGE.match(path)
        if match and match["language"] in LANGUAGES:
            continue
        folder, _, name = path.rpartition("/")
        prefix = f"{folder}/" if folder else ""
        capitals = ANY_CASE_PAGE.match(path)
        if capitals and capitals["language"].lower() in LANGUAGES:
            language = capitals["language"]
            stem = capitals["stem"].rpartition("/")[2].lower()
            errors.append(
                for_staff(
                    f"docs/{path}: tiedoston nimen kieliosa '.{language}' pitää kirjoittaa pienillä "
                    f"kirjaimilla, samoin koko nimi. Nimeä tiedosto docs/{prefix}{stem}."
                    f"{language.lower()}.md.",
                    f"docs/{path}: the language part '.{language}' of the file name must be in small "
                    f"letters, like the whole name. Rename the file docs/{prefix}{stem}.{language.lower()}.md.",
                )
            )
            continue
        stem = name.removesuffix(".md").rpartition(".")[0] if match else name.removesuffix(".md")
        errors.append(
            for_staff(
                f"docs/{path}: tiedoston nimestä puuttuu kieli. Nimeä suomenkielinen sivu "
                f"'{stem}.fi.md' ja englanninkielinen '{stem}.en.md', ja pidä molemmat.",
                f"docs/{path}: the file name has no language. Name it like 'page.fi.md' for Finnish and "
                f"'page.en.md' for English, and keep both: here '{stem}.fi.md' and '{stem}.en.md'.",
            )
        )
    return errors


def missing_pairs(relative_paths: list[str]) -> list[MissingPair]:
    pages: dict[str, set[str]] = {}
    for path in relative_paths:
        match = PAGE.match(path)
        if match and match["language"] in LANGUAGES:
            pages.setdefault(match["stem"], set()).add(match["language"])
    return [
        MissingPair(stem, next(iter(languages)), language)
        for stem, languages in sorted(pages.items())
        for language in LANGUAGES
        if language not in languages
    ]


def missing_pair_message(pair: MissingPair) -> str:
    return for_staff(
        f"{pair.missing_file} puuttuu: sivusta {pair.present_file} ei ole "
        f"{FINNISH_LANGUAGE_PARTITIVES[pair.missing]} versiota. Jokainen sivu tehdään kummallakin kielellä: "
        f"lisää {pair.missing_file} (käännä sivu) tai poista {pair.present_file}.",
        f"{pair.missing_file} is missing: {pair.present_file} has no {LANGUAGE_NAMES[pair.missing]} "
        f"version. Every page must exist in both languages: add {pair.missing_file} (translate the "
        f"page), or remove {pair.present_file}.",
    )


def missing_translations(relative_paths: list[str]) -> list[str]:
    """Messages for pages that lack a language version, or whose name has no language suffix."""
    return file_name_errors(relative_paths) + [missing_pair_message(pair) for pair in missing_pairs(relative_paths)]


def preview_warning(pair: MissingPair) -> str:
    """What the preview logs for a page in one language only: it shows the page, and says what stops."""
    return for_staff(
        f"Esikatselu: {pair.present_file} näkyy esikatselussa, mutta siltä puuttuu vielä "
        f"{FINNISH_LANGUAGE_NAMES[pair.missing]} versio {pair.missing_file}. Julkaisu pysähtyy, kunnes "
        "se on lisätty.",
        f"Preview: {pair.present_file} is shown in the preview, but it has no "
        f"{LANGUAGE_NAMES[pair.missing]} version {pair.missing_file} yet. Publishing stops until it is added.",
    )


def preview_notice(pair: MissingPair) -> str:
    """The notice at the top of the page in the preview (Markdown: an admonition without a title)."""
    finnish = (
        f"**Esikatselu:** tältä sivulta puuttuu vielä {FINNISH_LANGUAGE_NAMES[pair.missing]} versio "
        f"`{pair.missing_file}`. Julkaisu pysähtyy, kunnes se on lisätty."
    )
    english = (
        f"**Preview:** this page has no {LANGUAGE_NAMES[pair.missing]} version `{pair.missing_file}` "
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


NAV_NOT_FOUND = re.compile(r"^A reference to '(?P<link>[^']*)' is included in the 'nav' configuration, which is not found")
LINK_NOT_FOUND = re.compile(r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^'#]*)(?:#[^']*)?', but the target")


def about_page_in_one_language(message: str, stems: set[str]) -> bool:
    """Whether MkDocs' message is only the other language's build missing a page that is in ``stems``
    (such as "A reference to 'uutinen.md' ... not found" while docs/uutinen.en.md is still to come)."""
    nav = NAV_NOT_FOUND.match(message)
    if nav:
        target = nav["link"]
    else:
        link = LINK_NOT_FOUND.match(message)
        if not link:
            return False
        target = posixpath.normpath(posixpath.join(posixpath.dirname(link["page"]), link["link"]))
    return target.removesuffix(".md") in stems


class _PreviewFilter(logging.Filter):
    """In the preview, drops MkDocs' warnings about the missing language version of a page that the
    preview already shows with a notice: they would stop the preview (strict mode) for nothing new."""

    def filter(self, record: logging.LogRecord) -> bool:
        stems = {pair.stem for pair in _state["preview"].values()}
        return not (stems and record.levelno >= logging.WARNING and about_page_in_one_language(record.getMessage(), stems))


def description_error(path: str, text: str) -> str | None:
    """A message if the page has no ``description:`` in its front matter."""
    match = FRONT_MATTER.match(text)
    try:
        meta = yaml.safe_load(match["yaml"]) if match else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where_fi, where_en = place(f"docs/{path}", mark.line + 2 if mark else None)
        return for_staff(
            f"{where_fi}: sivun alussa olevat tiedot (kahden '---'-rivin välissä) ovat rikki. "
            "Jokainen rivi on muotoa 'avain: arvo'. Jos arvossa itsessään on kaksoispiste (:), kirjoita "
            'koko arvo lainausmerkkeihin, esimerkiksi: description: "Hinnat: tukihenkilötoiminta".',
            f"{where_en}: the front matter at the top of the page (between the two '---' "
            "lines) is not valid. Each line is 'key: value'; if the value itself has a colon (:), put "
            'the whole value in double quotes, like: description: "Hinnat: tukihenkilötoiminta".',
        )
    description = meta.get("description") if isinstance(meta, dict) else None
    if not isinstance(description, str) or not description.strip():
        return for_staff(
            f"docs/{path}: sivulta puuttuu kuvaus (description). Lisää tiedoston alkuun:\n"
            "---\ndescription: Sivun sisältö yhdellä tai kahdella virkkeellä, sivun omalla kielellä.\n---",
            f"docs/{path}: the page has no description. Add at the very top of the file:\n"
            "---\ndescription: One or two sentences about this page, in its own language.\n---",
        )
    return None


def page_problems(docs_dir: str | Path, serving: bool) -> tuple[list[str], list[MissingPair]]:
    """(errors that stop the build, pages to preview with a notice). Only the preview tolerates a
    missing language version; a publish build stops on it."""
    docs = Path(docs_dir)
    paths = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    pairs = missing_pairs(paths)
    errors = file_name_errors(paths)
    if not serving:
        errors += [missing_pair_message(pair) for pair in pairs]
    for path in paths:
        error = description_error(path, (docs / path).read_text(encoding="utf-8"))
        if error:
            errors.append(error)
    return errors, pairs if serving else []


def page_errors(docs_dir: str | Path) -> list[str]:
    return page_problems(docs_dir, serving=False)[0]


# --------------------------------------------------------------------------- MkDocs events

# MkDocs loads a hook once per process and tells it the command only at startup, so the command is
# kept here for the rebuilds of `mkdocs serve` too.
_state: dict = {"serving": False, "preview": {}, "warned": set()}

def _warn_in_preview(message: str) -> None:
    warn_in_preview(log, message)


def on_startup(command, dirty):
    _state["serving"] = command == "serve"
    if _state["serving"]:
        for name in ("mkdocs.structure.nav", "mkdocs.structure.pages"):
            logger = logging.getLogger(name)
            if not any(type(item).__name__ == "_PreviewFilter" for item in logger.filters):
                logger.addFilter(_PreviewFilter())


def on_pre_build(config):
    errors, preview = page_problems(config.docs_dir, _state["serving"])
    if errors:
        raise PluginError("\n".join(errors))
    # Said once per change, not again by each language's build nor by every rebuild of the preview;
    # the notice on the page stays.
    if set(preview) != _state["warned"]:
        for pair in preview:
            _warn_in_preview(preview_warning(pair))
        _state["warned"] = set(preview)
    _state["preview"] = {f"{pair.stem}.{pair.have}.md": pair for pair in preview}


def on_page_markdown(markdown, page, config, files):
    pair = _state["preview"].get(page.file.src_uri)
    return with_preview_notice(markdown, pair) if pair else markdown
