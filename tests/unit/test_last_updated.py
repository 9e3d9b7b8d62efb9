"""hooks/website/last_updated.py: each page's own last-updated date from git, and the "edit this page" link.

Layer: unit tests, no build.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from harness import ROOT
from website.last_updated import Change, History, format_updated, last_updated, parse_log, parse_status, read_history
from website.context import build_date
from website.problems import StaffError
from website.pages import language_of
from git_repo import commit, git


def test_format_in_finnish_and_english():
    day = date(2026, 11, 22)
    fi, en = format_updated(day, "fi"), format_updated(day, "en")
    assert (fi.label, fi.date, fi.iso) == ("Päivitetty", "22.11.2026", "2026-11-22")
    assert (en.label, en.date, en.iso) == ("Last updated", "22 November 2026", "2026-11-22")
    assert format_updated(date(2027, 3, 5), "fi").date == "5.3.2027"
    assert format_updated(date(2027, 3, 5), "en").date == "5 March 2027"


def test_page_language():
    assert language_of("index.fi.md") == "fi"
    assert language_of("toipumisorientaatio/yhteys.en.md") == "en"
    assert language_of("vanha.md") == "fi"


def test_parse_log_keeps_the_newest_change_of_each_file():
    output = (
        "\x00abc1234 2026-11-20\n\nhinnat.fi.md\nhinnat.en.md\n"
        "\x00def5678 2026-10-01\n\nhinnat.fi.md\nsub/yhteys.fi.md\n"
    )
    changes = parse_log(output)
    assert changes["hinnat.fi.md"] == Change(0, date(2026, 11, 20), "abc1234")
    assert changes["hinnat.en.md"] == Change(0, date(2026, 11, 20), "abc1234")
    assert changes["sub/yhteys.fi.md"] == Change(1, date(2026, 10, 1), "def5678")
    assert parse_log("") == {}


def test_parse_status_makes_paths_relative_to_the_docs_folder():
    output = " M docs/hinnat.fi.md\0?? docs/uusi.fi.md\0R  docs/b.fi.md\0docs/a.fi.md\0 M README.md\0"
    assert parse_status(output, "docs/") == {"hinnat.fi.md", "uusi.fi.md", "b.fi.md"}
    assert parse_status("", "docs/") == set()


def test_build_date_from_source_date_epoch_or_today():
    assert build_date({"SOURCE_DATE_EPOCH": "1795000000"}) == date(2026, 11, 18)
    today = datetime.now(timezone.utc).date()
    assert build_date({}) == today
    # A date that is no date is a problem for the checking pass; the context then uses today
    # (tests/unit/test_context.py).
    with pytest.raises(StaffError, match="SOURCE_DATE_EPOCH is 'not a time'"):
        build_date({"SOURCE_DATE_EPOCH": "not a time"})


def test_committed_file_shows_its_commit_date_and_others_the_fallback():
    committed = Change(0, date(2026, 1, 2), "abc1234")
    history = History(changes={"a.fi.md": committed, "b.fi.md": committed}, uncommitted={"b.fi.md"})
    fallback = date(2026, 11, 22)
    assert last_updated("a.fi.md", history, fallback) == date(2026, 1, 2)
    assert last_updated("b.fi.md", history, fallback) == fallback  # edited, not committed yet
    assert last_updated("new.fi.md", history, fallback) == fallback  # never committed
    assert last_updated("a.fi.md", History(), fallback) == fallback  # no git


def test_read_history_of_a_real_repository(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {"a.fi.md": "1", "a.en.md": "1", "sub/b.fi.md": "1"}, "2026-01-05T23:30:00+02:00")
    commit(repo, {"a.fi.md": "2"}, "2026-03-10T12:00:00+02:00")
    (repo / "docs" / "sub" / "b.fi.md").write_text("edited", encoding="utf-8")
    (repo / "docs" / "new.en.md").write_text("new", encoding="utf-8")
    (repo / "README.md").write_text("outside docs", encoding="utf-8")
    history = read_history(repo / "docs")
    assert history.changes["a.fi.md"].day == date(2026, 3, 10)
    assert history.changes["a.en.md"].day == date(2026, 1, 5)  # the committer's own calendar day
    assert history.changes["a.fi.md"].order == 0 and history.changes["a.en.md"].order == 1
    assert history.uncommitted == {"sub/b.fi.md", "new.en.md"}
    assert not history.shallow


def test_no_repository_and_no_git_give_none(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert read_history(tmp_path) is None
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert read_history(ROOT / "docs") is None
    assert read_history(tmp_path / "does-not-exist") is None
