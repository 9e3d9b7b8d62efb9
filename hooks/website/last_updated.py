"""Every page shows the day its own source file last changed, from git.

"Päivitetty 22.11.2026" on a Finnish page, "Last updated 22 November 2026" on an English one, at the
bottom of the content (``overrides/partials/source-file.html``). The date is the commit date of the
last commit that touched the page's own file, ``docs/name.fi.md`` or ``docs/name.en.md``, so the two
languages of a page can show different days.

The whole history is read in one ``git log`` call per build, not one call per page. Where there is no
git, no repository, or the file has changes that are not committed yet (a new page, an edit being
previewed), the page shows the build date instead: the day of ``SOURCE_DATE_EPOCH`` if it is set,
otherwise today (UTC). Nothing here stops a build.

The git functions use the standard library only (Babel is imported where a date is formatted), so
``scripts/stale_translations.py`` can use them with a plain ``python3``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

LABELS = {"fi": "Päivitetty", "en": "Last updated"}
COMMIT_MARK = "\x00"  # what "%x00" in the log format prints before each commit


@dataclass(frozen=True)
class Change:
    """The newest commit that touched a file. ``order`` 0 is the newest commit in ``git log`` order."""

    order: int
    day: date
    commit: str


@dataclass
class History:
    """What git knows about the files under one folder; paths are relative to that folder."""

    changes: dict[str, Change] = field(default_factory=dict)
    uncommitted: set[str] = field(default_factory=set)
    shallow: bool = False


@dataclass(frozen=True)
class Updated:
    """What the page template shows."""

    label: str
    date: str
    iso: str


# --------------------------------------------------------------------------- pure functions


def parse_log(output: str) -> dict[str, Change]:
    """The newest change of every file in ``git log --format=%x00%h %cs --name-only`` output.

    ``git log`` lists the newest commit first, so the first commit that names a file is its last change.
    """
    changes: dict[str, Change] = {}
    order = -1
    current: tuple[str, date] | None = None
    for line in output.splitlines():
        if line.startswith(COMMIT_MARK):
            commit, _, day = line[1:].strip().partition(" ")
            order += 1
            current = (commit, date.fromisoformat(day.strip()))
        elif line.strip() and current is not None:
            changes.setdefault(line.strip(), Change(order, current[1], current[0]))
    return changes


def parse_status(output: str, prefix: str) -> set[str]:
    """Paths with uncommitted changes from ``git status --porcelain -z``, relative to ``prefix``.

    Porcelain paths are relative to the top of the repository; ``prefix`` is the folder's path from
    there (``git rev-parse --show-prefix``, e.g. ``docs/``).
    """
    paths: set[str] = set()
    entries = iter(output.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        status, path = entry[:2], entry[3:]
        if "R" in status or "C" in status:
            next(entries, None)  # a rename is followed by its old path
        if path.startswith(prefix):
            paths.add(path[len(prefix):])
    return paths


def last_updated(path: str, history: History, fallback: date) -> date:
    """The day ``path`` last changed: its last commit, or ``fallback`` if it has uncommitted changes."""
    if path in history.uncommitted or path not in history.changes:
        return fallback
    return history.changes[path].day


def format_updated(day: date, language: str) -> Updated:
    from .formats import format_day  # here, so that the git functions need no third-party module

    return Updated(LABELS[language], format_day(day, language), day.isoformat())


# --------------------------------------------------------------------------- git


def git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    except (OSError, ValueError):  # no git installed, or the folder is gone
        return None
    return result.stdout if result.returncode == 0 else None


def read_history(folder: str | Path) -> History | None:
    """The git history of the files under ``folder``, or None where git or a repository is missing."""
    folder = Path(folder)
    about = git(folder, "rev-parse", "--show-prefix", "--is-shallow-repository")
    if about is None:
        return None
    lines = about.splitlines()
    prefix = lines[0].strip() if lines else ""
    shallow = len(lines) > 1 and lines[1].strip() == "true"
    # No commits yet is not an error: every file is then uncommitted.
    log_output = git(folder, "log", "--format=%x00%h %cs", "--name-only", "--relative", "--", ".")
    status = git(folder, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".")
    return History(
        changes=parse_log(log_output or ""),
        uncommitted=parse_status(status or "", prefix),
        shallow=shallow,
    )
