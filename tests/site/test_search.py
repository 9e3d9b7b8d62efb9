"""Search in Chromium, per language: each language's pages search their own index only: the parts read
from the shared strict build (the rest, and what is checked and why: tests/browser/test_search.py).

Layer: the shared strict build.
"""

from __future__ import annotations

from search_helpers import BASE_FORM, ENGLISH_WORD, FINNISH_WORD, INFLECTED_FORMS, OWN_PAGE, index_words


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
