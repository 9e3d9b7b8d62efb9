"""The contact details, kept once in ``mkdocs.yml`` under ``extra.contact``.

Everything that shows them renders from that one place with the functions below, so a change in the
configuration reaches every page:

    <!-- md:contact -->            the contact card (person, role, phone, email)
    <!-- md:contact-actions -->    the two action buttons: call, send an email
    <!-- md:next-step -->          the box that ends a service page: how to get in touch, and for
                                   purchasers the links to the service terms and prices

and the footer of every page includes the same card (``overrides/partials/fragments/contact-card.html``).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from jinja2 import Environment

from .fragments import render
from .pages import LANGUAGES, PageName
from .problems import Problem
from .shortcodes import Renderer

SHORTCODE_NAMES = ("contact", "contact-actions", "next-step")
REQUIRED = ("organisation", "name", "role", "phone", "phone_uri", "email")
PER_LANGUAGE = ("role", "phone")
LABELS = {
    "fi": {
        "phone": "Puhelin",
        "email": "Sähköposti",
        "call": "Soita",
        "write": "Lähetä sähköpostia",
        "next_heading": "Ota yhteyttä",
        "next_text": (
            "Soita tai lähetä sähköpostia, niin kerromme lisää ja sovimme, miten edetään. "
            "Kerro asiasi yleisellä tasolla: älä lähetä sähköpostilla terveystietoja tai henkilötunnusta."
        ),
        "purchaser": "Ostatko palvelua asiakkaallesi? Katso myös",
        "and": "ja",
    },
    "en": {
        "phone": "Phone",
        "email": "Email",
        "call": "Call",
        "write": "Send an email",
        "next_heading": "Get in touch",
        "next_text": (
            "Call or send an email, and we will tell you more and agree on the next steps together. "
            "Keep the details general: please do not send health information or identity numbers by email."
        ),
        "purchaser": "Buying the service for a client? See also",
        "and": "and",
    },
}
# Pages for purchasers, linked from the next-step box (the page itself is left out of the list).
PURCHASER_PAGES = {
    "fi": (("palveluehdot.md", "palveluehdot"), ("hinnat.md", "hinnat")),
    "en": (("palveluehdot.md", "the service terms"), ("hinnat.md", "the prices")),
}


def contact_problems(contact, lines: dict[tuple, int] | None = None) -> list[Problem]:
    """Every gap in ``extra.contact`` of mkdocs.yml, with its line (``lines``: key path → line)."""
    lines = lines or {}

    def at(path: tuple, finnish: str, english: str) -> Problem:
        while path and path not in lines:
            path = path[:-1]
        return Problem.at("mkdocs.yml", lines.get(path), finnish, english, stops_preview=True)

    if not isinstance(contact, dict):
        return [
            at(
                ("extra",),
                "kohta 'extra: contact:' puuttuu. Yhteystietosivu ja sivujen alaosa tarvitsevat sen: palauta se gitistä.",
                "'extra: contact:' is missing. The contact page and the footer need it: restore it from git.",
            )
        ]
    path = ("extra", "contact")
    problems = [
        at(path + (key,), f"extra → contact: '{key}' puuttuu tai on tyhjä. Lisää se.", f"extra → contact: '{key}' is missing or empty. Add it.")
        for key in REQUIRED
        if not contact.get(key)
    ]
    for key in PER_LANGUAGE:
        value = contact.get(key)
        for language in LANGUAGES:
            if value and (not isinstance(value, dict) or not value.get(language)):
                problems.append(
                    at(
                        path + (key, language),
                        f"extra → contact → {key}: kielen '{language}' tieto puuttuu. Kirjoita se suomeksi (fi) ja "
                        f"englanniksi (en), kumpikin omalle rivilleen kohdan '{key}:' alle.",
                        f"extra → contact → {key}: the value in '{language}' is missing. Write it for Finnish (fi) "
                        f"and English (en), each on its own line under '{key}:'.",
                    )
                )
    if contact.get("phone_uri") and not str(contact["phone_uri"]).startswith("+"):
        problems.append(
            at(
                path + ("phone_uri",),
                "extra → contact → phone_uri: kirjoita puhelinnumero kansainvälisessä muodossa ilman "
                "välilyöntejä, esimerkiksi +358400578743. Sitä käytetään puhelinlinkeissä.",
                "extra → contact → phone_uri: write the number in international form for phone links, "
                "such as +358400578743.",
            )
        )
    return problems


def render_contact(contact: dict, language: str, templates: Environment, css_class: str = "contact-card") -> str:
    return render(
        templates, "contact-card.html", contact=contact, language=language, labels=LABELS[language], css_class=css_class
    )


def render_contact_actions(contact: dict, language: str, templates: Environment) -> str:
    """The site's one primary action: call (filled button) and email (outlined), with the number shown."""
    return render(templates, "contact-actions.html", contact=contact, language=language, labels=LABELS[language])


def render_next_step(contact: dict, language: str, page_src: str, templates: Environment) -> str:
    """Markdown (with HTML) for the end of a service page; links are Markdown so MkDocs checks them."""
    labels = LABELS[language]
    depth = len(PurePosixPath(page_src).parts) - 1
    name = PageName.parse(PurePosixPath(page_src).name)
    own = name.link_name if name else ""
    links = [
        f"[{text}]({'../' * depth}{target})" for target, text in PURCHASER_PAGES[language] if target != own
    ]
    joiner = f" {labels['and']} "
    purchaser = f"{labels['purchaser']} {joiner.join(links)}." if links else ""
    return (
        '\n\n<section class="next-step" markdown>\n\n'
        f"## {labels['next_heading']} {{ #next-step }}\n\n"
        f"{labels['next_text']}\n\n"
        f"{render_contact_actions(contact, language, templates)}\n\n"
        f"{purchaser}\n\n"
        "</section>\n\n"
    )


def renderers(contact: dict, language: str, page_src: str, templates: Environment) -> dict[str, Renderer]:
    """The contact shortcodes of one page (the next-step box links the pages beside it)."""
    return {
        "contact": lambda code: f"\n\n{render_contact(contact, language, templates)}\n\n",
        "contact-actions": lambda code: f"\n\n{render_contact_actions(contact, language, templates)}\n\n",
        "next-step": lambda code: render_next_step(contact, language, page_src, templates),
    }
