"""The privacy notice, the accessibility statement and the guide's framing, read from the strict build:
the parts that need no build (the rest, and what is checked and why:
tests/site/test_legal_pages.py).

Layer: unit tests, no build.
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
