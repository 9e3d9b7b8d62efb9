"""hooks/website/links.py: MkDocs' broken-link message rewritten in plain words (the built case: test_staff_errors).

Layer: unit tests, no build.
"""

from __future__ import annotations

import logging

from links_helpers import PAGES
from website import links
from website.links import NAV_LOGGER, PAGES_LOGGER, BrokenLinkExplainer, line_of_link, line_of_nav_entry, nearest_page
from website.pages import Source


def explain(*args, **options) -> str | None:
    """The explanation's message (``links.explain`` gives it as a problem, with its file and line)."""
    problem = links.explain(*args, **options)
    return problem.message if problem else None


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


def test_the_filter_rewrites_warnings_once_even_when_installed_again():
    logger = logging.getLogger(PAGES_LOGGER)
    nav_logger = logging.getLogger(NAV_LOGGER)
    sources = tuple(Source(f"{page[:-3]}.{language}.md", "") for page in PAGES for language in ("fi", "en"))
    try:
        BrokenLinkExplainer(sources, "").install()
        BrokenLinkExplainer(sources, "").install()  # `mkdocs serve` makes one for every rebuild
        explainers = [item for item in logger.filters if isinstance(item, BrokenLinkExplainer)]
        assert len(explainers) == 1
        record = logger.makeRecord(
            PAGES_LOGGER, logging.WARNING, __file__, 1,
            "Doc file '%s' contains a link 'yhteystiedt.md', but the target is not found among documentation files.",
            ("hinnat.fi.md",), None,
        )
        assert logger.filter(record)
        assert record.getMessage().startswith("docs/hinnat.fi.md: linkki 'yhteystiedt.md'")
        assert record.problem.file == "docs/hinnat.fi.md"
        # Each language's build reads the same menu: its mistake is said once.
        nav = "A reference to 'hinat.md' is included in the 'nav' configuration, which is not found in the documentation files."
        first = nav_logger.makeRecord(NAV_LOGGER, logging.WARNING, __file__, 1, nav, None, None)
        again = nav_logger.makeRecord(NAV_LOGGER, logging.WARNING, __file__, 1, nav, None, None)
        assert nav_logger.filter(first) and not nav_logger.filter(again)
        assert first.getMessage().startswith("mkdocs.yml: valikossa (nav) on sivu 'hinat.md'")
    finally:
        for each in (logger, nav_logger):
            for item in [item for item in each.filters if isinstance(item, BrokenLinkExplainer)]:
                each.removeFilter(item)
