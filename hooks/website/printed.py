"""What a printed page carries on every A4 sheet, so that a sheet can stand alone as an attachment to
a purchase decision: at the top the provider (with its business ID once known), the page's title and,
on the pages about prices and terms, the price list's date; at the bottom the page's last-updated
date, its address and whom to contact, and (site.css) the page number.

The two lines go into the page as ``<html data-print-header="…" data-print-footer="…">``; site.css
prints them in the sheet's margins (``@page { @top-left { content: var(--print-header) } }``, the
variable being ``attr(data-print-header)``). No inline style is needed, so the content security
policy stays ``style-src 'self'``. In the margins they cannot fall onto a sheet of their own, as a
colophon at the end did. Browsers without ``attr()`` in custom properties (Chromium before 133,
Firefox) print the colophon at the end instead (partials/print-colophon.html).
"""

from __future__ import annotations

import re
from html import escape

from .contact import role_in_sentence
from .context import BuildContext
from .last_updated import format_updated, last_updated
from .pages import PageName
from .prices import validity_sentence

#: The purchaser's pages; any other page that shows a price from the price file carries the date too.
PRICE_LIST_PAGES = ("maksajille", "palveluehdot", "hinnat")
HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
FOOTER_LABELS = {
    "fi": {"contact": "Yhteyshenkilö", "phone": "puh."},
    "en": {"contact": "Contact", "phone": "tel."},
}


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


def footer_text(context: BuildContext, src_uri: str, language: str, address: str) -> str:
    """'Päivitetty 2.12.2026 · https://www.metodi.fi/hinnat/ · Yhteyshenkilö: Toni Kataja, sosiaalialan
    palvelujen vastaava, puh. 0400 578 743, toni.kataja@metodi.fi'."""
    updated = format_updated(last_updated(src_uri, context.history, context.today), language)
    parts = [f"{updated.label} {updated.date}", address]
    person = context.contact
    if person:
        labels = FOOTER_LABELS[language]
        role = role_in_sentence(person, language)
        parts.append(f"{labels['contact']}: {person['name']}, {role}, {labels['phone']} {person['phone'][language]}, "
                     f"{person['email']}")
    return " · ".join(part for part in parts if part)


def with_print_lines(html: str, header: str, footer: str) -> str:
    """The page with its two printed lines as attributes of <html> (unchanged if it has them)."""
    if "data-print-header=" in html[:1000]:
        return html
    attributes = "".join(f' data-print-{name}="{escape(text, quote=True)}"' for name, text in (("header", header), ("footer", footer)) if text)
    return HTML_TAG.sub(lambda match: f"<html{match[1]}{attributes}>", html, count=1)
