"""hooks/website/last_updated.py: each page's own last-updated date from git, and the "edit this page" link:
the parts read from the shared strict build (the rest, and what is checked and why:
tests/unit/test_last_updated.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime, timezone

import pytest
import yaml

from harness import ROOT
from website.last_updated import format_updated
from website.pages import language_of

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
    language = language_of(src)
    day = expected_day(src, datetime.fromtimestamp(build_epoch, timezone.utc).date())
    expected = format_updated(day, language)
    assert (label, iso, shown) == (expected.label, expected.iso, expected.date), f"docs/{src}"


def test_the_date_sits_inside_the_article(built_site):
    html = (built_site / "hinnat" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert UPDATED.search(article)


def edit_base() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["repo_url"].rstrip("/") + "/" + config["edit_uri"].strip("/") + "/"


@pytest.mark.parametrize("src", SOURCES)
def test_the_public_site_has_no_edit_link_for_staff(built_site, src):
    """Families tapped "Henkilökunnalle: muokkaa tätä sivua" and landed on GitHub (content review 2,
    m1; purchaser review 2, F21): the link is on a pull request's preview only
    (tests/builds/test_workflows.py checks it there, pointing at the page's own source file)."""
    html = (built_site / output_of(src)).read_text(encoding="utf-8")
    assert 'rel="edit"' not in html and "/edit/main/docs/" not in html, f"{output_of(src)}: an edit link on the public site"
