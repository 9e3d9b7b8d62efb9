"""The mistakes a staff member will make, made as they would make them, in a copy of the project.

Each must stop the build with a message in plain words that names the file and says what to do,
with no Python traceback, and must leave the last good site as it was. One build per case.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Callable

import pytest

from conftest import build_site

EPOCH = 1795000000  # 18 November 2026, so that dates are known


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


# --------------------------------------------------------------------------- the mistakes


def broken_link(project: Path) -> list[str]:
    append(project / "docs" / "hinnat.fi.md", "Kysy lisää: [yhteystiedot](yhteystiedt.md).")
    return [
        "docs/hinnat.fi.md: the link 'yhteystiedt.md' goes to a page that does not exist.",
        "Did you mean 'yhteystiedot.md'?",
        "Correct the file name in the link, or remove the link.",
    ]


def page_in_one_language(project: Path) -> list[str]:
    (project / "docs" / "ryhmat.fi.md").write_text(
        "---\ndescription: Ryhmävalmennus nuorille.\n---\n\n# Ryhmät\n\nUusi sivu.\n", encoding="utf-8"
    )
    return [
        "docs/ryhmat.en.md is missing: docs/ryhmat.fi.md has no English version.",
        "add docs/ryhmat.en.md (translate the page), or remove docs/ryhmat.fi.md.",
    ]


def misspelled_shortcode(project: Path) -> list[str]:
    page = project / "docs" / "hinnat.fi.md"
    text = page.read_text(encoding="utf-8")
    if "<!-- md:price-table support-person -->" in text:
        page.write_text(text.replace("md:price-table support-person", "md:prce-table support-person", 1), encoding="utf-8")
    else:
        append(page, "<!-- md:prce-table support-person -->")
    line = line_of(page, "md:prce-table")
    return [
        f"docs/hinnat.fi.md, line {line}: the shortcode '<!-- md:prce-table support-person -->' is not one the site knows",
        "Check the spelling.",
        "md:price-table",
    ]


def comma_in_a_price(project: Path) -> list[str]:
    prices = project / "data" / "prices.yml"
    text = prices.read_text(encoding="utf-8")
    first = re.search(r"^(\s*price:\s*)(\d+)\.(\d\d)\s*$", text, flags=re.MULTILINE)
    prices.write_text(text[: first.start()] + f"{first[1]}{first[2]},{first[3]}" + text[first.end() :], encoding="utf-8")
    line = text.count("\n", 0, first.start()) + 1
    return [
        f"data/prices.yml, line {line} (",
        f"the price '{first[2]},{first[3]}' is not a number. Use a dot, not a comma, for decimals.",
        "Write it like 70.00.",
    ]


def missing_description(project: Path) -> list[str]:
    page = project / "docs" / "hinnat.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^description:.*\n(?:[ \t]+.*\n)*", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    return [
        "docs/hinnat.en.md: the page has no description. Add at the very top of the file:",
        "description: One or two sentences about this page, in its own language.",
    ]


MISTAKES: dict[str, Callable[[Path], list[str]]] = {
    "broken link between pages": broken_link,
    "page in one language only": page_in_one_language,
    "misspelled shortcode": misspelled_shortcode,
    "comma in a price": comma_in_a_price,
    "missing description": missing_description,
}


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_plain_failure(output: str, returncode: int, expected: list[str]) -> None:
    assert returncode != 0, f"the build should have stopped:\n{output}"
    assert "Traceback" not in output and 'File "' not in output, f"a Python traceback:\n{output}"
    for phrase in expected:
        assert phrase in output, f"missing from the message: {phrase!r}\n--- output ---\n{output}"
    # The message is on a line of its own that the reader's eye finds: an ERROR or WARNING line.
    first = expected[0]
    assert re.search(rf"^(ERROR|WARNING)\s+-\s+{re.escape(first)}", output, flags=re.MULTILINE), output


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_mistake_stops_the_build_with_a_plain_message_and_keeps_the_last_good_site(
    name, project_copy, built_site, tmp_path
):
    # The last good site: the session's strict build of the real project, where a publish would put it.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    before = tree_digest(site)

    expected = MISTAKES[name](project_copy)
    build = build_site(site, cwd=project_copy, env={"SOURCE_DATE_EPOCH": str(EPOCH)})

    assert_plain_failure(build.output, build.returncode, expected)
    assert tree_digest(site) == before, "the failed build changed the last good site"
    assert not (tmp_path / "site.building").exists(), "the half-built staging folder was left behind"


def test_a_good_build_then_a_broken_price_file_leaves_that_build_untouched(project_copy, tmp_path):
    site = tmp_path / "site"
    # Not a git repository: the pages show the build date (hooks/last_updated.py falls back to it).
    env = {"SOURCE_DATE_EPOCH": str(EPOCH), "GIT_CEILING_DIRECTORIES": str(project_copy.parent)}
    good = build_site(site, cwd=project_copy, env=env)
    assert good.returncode == 0, good.output
    assert "Traceback" not in good.output
    index = (site / "index.html").read_bytes()
    before = tree_digest(site)
    # The home page is a landing page without the date; a content page shows it.
    fi = (site / "hinnat" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "hinnat" / "index.html").read_text(encoding="utf-8")
    assert '<p class="page-updated">Päivitetty <time datetime="2026-11-18">18.11.2026</time></p>' in fi
    assert '<p class="page-updated">Last updated <time datetime="2026-11-18">18 November 2026</time></p>' in en

    expected = comma_in_a_price(project_copy)
    broken = build_site(site, cwd=project_copy, env=env)

    assert_plain_failure(broken.output, broken.returncode, expected)
    assert (site / "index.html").read_bytes() == index
    assert tree_digest(site) == before
