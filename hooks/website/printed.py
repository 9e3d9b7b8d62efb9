"""What a printed page carries on every A4 sheet, so that a sheet can stand alone as an attachment to
a purchase decision: the provider (with its business ID once known), the page's title, the price
list's date on the pages about prices and terms, and (site.css) the page number.

The line goes into the page as ``<html data-print-header="…">``; site.css prints it in the sheet's
top margin (``@page { @top-left { content: var(--print-header) } }``, the variable being
``attr(data-print-header)``). No inline style is needed, so the content security policy stays
``style-src 'self'``. Browsers without typed ``attr()`` (Chromium before 133) print the sheets
without the line; the colophon at the end still names the provider and the date.
"""

from __future__ import annotations

import re
from html import escape

from .context import BuildContext
from .pages import PageName
from .prices import validity_sentence

#: The purchaser's pages; any other page that shows a price from the price file carries the date too.
PRICE_LIST_PAGES = ("maksajille", "palveluehdot", "hinnat")
HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def shows_prices(context: BuildContext, src_uri: str) -> bool:
    name = PageName.parse(src_uri)
    if name and "/" not in src_uri and name.stem in PRICE_LIST_PAGES:
        return True
    source = next((source for source in context.sources if source.path == src_uri), None)
    return source is not None and "md:price" in source.text


def header_text(context: BuildContext, src_uri: str, language: str, title: str) -> str:
    """'Metodi · Hinnat · Hinnasto on voimassa 1.9.2024 alkaen.' (with the legal name and the business
    ID instead of the trade name once they are known)."""
    organisation = context.organisation
    parts = [(organisation.identification(language) or organisation.name) if organisation else "", title]
    if context.schedule is not None and shows_prices(context, src_uri):
        parts.append(validity_sentence(context.schedule, language))
    return " · ".join(part for part in parts if part)


def with_print_header(html: str, text: str) -> str:
    if not text or "data-print-header=" in html[:500]:
        return html
    value = escape(text, quote=True)
    return HTML_TAG.sub(lambda match: f'<html{match[1]} data-print-header="{value}">', html, count=1)
