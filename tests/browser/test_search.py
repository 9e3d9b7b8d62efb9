"""Search in Chromium, per language: each language's pages search their own index only.

Finnish inflection: the index is stemmed with lunr's Finnish stemmer (``pipeline`` in mkdocs.yml),
and the words typed are stemmed too (overrides/assets/javascripts/workers/search-stemming.js), so a
base form finds the forms the stemmer maps to the same stem: “sudenkuoppa” finds “sudenkuoppiin”
and “sudenkuopat” (stem “sudenkuop”), which the plain prefix search Material does by itself cannot.
The beginning of a word still finds its longer forms as the visitor types (“valmennu”).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import pytest

from browsing import new_context, open_page, search_results, tab_until, wait_until_search_is_ready
from search_helpers import BASE_FORM, ENGLISH_WORD, FINNISH_WORD, INFLECTED_FORMS, OWN_PAGE, index_words


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
