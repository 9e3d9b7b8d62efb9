"""The privacy notice, the accessibility statement and the guide's framing, read from the strict build.

What these pages may say is limited by what is known (shared/FACTS.md, the content review items 6–11,
20–21, 25–26, 53, 55): the host (GitHub Pages) is named with its own processing and the transfer
outside the EU/EEA; enquiries by email and phone have their own section; the accessibility statement
says "partially" until a screen-reader test and a full manual evaluation have been done, and both
languages name the same kinds of checks; the guide says whom it was written for and credits its
source; questions only the owner can answer are listed in OWNER-QUESTIONS.md, permission for the
guide first.

HTML is read with the standard library only, and only the page's own <article> is looked at.
"""

from __future__ import annotations

import re
from harness import ROOT


def test_owner_questions_list_starts_with_permission_for_the_guide():
    path = ROOT / "OWNER-QUESTIONS.md"
    assert path.is_file(), "OWNER-QUESTIONS.md is missing"
    lines = path.read_text(encoding="utf-8").splitlines()
    numbers = [(int(match.group(1)), line) for line in lines if (match := re.match(r"(\d+)\. ", line))]
    assert numbers, "OWNER-QUESTIONS.md has no numbered list"
    assert [number for number, _ in numbers] == list(range(1, len(numbers) + 1)), "the list is not numbered 1, 2, 3…"
    assert len(numbers) >= 16, "the content review collected 16 questions"
    first = numbers[0][1].lower()
    assert "permission" in first and "guide" in first, f"the first question should be about the guide: {first!r}"
