"""Both languages are equal: every page exists as name.fi.md and name.en.md (hooks/website/translations.py)."""

from __future__ import annotations

from harness import ROOT
from website import translations
from website.pages import Source, read_sources

DOCS = ROOT / "docs"


def check(paths: list[str]) -> list[str]:
    """The messages for pages with these file names (each with a description, so only names count)."""
    return [problem.message for problem in translations.check(tuple(Source(path, "---\ndescription: x\n---\n") for path in paths))]


def test_every_page_of_the_site_is_in_both_languages():
    sources = read_sources(DOCS)
    assert sources, "docs/ has no pages"
    problems = [problem.message for problem in translations.check(sources)]
    assert not problems, "\n".join(problems)


def test_a_page_in_finnish_only_is_named_with_the_file_to_add():
    [message] = check(["index.fi.md", "index.en.md", "palvelut/uusi.fi.md"])
    assert message.startswith(
        "docs/palvelut/uusi.en.md puuttuu: sivusta docs/palvelut/uusi.fi.md ei ole englanninkielistä versiota."
    )
    assert "lisää docs/palvelut/uusi.en.md (käännä sivu) tai poista docs/palvelut/uusi.fi.md" in message
    assert "In English: docs/palvelut/uusi.en.md is missing" in message
    assert "docs/palvelut/uusi.fi.md has no English version" in message
    assert "add docs/palvelut/uusi.en.md" in message and "or remove docs/palvelut/uusi.fi.md" in message


def test_a_page_in_english_only_is_named_with_the_file_to_add():
    [message] = check(["uusi.en.md"])
    assert message.startswith("docs/uusi.fi.md puuttuu: sivusta docs/uusi.en.md ei ole suomenkielistä versiota.")
    assert "no Finnish version" in message and "add docs/uusi.fi.md" in message


def test_a_file_name_without_a_language_is_explained():
    [message] = check(["uusi.md", "toinen.fi.md", "toinen.en.md"])
    assert message.startswith("docs/uusi.md: tiedoston nimestä puuttuu kieli. Nimeä suomenkielinen sivu 'uusi.fi.md'")
    assert "In English: docs/uusi.md: the file name has no language" in message
    assert "page.fi.md" in message and "page.en.md" in message


def test_a_language_part_in_capitals_is_not_called_missing():
    [message] = check(["Uutinen-Testi.FI.md", "index.fi.md", "index.en.md"])
    assert message.startswith(
        "docs/Uutinen-Testi.FI.md: tiedoston nimen kieliosa '.FI' pitää kirjoittaa pienillä kirjaimilla"
    )
    assert "docs/uutinen-testi.fi.md" in message and "has no language" not in message
    assert "the language part '.FI' of the file name must be in small letters" in message


def test_a_complete_list_has_no_messages():
    assert check(["a.fi.md", "a.en.md", "b/c.fi.md", "b/c.en.md"]) == []
