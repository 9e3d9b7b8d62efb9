"""Both languages are equal: every page exists as ``name.fi.md`` and ``name.en.md``.

Checked when the build starts, before anything is written, so a page forgotten in one language, or a
page without its description for search engines and link previews, stops the build with a message that
names the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

LANGUAGES = ("fi", "en")
LANGUAGE_NAMES = {"fi": "Finnish", "en": "English"}
PAGE = re.compile(r"^(?P<stem>.+)\.(?P<language>[a-z]{2})\.md$")
FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?)\n---\s*\n", re.DOTALL)


def missing_translations(relative_paths: list[str]) -> list[str]:
    """Messages for pages that lack a language version, or whose name has no language suffix."""
    pages: dict[str, set[str]] = {}
    errors = []
    for path in relative_paths:
        match = PAGE.match(path)
        if not match or match["language"] not in LANGUAGES:
            errors.append(
                f"docs/{path}: the file name has no language. Name it like 'page.fi.md' for Finnish "
                "and 'page.en.md' for English, and keep both."
            )
            continue
        pages.setdefault(match["stem"], set()).add(match["language"])
    for stem, languages in sorted(pages.items()):
        for language in LANGUAGES:
            if language not in languages:
                have = next(iter(languages))
                errors.append(
                    f"docs/{stem}.{language}.md is missing: docs/{stem}.{have}.md has no "
                    f"{LANGUAGE_NAMES[language]} version. Every page must exist in both languages: add "
                    f"docs/{stem}.{language}.md (translate the page), or remove docs/{stem}.{have}.md."
                )
    return errors


def description_error(path: str, text: str) -> str | None:
    """A message if the page has no ``description:`` in its front matter."""
    match = FRONT_MATTER.match(text)
    try:
        meta = yaml.safe_load(match["yaml"]) if match else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 2}" if mark else ""
        return (
            f"docs/{path}{where}: the front matter at the top of the page (between the two '---' "
            "lines) is not valid. Each line is 'key: value'; if the value itself has a colon (:), put "
            'the whole value in double quotes, like: description: "Hinnat: tukihenkilötoiminta".'
        )
    description = meta.get("description") if isinstance(meta, dict) else None
    if not isinstance(description, str) or not description.strip():
        return (
            f"docs/{path}: the page has no description. Add at the very top of the file:\n"
            "---\ndescription: One or two sentences about this page, in its own language.\n---"
        )
    return None


def page_errors(docs_dir: str | Path) -> list[str]:
    docs = Path(docs_dir)
    paths = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    errors = missing_translations(paths)
    for path in paths:
        error = description_error(path, (docs / path).read_text(encoding="utf-8"))
        if error:
            errors.append(error)
    return errors


def on_pre_build(config):
    errors = page_errors(config.docs_dir)
    if errors:
        raise PluginError("\n".join(errors))
