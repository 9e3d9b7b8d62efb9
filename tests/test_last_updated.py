"""hooks/last_updated.py: each page's own last-updated date from git, and the "edit this page" link."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import yaml

from harness import ROOT
from last_updated import (
    Change,
    History,
    build_date,
    format_updated,
    last_updated,
    page_language,
    parse_log,
    parse_status,
    read_history,
)
from git_repo import commit, git

DOCS = ROOT / "docs"
SOURCES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
UPDATED = re.compile(r'<p class="page-updated">(?P<label>[^<]*?) <time datetime="(?P<iso>[^"]+)">(?P<shown>[^<]+)</time></p>')


def output_of(src: str) -> str:
    """docs/foo/bar.en.md → en/foo/bar/index.html (directory URLs, English under en/)."""
    stem, language, _ = src.rsplit(".", 2)
    prefix = "" if language == "fi" else f"{language}/"
    if stem == "index" or stem.endswith("/index"):
        return f"{prefix}{stem[: -len('index')]}index.html"
    return f"{prefix}{stem}/index.html"


# --------------------------------------------------------------------------- pure functions


def test_format_in_finnish_and_english():
    day = date(2026, 11, 22)
    fi, en = format_updated(day, "fi"), format_updated(day, "en")
    assert (fi.label, fi.date, fi.iso) == ("Päivitetty", "22.11.2026", "2026-11-22")
    assert (en.label, en.date, en.iso) == ("Last updated", "22 November 2026", "2026-11-22")
    assert format_updated(date(2027, 3, 5), "fi").date == "5.3.2027"
    assert format_updated(date(2027, 3, 5), "en").date == "5 March 2027"


def test_page_language():
    assert page_language("index.fi.md") == "fi"
    assert page_language("toipumisorientaatio/yhteys.en.md") == "en"
    assert page_language("vanha.md") == "fi"


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
    assert build_date({"SOURCE_DATE_EPOCH": "not a time"}) == today


def test_committed_file_shows_its_commit_date_and_others_the_fallback():
    committed = Change(0, date(2026, 1, 2), "abc1234")
    history = History(changes={"a.fi.md": committed, "b.fi.md": committed}, uncommitted={"b.fi.md"})
    fallback = date(2026, 11, 22)
    assert last_updated("a.fi.md", history, fallback) == date(2026, 1, 2)
    assert last_updated("b.fi.md", history, fallback) == fallback  # edited, not committed yet
    assert last_updated("new.fi.md", history, fallback) == fallback  # never committed
    assert last_updated("a.fi.md", History(), fallback) == fallback  # no git
    # A build without git showing the build date on the pages: tests/test_staff_errors.py.


# --------------------------------------------------------------------------- git


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


# --------------------------------------------------------------------------- the built site


def expected_day(src: str, fallback: date) -> date:
    """The slow, obvious way: one `git log -1` and one `git status` per file."""
    path = f"docs/{src}"
    status = subprocess.run(["git", "status", "--porcelain", "--", path], cwd=ROOT, capture_output=True, text=True)
    logged = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path], cwd=ROOT, capture_output=True, text=True)
    if status.returncode or logged.returncode or status.stdout.strip() or not logged.stdout.strip():
        return fallback
    return date.fromisoformat(logged.stdout.strip())


# The home page is a landing page (overrides/home.html) and carries no date.
DATED = [src for src in SOURCES if not src.startswith("index.")]


def test_the_home_page_carries_no_date(built_site):
    assert not UPDATED.search((built_site / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("src", DATED)
def test_every_page_shows_the_last_change_of_its_own_file(built_site, build_epoch, src):
    html = (built_site / output_of(src)).read_text(encoding="utf-8")
    found = UPDATED.findall(html)
    assert len(found) == 1, f"{output_of(src)}: expected one <p class=\"page-updated\">"
    label, iso, shown = found[0]
    language = page_language(src)
    day = expected_day(src, datetime.fromtimestamp(build_epoch, timezone.utc).date())
    expected = format_updated(day, language)
    assert (label, iso, shown) == (expected.label, expected.iso, expected.date), f"docs/{src}"


def test_the_date_sits_inside_the_article(built_site):
    html = (built_site / "hinnat" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert UPDATED.search(article)


# --------------------------------------------------------------------------- "edit this page"


def edit_base() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["repo_url"].rstrip("/") + "/" + config["edit_uri"].strip("/") + "/"


@pytest.mark.parametrize("src", SOURCES)
def test_edit_link_for_staff_opens_the_pages_own_source_file(built_site, src):
    html = (built_site / output_of(src)).read_text(encoding="utf-8")
    links = [tag for tag in re.findall(r"<a\b[^>]*>", html) if 'rel="edit"' in tag]
    assert len(links) == 1, f"{output_of(src)}: expected one edit link, in the footer"
    assert html.index(links[0]) > html.index("<footer"), f"{output_of(src)}: the edit link belongs in the footer"
    href = re.search(r'href="([^"]+)"', links[0])[1]
    assert href == edit_base() + src
    assert href.endswith(f"/edit/main/docs/{src}")
