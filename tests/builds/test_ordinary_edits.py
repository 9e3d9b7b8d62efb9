"""The ordinary edits of CONTRIBUTING.md pass the checks that guard a pull request.

Staff change prices, add a VAT rate that starts later, add a short page in both languages with a menu
entry, and fix wording in English. None of that may turn a check red: the tests read their expected
figures from the data file and their page lists from docs/. This test makes all four edits in a copy
of the repository, builds it strictly, and runs the page checks of the suite on the copy.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from axe_playwright_python.sync_playwright import Axe

from browsing import AXE_OPTIONS, RUN_HTMLCS, add_htmlcs, hold_still, new_context
from harness import ROOT, SITE_ORIGIN, build_site, mkdocs_env

# The checks of the built pages that a content edit can affect, and the browser checks of the new page.
PAGE_CHECKS = [
    "tests/unit/test_prices.py",
    "tests/site/test_prices.py",
    "tests/builds/test_prices.py",
    "tests/unit/test_content_facts.py",
    "tests/site/test_content_facts.py",
    "tests/site/test_service_pages.py",
    "tests/unit/test_purchaser_pages.py",
    "tests/site/test_purchaser_pages.py",
    "tests/unit/test_pages_content.py",
    "tests/site/test_pages_content.py",
    "tests/unit/test_legal_pages.py",
    "tests/site/test_legal_pages.py",
    "tests/site/test_seo.py",
    "tests/browser/test_seo.py",
    "tests/unit/test_site.py",
    "tests/site/test_site.py",
    "tests/unit/test_translations.py",
    "tests/unit/test_links.py",
    "tests/builds/test_links.py",
    "tests/unit/test_hooks.py",
    "tests/site/test_hooks.py",
    "tests/builds/test_hooks.py",
]
# A name and titles no staff member will use, so the edit never collides with a real page.
NEW_PAGE = "testisivu-tavallinen-muokkaus"
NEW_TITLE_FI = "Testiuutinen: tavallinen muokkaus"
NEW_TITLE_EN = "Test news: an ordinary edit"
NEW_PAGE_FI = """---
description: Metodilla on uusi toimipiste. Tällä sivulla kerrotaan, mistä sen löytää.
---

# Testiuutinen: tavallinen muokkaus

Metodilla on uusi toimipiste. Kysy lisää [yhteystiedoista](yhteystiedot.md).
"""
NEW_PAGE_EN = """---
description: Metodi has a new office. This page tells you where to find it.
---

# Test news: an ordinary edit

Metodi has a new office. Ask us more through the [contact page](yhteystiedot.md).
"""


def copy_repository(destination: Path) -> Path:
    skip = {".git", ".venv", ".cache", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis"}
    # Build output only at the top: tests/site/ is a folder of tests.
    top_level = {"site", "site.building", "site.previous", "screenshots"}
    shutil.copytree(
        ROOT,
        destination,
        ignore=lambda folder, names: {
            name for name in names if name in skip or (Path(folder) == ROOT and name in top_level)
        },
    )
    return destination


def raise_every_price(text: str, by: Decimal) -> str:
    """Each `price:` line gets ``by`` euros more, written with two decimals as the guide shows."""
    return re.sub(
        r"^(?P<key>\s*price:\s*)(?P<value>\d+(?:\.\d+)?)\s*$",
        lambda match: f"{match['key']}{Decimal(match['value']) + by:.2f}",
        text,
        flags=re.MULTILINE,
    )


def add_vat_rate(text: str, percent: str, starts: date) -> str:
    """One more row at the end of the ``vat_rates`` list, indented like the rows above it."""
    rows = list(re.finditer(r"^(?P<indent>\s*)- rate:.*\n(?P=indent)  from:.*\n", text, flags=re.MULTILINE))
    assert rows, "data/prices.yml has no 'vat_rates' rows of the form '- rate:' / 'from:'"
    last = rows[-1]
    row = f"{last['indent']}- rate: {percent}\n{last['indent']}  from: {starts.isoformat()}\n"
    return text[: last.end()] + row + text[last.end() :]


def add_dated_price(text: str, minutes: int, by: Decimal, starts: date) -> str:
    """A price change prepared ahead: a new row for ``minutes`` after its current one, ``by`` euros
    dearer, from ``starts`` (CONTRIBUTING: Hinnanmuutos etukäteen)."""
    row = re.search(rf"^(?P<indent>\s*)- minutes: {minutes}\b.*\n(?P=indent)  price: (?P<price>\S+)\n", text, flags=re.MULTILINE)
    assert row, f"data/prices.yml has no row for {minutes} minutes"
    price = Decimal(row["price"]) + by
    new = f"{row['indent']}- minutes: {minutes}\n{row['indent']}  price: {price:.2f}\n{row['indent']}  from: {starts.isoformat()}\n"
    return text[: row.end()] + new + text[row.end() :]


def add_menu_entry(text: str) -> str:
    """The new page at the top level of the menu, after the first entry, with its English title."""
    first = re.search(r"^nav:\n(?P<indent>\s+)- .*\n", text, flags=re.MULTILINE)
    assert first, "mkdocs.yml has no entries under 'nav:'"
    entry = f'{first["indent"]}- "{NEW_TITLE_FI}": {NEW_PAGE}.md\n'
    text = text[: first.end()] + entry + text[first.end() :]
    translations = re.search(r"^(?P<indent>\s+)nav_translations:\n", text, flags=re.MULTILINE)
    indent = translations["indent"] + "  "
    line = f'{indent}"{NEW_TITLE_FI}": "{NEW_TITLE_EN}"\n'
    return text[: translations.end()] + line + text[translations.end() :]


def edit_english_text(text: str) -> str:
    """A wording fix in the first paragraph of plain text after the page's heading."""
    paragraph = re.search(r"^# .*\n\n(?P<line>[A-Z][^\n<{!|]*[.])$", text, flags=re.MULTILINE)
    assert paragraph, "no plain first paragraph to edit"
    return text[: paragraph.end("line")] + " We are glad to help." + text[paragraph.end("line") :]


@pytest.fixture(scope="module")
def edited_repository(tmp_path_factory) -> Path:
    assert not list((ROOT / "docs").glob(f"{NEW_PAGE}.*")), "the test's page name is taken: choose another"
    assert NEW_TITLE_FI not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    root = copy_repository(tmp_path_factory.mktemp("ordinary") / "project")
    prices = root / "data" / "prices.yml"
    text = raise_every_price(prices.read_text(encoding="utf-8"), Decimal("5"))
    text = add_dated_price(text, 120, Decimal("10"), date.today() + timedelta(days=200))
    prices.write_text(add_vat_rate(text, "27", date.today() + timedelta(days=400)), encoding="utf-8")
    (root / "docs" / f"{NEW_PAGE}.fi.md").write_text(NEW_PAGE_FI, encoding="utf-8")
    (root / "docs" / f"{NEW_PAGE}.en.md").write_text(NEW_PAGE_EN, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(add_menu_entry(config.read_text(encoding="utf-8")), encoding="utf-8")
    contact = root / "docs" / "yhteystiedot.en.md"
    contact.write_text(edit_english_text(contact.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def test_the_edits_are_what_they_say(edited_repository):
    live = (ROOT / "data" / "prices.yml").read_text(encoding="utf-8")
    edited = (edited_repository / "data" / "prices.yml").read_text(encoding="utf-8")
    before = re.findall(r"^\s*price:\s*(\S+)", live, flags=re.MULTILINE)
    # The rows in force now: a price line not followed by a 'from:' line. The one dated row is 10 € dearer.
    after = re.findall(r"^\s*price:\s*(\S+)\n(?!\s*from:)", edited, flags=re.MULTILINE)
    dated = re.findall(r"^\s*- minutes: 120\n\s*price:\s*(\S+)\n\s*from:", edited, flags=re.MULTILINE)
    assert before and [Decimal(a) - Decimal(b) for a, b in zip(after, before)] == [Decimal("5")] * len(before)
    assert len(after) == len(before) and edited.count("from:") == live.count("from:") + 2
    assert len(dated) == 1 and Decimal(dated[0]) == Decimal(before[1]) + Decimal("15")
    assert edited.count("- rate:") == live.count("- rate:") + 1
    assert NEW_TITLE_FI in (edited_repository / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_edited_site_builds_and_shows_the_edits(edited_site):
    english = (edited_site / "en" / NEW_PAGE / "index.html").read_text(encoding="utf-8")
    finnish = (edited_site / NEW_PAGE / "index.html").read_text(encoding="utf-8")
    assert NEW_TITLE_EN in english and NEW_TITLE_FI not in english
    assert NEW_TITLE_FI in finnish
    assert "We are glad to help." in (edited_site / "en" / "yhteystiedot" / "index.html").read_text(encoding="utf-8")
    # Both dated changes are announced on the prices page, in both languages, with their dates.
    for language, words in (("", "alkaen"), ("en/", "From ")):
        prices_page = (edited_site / language / "hinnat" / "index.html").read_text(encoding="utf-8")
        assert prices_page.count('<p class="price-change">') == 2 and words in prices_page


def run_checks(repository: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "-x", *arguments],
        cwd=repository,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
    )


def assert_passed(result: subprocess.CompletedProcess) -> str:
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in summary and "skipped" not in summary and "failed" not in summary, summary
    return result.stdout


def test_the_page_checks_pass_on_the_edited_site(edited_repository):
    """The suite's own checks of the built pages, run on the copy."""
    output = assert_passed(run_checks(edited_repository, *PAGE_CHECKS))
    assert "deselected" not in output.splitlines()[-1]


@pytest.fixture(scope="module")
def edited_site(edited_repository, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("edited") / "site"
    build = build_site(site, cwd=edited_repository)
    assert build.returncode == 0, build.output
    return site


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_new_short_page_passes_axe_in_both_languages_and_widths(browser, edited_site, scheme):
    """A short page lays out as well as a long one: no menu squeezed or scrolled under the header."""
    context = new_context(browser, edited_site, viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    context.add_init_script(script=Axe().axe_script)
    page = context.new_page()
    found = []
    for path in (f"/{NEW_PAGE}/", f"/en/{NEW_PAGE}/", "/hinnat/", "/en/hinnat/"):
        page.goto(SITE_ORIGIN + path, wait_until="load")
        hold_still(page)
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
            violations = page.evaluate("(options) => axe.run(document, options).then((r) => r.violations)", AXE_OPTIONS)
            found += [f"{path} {width}px: {v['id']} at {[n['target'] for n in v['nodes']]}" for v in violations]
    context.close()
    assert not found, "\n".join(found)


def test_the_new_short_page_passes_html_codesniffer_in_both_languages_and_widths(browser, edited_site):
    """A page with no subheadings has no table of contents: nothing on it may be left without a name
    (Material's toggle for the missing table of contents was, until valid_html.py took it away)."""
    context = new_context(browser, edited_site, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    found = []
    for path in (f"/{NEW_PAGE}/", f"/en/{NEW_PAGE}/", "/hinnat/", "/en/hinnat/"):
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(SITE_ORIGIN + path, wait_until="load")
            add_htmlcs(page)
            found += [f"{path} {width}px: {error['code']}: {error['element']}" for error in page.evaluate(RUN_HTMLCS)]
    context.close()
    assert "## " not in NEW_PAGE_FI + NEW_PAGE_EN, "the test page must have no subheadings"
    assert not found, "\n".join(found)
