"""The language switch keeps your place: which heading of the other language's page matches each
heading of this one.

A visitor switching language in the middle of a page should land at the same section, not at the
top; and never at a section that is about something else. Two headings are paired when

- they have the same id (a shared ``{ #id }`` written in both files, as the service pages do), or
- the two pages have the same outline (the same number of headings, level by level) and the
  headings stand at the same place in it, and no shared id says otherwise.

A heading with no pair sends the visitor to the top of the other page. The pairs are written into
the switch's ``data-site-sections`` (``overrides/partials/alternate.html``) once both languages are
built, since the first language's pages are written before the second's headings are known.
"""

from __future__ import annotations

import re

Outline = list[tuple[int, str]]  # (level, id) of each heading below the page title, in page order

ATTRIBUTE = 'data-site-sections=""'
_HEADING = re.compile(r"<h([2-6])\b[^>]*?\bid=\"([^\"]+)\"", re.IGNORECASE)


def outline(html: str) -> Outline:
    """The headings with an id in a page's content, below its title (those of the site's own
    fragments, such as the cost estimator's, too)."""
    return [(int(level), heading_id) for level, heading_id in _HEADING.findall(html)]


def pairs(own: Outline, other: Outline) -> dict[str, str]:
    """This page's heading id → the other page's heading id, for the headings that match."""
    other_ids = {heading_id for _level, heading_id in other}
    by_id = {heading_id: heading_id for _level, heading_id in own if heading_id in other_ids}
    same_shape = [level for level, _ in own] == [level for level, _ in other]
    shared_in_place = all(
        (mine in other_ids) <= (mine == theirs) for (_, mine), (_, theirs) in zip(own, other)
    )
    if not (same_shape and shared_in_place):
        return by_id
    return {mine: theirs for (_, mine), (_, theirs) in zip(own, other)}


def with_pairs(html: str, found: dict[str, str]) -> str:
    """The page with its switch's pairs filled in (``own>other`` separated by spaces)."""
    text = " ".join(f"{mine}>{theirs}" for mine, theirs in found.items() if _plain(mine) and _plain(theirs))
    return html.replace(ATTRIBUTE, f'data-site-sections="{text}"', 1)


def _plain(heading_id: str) -> bool:
    return bool(re.fullmatch(r"[^\s>\"'&<]+", heading_id))
