"""The build context and the page model: read once, every language from mkdocs.yml, every mistake kept."""

from __future__ import annotations

import ast
import re
import shutil
from datetime import date, datetime, timezone

import yaml

from harness import ROOT, project_context
from website import checks, pages
from website.pages import PageName


def context_for(project, environ=None):
    return project_context(project, environ or {"SOURCE_DATE_EPOCH": "1795000000"})


def test_the_languages_are_those_of_mkdocs_yml():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    assert tuple(language["locale"] for language in i18n["languages"]) == pages.LANGUAGES
    assert [language["locale"] for language in i18n["languages"] if language.get("default") == "true"] == [pages.DEFAULT]
    assert config["theme"]["language"] == pages.DEFAULT
    assert set(pages.LOCALES) == set(pages.LANGUAGES) == set(pages.LANGUAGE_NAMES)


def test_a_page_name_gives_its_stem_language_slug_and_address():
    name = PageName.parse("toipumisorientaatio/yhteys.en.md")
    assert (name.stem, name.language, name.link_name, name.slug) == (
        "toipumisorientaatio/yhteys", "en", "toipumisorientaatio/yhteys.md", "toipumisorientaatio/yhteys/"
    )
    assert pages.url_path(name.slug, "en") == "en/toipumisorientaatio/yhteys/"
    assert pages.url_path(PageName.parse("index.fi.md").slug, "fi") == ""
    assert pages.split_url_path("en/hinnat/") == ("en", "hinnat/") and pages.split_url_path("hinnat/") == ("fi", "hinnat/")
    assert PageName.parse("notes.md") is None and not PageName.parse("a.FI.md").known_language
    assert pages.pairs(["a.fi.md", "a.en.md", "b.fi.md", "c.md"]) == {"a": {"fi", "en"}, "b": {"fi"}}


def test_only_the_page_model_parses_page_file_names():
    """A regex for a page file's language part ("[a-z]{2}\\.md$", "(fi|en)\\.md$") is how a page name gets
    parsed a second way (code review 2); a menu entry ending in .md is not a page name."""
    offenders = []
    for path in sorted((ROOT / "hooks").rglob("*.py")) + sorted((ROOT / "scripts").glob("*.py")):
        if path.name == "pages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""
            if re.search(r"\\\.md\$", text) and re.search(r"\{2\}|fi\||language", text):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_the_context_reads_the_project_once_with_the_rate_in_force():
    context = context_for(ROOT)
    assert context.problems == []
    assert context.today == date(2026, 11, 18)
    assert context.vat.effective <= context.today
    assert len(context.sources) == len(list((ROOT / "docs").rglob("*.md")))
    assert checks.check_site(context) == []


def test_a_bad_build_date_is_a_problem_and_the_context_uses_today():
    context = context_for(ROOT, environ={"SOURCE_DATE_EPOCH": "not a time"})
    assert context.today == datetime.now(timezone.utc).date()
    [problem] = context.problems
    assert "SOURCE_DATE_EPOCH on 'not a time'" in problem.message and problem.stops_preview


def test_a_broken_price_file_and_contact_are_problems_not_a_crash(tmp_path):
    project = tmp_path / "project"
    for folder in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    prices = project / "data" / "prices.yml"
    prices.write_text(prices.read_text(encoding="utf-8").replace("price: 90.00", "price: 90,00 €"), encoding="utf-8")
    organisation = project / "data" / "organisation.yml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("  email: toni.kataja@metodi.fi\n", "  email: toni.kataja(at)metodi.fi\n"), encoding="utf-8")
    context = context_for(project)
    assert context.prices is None and context.vat is None and context.contact == {}
    files = [problem.file for problem in context.problems]
    assert "data/prices.yml" in files and files.count("data/organisation.yml") == 1
    [email] = [problem for problem in context.problems if problem.file == "data/organisation.yml"]
    assert email.line == text.splitlines().index("  email: toni.kataja@metodi.fi") + 1
    assert "ei ole sähköpostiosoite" in email.finnish
    assert all(problem.stops_preview for problem in context.problems)
    # The checking pass reports them with the rest, and still checks the pages' shortcodes by name.
    found = checks.check_site(context)
    assert [problem for problem in context.problems if problem not in found] == []
