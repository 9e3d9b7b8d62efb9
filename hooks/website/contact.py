"""The contact details, kept once in ``data/organisation.yml`` (read and checked by ``organisation.py``).

Everything that shows them renders from that one place with the functions below, so a change in the
configuration reaches every page:

    <!-- md:contact -->            the contact card (person, role, phone, email)
    <!-- md:contact-line -->       the same in one line of text (the purchasers' quick facts)
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
from .shortcodes import Renderer

SHORTCODE_NAMES = ("contact", "contact-line", "contact-actions", "next-step")
LABELS = {
    "fi": {
        "phone": "Puhelin",
        "email": "Sähköposti",
        "call": "Soita",
        "write": "Lähetä sähköpostia",
        "no_need_to_call": "Sinun ei tarvitse soittaa: voit hoitaa kaiken myös sähköpostilla.",
        "phone_hours": "Puhelinaika",
        "reply": "Vastaamme",
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
        "no_need_to_call": "You do not have to call: you can do everything by email too.",
        "phone_hours": "Phone hours",
        "reply": "We reply",
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


def render_contact(contact: dict, language: str, templates: Environment, css_class: str = "contact-card") -> str:
    return render(
        templates, "contact-card.html", contact=contact, language=language, labels=LABELS[language], css_class=css_class
    )


def role_in_sentence(contact: dict, language: str) -> str:
    """The role as it reads after a name in running text: in Finnish a title takes a small letter
    ("Toni Kataja, sosiaalialan palvelujen vastaava"); the card shows it on its own line as written."""
    role = contact["role"][language]
    return role[:1].lower() + role[1:] if language == "fi" else role


def contact_line(contact: dict, language: str) -> str:
    """'Toni Kataja, sosiaalialan palvelujen vastaava: puhelin 0400 578 743, sähköposti …' (Markdown)."""
    labels = LABELS[language]
    role = role_in_sentence(contact, language)
    phone = f"[{contact['phone'][language]}](tel:{contact['phone_uri']})"
    email = f"[{contact['email']}](mailto:{contact['email']})"
    return f"{contact['name']}, {role}: {labels['phone'].lower()} {phone}, {labels['email'].lower()} {email}"


def render_contact_actions(contact: dict, language: str, templates: Environment) -> str:
    """The site's one primary action: call or email, two buttons of equal weight with the number and the
    address shown, and the promise that e-mail is enough."""
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
        "contact-line": lambda code: contact_line(contact, language),
        "contact-actions": lambda code: f"\n\n{render_contact_actions(contact, language, templates)}\n\n",
        "next-step": lambda code: render_next_step(contact, language, page_src, templates),
    }
