"""Search in Chromium, per language: each language's pages search their own index only.

Finnish inflection: the index is stemmed with lunr's Finnish stemmer (``pipeline`` in mkdocs.yml),
and the words typed are stemmed too (overrides/assets/javascripts/workers/search-stemming.js), so a
base form finds the forms the stemmer maps to the same stem: “sudenkuoppa” finds “sudenkuoppiin”
and “sudenkuopat” (stem “sudenkuop”), which the plain prefix search Material does by itself cannot.
The beginning of a word still finds its longer forms as the visitor types (“valmennu”).
"""

from __future__ import annotations

import json
import re

import pytest

from browsing import new_context, open_page, search_results, tab_until, wait_until_search_is_ready

# Words only one language's pages have (checked against the built indexes below).
FINNISH_WORD = "irtisanomisaika"
ENGLISH_WORD = "coachee"
# A word from a page, and the page.
OWN_PAGE = {"fi": ("irtisanomisaika", "/palveluehdot/"), "en": ("cancellation", "/en/palveluehdot/")}
# Inflection: the base form, absent from the content as a word, and an inflected form that is there.
# "sudenkuoppa" is not a prefix of either form, so only stemming can find them.
BASE_FORM, INFLECTED_FORMS = "sudenkuoppa", {"sudenkuoppiin", "sudenkuopat"}


def index_words(built_site, language: str) -> dict[str, set[str]]:
    """page path → lower-case words in the built search index of ``language``."""
    prefix = "" if language == "fi" else "en/"
    index = json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, set[str]] = {}
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
        path = "/" + prefix + doc["location"].split("#")[0]
        pages.setdefault(path, set()).update(re.findall(r"[\wåäö]+", text))
    return pages


@pytest.fixture(scope="module")
def search_page(browser, built_site):
    """``search_page(language)``: that language's home page with the search open and ready."""
    context = new_context(browser, built_site, viewport={"width": 1280, "height": 800})
    pages = {}

    def open_search(language: str):
        if language not in pages:
            page = open_page(context, "/" if language == "fi" else "/en/")
            tab_until(page, "input.md-search__input")
            wait_until_search_is_ready(page)
            pages[language] = page
        return pages[language]

    yield open_search
    context.close()


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


def test_a_finnish_word_finds_nothing_on_the_english_pages(search_page):
    assert search_results(search_page("en"), FINNISH_WORD) == []


def test_an_english_word_finds_nothing_on_the_finnish_pages(search_page):
    assert search_results(search_page("fi"), ENGLISH_WORD) == []


@pytest.mark.parametrize("language", ["fi", "en"])
def test_each_language_finds_its_own_page(search_page, language):
    word, page = OWN_PAGE[language]
    found = search_results(search_page(language), word)
    assert page in found, f"“{word}” should find {page}, found {found}"
    prefix = "/en/" if language == "en" else "/"
    assert all(path.startswith(prefix) and (language == "en" or not path.startswith("/en/")) for path in found), found


def test_the_other_languages_word_is_found_in_its_own_language(search_page):
    assert search_results(search_page("fi"), FINNISH_WORD)
    assert search_results(search_page("en"), ENGLISH_WORD)


def test_a_finnish_base_form_finds_its_inflected_form(built_site, search_page):
    pages_with_inflected_forms = {
        path for path, words in index_words(built_site, "fi").items() if INFLECTED_FORMS & words
    }
    found = search_results(search_page("fi"), BASE_FORM)
    assert pages_with_inflected_forms and pages_with_inflected_forms <= set(found), (
        f"“{BASE_FORM}” should find the pages with {sorted(INFLECTED_FORMS)}: "
        f"{sorted(pages_with_inflected_forms)}, found {found}"
    )


def test_an_inflected_form_finds_the_base_form(search_page):
    assert "/hinnat/" in search_results(search_page("fi"), "hinnasta")  # stem "hin", like "hinta" and "hinnat"


def test_english_is_stemmed_too(search_page):
    assert "/en/hinnat/" in search_results(search_page("en"), "pricing")  # "price", "prices"


def test_a_changed_stem_is_found_by_its_beginning(built_site, search_page):
    pages = {path for path, words in index_words(built_site, "fi").items() if {"valmennuksen", "valmennukseen"} & words}
    found = set(search_results(search_page("fi"), "valmennu"))
    assert pages and pages <= found, (sorted(pages), sorted(found))
