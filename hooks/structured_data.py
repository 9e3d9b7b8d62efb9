"""Structured data (schema.org JSON-LD) for the purchasers' and aggregators' tools.

Three pages describe themselves, in the page's own language, from data the site already holds:

- the home page: the ``Organization`` (name, address of the site, phone, email, logo) from
  ``extra.contact`` in mkdocs.yml, with a ``ContactPoint`` for the languages served;
- the support-person page: a ``Service`` with one ``Offer`` per meeting length in
  ``data/prices.yml``, each priced without and with VAT;
- the coaching page: a ``Service`` with no price, as it is priced on request.

Nothing is added that the data does not hold: no street address, opening hours, area served or
ratings. Prices come from the same functions as the price tables (``prices.price_row``), VAT at the
rate in force on the build date. ``main.html`` writes ``structured_data`` into the page head.

Why these terms (schema.org 30.0, tests/vendor/schemaorg/):

- ``Organization``, not ``ProfessionalService``: schema.org says the latter "was deprecated due to
  confusion with Service".
- The languages are ``ContactPoint.availableLanguage`` ("a language someone may use with or at the
  item, service or place"), a core term, rather than ``Organization.knowsLanguage``, which is a
  pending term defined for a Person "and less typically" an Organization.
- A price is for one meeting of a given length: ``UnitPriceSpecification.referenceQuantity`` ("the
  reference quantity for which a certain price applies") holds it as a ``QuantitativeValue`` in
  minutes, UN/CEFACT code ``MIN``. Each ``Offer`` carries two of them, ``valueAddedTaxIncluded``
  false and true, with the price as a plain decimal string ("70.00"): JSON numbers would lose the
  cents of 70.00.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.exceptions import PluginError

from messages import for_staff
from price_data import DATA_FILE, PriceData, PriceDataError, Service, VatRate
from prices import format_hours, page_language, prices_for_build, price_row, script_text

CONTEXT = "https://schema.org"
LANGUAGES = ("fi", "en")
# Source file stem → the service in data/prices.yml that the page describes.
SERVICE_PAGES = {
    "ammatillinen-tukihenkilotoiminta": "support-person",
    "neuropsykiatrinen-valmennus": "coaching",
}
HOME_PAGE = "index"
OFFER_NAMES = {"fi": "Tapaaminen {hours}", "en": "Meeting of {hours}"}
# The price file holds base prices; the pages say so, and so does the data about them.
OFFER_DESCRIPTIONS = {
    "fi": "Perushinta, kun tukihenkilötoimintaa on valmennuksen rinnalla tai jälkeen. Kun tukihenkilötoimintaa "
    "ostetaan lastensuojelun tukitoimena, hinnasta sovitaan sopimuksessa.",
    "en": "Base price of support-person work alongside or after coaching. When it is bought as child-welfare "
    "support, its price is agreed in the contract.",
}
# ContactPoint.contactType names what the contact point is for, not a job title.
CONTACT_PURPOSES = {"fi": "Yhteydenotot ja tarjouspyynnöt", "en": "Enquiries and quotes"}
# UN/CEFACT Common Code for a minute, as schema.org's unitCode asks.
MINUTE = "MIN"


def home_url(site_url: str, language: str) -> str:
    base = site_url.rstrip("/") + "/"
    return base if language == "fi" else f"{base}{language}/"


def organization_id(site_url: str) -> str:
    """One identifier for the organisation in both languages, so tools merge the two descriptions."""
    return site_url.rstrip("/") + "/#organization"


def money(amount: Decimal) -> str:
    """A price as schema.org wants it: digits and a full stop, always two decimals."""
    return f"{amount:.2f}"


def organization(contact: dict, site_url: str, language: str, description: str = "", logo: str = "") -> dict:
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": organization_id(site_url),
        "name": contact["organisation"],
        "url": home_url(site_url, language),
    }
    if description:
        node["description"] = description
    if logo:
        node["logo"] = logo
    node["telephone"] = contact["phone_uri"]
    node["email"] = contact["email"]
    node["contactPoint"] = {
        "@type": "ContactPoint",
        "name": contact["name"],
        "contactType": CONTACT_PURPOSES[language],
        "telephone": contact["phone_uri"],
        "email": contact["email"],
        "availableLanguage": list(LANGUAGES),
    }
    return node


def provider(contact: dict, site_url: str, language: str) -> dict:
    """The organisation inside a Service: by its @id, with its name so the page reads on its own."""
    return {
        "@type": "Organization",
        "@id": organization_id(site_url),
        "name": contact["organisation"],
        "url": home_url(site_url, language),
    }


def unit_price(amount: Decimal, minutes: int, vat_included: bool) -> dict:
    return {
        "@type": "UnitPriceSpecification",
        "price": money(amount),
        "priceCurrency": "EUR",
        "valueAddedTaxIncluded": vat_included,
        "referenceQuantity": {"@type": "QuantitativeValue", "value": minutes, "unitCode": MINUTE},
    }


def offers(service: Service, rate: VatRate, language: str) -> list[dict]:
    result = []
    for duration in service.durations:
        row = price_row(duration, rate.percent)
        result.append(
            {
                "@type": "Offer",
                "name": OFFER_NAMES[language].format(hours=format_hours(row.minutes, language)),
                "description": OFFER_DESCRIPTIONS[language],
                "priceSpecification": [
                    unit_price(row.net, row.minutes, vat_included=False),
                    unit_price(row.gross, row.minutes, vat_included=True),
                ],
            }
        )
    return result


def service_node(
    service: Service,
    rate: VatRate,
    contact: dict,
    site_url: str,
    language: str,
    *,
    name: str,
    description: str,
    url: str,
) -> dict:
    node: dict[str, Any] = {
        "@type": "Service",
        "@id": url + "#service",
        "name": name,
        "description": description,
        "url": url,
        "serviceType": service.names[language],
        "provider": provider(contact, site_url, language),
    }
    # A service priced on request (no lengths in the data) gets no offers at all, not a zero price.
    if not service.on_request:
        node["offers"] = offers(service, rate, language)
    return node


def page_stem(src_uri: str) -> str:
    """``ammatillinen-tukihenkilotoiminta.en.md`` → ``ammatillinen-tukihenkilotoiminta``."""
    return PurePosixPath(src_uri).name.split(".")[0] if "/" not in src_uri else ""


def structured_data(
    src_uri: str,
    *,
    title: str,
    description: str,
    url: str,
    contact: dict,
    site_url: str,
    data: PriceData,
    rate: VatRate,
    logo: str = "",
) -> dict | None:
    """The JSON-LD object of one page, or None for pages that carry none."""
    language = page_language(src_uri)
    stem = page_stem(src_uri)
    if stem == HOME_PAGE:
        node = organization(contact, site_url, language, description, logo)
    elif stem in SERVICE_PAGES:
        key = SERVICE_PAGES[stem]
        if key not in data.services:
            raise PriceDataError(
                for_staff(
                    f"{DATA_FILE}: sivu docs/{src_uri} kuvaa palvelun '{key}', jota tiedostossa ei ole. "
                    f"Palauta '{key}' kohtaan 'services'.",
                    f"{DATA_FILE}: the page docs/{src_uri} describes the service '{key}', which is not in "
                    f"the file. Restore '{key}' under 'services', or change SERVICE_PAGES in "
                    "hooks/structured_data.py.",
                )
            )
        node = service_node(
            data.services[key], rate, contact, site_url, language, name=title, description=description, url=url
        )
    else:
        return None
    return {"@context": CONTEXT, **node}


# --------------------------------------------------------------------------- MkDocs events

_state: dict[str, Any] = {}


def on_config(config):
    data, rate = prices_for_build(config)
    logo = config.theme.get("logo") or ""
    served = logo and (Path(config.docs_dir) / logo).is_file()
    _state.update(data=data, rate=rate, logo=config.site_url.rstrip("/") + "/" + logo if served else "")
    return config


def on_page_context(context, page, config, nav):
    try:
        value = structured_data(
            page.file.src_uri,
            title=page.title or "",
            description=str(page.meta.get("description") or "").strip(),
            url=page.canonical_url or "",
            contact=config.extra["contact"],
            site_url=config.site_url,
            data=_state["data"],
            rate=_state["rate"],
            logo=_state["logo"],
        )
    except PriceDataError as error:
        raise PluginError(str(error)) from None
    context["structured_data"] = script_text(value) if value else ""
    return context
