"""scripts/stale_translations.py on a small git repository made here, with commits on known dates."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import stale_translations
from git_repo import commit, git
from harness import ROOT
from website.last_updated import Change, History

SCRIPT = ROOT / "scripts" / "stale_translations.py"


@pytest.fixture
def repo(tmp_path) -> Path:
    """Three pages: one translated after its Finnish change, one outdated, one changed together."""
    repo = tmp_path / "site-repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(
        repo,
        {
            "hinnat.fi.md": "# Hinnat\n",
            "hinnat.en.md": "# Prices\n",
            "palvelut/tuki.fi.md": "# Tuki\n",
            "palvelut/tuki.en.md": "# Support\n",
            "index.fi.md": "# Etusivu\n",
            "index.en.md": "# Home\n",
        },
        "2026-01-05T10:00:00+02:00",
    )
    # Finnish changed, then the English page was updated after it: up to date.
    commit(repo, {"hinnat.fi.md": "# Hinnat\n\nUusi.\n"}, "2026-02-01T10:00:00+02:00")
    commit(repo, {"hinnat.en.md": "# Prices\n\nNew.\n"}, "2026-02-03T10:00:00+02:00")
    # Finnish changed after the last English change: outdated.
    commit(repo, {"palvelut/tuki.fi.md": "# Tuki\n\nMuutos.\n"}, "2026-03-10T10:00:00+02:00")
    # Both languages in one commit: up to date.
    commit(repo, {"index.fi.md": "# Etusivu\n\n2\n", "index.en.md": "# Home\n\n2\n"}, "2026-04-01T10:00:00+02:00")
    return repo


# As `python3 scripts/dev.py stale` runs the script: hooks/ on its path, for website.last_updated.
SCRIPT_ENV = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}


def run_script(repo: Path, *args: str, python_flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *python_flags, str(SCRIPT), "--docs", str(repo / "docs"), *args],
        capture_output=True,
        text=True,
        env=SCRIPT_ENV,
    )


def test_lists_the_outdated_english_page_and_not_the_newer_ones(repo):
    result = run_script(repo)
    assert result.returncode == 0
    out = result.stdout
    assert "English pages that may need updating (1):" in out
    assert "docs/palvelut/tuki.en.md may be out of date: docs/palvelut/tuki.fi.md has changed after it" in out
    assert "Finnish: 2026-03-10" in out and "English: 2026-01-05" in out
    assert "hinnat.en.md" not in out, "an English page newer than its Finnish page is up to date"
    assert "index.en.md" not in out, "a page changed in both languages in one commit is up to date"


def test_github_flag_prints_warning_lines_naming_the_file(repo):
    result = run_script(repo, "--github")
    assert result.returncode == 0
    [line] = result.stdout.splitlines()
    assert line.startswith("::warning file=docs/palvelut/tuki.en.md::docs/palvelut/tuki.en.md saattaa olla vanhentunut")
    assert "In English: docs/palvelut/tuki.en.md may be out of date" in line


def test_uncommitted_changes_count_as_newest(repo):
    (repo / "docs" / "hinnat.fi.md").write_text("# Hinnat\n\nKesken.\n", encoding="utf-8")
    (repo / "docs" / "palvelut" / "tuki.en.md").write_text("# Support\n\nUpdated.\n", encoding="utf-8")
    out = run_script(repo).stdout
    assert "docs/hinnat.en.md may be out of date" in out and "Finnish: changes not committed yet" in out
    assert "tuki.en.md" not in out, "an English page being edited now is newer than its Finnish page"


def test_order_in_history_wins_over_the_clock(repo):
    # A Finnish commit made later but dated earlier (a rebased branch, a wrong clock) is still newer.
    commit(repo, {"index.fi.md": "# Etusivu\n\n3\n"}, "2025-12-01T10:00:00+02:00")
    out = run_script(repo).stdout
    assert "docs/index.en.md may be out of date" in out


def test_a_missing_english_page_is_listed(repo):
    commit(repo, {"uusi.fi.md": "# Uusi\n"}, "2026-05-01T10:00:00+02:00")
    assert "docs/uusi.en.md is missing: translate docs/uusi.fi.md." in run_script(repo).stdout


def test_all_up_to_date(repo):
    commit(repo, {"palvelut/tuki.en.md": "# Support\n\nChange.\n"}, "2026-03-11T10:00:00+02:00")
    result = run_script(repo, "--github")
    assert result.returncode == 0
    assert result.stdout.strip().endswith("(All English pages are up to date with their Finnish pages.)")
    assert result.stdout.count("\n") == 1


def test_without_git_history_it_says_so_and_exits_0(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.fi.md").write_text("# A\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--docs", str(docs)],
        capture_output=True,
        text=True,
        env={**SCRIPT_ENV, "GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert result.returncode == 0
    assert "Cannot read the git history" in result.stdout


def test_needs_only_the_standard_library(repo):
    # -S: no site-packages, as with a bare `python3` on a CI runner before anything is installed.
    result = run_script(repo, "--github", python_flags=("-S",))
    assert result.returncode == 0, result.stderr
    assert "tuki.en.md" in result.stdout


def test_pure_comparison():
    history = History(
        changes={
            "a.fi.md": Change(0, date(2026, 3, 1), "aaaaaaa"),
            "a.en.md": Change(1, date(2026, 2, 1), "bbbbbbb"),
            "b.fi.md": Change(2, date(2026, 1, 1), "ccccccc"),
            "b.en.md": Change(0, date(2026, 3, 1), "aaaaaaa"),
        },
        uncommitted={"c.en.md"},
    )
    history.changes["c.fi.md"] = Change(0, date(2026, 3, 1), "aaaaaaa")
    stale = stale_translations.stale_translations(
        ["a.fi.md", "a.en.md", "b.fi.md", "b.en.md", "c.fi.md", "c.en.md"], history
    )
    assert [item.english for item in stale] == ["docs/a.en.md"]


def test_a_translation_checked_mark_counts_as_an_english_update(repo):
    # A Finnish style fix that needs nothing in English, then a commit that says the page was compared.
    commit(repo, {"hinnat.fi.md": "# Hinnat\n\nUusi, korjattu.\n"}, "2026-05-01T10:00:00+02:00")
    assert "docs/hinnat.en.md may be out of date" in run_script(repo).stdout
    git(repo, "commit", "-q", "--allow-empty", "-m", "Compared the pages\n\nTranslation-checked: docs/hinnat.en.md",
        when="2026-05-02T10:00:00+02:00")
    out = run_script(repo).stdout
    assert "hinnat.en.md" not in out
    assert "docs/palvelut/tuki.en.md may be out of date" in out, "a mark names one page, not all"
    # A later Finnish change makes the page outdated again.
    commit(repo, {"hinnat.fi.md": "# Hinnat\n\nTaas uusi.\n"}, "2026-05-03T10:00:00+02:00")
    assert "docs/hinnat.en.md may be out of date" in run_script(repo).stdout


def test_the_finnish_mark_and_a_mark_in_a_commit_with_other_files(repo):
    (repo / "README.md").write_text("x\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Readme\n\nKäännös-tarkistettu: docs/palvelut/tuki.en.md", when="2026-03-12T10:00:00+02:00")
    assert "tuki.en.md" not in run_script(repo).stdout


def test_parse_checked_keeps_the_newest_mark():
    log = "\x00Newest\n\nTranslation-checked: docs/a.en.md\n\x00Older\n\nTranslation-checked: docs/a.en.md\nTranslation-checked: b.en.md\n"
    assert stale_translations.parse_checked(log) == {"a.en.md": 0, "b.en.md": 1}
