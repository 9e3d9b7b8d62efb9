"""hooks/links.py: MkDocs' broken-link message rewritten in plain words (the built case: test_staff_errors)."""

from __future__ import annotations

from links import explain, line_of_link, line_of_nav_entry, nearest_page
from links_helpers import PAGES


def test_page_links_drop_the_language():
    assert PAGES == ["hinnat.md", "index.md", "toipumisorientaatio/yhteys.md", "yhteystiedot.md"]


def test_nearest_page_is_relative_to_the_page_and_keeps_the_anchor():
    assert nearest_page("hinnat.fi.md", "yhteystiedt.md", PAGES) == "yhteystiedot.md"
    assert nearest_page("toipumisorientaatio/yhteys.en.md", "../hinat.md#alv", PAGES) == "../hinnat.md#alv"
    assert nearest_page("hinnat.fi.md", "zzzz.md", PAGES) is None


def test_not_found_message_is_explained_with_a_suggestion():
    message = (
        "Doc file 'hinnat.fi.md' contains a link 'yhteystiedt.md', but the target is not found among "
        "documentation files."
    )
    plain = explain(message, PAGES)
    finnish, english = plain.split("\n    In English: ")
    assert finnish.startswith("docs/hinnat.fi.md: linkki 'yhteystiedt.md' vie sivulle, jota ei ole.")
    assert "Tarkoititko 'yhteystiedot.md'?" in finnish and "Korjaa linkin tiedostonimi tai poista linkki." in finnish
    assert english.startswith("docs/hinnat.fi.md: the link 'yhteystiedt.md' goes to a page that does not exist.")
    assert "Did you mean 'yhteystiedot.md'?" in english
    assert "Correct the file name in the link, or remove the link." in english


def test_the_line_of_the_broken_link_is_found_in_the_page():
    source = "---\ndescription: x\n---\n\n# Hinnat\n\nKysy [lisää](yhteystiedt.md).\n"
    assert line_of_link(source, "yhteystiedt.md") == 7
    assert line_of_link(source, "muu.md") is None
    message = (
        "Doc file 'hinnat.fi.md' contains a link 'yhteystiedt.md', but the target is not found among "
        "documentation files."
    )
    plain = explain(message, PAGES, source_of=lambda page: source if page == "hinnat.fi.md" else None)
    assert plain.startswith("docs/hinnat.fi.md, rivi 7: linkki 'yhteystiedt.md'")
    assert "In English: docs/hinnat.fi.md, line 7: the link 'yhteystiedt.md'" in plain


def test_a_missing_section_suggests_the_nearest_names():
    message = (
        "Doc file 'hinnat.fi.md' contains a link 'yhteystiedot.md#arkaluontoiset', but the doc "
        "'yhteystiedot.fi.md' does not contain an anchor '#arkaluontoiset'."
    )
    source = "# Hinnat\n\nLue [yhteystiedot](yhteystiedot.md#arkaluontoiset).\n"
    anchors = {"yhteystiedot.fi.md": {"arkaluonteiset", "aiheet", "mita-tapahtuu", "__skip"}}
    plain = explain(message, PAGES, source_of=lambda page: source, anchors=anchors)
    finnish, english = plain.split("\n    In English: ")
    assert finnish.startswith(
        "docs/hinnat.fi.md, rivi 3: linkki 'yhteystiedot.md#arkaluontoiset' vie sivun docs/yhteystiedot.fi.md "
        "kohtaan '#arkaluontoiset', mutta sivulla ei ole sen nimistä kohtaa."
    )
    assert "Tarkoititko '#arkaluonteiset'?" in finnish and "{#nimi}" in finnish
    assert english.startswith("docs/hinnat.fi.md, line 3: the link 'yhteystiedot.md#arkaluontoiset' goes to the section")
    assert "Did you mean '#arkaluonteiset'?" in english and "{#name} after its heading" in english
    # Without a near name, the page's section names are listed (MkDocs' own ids, like __skip, are not).
    far = explain(message.replace("arkaluontoiset", "zzz"), PAGES, anchors=anchors)
    assert "Sivun kohtien nimet ovat: #aiheet, #arkaluonteiset, #mita-tapahtuu." in far


def test_a_missing_section_of_the_same_page():
    message = "Doc file 'hinnat.en.md' contains a link '#alvv', but there is no such anchor on this page."
    plain = explain(message, PAGES, anchors={"hinnat.en.md": {"alv"}})
    assert "linkki '#alvv' vie tämän sivun kohtaan '#alvv'" in plain and "Tarkoititko '#alv'?" in plain


CONFIG = "site_name: x\nnot_in_nav: |\n  /hinnat.*.md\nnav:\n  - Etusivu: index.md\n  - Hinnat: hinat.md\n  - \"Uutinen: yhteys\": yhteystiedot.fi.md\n"


def test_a_menu_entry_to_a_missing_page_names_its_line_and_the_nearest_page():
    assert line_of_nav_entry(CONFIG, "hinat.md") == 6 and line_of_nav_entry(CONFIG, "muu.md") is None
    message = "A reference to 'hinat.md' is included in the 'nav' configuration, which is not found in the documentation files."
    finnish, english = explain(message, PAGES, config_text=CONFIG).split("\n    In English: ")
    assert finnish.startswith("mkdocs.yml, rivi 6: valikossa (nav) on sivu 'hinat.md', jota ei ole kansiossa docs.")
    assert "Tarkoititko 'hinnat.md'?" in finnish
    assert english.startswith("mkdocs.yml, line 6: the menu ('nav') names the page 'hinat.md'") and "Did you mean 'hinnat.md'?" in english


def test_a_menu_entry_with_the_language_part_says_to_leave_it_out():
    message = (
        "A reference to 'yhteystiedot.fi.md' is included in the 'nav' configuration, which is not found "
        "in the documentation files."
    )
    plain = explain(message, PAGES, config_text=CONFIG)
    assert plain.startswith("mkdocs.yml, rivi 7: valikossa (nav) on sivu 'yhteystiedot.fi.md'.")
    assert "ilman kieliosaa '.fi': kirjoita 'yhteystiedot.md'" in plain
    assert "without the language part '.fi': write 'yhteystiedot.md'" in plain


def test_mkdocs_own_suggestion_is_kept():
    message = (
        "Doc file 'toipumisorientaatio/yhteys.fi.md' contains a link 'hinnat.md', but the target "
        "'toipumisorientaatio/hinnat.md' is not found among documentation files. Did you mean '../hinnat.md'?"
    )
    assert "Did you mean '../hinnat.md'?" in explain(message, PAGES)


def test_other_messages_are_left_alone():
    assert explain("Doc file 'a.fi.md' contains an absolute link '/x', it was left as is.", PAGES) is None
    assert explain("Something else entirely", PAGES) is None
