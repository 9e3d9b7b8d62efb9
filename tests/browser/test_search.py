"""Search in Chromium, per language: each language's pages search their own index only.

Finnish inflection: the index is stemmed with lunr's Finnish stemmer (``pipeline`` in mkdocs.yml),
and the words typed are stemmed too (overrides/assets/javascripts/workers/search-stemming.js), so a
base form finds the forms the stemmer maps to the same stem: “sudenkuoppa” finds “sudenkuoppiin”
and “sudenkuopat” (stem “sudenkuop”), which the plain prefix search Material does by itself cannot.
The beginning of a word still finds its longer forms as the visitor types (“valmennu”).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import re

import pytest

from browsing import new_context, open_page, search_results, tab_until, wait_until_search_is_ready
from search_helpers import (
    BASE_FORM, BRIEF_WORDS, CONTACT_PAGE, CONTACT_WORDS, ENGLISH_WORD, FINNISH_WORD, FOLDED, INFLECTED_FORMS, NOTHING,
    OWN_PAGE, brief_and_body_pages, index_words,
)


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


# --------------------------------------------------------------------------- issue 21: forgiving, helpful search


@pytest.mark.parametrize("word,page", FOLDED["fi"])
def test_a_word_typed_without_diacritics_finds_its_page(search_page, word, page):
    found = search_results(search_page("fi"), word)
    assert page in found, f"“{word}” should find {page}, found {found}"


def test_diacritics_are_folded_both_ways(search_page):
    page = search_page("fi")
    assert search_results(page, "tukihenkilö") == search_results(page, "tukihenkilo")
    assert search_results(page, "sähköposti") == search_results(page, "sahkoposti")


def test_folding_keeps_the_languages_apart(search_page):
    assert search_results(search_page("en"), "tukihenkilo") == []


@pytest.mark.parametrize("language,word", [(language, word) for language, words in CONTACT_WORDS.items() for word in words])
def test_a_contact_word_brings_the_contact_page_first(search_page, language, word):
    found = search_results(search_page(language), word)
    assert found and found[0] == CONTACT_PAGE[language], f"“{word}”: {found}"


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_brief_box_weighs_more_than_body_text(built_site, search_page, language):
    word, page = BRIEF_WORDS[language]
    brief, body = brief_and_body_pages(built_site, language, word)
    assert page in brief and body, f"pick another word: “{word}” is in the briefs of {brief}, the bodies of {body}"
    found = search_results(search_page(language), word)
    # Every page with the word in its brief comes before every page with it in body text only.
    ranked = [path for path in found if path in brief | body]
    assert ranked[: len(brief)] and set(ranked[: len(brief)]) == brief, f"“{word}”: {found} (briefs: {brief})"


def test_a_title_weighs_more_than_body_text(search_page):
    assert search_results(search_page("fi"), "hinnat")[0] == "/hinnat/"
    assert search_results(search_page("en"), "prices")[0] == "/en/hinnat/"


# The contrast of an element's text with the nearest opaque background behind it (axe reports text in
# the fixed search box as "incomplete", not as a violation, so it is measured here).
TEXT_CONTRAST = """(element) => {
  const rgb = (colour) => (colour.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map((c) => c / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  let behind = [255, 255, 255];
  for (let node = element; node; node = node.parentElement) {
    const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
    if (a >= 0.9) { behind = [r, g, b]; break; }
  }
  const [l1, l2] = [luminance(rgb(getComputedStyle(element.querySelector('p')).color)), luminance(behind)].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}"""


@pytest.mark.parametrize("language", ["fi", "en"])
def test_no_results_gives_contact_links_and_the_main_pages(search_page, language, contact):
    page = search_page(language)
    assert search_results(page, NOTHING[language]) == []
    help_box = page.locator("[data-site-search-help]")
    help_box.wait_for(state="visible")
    assert help_box.get_attribute("hidden") is None
    links = help_box.locator("a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert f"tel:{contact['phone_uri']}" in links and f"mailto:{contact['email']}" in links
    home = "/" if language == "fi" else "/en/"
    paths = [path for path in help_box.locator("li a").evaluate_all("links => links.map(link => new URL(link.href).pathname)")]
    assert paths[0] == home and CONTACT_PAGE[language] in paths and len(paths) >= 4, paths
    assert help_box.evaluate("box => box.closest('[lang]').lang") == language
    assert help_box.evaluate(TEXT_CONTRAST) >= 4.5, "the help's text must be readable on its background"
    # A search that finds something hides it again.
    assert search_results(page, OWN_PAGE[language][0])
    assert help_box.is_hidden()


@pytest.mark.parametrize("language,word,joined", [("fi", "kataja", "KatajaSosiaalialan"), ("en", "kataja", "KatajaManager")])
def test_snippets_keep_the_spaces_between_words(search_page, language, word, joined):
    page = search_page(language)
    assert search_results(page, word)
    texts = page.locator(".md-search-result__article").all_inner_texts()
    assert texts and not any(joined in text.replace("\n", "") for text in texts), texts
    assert any(re.search(r"Kataja\s+\S", text) for text in texts), texts


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_keyboard_reaches_the_no_results_help_and_escape_returns_to_the_search_button(browser, built_site, language, contact):
    """Phone review of issue 21: with nothing found, Tab closed the search and the arrows stayed in the
    field, so the help's buttons and links were for mouse and touch only. Now Tab and the arrow keys
    walk field → call → e-mail → main pages → field, inside the dialog; on a phone, Escape closes
    the search and gives focus back to the header's search button."""
    context = new_context(browser, built_site, viewport={"width": 360, "height": 740})
    page = open_page(context, "/" if language == "fi" else "/en/")
    button = page.locator('[data-site-toggle="__search"]')
    button.focus()
    page.keyboard.press("Enter")
    wait_until_search_is_ready(page)
    assert search_results(page, NOTHING[language]) == []
    help_box = page.locator("[data-site-search-help]")
    help_box.wait_for(state="visible")
    stops = help_box.locator("a[href]").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert stops[0] == f"tel:{contact['phone_uri']}" and stops[1] == f"mailto:{contact['email']}"
    focused = "() => document.activeElement.getAttribute('href') || document.activeElement.className"
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == stops[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == stops[1]
    for _ in stops[1:]:
        page.keyboard.press("Tab")
    assert "md-search__input" in page.evaluate(focused), "Tab comes round to the field, inside the dialog"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == stops[-1]
    assert page.evaluate("() => document.getElementById('__search').checked"), "the search stays open"
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-site-toggle=\"__search\"]')")
    context.close()


@pytest.mark.parametrize("language,word,first", [
    ("fi", "hinnasto", "/hinnat/"), ("fi", "hintoja", "/hinnat/"), ("fi", "hinnoittelu", "/hinnat/"),
    ("en", "price list", "/en/hinnat/"), ("fi", "email", "/yhteystiedot/"), ("fi", "s-posti", "/yhteystiedot/"),
])
def test_words_people_use_for_prices_and_contact_find_those_pages_first(search_page, language, word, first):
    """Phone review of issue 21: "hintoja" and "hinnoittelu" found nothing, "hinnasto" not the prices."""
    found = search_results(search_page(language), word)
    assert found and found[0] == first, f"“{word}”: {found}"
