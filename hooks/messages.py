"""Messages for the staff who edit the site: Finnish first, the same in English after it for developers.

Staff read Finnish; the developers and the tests read the English line. Every message that a staff
member can meet while editing (the price file, links, translations, file names, the menu) is made
here, so that all of them look alike in the build's output.
"""

from __future__ import annotations

import logging

ENGLISH_PREFIX = "In English: "


def for_staff(finnish: str, english: str) -> str:
    """One message: the Finnish text, then the English text on its own indented line."""
    return f"{finnish.strip()}\n    {ENGLISH_PREFIX}{english.strip()}"


def place(source: str, line: int | None) -> tuple[str, str]:
    """Where a mistake is, in Finnish and in English: "docs/hinnat.fi.md, rivi 7" / "..., line 7"."""
    return (f"{source}, rivi {line}", f"{source}, line {line}") if line else (source, source)


def located(message: str, finnish_place: str, english_place: str) -> str:
    """A ``for_staff`` message with the place of the mistake (file, line) put in front of both languages."""
    finnish, separator, english = message.partition(f"\n    {ENGLISH_PREFIX}")
    if not separator:
        return f"{english_place}: {message}"
    return for_staff(f"{finnish_place}: {finnish}", f"{english_place}: {english}")


# Just under WARNING: shown as a warning, but not counted by the strict mode's counter, which would
# otherwise stop the preview (`mkdocs serve`) for the very things the preview is meant to tolerate
# while a page is being written. The strict build still stops on them.
PREVIEW_WARNING = logging.WARNING - 1


def warn_in_preview(log: logging.Logger, message: str) -> None:
    record = log.makeRecord(log.name, PREVIEW_WARNING, __file__, 0, message, None, None)
    record.levelname = "WARNING"
    log.handle(record)
