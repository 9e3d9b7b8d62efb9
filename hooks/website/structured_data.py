"""Structured data (schema.org JSON-LD) for the purchasers' and aggregators' tools.

Three pages describe themselves, in the page's own language, from data the site already holds:

- the home page: the ``Organization`` (name, address of the site, phone, email, logo, and the legal
  name, business ID, address, area and languages once known) from ``data/organisation.yml``;
- the support-person page: a ``Service`` with one ``Offer`` per meeting length in
  ``data/prices.yml``, each priced without and with VAT;
- the coaching page: a ``Service`` with no price, as it is priced on request.

Nothing is added that the data does not hold: no opening hours or ratings, and an owner's fact only
once it is filled in. Prices come from the same functions as the price tables (``prices.price_row``), VAT at the
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

from datetime import timedelta
from decimal import Decimal
from typing import Any

from .formats import format_hours
from .pages import DEFAULT, LANGUAGES, PageName, Source
from .price_file import DATA_FILE, PriceData, Service, VatRate
from .prices import PriceChange, PriceRow, Schedule, price_row
from .organisation import Organisation
from .problems import Problem

CONTEXT = "https://schema.org"
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
    return base if language == DEFAULT else f"{base}{language}/"


def organization_id(site_url: str) -> str:
    """One identifier for the organisation in both languages, so tools merge the two descriptions."""
    return site_url.rstrip("/") + "/#organization"


def money(amount: Decimal) -> str:
    """A price as schema.org wants it: digits and a full stop, always two decimals."""
    return f"{amount:.2f}"


def organization(organisation: Organisation, site_url: str, language: str, description: str = "", logo: str = "") -> dict:
    """The one Organization, with one url (the site's root) in both languages; the English page adds
    no second, untagged description. It claims only what data/organisation.yml holds: the legal
    name, business ID, address, area and languages appear once the owner has given them."""
    contact = organisation.contact
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": organization_id(site_url),
        "name": organisation.name,
        "url": home_url(site_url, DEFAULT),
    }
    if organisation.legal_name:
        node["legalName"] = organisation.legal_name
    if organisation.business_id:
        node["taxID"] = organisation.business_id
    if organisation.address:
        node["address"] = organisation.address
    if organisation.value("service_area", language):
        node["areaServed"] = organisation.value("service_area", language)
    if description and language == DEFAULT:
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
    }
    if organisation.languages:
        node["contactPoint"]["availableLanguage"] = list(organisation.languages)
    return node


def provider(organisation: Organisation, site_url: str, language: str) -> dict:
    """The organisation inside a Service: by its @id, with its name so the page reads on its own."""
    return {
        "@type": "Organization",
        "@id": organization_id(site_url),
        "name": organisation.name,
        "url": home_url(site_url, DEFAULT),
    }


def unit_price(amount: Decimal, minutes: int, vat_included: bool) -> dict:
    return {
        "@type": "UnitPriceSpecification",
        "price": money(amount),
        "priceCurrency": "EUR",
        "valueAddedTaxIncluded": vat_included,
        "referenceQuantity": {"@type": "QuantitativeValue", "value": minutes, "unitCode": MINUTE},
    }


def offer(row: PriceRow, language: str) -> dict:
    return {
        "@type": "Offer",
        "name": OFFER_NAMES[language].format(hours=format_hours(row.minutes, language)),
        "description": OFFER_DESCRIPTIONS[language],
        "priceSpecification": [
            unit_price(row.net, row.minutes, vat_included=False),
            unit_price(row.gross, row.minutes, vat_included=True),
        ],
    }


def offers(service: Service, rate: VatRate, language: str, changes: list[PriceChange] = (), valid_from=None) -> list[dict]:
    """An offer for each length in force (from the price list's date, ``validFrom``), and one for each
    dated change of it; an offer that a change replaces ends the day before (``validThrough``)."""
    since = {"validFrom": valid_from.isoformat()} if valid_from else {}
    result = [offer(price_row(duration, rate.percent), language) | since for duration in service.durations]
    current = {node["priceSpecification"][0]["referenceQuantity"]["value"]: node for node in result}
    for change in changes:
        for row in change.rows:
            if row.minutes in current:
                current[row.minutes]["validThrough"] = (change.day - timedelta(days=1)).isoformat()
            current[row.minutes] = offer(row, language) | {"validFrom": change.day.isoformat()}
            result.append(current[row.minutes])
    return result


def service_node(
    service: Service,
    rate: VatRate,
    organisation: Organisation,
    site_url: str,
    language: str,
    *,
    name: str,
    description: str,
    url: str,
    changes: list[PriceChange] = (),
    valid_from=None,
) -> dict:
    node: dict[str, Any] = {
        "@type": "Service",
        "@id": url + "#service",
        "name": name,
        "description": description,
        "url": url,
        "serviceType": service.names[language],
        "provider": provider(organisation, site_url, language),
    }
    # A service priced on request (no lengths in the data) gets no offers at all, not a zero price.
    if not service.on_request:
        node["offers"] = offers(service, rate, language, changes, valid_from)
    return node


def service_page_problems(sources: tuple[Source, ...], data: PriceData | None) -> list[Problem]:
    """A service page whose service has gone from the price file (its structured data would be empty)."""
    if data is None:
        return []
    problems = []
    for source in sources:
        name = source.name
        key = SERVICE_PAGES.get(name.stem) if name else None
        if key and key not in data.services:
            problems.append(
                Problem(
                    DATA_FILE,
                    None,
                    f"{DATA_FILE}: sivu {source.file} kuvaa palvelun '{key}', jota tiedostossa ei ole. "
                    f"Palauta '{key}' kohtaan 'services'.",
                    f"{DATA_FILE}: the page {source.file} describes the service '{key}', which is not in "
                    f"the file. Restore '{key}' under 'services', or change SERVICE_PAGES in "
                    "hooks/website/structured_data.py.",
                    stops_preview=True,
                )
            )
    return problems


def structured_data(
    src_uri: str,
    *,
    title: str,
    description: str,
    url: str,
    organisation: Organisation,
    site_url: str,
    data: PriceData,
    rate: VatRate,
    logo: str = "",
    schedule: Schedule | None = None,
) -> dict | None:
    """The JSON-LD object of one page, or None for pages that carry none."""
    name = PageName.parse(src_uri)
    if name is None:
        return None
    language = name.language
    if name.stem == HOME_PAGE:
        node = organization(organisation, site_url, language, description, logo)
    elif name.stem in SERVICE_PAGES and SERVICE_PAGES[name.stem] in data.services:
        key = SERVICE_PAGES[name.stem]
        changes = schedule.changes(key) if schedule and not data.services[key].on_request else []
        node = service_node(
            data.services[key], rate, organisation, site_url, language, name=title, description=description, url=url, changes=changes,
            valid_from=schedule.valid_from if schedule else None,
        )
    else:
        return None
    return {"@context": CONTEXT, **node}
