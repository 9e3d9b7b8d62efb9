"""Shortcodes written as HTML comments, ``<!-- md:name arguments -->``, as in Material's own docs.

An unrendered shortcode is an invisible comment, so a page still reads cleanly on GitHub. This module
finds them with their line numbers and replaces them; the feature modules render them. A renderer
that meets a wrong shortcode raises ``ShortcodeError``; the checking pass (``check``) tries every
shortcode of every page before anything is written and turns each error into a problem with its file
and line, and reports a name that no module renders (a misspelling would otherwise vanish silently).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .pages import Source
from .problems import Problem

# Deliberately loose, so that a malformed shortcode is reported rather than passed over.
SHORTCODE = re.compile(r"<!--\s*md:(?P<name>[^\s>]*)(?P<args>[^>]*?)\s*-->")


@dataclass(frozen=True)
class Shortcode:
    line: int
    name: str
    args: tuple[str, ...]
    text: str


class ShortcodeError(Exception):
    """A shortcode a page cannot use, explained for the staff; the checking pass adds the place."""

    def __init__(self, finnish: str, english: str):
        super().__init__(english)
        self.finnish = finnish
        self.english = english


Renderer = Callable[[Shortcode], str]


def find_shortcodes(markdown: str) -> list[Shortcode]:
    found = []
    for match in SHORTCODE.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        found.append(Shortcode(line, match["name"], tuple(match["args"].split()), match[0]))
    return found


def replace_shortcodes(markdown: str, renderers: dict[str, Renderer]) -> str:
    """Replace every shortcode that has a renderer; leave the others as they are."""

    def render(match: re.Match) -> str:
        renderer = renderers.get(match["name"])
        if renderer is None:
            return match[0]
        line = markdown.count("\n", 0, match.start()) + 1
        return renderer(Shortcode(line, match["name"], tuple(match["args"].split()), match[0]))

    return SHORTCODE.sub(render, markdown)


def unknown_shortcode_problems(source: Source, known: Iterable[str]) -> list[Problem]:
    known = sorted(known)
    listed = ", ".join(f"md:{name}" for name in known)
    problems = []
    for code in find_shortcodes(source.text):
        if code.name in known:
            continue
        close = difflib.get_close_matches(code.name, known, n=1, cutoff=0.6)
        problems.append(
            Problem.at(
                source.file,
                code.line,
                f"sivulla on lyhytkoodi '{code.text}', jota sivusto ei tunne ('md:{code.name}'). Tarkista "
                "kirjoitusasu." + (f" Tarkoititko 'md:{close[0]}'?" if close else "") + f" Sivuston lyhytkoodit: {listed}.",
                f"the shortcode '{code.text}' is not one the site knows ('md:{code.name}'). Check the spelling."
                + (f" Did you mean 'md:{close[0]}'?" if close else "")
                + f" Known shortcodes: {listed}.",
                stops_preview=True,
            )
        )
    return problems


def check(source: Source, renderers: dict[str, Renderer], known: Iterable[str]) -> list[Problem]:
    """Every mistake in the shortcodes of one page: unknown names, and each renderer's own errors.

    ``known`` is every name the site renders; ``renderers`` may lack some where their data could not
    be read (the price file), which is a problem of its own."""
    problems = unknown_shortcode_problems(source, known)
    for code in find_shortcodes(source.text):
        renderer = renderers.get(code.name)
        if renderer is None:
            continue
        try:
            renderer(code)
        except ShortcodeError as error:
            problems.append(Problem.at(source.file, code.line, error.finnish, error.english, stops_preview=True))
    return problems
