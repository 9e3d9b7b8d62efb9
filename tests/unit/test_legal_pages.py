"""The privacy notice, the accessibility statement and the guide's framing, read from the strict build:
the parts that need no build (the rest, and what is checked and why:
tests/site/test_legal_pages.py).

Layer: unit tests, no build.
"""

from __future__ import annotations

import re
from harness import ROOT


def test_owner_questions_list_starts_with_permission_for_the_guide():
    """OWNER-QUESTIONS.md is the owner's list in Finnish: numbered 1, 2, 3…, the guide's permission
    first, and every item says who can act on the answer and where the answer is recorded."""
    path = ROOT / "OWNER-QUESTIONS.md"
    assert path.is_file(), "OWNER-QUESTIONS.md is missing"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Omistajan kysymykset\n"), "the list's title should be '# Omistajan kysymykset'"
    assert "http" not in text.lower(), "the owner's list links nothing outside the repository"
    assert "extra.contact" not in text, "the contact person is in data/organisation.yml → contact now"
    lines = text.splitlines()
    starts = [(index, int(match.group(1))) for index, line in enumerate(lines) if (match := re.match(r"(\d+)\. ", line))]
    assert starts, "OWNER-QUESTIONS.md has no numbered list"
    assert [number for _, number in starts] == list(range(1, len(starts) + 1)), "the list is not numbered 1, 2, 3…"
    assert len(starts) >= 21, "the list keeps the 21 earlier questions (CONTRIBUTING.md points to question 21)"
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    items = [(number, "\n".join(lines[index:end])) for (index, number), end in zip(starts, ends)]
    # The question is the item's text before its first sub-bullet ("   - **Odottaa:** …").
    question = re.split(r"\n\s+- ", items[0][1])[0].lower()
    assert "lupa" in question and ("opas" in question or "opasta" in question), (
        f"the first question should be the permission for the guide: {question!r}"
    )
    recorded = []
    for number, item in items:
        for label in ("**Odottaa:**", "**Sillä välin:**"):
            assert label in item, f"item {number} should say {label}"
        who = re.findall(r"\*\*Kuka tekee:\*\* (\w+)", item)
        assert len(who) == 1 and who[0] in ("henkilökunta", "kehittäjä"), (
            f"item {number} should say once '**Kuka tekee:** henkilökunta' or '**Kuka tekee:** kehittäjä', not {who}"
        )
        where = re.findall(r"\*\*Vastaus kirjataan:\*\*(.*?)(?=\n\s+- |\Z)", item, re.DOTALL)
        assert len(where) == 1 and "`" in where[0], f"item {number} should name once the file or key that records the answer"
        recorded.append(where[0])
    # Every owner fact of data/organisation.yml is asked for, and recorded under its key.
    for key in ("legal_name", "business_id", "address", "soteri_registration", "self_monitoring_plan", "service_area",
                "languages", "phone_hours", "reply_time", "cancellation", "price_includes"):
        assert any(f"`{key}`" in where and "data/organisation.yml" in where for where in recorded), (
            f"no item says that its answer goes to data/organisation.yml → {key}"
        )
