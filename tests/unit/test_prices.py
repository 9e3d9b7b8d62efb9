"""The price hook: money arithmetic, VAT dates, formatting, bad input, and the built pages.

Layer: unit tests, no build.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from website import prices
from harness import ROOT
from website import shortcodes
from website.pages import Source, read_sources
from website.price_file import Duration, VatRate, load_price_file, read_price_file, rate_in_force
from website.problems import StaffError
from website.context import build_date
from website.formats import format_day, format_hours, format_money, format_rate
from website.prices import price_row, render_cost_example, vat_amount
from prices_helpers import FIXTURE, NBSP, data


@pytest.fixture(scope="module")
def fixture_data():
    """The frozen price file: 24 % from 2013-01-01, 25.5 % from 2024-09-01, 70/90/110/130 €."""
    return load_price_file(FIXTURE)


@pytest.mark.parametrize(
    "net, gross",
    [("70.00", "87.85"), ("90.00", "112.95"), ("110.00", "138.05"), ("130.00", "163.15")],
)
def test_worked_check_from_facts(net, gross):
    row = price_row(Duration(90, Decimal(net)), Decimal("25.5"))
    assert row.gross == Decimal(gross)


def test_half_a_cent_rounds_up():
    # 0.02 × 25 % = 0.005 exactly: half up gives 0.01 (banker's rounding would give 0.00).
    assert vat_amount(Decimal("0.02"), Decimal("25")) == Decimal("0.01")
    assert vat_amount(Decimal("0.06"), Decimal("25")) == Decimal("0.02")  # 0.015 → 0.02
    assert vat_amount(Decimal("0.01"), Decimal("24")) == Decimal("0.00")  # 0.0024 → 0.00


def test_the_worked_monthly_example_multiplies_the_price_with_vat():
    rate = VatRate(Decimal("25.5"), date(2024, 9, 1))
    text = render_cost_example(Duration(120, Decimal("90.00")), 4, rate, "fi")
    assert f"4{NBSP}×{NBSP}112,95{NBSP}€ ={NBSP}451,80{NBSP}€ arvonlisäveron kanssa" in text  # never wraps
    assert f"360,00{NBSP}€ ilman arvonlisäveroa" in text
    assert text.startswith("Esimerkki: jos 2 tunnin tapaaminen on 4 kertaa kuukaudessa")
    english = render_cost_example(Duration(90, Decimal("70.00")), 4, rate, "en")
    assert "4 meetings of 1.5 hours a month" in english and f"4{NBSP}×{NBSP}€87.85 ={NBSP}€351.40 with VAT" in english


cents = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
rates = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)


@given(net=cents, rate=rates, minutes=st.integers(min_value=1, max_value=600))
def test_net_plus_vat_is_gross_exactly(net, rate, minutes):
    row = price_row(Duration(minutes, net), rate)
    assert row.net + row.vat == row.gross
    for amount in (row.vat, row.gross):
        assert amount == amount.quantize(Decimal("0.01"))


@given(net=cents, rate=rates)
def test_rounding_never_drifts_a_cent(net, rate):
    exact = net * rate / 100
    assert abs(vat_amount(net, rate) - exact) <= Decimal("0.005")


def test_vat_rate_on_both_sides_of_the_change(fixture_data):
    data = fixture_data
    assert rate_in_force(data.vat_rates, date(2024, 8, 31)).percent == Decimal("24")
    assert rate_in_force(data.vat_rates, date(2024, 9, 1)).percent == Decimal("25.5")
    assert rate_in_force(data.vat_rates, date(2026, 11, 22)).effective == date(2024, 9, 1)


def test_a_future_rate_is_one_more_row():
    future = (VatRate(Decimal("24"), date(2013, 1, 1)), VatRate(Decimal("25.5"), date(2024, 9, 1)),
              VatRate(Decimal("26"), date(2030, 1, 1)))
    assert rate_in_force(future, date(2029, 12, 31)).percent == Decimal("25.5")
    assert rate_in_force(future, date(2030, 1, 1)).percent == Decimal("26")


def test_build_date_honours_source_date_epoch():
    epoch = int(datetime(2024, 8, 31, 23, 59, tzinfo=timezone.utc).timestamp())
    assert build_date({"SOURCE_DATE_EPOCH": str(epoch)}) == date(2024, 8, 31)
    assert build_date({"SOURCE_DATE_EPOCH": str(epoch + 60)}) == date(2024, 9, 1)
    with pytest.raises(StaffError, match="SOURCE_DATE_EPOCH is 'yesterday'"):
        build_date({"SOURCE_DATE_EPOCH": "yesterday"})


def test_finnish_formats():
    assert format_money(Decimal("87.85"), "fi") == f"87,85{NBSP}€"
    assert format_money(Decimal("1234.50"), "fi") == f"1{NBSP}234,50{NBSP}€"
    assert format_hours(90, "fi") == f"1,5{NBSP}h"
    assert format_hours(120, "fi") == f"2{NBSP}h"
    assert format_rate(Decimal("25.5"), "fi") == f"25,5{NBSP}%"
    assert format_day(date(2024, 9, 1), "fi") == "1.9.2024"


def test_english_formats():
    assert format_money(Decimal("87.85"), "en") == "€87.85"
    assert format_money(Decimal("1234.50"), "en") == "€1,234.50"
    assert format_hours(90, "en") == f"1.5{NBSP}h"
    assert format_rate(Decimal("25.5"), "en") == "25.5%"
    assert format_day(date(2024, 9, 1), "en") == "1 September 2024"


VALID = FIXTURE.read_text(encoding="utf-8")


def broken(old: str, new: str, count: int = 1) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, count)


BAD_INPUTS = {
    "yaml syntax": (
        broken("    durations:\n      - minutes: 90", "    durations:\n      - minutes: 90\n     price: [70"),
        r"line \d+, column \d+: the file is not valid YAML .* indentation",
    ),
    "missing key": (
        broken("      - minutes: 120\n        price: 90.00", "      - minutes: 120"),
        r"line \d+ \('services → support-person → durations → 1'\): 'price' is missing",
    ),
    "extra key": (
        broken("        price: 90.00", "        price: 90.00\n        prise: 90.00"),
        r"'prise' is not a key this file uses \(a typo\?\)",
    ),
    "price not a number": (
        broken("price: 70.00", "price: 70,00"),
        r"the price '70,00' is not a number\. Use a dot, not a comma",
    ),
    "negative price": (broken("price: 70.00", "price: -70"), r"the price -70 is negative"),
    "three decimals": (broken("price: 70.00", "price: 70.005"), r"has more than two decimals"),
    "duplicate length": (broken("minutes: 120", "minutes: 90"), r"the length 90 minutes is listed twice"),
    "vat rate over 40": (broken("rate: 25.5", "rate: 255"), r"the VAT rate 255 is not between 5% and 40%"),
    "impossible date": (broken("from: 2024-09-01", "from: 2024-09-31"), r"'2024-09-31' is not a real date"),
    "missing translation": (
        broken("      en: Professional support-person work\n", ""),
        r"the name in 'en' is missing",
    ),
    "duplicate key": (
        broken("  coaching:\n", "  coaching:\n    on_request: true\n", 1).replace(
            "    on_request: true\n    name:", "    on_request: true\n    on_request: true\n    name:", 1
        ),
        r"'on_request' appears twice",
    ),
    "unknown placeholder": (
        broken("arvonlisävero {rate}.", "arvonlisävero {rat}."),
        r"placeholder the site does not know \('\{rat\}'\)",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_price_data_is_explained(case):
    text, expected = BAD_INPUTS[case]
    with pytest.raises(StaffError) as error:
        read_price_file(text)
    message = str(error.value)
    assert message.startswith("data/prices.yml"), message
    assert re.search(expected, message), message
    assert "Traceback" not in message


def test_the_line_named_is_the_line_of_the_mistake():
    text = broken("price: 110.00", "price: 110.999")
    with pytest.raises(StaffError) as error:
        read_price_file(text)
    line = int(re.search(r"line (\d+)", str(error.value))[1])
    assert "110.999" in text.splitlines()[line - 1]


def test_no_rate_in_force_on_the_build_date(data):
    earliest = min(rate.effective for rate in data.vat_rates)
    before = date.fromordinal(earliest.toordinal() - 1)
    with pytest.raises(StaffError, match=rf"no VAT rate is in force on the build date {before.isoformat()}"):
        rate_in_force(data.vat_rates, before)


@pytest.mark.parametrize(
    "shortcode, expected",
    [
        ("<!-- md:price-table tukihenkilo -->", r"names the service 'tukihenkilo', which is not in data/prices.yml"),
        ("<!-- md:price support-person 100 -->", r"has no price for the length '100'.*90, 120, 150, 180"),
        ("<!-- md:price support-person -->", r"needs a service and a length in minutes"),
        ("<!-- md:price coaching 90 -->", r"priced on request"),
        ("<!-- md:vat-rate 24 -->", r"takes nothing after its name"),
    ],
)
def test_bad_shortcode_names_page_and_line(fixture_data, shortcode, expected):
    data = fixture_data
    page = f"---\ndescription: x\n---\n\n# Otsikko\n\n{shortcode}\n"
    renderers = prices.renderers(prices.Schedule(data, date(2026, 1, 1)), "fi")
    errors = [problem.message for problem in shortcodes.check(Source("hinnat.fi.md", page), renderers, renderers)]
    assert len(errors) == 1
    assert errors[0].startswith("docs/hinnat.fi.md, rivi 7: "), errors[0]
    assert "In English: docs/hinnat.fi.md, line 7: " in errors[0], errors[0]
    assert re.search(expected, errors[0]), errors[0]


def test_no_hand_typed_euro_amounts_or_vat_rates_in_docs():
    offenders = [
        problem.message for source in read_sources(ROOT / "docs") for problem in prices.hand_typed_price_problems(source)
    ]
    assert not offenders, "\n".join(offenders)


def test_the_scanner_catches_typed_prices():
    for typed in ("70 €", "70,00 €", "€87.85", "70e", "90 euroa", "alv 25,5 %", "VAT 24%"):
        assert prices.typed_prices(typed), typed
    assert not prices.typed_prices("Zoom the page to 200 %.")
