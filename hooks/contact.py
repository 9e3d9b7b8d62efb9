"""The contact details, kept once in ``mkdocs.yml`` under ``extra.contact``.

The contact page (through the ``<!-- md:contact -->`` shortcode) and the footer of every page (through
the ``contact_card`` template filter) render the same details with the same function, so a change in
the configuration reaches both.
"""

from __future__ import annotations

from html import escape

from mkdocs.exceptions import PluginError

from shortcodes import replace_shortcodes

SHORTCODE_NAMES = ("contact",)
LANGUAGES = ("fi", "en")
REQUIRED = ("organisation", "name", "role", "phone", "phone_uri", "email")
LABELS = {
    "fi": {"phone": "Puhelin", "email": "Sähköposti", "heading": "Yhteyshenkilö"},
    "en": {"phone": "Phone", "email": "Email", "heading": "Contact person"},
}


class ContactError(Exception):
    """The contact details in mkdocs.yml are incomplete."""


def check_contact(contact) -> dict:
    if not isinstance(contact, dict):
        raise ContactError(
            "mkdocs.yml: 'extra: contact:' is missing. The contact page and the footer need it: restore it "
            "from git."
        )
    for key in REQUIRED:
        if not contact.get(key):
            raise ContactError(f"mkdocs.yml, extra → contact: '{key}' is missing or empty. Add it.")
    role = contact["role"]
    for language in LANGUAGES:
        if not isinstance(role, dict) or not role.get(language):
            raise ContactError(
                f"mkdocs.yml, extra → contact → role: the role in '{language}' is missing. "
                "Write the role in Finnish (fi) and English (en)."
            )
    if not str(contact["phone_uri"]).startswith("+"):
        raise ContactError(
            "mkdocs.yml, extra → contact → phone_uri: write the number in international form for "
            "phone links, such as +358400578743."
        )
    return contact


def render_contact(contact: dict, language: str, css_class: str = "contact-card") -> str:
    labels = LABELS[language]
    name, role = escape(contact["name"]), escape(contact["role"][language])
    organisation = escape(contact["organisation"])
    phone, phone_uri = escape(contact["phone"]), escape(contact["phone_uri"])
    email = escape(contact["email"])
    return (
        f'<div class="{css_class}">'
        f'<p class="{css_class}__person"><strong>{name}</strong><br>{role}, {organisation}</p>'
        f'<p class="{css_class}__lines">{labels["phone"]}: <a href="tel:{phone_uri}">{phone}</a><br>'
        f'{labels["email"]}: <a href="mailto:{email}">{email}</a></p>'
        "</div>"
    )


def _language(config) -> str:
    return config.theme["language"] if config.theme["language"] in LANGUAGES else "fi"


def on_config(config):
    try:
        check_contact(config.extra.get("contact"))
    except ContactError as error:
        raise PluginError(str(error)) from None


def on_page_markdown(markdown, page, config, files):
    card = render_contact(config.extra["contact"], _language(config))
    return replace_shortcodes(markdown, {"contact": lambda code: f"\n\n{card}\n\n"})


def on_env(env, config, files):
    env.filters["contact_card"] = lambda contact, language: render_contact(
        contact, language if language in LANGUAGES else "fi", "footer-contact"
    )
    return env
