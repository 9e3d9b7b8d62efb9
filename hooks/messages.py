"""Messages for the staff who edit the site: Finnish first, the same in English after it for developers.

Staff read Finnish; the developers and the tests read the English line. Every message that a staff
member can meet while editing (the price file, links, translations, file names, the menu) is made
here, so that all of them look alike in the build's output.
"""

from __future__ import annotations

ENGLISH_PREFIX = "In English: "


def for_staff(finnish: str, english: str) -> str:
    """One message: the Finnish text, then the English text on its own indented line."""
    return f"{finnish.strip()}\n    {ENGLISH_PREFIX}{english.strip()}"


def located(message: str, finnish_place: str, english_place: str) -> str:
    """A ``for_staff`` message with the place of the mistake (file, line) put in front of both languages."""
    finnish, separator, english = message.partition(f"\n    {ENGLISH_PREFIX}")
    if not separator:
        return f"{english_place}: {message}"
    return for_staff(f"{finnish_place}: {finnish}", f"{english_place}: {english}")
