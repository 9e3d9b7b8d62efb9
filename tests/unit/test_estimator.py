"""The cost estimator on /hinnat/ and /en/hinnat/ (hooks/website/estimator.py,
assets/javascripts/estimator.js): the parts that need no build (the rest, and what is checked and
why: tests/browser/test_estimator.py).

Layer: unit tests, no build.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from harness import ROOT
from website import estimator, fragments, shortcodes
from website.prices import Schedule
from website.pages import Source
from website.price_file import Duration, Service, VatRate, read_price_file, rate_in_force
from website.formats import format_hours, format_money
from website.prices import price_row
from website.shortcodes import Shortcode
from estimator_helpers import PAGES, data, embedded_json

TEMPLATES = fragments.environment(ROOT)
NBSP = "\N{NO-BREAK SPACE}"

# A price file for the unit tests: a price whose VAT is 8.49915 (rounds to 8.50), one whose VAT is
# 0.005 at 25 % (half a cent, rounds up), and a service priced on request.
FIXTURE = """
vat_rates:
  - rate: 25.5
    from: 2024-09-01
services:
  plan:
    name: {fi: Suunnitelma, en: Plan}
    durations:
      - {minutes: 45, price: 33.33}
      - {minutes: 120, price: 90.00}
      - {minutes: 90, price: 70}
  quote:
    name: {fi: Tarjous, en: Quote}
    on_request: true
texts:
  fi: {vat_free: "a {rate}", vat_added: b, vat_date: "c {date}", on_request: d}
  en: {vat_free: "a {rate}", vat_added: b, vat_date: "c {date}", on_request: d}
"""


@pytest.fixture(scope="module")
def fixture_data():
    return read_price_file(FIXTURE, "tests/test_estimator.py")


@pytest.fixture(scope="module")
def fixture_rate(fixture_data):
    return rate_in_force(fixture_data.vat_rates, date(2026, 1, 1))


def test_the_data_is_whole_cents_from_the_price_tables_function(fixture_data, fixture_rate):
    data = estimator.estimator_data(fixture_data.services["plan"], fixture_rate, "fi")
    assert data["durations"] == [
        {"minutes": 45, "net": 3333, "vat": 850},  # 33.33 × 25.5 % = 8.49915 → 8.50
        {"minutes": 90, "net": 7000, "vat": 1785},
        {"minutes": 120, "net": 9000, "vat": 2295},
    ]
    for row, duration in zip(data["durations"], fixture_data.services["plan"].durations):
        table_row = price_row(duration, fixture_rate.percent)
        assert (Decimal(row["net"]) / 100, Decimal(row["vat"]) / 100) == (table_row.net, table_row.vat)
    assert data["rate"] == "25.5" and data["rateLabel"] == f"25,5{NBSP}%"
    assert estimator.estimator_data(fixture_data.services["plan"], fixture_rate, "en")["rateLabel"] == "25.5%"


def test_half_a_cent_of_vat_per_meeting_rounds_up_before_multiplying():
    tiny = Service("tiny", {"fi": "x", "en": "x"}, (Duration(60, Decimal("0.02")),))
    data = estimator.estimator_data(tiny, VatRate(Decimal("25"), date(2024, 1, 1)), "fi")
    assert data["durations"] == [{"minutes": 60, "net": 2, "vat": 1}]  # 0.005 → 0.01, then × meetings


def test_the_issues_example_from_the_data(fixture_data, fixture_rate):
    """2 h, 2 a week, 12 weeks = 24 meetings: 2 160,00 € + 550,80 € = 2 710,80 € at 25.5 %."""
    row = next(r for r in estimator.estimator_data(fixture_data.services["plan"], fixture_rate, "fi")["durations"]
               if r["minutes"] == 120)
    count = 2 * 12
    cents = (row["net"] * count, row["vat"] * count, (row["net"] + row["vat"]) * count)
    fi = [format_money(Decimal(c) / 100, "fi") for c in cents]
    en = [format_money(Decimal(c) / 100, "en") for c in cents]
    assert fi == [f"2{NBSP}160,00{NBSP}€", f"550,80{NBSP}€", f"2{NBSP}710,80{NBSP}€"]
    assert en == ["€2,160.00", "€550.80", "€2,710.80"]


def test_the_money_format_comes_from_babel():
    assert estimator.money_format("fi") == {
        "prefix": "", "suffix": f"{NBSP}€", "group": NBSP, "decimal": ",", "grouping": [3, 3]
    }
    assert estimator.money_format("en") == {"prefix": "€", "suffix": "", "group": ",", "decimal": ".", "grouping": [3, 3]}


@pytest.mark.parametrize("language", PAGES)
def test_the_markup_is_hidden_labelled_and_carries_its_data(fixture_data, fixture_rate, language):
    plan = fixture_data.services["plan"]
    html = estimator.render_cost_estimator(plan, fixture_rate, language, 120, TEMPLATES)
    texts = estimator.TEXTS[language]
    assert re.match(r'<div class="cost-estimator" data-cost-estimator="plan" hidden>', html)
    for field, name in (("minutes", "minutes"), ("per-week", "per_week"), ("weeks", "weeks")):
        assert f'<label for="cost-estimator-{field}">{texts[name]}</label>' in html
    options = re.findall(r'<option value="(\d+)"( selected)?>([^<]*)</option>', html)
    assert [(int(m), label) for m, _, label in options] == [(d.minutes, format_hours(d.minutes, language)) for d in plan.durations]
    assert [m for m, selected, _ in options if selected] == ["120"]
    assert html.count('inputmode="numeric"') == 2 and 'type="number"' not in html
    assert re.search(r'id="cost-estimator-per-week"[^>]*value="1"', html), "once a week (seed 001) to start with"
    assert re.search(r'id="cost-estimator-weeks"[^>]*value="4"', html), "four weeks, as the worked example"
    assert re.search(r'<output class="cost-estimator__result"[^>]*aria-live="polite"', html)
    assert {"fi": f"Alv 25,5{NBSP}%", "en": "VAT 25.5%"}[language] in html
    assert embedded_json(html) == estimator.estimator_data(plan, fixture_rate, language)


def test_the_json_cannot_close_its_script_element():
    assert estimator.script_text({"a": "</script><b>&"}) == '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'


@pytest.mark.parametrize(
    "args, finnish, english",
    [
        ((), "tarvitsee palvelun", "needs a service"),
        (("plann",), "palvelulla 'plann' ei ole hintoja", "The services with prices: plan."),
        (("quote",), "palvelulla 'quote' ei ole hintoja", "the service 'quote' has no prices"),
        (("plan", "100"), "ei ole kestoa '100'. Kestot minuutteina: 45, 90, 120.", "has no length '100'"),
        (("plan", "120", "4"), "tarvitsee palvelun", "Write it as <!-- md:cost-estimator support-person 120 -->."),
    ],
)
def test_a_wrong_shortcode_is_explained_in_finnish_then_english(fixture_data, fixture_rate, args, finnish, english):
    text = f"<!-- md:cost-estimator {' '.join(args)} -->"
    page = "# Hinnat\n\n" + text + "\n"
    renderers = estimator.renderers(Schedule(fixture_data, fixture_rate.effective), "fi", TEMPLATES)
    errors = [problem.message for problem in shortcodes.check(Source("hinnat.fi.md", page), renderers, renderers)]
    assert len(errors) == 1 and errors[0].startswith("docs/hinnat.fi.md, rivi 3: "), errors
    finnish_part, english_part = errors[0].split("In English: ")
    assert english_part.startswith("docs/hinnat.fi.md, line 3: "), errors[0]
    assert finnish in finnish_part and english in english_part, errors[0]


def test_without_a_length_the_estimator_starts_at_two_hours(fixture_data, fixture_rate):
    schedule = Schedule(fixture_data, fixture_rate.effective)
    html = estimator.render_shortcode(Shortcode(1, "cost-estimator", ("plan",), ""), schedule, "fi", TEMPLATES)
    assert '<option value="120" selected>' in html
