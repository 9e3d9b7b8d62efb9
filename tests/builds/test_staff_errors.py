"""The mistakes a staff member will make, made as they would make them, in a copy of the project.

Each must stop the build with a message in plain words, in Finnish and then in English, that names
the file and says what to do, with no Python traceback, and must leave the last good site as it was.
One build per case.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable

import pytest

from harness import build_site, mkdocs_env

EPOCH = 1795000000  # 18 November 2026, so that dates are known


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


# --------------------------------------------------------------------------- the mistakes


def broken_link(project: Path) -> list[str]:
    page = project / "docs" / "hinnat.fi.md"
    append(page, "Kysy lisää: [yhteystiedot](yhteystiedt.md).")
    line = line_of(page, "(yhteystiedt.md)")
    return [
        f"docs/hinnat.fi.md, rivi {line}: linkki 'yhteystiedt.md' vie sivulle, jota ei ole. Tarkoititko 'yhteystiedot.md'?",
        f"In English: docs/hinnat.fi.md, line {line}: the link 'yhteystiedt.md' goes to a page that does not exist.",
        "Did you mean 'yhteystiedot.md'?",
        "Correct the file name in the link, or remove the link.",
    ]


def broken_section_link(project: Path) -> list[str]:
    # A typo after '#': the section's name (the {#id} after a heading) of a real page, one letter off.
    target = (project / "docs" / "yhteystiedot.fi.md").read_text(encoding="utf-8")
    section = max(re.findall(r"\{\s*#([a-z0-9-]+)\s*\}", target), key=len)
    typo = section[:-2] + section[-1] + section[-2]
    page = project / "docs" / "hinnat.fi.md"
    append(page, f"Lue myös [yhteystiedot](yhteystiedot.md#{typo}).")
    line = line_of(page, f"#{typo})")
    return [
        f"docs/hinnat.fi.md, rivi {line}: linkki 'yhteystiedot.md#{typo}' vie sivun docs/yhteystiedot.fi.md "
        f"kohtaan '#{typo}', mutta sivulla ei ole sen nimistä kohtaa. Tarkoititko '#{section}'",
        "{#nimi}",
        f"In English: docs/hinnat.fi.md, line {line}: the link 'yhteystiedot.md#{typo}' goes to the section",
    ]


def add_to_menu(project: Path, stem: str, finnish: str, english: str) -> None:
    """The guide's two lines in mkdocs.yml: the menu entry, and its English title."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^nav:\n", f"nav:\n  - {finnish}: {stem}.md\n", text, count=1, flags=re.MULTILINE)
    text = re.sub(
        r"^(\s*)nav_translations:\n", lambda m: f"{m[0]}{m[1]}  {finnish}: {english}\n", text, count=1, flags=re.MULTILINE
    )
    config.write_text(text, encoding="utf-8")


def page_in_one_language(project: Path) -> list[str]:
    (project / "docs" / "ryhmat.fi.md").write_text(
        "---\ndescription: Ryhmävalmennus nuorille.\n---\n\n# Ryhmät\n\nUusi sivu.\n", encoding="utf-8"
    )
    add_to_menu(project, "ryhmat", "Ryhmät", "Groups")
    return [
        "docs/ryhmat.en.md puuttuu: sivusta docs/ryhmat.fi.md ei ole englanninkielistä versiota.",
        "lisää docs/ryhmat.en.md (käännä sivu) tai poista docs/ryhmat.fi.md.",
        "In English: docs/ryhmat.en.md is missing: docs/ryhmat.fi.md has no English version.",
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
        f"docs/hinnat.fi.md, rivi {line}: sivulla on lyhytkoodi '<!-- md:prce-table support-person -->', jota sivusto ei tunne",
        "Tarkoititko 'md:price-table'?",
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
        f"data/prices.yml, rivi {line} (kohta '",
        f"hinta '{first[2]},{first[3]}' ei ole luku. Käytä desimaalierottimena pistettä, ei pilkkua.",
        f"Kirjoita se muodossa {first[2]}.{first[3]}.",
        f"data/prices.yml, line {line} (",
        f"the price '{first[2]},{first[3]}' is not a number. Use a dot, not a comma, for decimals.",
        f"Write it like {first[2]}.{first[3]}.",
    ]


def lost_dash(project: Path) -> list[str]:
    # The trial's edit: the '- ' deleted from the second length of a price list.
    prices = project / "data" / "prices.yml"
    lines = prices.read_text(encoding="utf-8").splitlines()
    second = [index for index, line in enumerate(lines) if re.match(r"^\s*- minutes:", line)][1]
    own = re.sub(r"\s+#.*$", "", lines[second]).strip()  # without a "# 2 h" comment
    lines[second] = lines[second].replace("- ", "  ", 1)
    prices.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = second + 1
    return [
        f"data/prices.yml, rivi {line}: 'minutes' on kahdesti",
        f"Onko rivin {line} alusta kadonnut '- '? Jokainen kesto alkaa omalla rivillään merkeillä '- ', kuten '{own}'.",
        "Älä poista riviä",
        f"In English: data/prices.yml, line {line}: 'minutes' appears twice",
        f"Has line {line} lost the '- ' at its start?",
    ]


def missing_description(project: Path) -> list[str]:
    page = project / "docs" / "hinnat.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^description:.*\n(?:[ \t]+.*\n)*", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    return [
        "docs/hinnat.en.md: sivulta puuttuu kuvaus (description). Lisää tiedoston alkuun:",
        "docs/hinnat.en.md: the page has no description. Add at the very top of the file:",
        "description: One or two sentences about this page, in its own language.",
    ]


MISTAKES: dict[str, Callable[[Path], list[str]]] = {
    "broken link between pages": broken_link,
    "broken link to a section": broken_section_link,
    "price row that lost its '- '": lost_dash,
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
    # The message is on a line of its own that the reader's eye finds: an ERROR or WARNING line, in
    # Finnish first; the English follows it on its own line.
    first = expected[0]
    assert "In English: " in output, output
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
    # Not a git repository: the pages show the build date (hooks/website/last_updated.py falls back to it).
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


def test_the_preview_shows_a_page_in_one_language_with_a_notice(project_copy):
    """`serve` starts although a new Finnish page has no English pair yet, and says so on the page."""
    expected = page_in_one_language(project_copy)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env=mkdocs_env(SOURCE_DATE_EPOCH=str(EPOCH)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        html, deadline = None, time.monotonic() + 60
        while html is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ryhmat/", timeout=2) as response:
                    html = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.3)
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert html is not None, f"the preview did not start:\n{output}"
    assert "Traceback" not in output, output
    assert re.search(
        r"^WARNING\s+-\s+Esikatselu: docs/ryhmat\.fi\.md näkyy esikatselussa, mutta siltä puuttuu vielä "
        r"englanninkielinen versio docs/ryhmat\.en\.md\. Julkaisu pysähtyy, kunnes se on lisätty\.",
        output,
        flags=re.MULTILINE,
    ), output
    assert expected[0] not in output, "the preview stopped on the missing page as a publish build does"
    notice = re.search(r'<div class="admonition warning">(.*?)</div>', html, flags=re.DOTALL)
    assert notice, "no notice on the previewed page"
    assert (
        '<p lang="fi"><strong>Esikatselu:</strong> tältä sivulta puuttuu vielä englanninkielinen versio '
        "<code>docs/ryhmat.en.md</code>. Julkaisu pysähtyy, kunnes se on lisätty.</p>" in notice[1]
    )
    assert '<p lang="en"><strong>Preview:</strong> this page has no English version' in notice[1]
    assert html.index("<h1") < html.index('class="admonition warning"')
