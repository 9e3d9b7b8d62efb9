"""Where the pages live: file names, the menu, and mkdocs.yml itself.

A page that nobody can reach, a file name a web address cannot carry, a menu title left in Finnish
on the English site: each of these used to pass without a word. The checking pass finds them before
anything is written. (A mistake that keeps mkdocs.yml from being read at all is explained by
``staff_yaml.config_problem``.)
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Callable, Iterable

from .pages import DEFAULT, LANGUAGE_NAMES, PageName
from .problems import Problem

# A web address that reads the same everywhere: small letters a–z, digits and hyphens.
GOOD_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _suggested_name(name: str) -> str:
    replaced = name.lower().translate(str.maketrans({"ä": "a", "ö": "o", "å": "a", "_": "-", " ": "-"}))
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9-]", "", replaced)).strip("-") or "sivu"


def file_name_problems(relative_paths: Iterable[str]) -> list[Problem]:
    """Messages for pages (and their folders) whose names are not a–z, 0–9 and hyphens."""
    errors, reported = [], set()
    for path in sorted(relative_paths):
        parts = path.split("/")
        name = PageName.parse(parts[-1])
        stem = name.stem if name else parts[-1].removesuffix(".md")
        if (*parts[:-1], stem) in reported:
            continue  # the other language of a page already reported
        reported.add((*parts[:-1], stem))
        for name, what_fi, what_en in [*((folder, "kansion", "folder") for folder in parts[:-1]), (stem, "tiedoston", "file")]:
            if GOOD_NAME.match(name):
                continue
            better = _suggested_name(name)
            errors.append(
                Problem(
                    f"docs/{path}",
                    None,
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
) -> list[Problem]:
    """Messages for pages that the menu does not list and that are not named in ``not_in_nav``."""
    listed = {file for _, _, file in nav_entries(nav) if file and "://" not in file}
    pages = sorted(relative_paths)
    menu_names = {name.link_name for name in map(PageName.parse, pages) if name}
    unknown = sorted(listed - menu_names)  # menu entries that name no page: likely this page, mistyped
    errors = []
    for path in pages:
        name = PageName.parse(path)
        if not name or name.language != DEFAULT:
            continue
        menu_name = name.link_name
        if menu_name in listed or left_out(path):
            continue
        with_language = [entry for entry in unknown if (parsed := PageName.parse(entry)) and parsed.link_name == menu_name]
        close = with_language or difflib.get_close_matches(menu_name, unknown, n=1, cutoff=0.75)
        if close:
            # The page is in the menu already, under a mistyped name: correct that line, add nothing.
            line = line_of_title(config_text, close[0])
            errors.append(
                Problem.at(
                    "mkdocs.yml",
                    line,
                    f"valikossa on sivu '{close[0]}', jota ei ole. Sivu docs/{path} on siis valikon "
                    f"ulkopuolella. Korjaa valikon rivi muotoon '{menu_name}': ilman kielitunnusta ja samoin "
                    "kirjoitettuna kuin tiedoston nimi. Älä lisää valikkoon toista riviä.",
                    f"the menu names the page '{close[0]}', which does not exist, so docs/{path} is "
                    f"outside the menu. Correct that line to '{menu_name}' (without the language part, spelt as "
                    "the file). Do not add a second line.",
                )
            )
            continue
        errors.append(
            Problem(
                f"docs/{path}",
                None,
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
) -> list[Problem]:
    """Messages for menu titles that have no title in ``nav_translations`` of another language."""
    translations = translations or {}
    errors = []
    seen = set()
    for _, title, _ in nav_entries(nav):
        if title is None or title in translations or title in seen:
            continue
        seen.add(title)
        line = line_of_title(config_text, title)
        errors.append(
            Problem.at(
                "mkdocs.yml",
                line,
                f"valikon otsikolta '{title}' puuttuu {language_name[0]} otsikko, joten "
                f"{language_name[0]} valikko näyttäisi sen suomeksi. Lisää kohtaan 'nav_translations:' "
                f"rivi, jossa on sama otsikko ja käännös, esimerkiksi: \"{title}\": \"…\" (lainausmerkit "
                "tarvitaan, jos otsikossa on kaksoispiste).",
                f"the menu title '{title}' has no {language_name[1]} title, so the {language_name[1]} "
                f"menu would show it in Finnish. Add a line under 'nav_translations:' with the title and its "
                f"translation, e.g. \"{title}\": \"…\" (quotes are needed when a title has a colon).",
            )
        )
    return errors


#: The top menu fits a phone's drawer and a desktop's tab row with six entries at most.
MOST_TOP_ENTRIES = 6


def too_many_top_entries(nav: Any, config_text: str = "") -> list[Problem]:
    """A problem if the menu has more than six entries at its top level."""
    titles = [title or file for section, title, file in nav_entries(nav) if not section]
    if len(titles) <= MOST_TOP_ENTRIES:
        return []
    extra = titles[MOST_TOP_ENTRIES]
    return [
        Problem.at(
            "mkdocs.yml",
            line_of_title(config_text, extra),
            f"valikon ylätasolla on {len(titles)} kohtaa, mutta niitä mahtuu selkeästi puhelimen valikkoon "
            f"enintään {MOST_TOP_ENTRIES}. Siirrä '{extra}' jonkin ryhmän alle (esimerkiksi 'Palvelut:') tai "
            "kokoa uutiset omaksi ryhmäkseen, esimerkiksi '- Ajankohtaista:', jonka alle kukin uutinen tulee "
            "omalle rivilleen.",
            f"the menu has {len(titles)} entries at its top level, but only {MOST_TOP_ENTRIES} fit clearly in the "
            f"menu on a phone. Move '{extra}' under a group (such as 'Palvelut:'), or gather the news pages into a "
            "group of their own, such as '- Ajankohtaista:', with each news page on its own line under it.",
        )
    ]


def check(
    paths: list[str], nav: Any, left_out: Callable[[str], bool], translations: dict[str, dict], config_text: str = ""
) -> list[Problem]:
    """File names, pages outside the menu, a menu too long, and menu titles without their English title."""
    problems = file_name_problems(paths) + too_many_top_entries(nav, config_text)
    problems += pages_outside_menu(paths, nav, left_out, config_text)
    for language, titles in translations.items():
        names = (LANGUAGE_NAMES[language][0], LANGUAGE_NAMES[language][2])
        problems += untranslated_menu_titles(nav, titles, names, config_text)
    return problems
