"""Mistakes that staff can make, as data: where each is, and what to do, in Finnish and in English.

Every check of the build returns ``Problem``s instead of stopping at the first one, so that one build
names every mistake. ``report`` holds the one policy of what they do: a publishing build stops on any
of them; the live preview shows them as warnings and goes on, unless a problem makes the page
impossible to render (``stops_preview``).

A message reads Finnish first, then the same in English on its own line for developers and tests:

    docs/hinnat.fi.md, rivi 7: ...
        In English: docs/hinnat.fi.md, line 7: ...
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

ENGLISH_PREFIX = "In English: "
LOGGER = "mkdocs.hooks.staff"

# Just under WARNING: shown as a warning, but not counted by the strict mode's counter, which would
# otherwise stop the preview (`mkdocs serve`) for the very things the preview is meant to tolerate
# while a page is being written. The strict build still stops on them.
PREVIEW_WARNING = logging.WARNING - 1


def for_staff(finnish: str, english: str) -> str:
    """One message: the Finnish text, then the English text on its own indented line."""
    return f"{finnish.strip()}\n    {ENGLISH_PREFIX}{english.strip()}"


def place(source: str, line: int | None) -> tuple[str, str]:
    """Where a mistake is, in Finnish and in English: "docs/hinnat.fi.md, rivi 7" / "..., line 7"."""
    return (f"{source}, rivi {line}", f"{source}, line {line}") if line else (source, source)


@dataclass(frozen=True)
class Problem:
    """One mistake. ``finnish`` and ``english`` are whole sentences that already name the place."""

    file: str | None  # as in the repository: "docs/hinnat.fi.md", "data/prices.yml", "mkdocs.yml"
    line: int | None
    finnish: str
    english: str
    stops_preview: bool = False
    warning: bool = False  # worth a look, never a stop: shown on the pull request, not counted

    @classmethod
    def at(cls, file: str, line: int | None, finnish: str, english: str, **options) -> Problem:
        """A problem whose texts start with its place: "docs/x.fi.md, rivi 7: ..."."""
        where_fi, where_en = place(file, line)
        return cls(file, line, f"{where_fi}: {finnish}", f"{where_en}: {english}", **options)

    @property
    def message(self) -> str:
        return for_staff(self.finnish, self.english)

    def __str__(self) -> str:
        return self.message


class StaffError(Exception):
    """Raised where a mistake leaves nothing to go on with (an unreadable file); carries its problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def messages(problems: list[Problem]) -> str:
    return "\n".join(problem.message for problem in problems)


def count_line(count: int) -> tuple[str, str]:
    """ "1 ongelma" / "3 ongelmaa", and the English."""
    return f"{count} ongelma{'' if count == 1 else 'a'}", f"{count} problem{'' if count == 1 else 's'}"


def stops(problems: list[Problem], serving: bool) -> bool:
    """The policy: a publishing build stops on any problem; the preview only where a page cannot render;
    a warning stops neither."""
    problems = [problem for problem in problems if not problem.warning]
    return any(problem.stops_preview for problem in problems) if serving else bool(problems)


def warn_in_preview(log: logging.Logger, message: str) -> None:
    record = log.makeRecord(log.name, PREVIEW_WARNING, __file__, 0, message, None, None)
    record.levelname = "WARNING"
    log.handle(record)


def write_report(path: str | Path | None, problems: list[Problem], summary: str = "") -> None:
    """The problems as JSON for ``scripts/dev.py``, which counts them (where it asked, by STAFF_REPORT),
    and the build's one-line summary of what visitors see today."""
    if path:
        report = {"problems": [asdict(problem) for problem in problems], "summary": summary}
        Path(path).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


def read_report(path: str | Path) -> tuple[list[Problem], str] | None:
    try:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
        return [Problem(**item) for item in report["problems"]], report["summary"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
