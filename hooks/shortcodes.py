"""Shortcodes written as HTML comments, ``<!-- md:name arguments -->``, as in Material's own docs.

An unrendered shortcode is an invisible comment, so a page still reads cleanly on GitHub. This module
finds them with their line numbers and replaces them; the hooks that own a shortcode render it. As a
hook of its own it stops the build, before anything is written, when a page names a shortcode that no
hook knows (a misspelling would otherwise vanish silently from the page).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from mkdocs.exceptions import PluginError

from messages import for_staff

# Deliberately loose, so that a malformed shortcode is reported rather than passed over.
SHORTCODE = re.compile(r"<!--\s*md:(?P<name>[^\s>]*)(?P<args>[^>]*?)\s*-->")


@dataclass(frozen=True)
class Shortcode:
    line: int
    name: str
    args: tuple[str, ...]
    text: str


class ShortcodeError(Exception):
    """A shortcode a page cannot use; the message is written for the staff who edit pages."""


def find_shortcodes(markdown: str) -> list[Shortcode]:
    found = []
    for match in SHORTCODE.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        found.append(Shortcode(line, match["name"], tuple(match["args"].split()), match[0]))
    return found


def replace_shortcodes(markdown: str, renderers: dict[str, Callable[[Shortcode], str]]) -> str:
    """Replace every shortcode that has a renderer; leave the others for their own hooks."""

    def render(match: re.Match) -> str:
        renderer = renderers.get(match["name"])
        if renderer is None:
            return match[0]
        line = markdown.count("\n", 0, match.start()) + 1
        return renderer(Shortcode(line, match["name"], tuple(match["args"].split()), match[0]))

    return SHORTCODE.sub(render, markdown)


def unknown_shortcode_errors(markdown: str, known: Iterable[str], source: str) -> list[str]:
    known = sorted(known)
    listed = ", ".join(f"md:{name}" for name in known)
    errors = []
    for code in find_shortcodes(markdown):
        if code.name in known:
            continue
        close = difflib.get_close_matches(code.name, known, n=1, cutoff=0.6)
        errors.append(
            for_staff(
                f"{source}, rivi {code.line}: sivulla on lyhytkoodi '{code.text}', jota sivusto ei tunne "
                f"('md:{code.name}'). Tarkista kirjoitusasu."
                + (f" Tarkoititko 'md:{close[0]}'?" if close else "")
                + f" Sivuston lyhytkoodit: {listed}.",
                f"{source}, line {code.line}: the shortcode '{code.text}' is not one the site knows "
                f"('md:{code.name}'). Check the spelling."
                + (f" Did you mean 'md:{close[0]}'?" if close else "")
                + f" Known shortcodes: {listed}.",
            )
        )
    return errors


def markdown_sources(docs_dir: str | Path) -> Iterable[tuple[str, str]]:
    """Every Markdown page as (path relative to the project, text), in a stable order."""
    docs = Path(docs_dir)
    for path in sorted(docs.rglob("*.md")):
        yield f"{docs.name}/{path.relative_to(docs).as_posix()}", path.read_text(encoding="utf-8")


def known_shortcode_names(hook_modules: Iterable) -> set[str]:
    """Each hook declares the shortcodes it renders in ``SHORTCODE_NAMES``."""
    return {name for module in hook_modules for name in getattr(module, "SHORTCODE_NAMES", ())}


def on_pre_build(config) -> None:
    known = known_shortcode_names(config.hooks.values())
    errors = [
        error
        for source, text in markdown_sources(config.docs_dir)
        for error in unknown_shortcode_errors(text, known, source)
    ]
    if errors:
        raise PluginError("\n".join(errors))
