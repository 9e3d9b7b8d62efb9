"""Issue 21's pure functions: the search index's ranking fields and spacing, the language switch's
heading pairs, and the English addresses (aliases) with their staff messages.

Layer: unit tests, no build.
"""

from __future__ import annotations

from harness import ROOT
from website import fragments, language_switch, redirects, search
from website.pages import Source

TEMPLATES = fragments.environment(ROOT)


# --------------------------------------------------------------------------- search


def test_a_line_break_and_adjacent_blocks_get_a_space_for_the_indexer():
    html = "<p><strong>Toni Kataja</strong><br>Manager</p><p>Phone<br/>\n040</p><td>a</td><td>b</td>"
    spaced = search.with_spaces(html)
    assert "<br>\nManager" in spaced and "<br/>\n040" in spaced and "</p>\n<p>" in spaced
    assert "<td>a</td>\n<td>b</td>" in spaced, "between the cells, never inside one"
    assert "<br/>\n\n" not in spaced, "a break already followed by white space is left alone"


def test_the_brief_box_is_read_without_its_title():
    html = ('<h1>Hinnat</h1><div class="admonition abstract">\n<p class="admonition-title">Lyhyesti</p>\n'
            "<p>Hinta &amp; <em>alv</em>.</p>\n</div><p>Body</p>")
    assert search.brief_text(html) == "Hinta & alv ."
    assert search.brief_text("<p>No box</p>") == ""


def test_fields_go_to_the_pages_own_entry_and_weigh_in_order():
    index = {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [{"location": "yhteystiedot/", "title": "Y", "text": ""},
                      {"location": "yhteystiedot/#aiheet", "title": "A", "text": ""}]}
    result = search.with_fields(index, {"yhteystiedot/": {"keywords": "soita"}})
    assert result["docs"][0]["keywords"] == "soita" and "keywords" not in result["docs"][1]
    boost = {name: spec["boost"] for name, spec in result["config"]["fields"].items()}
    assert boost["keywords"] > boost["title"] > boost["brief"] > boost["text"]
    assert "keywords" not in index["docs"][0], "the index given is not changed"


def test_keywords_that_are_not_a_list_are_reported_in_finnish_with_the_line():
    source = Source("yhteystiedot.fi.md", "---\ndescription: x\nkeywords: soita, puhelin\n---\n# Y\n")
    (problem,) = search.check((source,))
    assert problem.line == 3 and problem.finnish.startswith("docs/yhteystiedot.fi.md, rivi 3: Hakusanat ('keywords:')")
    assert search.keywords_of(Source("a.fi.md", "---\nkeywords:\n  - soita\n---\n")) == ["soita"]


def test_no_results_help_links_the_main_pages_and_the_contact_buttons():
    nav = [{"Etusivu": "index.md"}, {"Hinnat": "hinnat.md"}, {"Yhteystiedot": "yhteystiedot.md"}]
    titles = search.menu_titles(nav, {"en": {"Etusivu": "Home", "Hinnat": "Prices", "Yhteystiedot": "Contact"}})
    contact = {"organisation": "M", "name": "N", "role": {"fi": "r", "en": "r"}, "phone": {"fi": "040", "en": "+35840"},
               "phone_uri": "+35840", "email": "a@b.fi",
               "phone_hours": {"fi": "", "en": ""}, "reply_time": {"fi": "", "en": ""}}
    help_en = search.no_results_help(contact, "en", TEMPLATES, titles["en"])
    assert help_en["links"] == [("en/", "Home"), ("en/hinnat/", "Prices"), ("en/yhteystiedot/", "Contact")]
    assert 'href="tel:+35840"' in help_en["actions"] and 'href="mailto:a@b.fi"' in help_en["actions"]


# --------------------------------------------------------------------------- the language switch


def test_headings_pair_by_shared_id_first():
    own = [(2, "hinnat"), (3, "oma"), (2, "alv")]
    other = [(2, "prices"), (2, "alv")]
    assert language_switch.pairs(own, other) == {"alv": "alv"}, "different outlines: shared ids only"


def test_headings_pair_by_place_when_the_outlines_are_the_same():
    assert language_switch.pairs([(2, "a"), (3, "b")], [(2, "x"), (3, "y")]) == {"a": "x", "b": "y"}


def test_a_shared_id_in_another_place_stops_pairing_by_place():
    own, other = [(2, "a"), (2, "b")], [(2, "b"), (2, "c")]
    assert language_switch.pairs(own, other) == {"b": "b"}


def test_the_outline_is_read_from_the_content():
    html = '<h1 id="t">T</h1><h2 id="a">A</h2><div><h3 class="x" id="b">B</h3></div><h2>no id</h2>'
    assert language_switch.outline(html) == [(2, "a"), (3, "b")]


def test_the_pairs_are_written_into_the_switch():
    html = '<a class="site-language__link" data-site-sections="">EN</a>'
    assert 'data-site-sections="a>x b>y"' in language_switch.with_pairs(html, {"a": "x", "b": "y", 'c"': "z"})


# --------------------------------------------------------------------------- English addresses


def _page(path: str, aliases: str) -> Source:
    return Source(path, f"---\ndescription: x\naliases:\n{aliases}---\n\n# Prices {{ #top }}\n")


def test_aliases_become_redirects_below_their_language():
    found = redirects.redirects((_page("hinnat.en.md", "  - prices\n  - /price-list/\n"),))
    assert [(item.path, item.target_path) for item in found] == [("en/prices/", "en/hinnat/"), ("en/price-list/", "en/hinnat/")]


def test_a_redirect_page_works_without_javascript_and_stays_out_of_search_engines():
    (item,) = redirects.redirects((_page("hinnat.en.md", "  - prices\n"),))
    html = redirects.redirect_page(item, "https://www.metodi.fi/", "Prices", TEMPLATES)
    assert '<meta http-equiv="refresh" content="0; url=https://www.metodi.fi/en/hinnat/">' in html
    assert '<link rel="canonical" href="https://www.metodi.fi/en/hinnat/">' in html
    assert '<meta name="robots" content="noindex">' in html and '<html lang="en">' in html
    assert '<a href="https://www.metodi.fi/en/hinnat/">Prices</a>' in html
    assert "<script" not in html


def test_the_titles_come_from_the_pages_heading():
    assert redirects.page_title(_page("hinnat.en.md", "  - prices\n")) == "Prices"


def test_alias_mistakes_are_reported_in_finnish():
    sources = (
        _page("hinnat.en.md", "  - Prices!\n  - en/prices\n  - palveluehdot\n  - shared\n"),
        _page("palveluehdot.en.md", "  - shared\n"),
        Source("yhteystiedot.en.md", "---\ndescription: x\naliases: contact\n---\n"),
    )
    found = [problem.finnish for problem in redirects.check(sources)]
    assert len(found) == 5, found
    assert any("rivi 3: Sivun muut osoitteet ('aliases:') kirjoitetaan luettelona" in text for text in found)
    assert sum("ei kelpaa" in text for text in found) == 2
    assert any("'palveluehdot' on jo sivun oma osoite /en/palveluehdot/" in text for text in found)
    assert any("/en/shared/ on myös sivulla docs/hinnat.en.md" in text for text in found)


def test_the_404_page_knows_every_page_and_alias():
    sources = (_page("hinnat.en.md", "  - prices\n"), Source("hinnat.fi.md", "---\ndescription: x\n---\n# Hinnat\n"))
    addresses = redirects.not_found_addresses(sources)
    assert {"path": "en/prices/", "target": "en/hinnat/", "title": "Prices"} in addresses
    assert {"path": "hinnat/", "target": "hinnat/", "title": "Hinnat"} in addresses
