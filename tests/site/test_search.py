"""Search in Chromium, per language: each language's pages search their own index only: the parts read
from the shared strict build (the rest, and what is checked and why: tests/browser/test_search.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import re

import pytest

from search_helpers import BASE_FORM, CONTACT_WORDS, ENGLISH_WORD, FINNISH_WORD, INFLECTED_FORMS, OWN_PAGE, index_words


def test_the_words_are_where_the_tests_expect_them(built_site):
    finnish, english = index_words(built_site, "fi"), index_words(built_site, "en")
    all_finnish, all_english = set().union(*finnish.values()), set().union(*english.values())
    assert FINNISH_WORD in all_finnish and not any(w.startswith(FINNISH_WORD) for w in all_english)
    assert ENGLISH_WORD in all_english and not any(w.startswith(ENGLISH_WORD) for w in all_finnish)
    for language, pages in (("fi", finnish), ("en", english)):
        word, page = OWN_PAGE[language]
        assert word in pages[page], f"{word!r} is no longer on {page}: pick another word"
    assert BASE_FORM not in all_finnish, f"{BASE_FORM!r} now appears as a word: pick another pair"
    assert all(any(form in words for words in finnish.values()) for form in INFLECTED_FORMS), "pick another pair"


# --------------------------------------------------------------------------- issue 21: the ranking fields


def _index(built_site, language):
    import json

    prefix = "" if language == "fi" else "en/"
    return json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_ranking_fields_weigh_keywords_over_titles_over_briefs_over_text(built_site, language):
    fields = _index(built_site, language)["config"]["fields"]
    boost = {name: fields[name]["boost"] for name in ("keywords", "title", "brief", "text")}
    assert boost["keywords"] > boost["title"] > boost["brief"] > boost["text"], boost


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_contact_page_carries_the_contact_words(built_site, language):
    docs = {doc["location"]: doc for doc in _index(built_site, language)["docs"]}
    words = docs["yhteystiedot/"]["keywords"].lower()
    assert all(word in words for word in CONTACT_WORDS[language] if word != "sahkoposti"), words
    # Keywords go on a page's own entry (not its sections), and only where a page lists them.
    assert sorted(location for location, doc in docs.items() if "keywords" in doc) == ["hinnat/", "yhteystiedot/"]


@pytest.mark.parametrize("language", ["fi", "en"])
def test_every_brief_box_is_in_its_pages_entry_only(built_site, language):
    docs = _index(built_site, language)["docs"]
    briefs = {doc["location"]: doc["brief"] for doc in docs if "brief" in doc}
    assert len(briefs) >= 6 and not any("#" in location for location in briefs), sorted(briefs)
    for location, brief in briefs.items():
        text = next(doc["text"] for doc in docs if doc["location"] == location)
        assert brief.split()[0] in text and "Lyhyesti" not in brief and "In brief" not in brief


@pytest.mark.parametrize("language", ["fi", "en"])
def test_no_index_text_runs_two_words_together(built_site, language):
    for doc in _index(built_site, language)["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["text"])
        # Names written in camel case are no joined words.
        names = ("GitHub", "VoiceOver", "TalkBack", "HTML_CodeSniffer")
        joined = [word for word in re.findall(r"\w*[a-zäö0-9.)][A-ZÄÖ][a-zäö]+", text) if not word.startswith(names)]
        assert not joined, (doc["location"], joined)
