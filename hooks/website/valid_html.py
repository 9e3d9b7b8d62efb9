"""Valid HTML from Material's templates.

Material for MkDocs 9.8.1 (and 9.8.2, whose templates are the same) writes four kinds of markup that the
W3C Nu Html Checker rejects on every page (tests/site/test_html_valid.py runs it). Each fix below is the
smallest change to the built page; a pattern that no longer matches (after a Material update or a move to
its successor) changes nothing.

- base.html: the drawer and search toggles are checkboxes with ``autocomplete="off"``, which HTML
  allows only on text-like inputs;
- partials/nav-item.html: section labels carry ``tabindex=""``, which is not a number and does
  nothing in browsers;
- partials/search.html: the search field has ``autocorrect="off"``, not an attribute of HTML as the
  checker knows it (Safari may now offer corrections in the search field);
- partials/toc.html: on a section's index page the table of contents has ``<label for="__toc">`` but
  the page has no ``__toc`` toggle to label;
- partials/nav-item.html: on a page with no subheadings the ``__toc`` toggle is written without any
  label, an unnamed checkbox to screen readers (HTML_CodeSniffer, axe): with nothing to toggle, it goes.
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
AUTOCORRECT = re.compile(r'(<input\b[^>]*?)\s+autocorrect="off"')
TOC_LABEL = re.compile(r'(<label class="md-nav__title")\s+for="__toc"')
UNLABELLED_TOC_TOGGLE = re.compile(r'\s*<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')


def fix_material_markup(html: str) -> str:
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub(r"\1", html)
    html = AUTOCORRECT.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = TOC_LABEL.sub(r"\1", html)
    if 'for="__toc"' not in html:
        html = UNLABELLED_TOC_TOGGLE.sub("", html)
    return html
