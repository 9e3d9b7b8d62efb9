"""A broken link between pages, explained for the staff who edit them.

MkDocs finds the broken link itself, and the strict build stops on it, but its message is technical:
"Doc file 'hinnat.fi.md' contains a link 'yhteystiedt.md', but the target is not found among
documentation files." This hook rewrites that message, as it is logged, into one that names the file
as it is in the repository, says what is wrong and how to fix it, and suggests the nearest page name:

    docs/hinnat.fi.md: the link 'yhteystiedt.md' goes to a page that does not exist. Did you mean
    'yhteystiedot.md'? Correct the file name in the link, or remove the link. ...

It changes only the wording: MkDocs still counts the warning, so the strict build still stops.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re

PAGES_LOGGER = "mkdocs.structure.pages"
LANGUAGE_SUFFIX = re.compile(r"\.(fi|en)\.md$")

NOT_FOUND = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']*)', but the target(?: '[^']*')? "
    r"is not found among documentation files\.(?: Did you mean '(?P<suggestion>[^']*)'\?)?$"
)
UNRECOGNIZED = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']*)', "
    r"it was left as is\.(?: Did you mean '(?P<suggestion>[^']*)'\?)?$"
)

HOW_TO_LINK = (
    "Correct the file name in the link, or remove the link. A link names the page's file without "
    "the language part: [Hinnat](hinnat.md) links to docs/hinnat.fi.md on a Finnish page and to "
    "docs/hinnat.en.md on an English one."
)


def page_links(sources: list[str]) -> list[str]:
    """The pages as links are written: ``hinnat.fi.md`` and ``hinnat.en.md`` are both ``hinnat.md``."""
    return sorted({LANGUAGE_SUFFIX.sub(".md", source) for source in sources if source.endswith(".md")})


def nearest_page(page: str, link: str, pages: list[str]) -> str | None:
    """The link, relative to ``page``, of the page whose name is closest to ``link``."""
    path, hash_mark, anchor = link.partition("#")
    folder = posixpath.dirname(page)
    candidates = {posixpath.relpath(target, folder or "."): target for target in pages}
    match = difflib.get_close_matches(path, list(candidates), n=1, cutoff=0.6)
    return match[0] + hash_mark + anchor if match else None


def explain(message: str, pages: list[str]) -> str | None:
    """A plain explanation of MkDocs' broken-link message, or None if it is about something else."""
    found = NOT_FOUND.match(message) or UNRECOGNIZED.match(message)
    if not found:
        return None
    page, link = found["page"], found["link"]
    suggestion = found["suggestion"] or nearest_page(page, link, pages)
    hint = f" Did you mean '{suggestion}'?" if suggestion and suggestion != link else ""
    return f"docs/{page}: the link '{link}' goes to a page that does not exist.{hint} {HOW_TO_LINK}"


# --------------------------------------------------------------------------- MkDocs events


class _Explainer(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            plain = explain(record.getMessage(), self.pages)
            if plain:
                record.msg, record.args = plain, None
        return True


_explainer = _Explainer()


def on_config(config):
    logger = logging.getLogger(PAGES_LOGGER)
    # MkDocs loads hooks again on every rebuild of `mkdocs serve`: keep one explainer on the logger.
    for old in [item for item in logger.filters if type(item).__name__ == "_Explainer"]:
        logger.removeFilter(old)
    logger.addFilter(_explainer)
    return config


def on_files(files, config):
    _explainer.pages = page_links([file.src_uri for file in files.documentation_pages()])
    return files
