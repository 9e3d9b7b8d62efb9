"""hooks/links.py: MkDocs' broken-link message rewritten in plain words (the built case: test_staff_errors)."""

from __future__ import annotations

import logging

from links import PAGES_LOGGER, _Explainer, explain, nearest_page, on_config, page_links

PAGES = page_links(
    ["index.fi.md", "index.en.md", "hinnat.fi.md", "hinnat.en.md", "yhteystiedot.fi.md", "yhteystiedot.en.md",
     "toipumisorientaatio/yhteys.fi.md", "toipumisorientaatio/yhteys.en.md", "assets/logo.svg"]
)


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
    assert plain.startswith("docs/hinnat.fi.md: the link 'yhteystiedt.md' goes to a page that does not exist.")
    assert "Did you mean 'yhteystiedot.md'?" in plain
    assert "Correct the file name in the link, or remove the link." in plain


def test_mkdocs_own_suggestion_is_kept():
    message = (
        "Doc file 'toipumisorientaatio/yhteys.fi.md' contains a link 'hinnat.md', but the target "
        "'toipumisorientaatio/hinnat.md' is not found among documentation files. Did you mean '../hinnat.md'?"
    )
    assert "Did you mean '../hinnat.md'?" in explain(message, PAGES)


def test_other_messages_are_left_alone():
    assert explain("Doc file 'a.fi.md' contains an absolute link '/x', it was left as is.", PAGES) is None
    assert explain("Something else entirely", PAGES) is None


def test_the_filter_rewrites_warnings_once_even_when_loaded_again():
    logger = logging.getLogger(PAGES_LOGGER)
    try:
        on_config(None)
        on_config(None)  # `mkdocs serve` loads the hooks again on every rebuild
        explainers = [item for item in logger.filters if isinstance(item, _Explainer)]
        assert len(explainers) == 1
        explainers[0].pages = PAGES
        record = logger.makeRecord(
            PAGES_LOGGER, logging.WARNING, __file__, 1,
            "Doc file '%s' contains a link 'yhteystiedt.md', but the target is not found among documentation files.",
            ("hinnat.fi.md",), None,
        )
        assert logger.filter(record)
        assert record.getMessage().startswith("docs/hinnat.fi.md: the link 'yhteystiedt.md'")
    finally:
        for item in [item for item in logger.filters if isinstance(item, _Explainer)]:
            logger.removeFilter(item)
