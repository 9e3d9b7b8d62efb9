"""MkDocs' own warnings about mkdocs.yml, explained for the staff in Finnish with the line.

MkDocs checks its configuration before any build event and speaks of it in its own terms:
"Config value 'plugins': Plugin 'i18n' option 'languages': Sub-option 'Uusi sivu': Unrecognised
configuration name: Uusi sivu". That one is nearly always a menu title under ``nav_translations:``
indented less than its neighbours, so it fell out of that list. ``explain`` turns such a message into
a problem that names the line and says what to do; ``hooks/main.py`` rewrites MkDocs' warning with it.
"""

from __future__ import annotations

import re

from .problems import Problem

SOURCE = "mkdocs.yml"
CONFIG_VALUE = re.compile(r"^Config value '(?P<key>[^']+)': (?P<detail>.*)$", re.DOTALL)
UNRECOGNISED = re.compile(r"Unrecognised configuration name: (?P<name>.+?)\s*$")


def line_of_key(config_text: str, key: str, start: int = 1) -> int | None:
    """The first line from ``start`` on that starts (after its indentation) with ``key:`` or ``"key":``."""
    pattern = re.compile(rf"^\s*(?:-\s+)?['\"]?{re.escape(key)}['\"]?\s*:")
    lines = enumerate(config_text.splitlines(), 1)
    return next((number for number, line in lines if number >= start and pattern.match(line)), None)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def translation_indent(config_text: str) -> tuple[int, int] | None:
    """(spaces, line) of the first title under ``nav_translations:``: where the others must line up."""
    lines = config_text.splitlines()
    for number, line in enumerate(lines):
        if line.strip() == "nav_translations:":
            for below in range(number + 1, len(lines)):
                if lines[below].strip() and not lines[below].lstrip().startswith("#"):
                    return _indent(lines[below]), below + 1
    return None


def explain(message: str, config_text: str) -> Problem | None:
    """A problem for one of MkDocs' configuration warnings, or None for any other message."""
    found = CONFIG_VALUE.match(message)
    if not found:
        return None
    key, detail = found["key"], found["detail"]
    name = UNRECOGNISED.search(detail)
    aligned = translation_indent(config_text)
    if name and key == "plugins" and "Sub-option" in detail and aligned:
        spaces, example = aligned
        line = line_of_key(config_text, name["name"], start=example)
        return Problem.at(
            SOURCE,
            line,
            f"valikon otsikon '{name['name']}' käännös on sisennetty väärin, joten se ei ole kohdan "
            f"'nav_translations:' alla. Kirjoita rivin alkuun {spaces} välilyöntiä, kuten rivillä {example}.",
            f"the translation of the menu title '{name['name']}' is indented wrongly, so it is not under "
            f"'nav_translations:'. Start the line with {spaces} spaces, like line {example}. (MkDocs: {message})",
        )
    if name:
        line = line_of_key(config_text, name["name"])
        return Problem.at(
            SOURCE,
            line,
            f"'{name['name']}' ei ole asetus, jonka sivusto tuntee tässä kohdassa. Tarkista kirjoitusasu ja "
            "sisennys: vertaa viereisiin riveihin tai palauta rivi gitistä.",
            f"'{name['name']}' is not a setting the site knows here. Check its spelling and indentation against "
            f"the lines beside it, or restore the line from git. (MkDocs: {message})",
        )
    return Problem.at(
        SOURCE,
        line_of_key(config_text, key.split(".")[0]),
        f"asetus '{key}' ei kelpaa. Tarkista sen kirjoitusasu ja sisennys tai palauta se gitistä. "
        "MkDocsin oma viesti kehittäjää varten on alla englanniksi.",
        f"the setting '{key}' is not valid: {detail}",
    )
