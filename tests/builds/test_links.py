"""hooks/links.py: MkDocs' broken-link message rewritten in plain words (the built case: test_staff_errors)."""

from __future__ import annotations

import logging

from links import NAV_LOGGER, PAGES_LOGGER, _Explainer, on_config
from links_helpers import PAGES


def test_the_filter_rewrites_warnings_once_even_when_loaded_again():
    logger = logging.getLogger(PAGES_LOGGER)
    nav_logger = logging.getLogger(NAV_LOGGER)
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
        assert record.getMessage().startswith("docs/hinnat.fi.md: linkki 'yhteystiedt.md'")
        # Each language's build reads the same menu: its mistake is said once.
        nav = "A reference to 'hinat.md' is included in the 'nav' configuration, which is not found in the documentation files."
        first = nav_logger.makeRecord(NAV_LOGGER, logging.WARNING, __file__, 1, nav, None, None)
        again = nav_logger.makeRecord(NAV_LOGGER, logging.WARNING, __file__, 1, nav, None, None)
        assert nav_logger.filter(first) and not nav_logger.filter(again)
        assert first.getMessage().startswith("mkdocs.yml: valikossa (nav) on sivu 'hinat.md'")
    finally:
        for each in (logger, nav_logger):
            for item in [item for item in each.filters if isinstance(item, _Explainer)]:
                each.removeFilter(item)


def test_a_renamed_section_is_named_where_it_was_renamed(project_copy, tmp_path):
    """Renaming a heading's {#id} breaks the links to it: the message names that heading to restore."""
    from harness import build_site

    page = project_copy / "docs" / "yhteystiedot.fi.md"
    text = page.read_text(encoding="utf-8")
    others = "".join(path.read_text(encoding="utf-8") for path in (project_copy / "docs").glob("*.fi.md"))
    headings = [line for line in text.splitlines() if line.startswith("#") and "{#" in line]
    ids = [heading[heading.index("{#") + 2 : heading.index("}", heading.index("{#"))] for heading in headings]
    linked = [(heading, anchor) for heading, anchor in zip(headings, ids) if f"yhteystiedot.md#{anchor})" in others]
    assert linked, "no Finnish page links to a named section of the contact page"
    heading, anchor = linked[0]
    line = text.splitlines().index(heading) + 1
    page.write_text(text.replace("{#" + anchor + "}", "{#" + anchor + "-x}", 1), encoding="utf-8")
    build = build_site(tmp_path / "site", cwd=project_copy)
    assert build.returncode != 0
    assert (
        f"Jos kohdan nimi on juuri muutettu sivulla docs/yhteystiedot.fi.md (rivi {line}: {{#{anchor}-x}}), "
        f"palauta se muotoon {{#{anchor}}}"
    ) in build.output, build.output
