"""schema.org JSON-LD (hooks/website/structured_data.py): on the home page and the two service pages, in the:
the parts that need no build (the rest, and what is checked and why:
tests/site/test_structured_data.py).

Layer: unit tests, no build.
"""

from __future__ import annotations

from harness import ROOT
from website.organisation import load_organisation

import json

from website import structured_data
from website.formats import script_text
from website.price_file import Duration, Service
from website.prices import price_row
from structured_data_helpers import vocabulary


def test_script_text_cannot_close_its_element():
    value = {"name": "</script><script>alert(1)</script><!-- & -->"}
    text = script_text(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_a_service_gets_offers_only_when_the_data_has_prices(prices_in_force):
    data, rate = prices_in_force
    priced = Service("x", {"fi": "Palvelu", "en": "Service"}, (Duration(45, data.services["support-person"].durations[0].net),))
    on_request = Service("y", {"fi": "Palvelu", "en": "Service"}, ())
    common = dict(name="N", description="D", url="https://www.example.fi/x/")
    organisation, _ = load_organisation(ROOT)
    node = structured_data.service_node(priced, rate, organisation, "https://www.example.fi/", "en", **common)
    row = price_row(priced.durations[0], rate.percent)
    assert [spec["price"] for spec in node["offers"][0]["priceSpecification"]] == [f"{row.net:.2f}", f"{row.gross:.2f}"]
    assert "offers" not in structured_data.service_node(on_request, rate, organisation, "https://www.example.fi/", "en", **common)


def test_the_validator_finds_mistakes(vocabulary):
    """The checks above could fail: each kind of mistake is reported."""
    bad = {
        "@context": "https://schema.org",
        "@type": "ProfessionalService",
        "name": "Metodi",
        "serviceType": "coaching",
        "telephone": 358400578743,
        "priceCurrencyy": "EUR",
        "url": "www.metodi.fi",
        "makesOffer": {
            "@type": "Offer",
            "priceSpecification": {
                "@type": "UnitPriceSpecification",
                "valueAddedTaxIncluded": "false",
                "referenceQuantity": {"@type": "Organization"},
            },
        },
    }
    problems = "\n".join(vocabulary.check(bad).problems)
    for expected in (
        "'ProfessionalService' is deprecated",
        "'serviceType' is not defined for ProfessionalService",
        "358400578743 does not fit ['Text']",
        "'priceCurrencyy' is not a schema.org term",
        "'www.metodi.fi' does not fit ['URL']",
        "'false' does not fit ['Boolean']",
        "a ['Organization'] where ['QuantitativeValue'] is expected",
    ):
        assert expected in problems
    assert "superseded" in " ".join(vocabulary.check({"@context": "https://schema.org", "@type": "Thing", "interactionCount": "1"}).problems)
