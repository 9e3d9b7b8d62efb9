"""Where the pages live: file names, the menu, and mkdocs.yml itself.

A page that nobody can reach, a file name a web address cannot carry, a menu title left in Finnish
on the English site, a menu title whose colon breaks mkdocs.yml: each of these used to pass without a
word or with a parser's message. Checked before anything is written, each stops the build with a
message for the staff who made the change.
"""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml
from mkdocs.exceptions import PluginError

from messages import for_staff, place, warn_in_preview
from translations import PAGE, page_errors

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

# A web address that reads the same everywhere: small letters a–z, digits and hyphens.
GOOD_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEFAULT_LANGUAGE = "fi"


def _suggested_name(name: str) -> str:
    replaced = name.lower().translate(str.maketrans({"ä": "a", "ö": "o", "å": "a", "_": "-", " ": "-"}))
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9-]", "", replaced)).strip("-") or "sivu"


def file_name_errors(relative_paths: Iterable[str]) -> list[str]:
    """Messages for pages (and their folders) whose names are not a–z, 0–9 and hyphens."""
    errors, reported = [], set()
    for path in sorted(relative_paths):
        parts = path.split("/")
        match = PAGE.match(parts[-1])
        stem = match["stem"] if match else parts[-1].removesuffix(".md")
        if (*parts[:-1], stem) in reported:
            continue  # the other language of a page already reported
        reported.add((*parts[:-1], stem))
        for name, what_fi, what_en in [*((folder, "kansion", "folder") for folder in parts[:-1]), (stem, "tiedoston", "file")]:
            if GOOD_NAME.match(name):
                continue
            better = _suggested_name(name)
            errors.append(
                for_staff(
                    f"docs/{path}: {what_fi} nimessä '{name}' on muita merkkejä kuin pieniä kirjaimia a–z, "
                    f"numeroita ja yhdysmerkkejä (esimerkiksi ä, ö, välilyönti tai iso kirjain). Nimestä tulee "
                    f"sivun osoite, joten nimeä {what_fi.removesuffix('n')} uudelleen, esimerkiksi '{better}', "
                    "ja korjaa linkit ja valikko (mkdocs.yml) samaan nimeen. Nimeä uudelleen molemmat kieliversiot.",
                    f"docs/{path}: the {what_en} name '{name}' has characters other than small letters a–z, "
                    f"digits and hyphens. The name becomes the page's address: rename the {what_en}, for "
                    f"example to '{better}', in both languages, and correct the links and the menu in mkdocs.yml.",
                )
            )
            break
    return errors


def nav_entries(nav: Any, section: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str | None, str | None]]:
    """Every entry of ``nav`` as (titles from the top, its title or None, its file or None for a group)."""
    entries = []
    for item in nav or []:
        if isinstance(item, str):
            entries.append((section, None, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    entries.append((section, str(title), None))
                    entries.extend(nav_entries(value, section + (str(title),)))
                else:
                    entries.append((section, str(title), str(value)))
    return entries


def pages_outside_menu(
    relative_paths: Iterable[str], nav: Any, left_out: Callable[[str], bool], config_text: str = ""
) -> list[str]:
    """Messages for pages that the menu does not list and that are not named in ``not_in_nav``."""
    listed = {file for _, _, file in nav_entries(nav) if file and "://" not in file}
    pages = sorted(relative_paths)
    menu_names = {f"{match['stem']}.md" for match in map(PAGE.match, pages) if match}
    unknown = sorted(listed - menu_names)  # menu entries that name no page: likely this page, mistyped
    errors = []
    for path in pages:
        match = PAGE.match(path)
        if not match or match["language"] != DEFAULT_LANGUAGE:
            continue
        menu_name = f"{match['stem']}.md"
        if menu_name in listed or left_out(path):
            continue
        with_language = [name for name in unknown if PAGE.match(name) and PAGE.match(name)["stem"] + ".md" == menu_name]
        close = with_language or difflib.get_close_matches(menu_name, unknown, n=1, cutoff=0.75)
        if close:
            # The page is in the menu already, under a mistyped name: correct that line, add nothing.
            line = line_of_title(config_text, close[0])
            where, where_en = place("mkdocs.yml", line)
            errors.append(
                for_staff(
                    f"{where}: valikossa on sivu '{close[0]}', jota ei ole. Sivu docs/{path} on siis valikon "
                    f"ulkopuolella. Korjaa valikon rivi muotoon '{menu_name}': ilman kielitunnusta ja samoin "
                    "kirjoitettuna kuin tiedoston nimi. Älä lisää valikkoon toista riviä.",
                    f"{where_en}: the menu names the page '{close[0]}', which does not exist, so docs/{path} is "
                    f"outside the menu. Correct that line to '{menu_name}' (without the language part, spelt as "
                    "the file). Do not add a second line.",
                )
            )
            continue
        errors.append(
            for_staff(
                f"docs/{path}: sivu ei ole valikossa, joten kukaan ei löydä sitä. Lisää se mkdocs.yml-tiedoston "
                f"kohtaan 'nav:' ilman kielitunnusta, esimerkiksi: - Otsikko: {menu_name} ja englanninkielinen "
                "otsikko kohtaan 'nav_translations:'. Jos sivu on tarkoituksella valikon ulkopuolella (kuten "
                "alatunnisteesta linkitetty saavutettavuusseloste), lisää se kohtaan 'not_in_nav:'.",
                f"docs/{path}: the page is not in the menu, so nobody can reach it. Add it under 'nav:' in "
                f"mkdocs.yml without the language part, e.g. '- Title: {menu_name}', with its English title under "
                "'nav_translations:'. If it is left out of the menu on purpose (like the accessibility statement, "
                "linked from the footer), add it under 'not_in_nav:'.",
            )
        )
    return errors


def line_of_title(config_text: str, title: str) -> int | None:
    """The line of the menu entry with ``title`` under 'nav:' in mkdocs.yml, counted from 1."""
    nav_start = re.search(r"^nav:", config_text, flags=re.MULTILINE)
    if not nav_start:
        return None
    for number, line in enumerate(config_text.splitlines(), 1):
        if number > config_text.count("\n", 0, nav_start.start()) and title in line:
            return number
    return None


def untranslated_menu_titles(
    nav: Any, translations: dict[str, str] | None, language_name: tuple[str, str], config_text: str = ""
) -> list[str]:
    """Messages for menu titles that have no title in ``nav_translations`` of another language."""
    translations = translations or {}
    errors = []
    seen = set()
    for _, title, _ in nav_entries(nav):
        if title is None or title in translations or title in seen:
            continue
        seen.add(title)
        line = line_of_title(config_text, title)
        where, where_en = place("mkdocs.yml", line)
        errors.append(
            for_staff(
                f"{where}: valikon otsikolta '{title}' puuttuu {language_name[0]} otsikko, joten "
                f"{language_name[0]} valikko näyttäisi sen suomeksi. Lisää kohtaan 'nav_translations:' "
                f"rivi, jossa on sama otsikko ja käännös, esimerkiksi: \"{title}\": \"…\" (lainausmerkit "
                "tarvitaan, jos otsikossa on kaksoispiste).",
                f"{where_en}: the menu title '{title}' has no {language_name[1]} title, so the {language_name[1]} "
                f"menu would show it in Finnish. Add a line under 'nav_translations:' with the title and its "
                f"translation, e.g. \"{title}\": \"…\" (quotes are needed when a title has a colon).",
            )
        )
    return errors


LANGUAGE_NAMES = {"en": ("englanninkielinen", "English")}


def config_error(text: str, source: str = "mkdocs.yml") -> str | None:
    """A plain message if ``text`` is not valid YAML; MkDocs' own tags (!ENV and the like) are fine."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        lines = text.splitlines()
        where, where_en = place(source, line)
        shown = f"\n    {line}: {lines[line - 1].strip()}" if line and line <= len(lines) else ""
        problem = str(error.problem or "")
        if "\t" in (lines[line - 1] if line and line <= len(lines) else "") or "'\\t'" in problem:
            advice_fi = "Rivillä on sarkain (Tab). Sisennä välilyönneillä, samaan syvyyteen kuin viereiset rivit."
            advice_en = "The line has a tab. Indent with spaces, to the same depth as the lines beside it."
        elif "mapping values are not allowed" in problem:
            # A menu line "- Title: with colon: page.md" can be mended for the staff in their own words.
            entry = re.match(r"^\s*-\s*(?P<title>.+):\s+(?P<file>[\w/.-]+\.md)\s*$", lines[line - 1]) if line else None
            example = f'- "{entry["title"]}": {entry["file"]}' if entry else '- "Uutinen: uusi toimipiste": uusi-toimipiste.md'
            advice_fi = (
                "Rivillä on todennäköisesti kaksoispiste (:) otsikon sisällä. Kirjoita silloin otsikko "
                f"lainausmerkkeihin: {example} ja käännös samoin kohtaan 'nav_translations:', esimerkiksi "
                '"Uutinen: uusi toimipiste": "News: a new office".'
            )
            advice_en = (
                "The line probably has a colon (:) inside a title. Put such a title in double quotes: "
                f"{example}, and its translation likewise."
            )
        else:
            advice_fi = (
                "Tarkista sisennys tämän rivin ja edellisen rivin kohdalla: käytä välilyöntejä, pidä saman "
                "listan rivit samassa syvyydessä ja kirjoita kaksoispisteen jälkeen välilyönti."
            )
            advice_en = (
                "Check the indentation at this line and the one before: use spaces, keep items of one list "
                "at the same depth, and put a space after every colon."
            )
        return for_staff(
            f"{where}: tiedostoa ei voi lukea. {advice_fi}{shown}",
            f"{where_en}: the file is not valid YAML ({problem}). {advice_en}",
        )
    return None


def structure_errors(
    docs_dir: str | Path, nav: Any, left_out: Callable[[str], bool], translations: dict[str, dict], config_text: str = ""
) -> list[str]:
    docs = Path(docs_dir)
    pages = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]
    errors = file_name_errors(pages)
    errors += pages_outside_menu(pages, nav, left_out, config_text)
    for language, titles in translations.items():
        errors += untranslated_menu_titles(nav, titles, LANGUAGE_NAMES.get(language, (language, language)), config_text)
    return errors


# --------------------------------------------------------------------------- MkDocs events


def _menu_translations(config) -> dict[str, dict]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {}
    return {
        language.locale: language.nav_translations or {}
        for language in i18n.config.languages
        if not language.default and language.build
    }


# MkDocs loads a hook once per process and tells it the command only at startup.
_state = {"serving": False}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    spec = config.not_in_nav

    def left_out(path: str) -> bool:
        return bool(spec and spec.match_file(path))

    config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    errors = structure_errors(config.docs_dir, config.nav, left_out, _menu_translations(config), config_text)
    if not _state["serving"]:
        # A new page usually has several problems at once (no English pair, not in the menu): say them
        # all in one build, not one per round. translations.py checks the same again before building.
        errors += page_errors(config.docs_dir)
    if errors and _state["serving"]:
        # While a page is being written the preview shows it anyway; the strict build still stops.
        for error in errors:
            warn_in_preview(log, error)
    elif errors:
        raise PluginError("\n".join(errors))
