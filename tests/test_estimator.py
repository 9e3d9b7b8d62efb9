"""The cost estimator on /hinnat/ and /en/hinnat/ (hooks/estimator.py, assets/javascripts/estimator.js).

The key check: in Chromium, in both languages, every length × 1–7 meetings a week × a spread of
weeks is set through the real controls, and the estimator's figures equal, character for character,
what the Python hook would print (``prices.format_money`` of whole cents from ``prices.price_row``).
Expected figures come from data/prices.yml (or a fixture), never typed here.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import date, datetime, timezone
from decimal import Decimal
from html import unescape

import pytest
from axe_playwright_python.sync_playwright import Axe

import estimator
from browsing import AXE_OPTIONS, NO_MOTION, describe, focus_problems, focus_state
from harness import ROOT, SITE_ORIGIN
from price_data import Duration, Service, VatRate, load_price_data, parse_price_data, rate_in_force
from prices import format_hours, format_money, format_rate, price_row, render_cost_example
from shortcodes import Shortcode

PAGES = {"fi": "/hinnat/", "en": "/en/hinnat/"}
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "estimator.js"
WEEKS = (1, 4, 12, 17, 52)  # 1 and 52 are the limits; 17 weeks is about a spring term
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
    return parse_price_data(FIXTURE, "tests/test_estimator.py")


@pytest.fixture(scope="module")
def fixture_rate(fixture_data):
    return rate_in_force(fixture_data.vat_rates, date(2026, 1, 1))


@pytest.fixture(scope="module")
def data():
    return load_price_data(ROOT / "data" / "prices.yml")


@pytest.fixture(scope="module")
def rate(data, build_epoch):
    return rate_in_force(data.vat_rates, datetime.fromtimestamp(build_epoch, timezone.utc).date())


@pytest.fixture(scope="module")
def service(data):
    return data.services["support-person"]


def embedded_json(html: str) -> dict:
    block = html.split('data-cost-estimator="', 1)[1]
    return json.loads(re.search(r'<script type="application/json">(.*?)</script>', block, re.DOTALL)[1])


def expected_figures(duration, rate, count: int, language: str) -> dict:
    """What the build would print for ``count`` meetings: Python's Decimal arithmetic and Babel."""
    row = price_row(duration, rate.percent)
    return {
        "count": str(count),
        "net": format_money(row.net * count, language),
        "vat": format_money(row.vat * count, language),
        "gross": format_money(row.gross * count, language),
    }


# --------------------------------------------------------------------------- pure functions


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
    html = estimator.render_cost_estimator(plan, fixture_rate, language, 120)
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
    errors = estimator.shortcode_errors(page, fixture_data, fixture_rate, "docs/hinnat.fi.md")
    assert len(errors) == 1 and errors[0].startswith("docs/hinnat.fi.md, rivi 3: "), errors
    finnish_part, english_part = errors[0].split("In English: ")
    assert english_part.startswith("docs/hinnat.fi.md, line 3: "), errors[0]
    assert finnish in finnish_part and english in english_part, errors[0]


def test_without_a_length_the_estimator_starts_at_two_hours(fixture_data, fixture_rate):
    html = estimator.render_shortcode(Shortcode(1, "cost-estimator", ("plan",), ""), fixture_data, fixture_rate, "fi")
    assert '<option value="120" selected>' in html


# --------------------------------------------------------------------------- the built pages


def built_page(built_site, language: str) -> str:
    return (built_site / PAGES[language].lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", PAGES)
def test_the_built_page_embeds_the_price_file(built_site, service, rate, language):
    html = built_page(built_site, language)
    data = embedded_json(html)
    assert data == estimator.estimator_data(service, rate, language)
    # And independently of the estimator module: the price file through the price tables' function.
    assert [(d["minutes"], Decimal(d["net"]) / 100, Decimal(d["vat"]) / 100) for d in data["durations"]] == [
        (row.minutes, row.net, row.vat) for row in (price_row(d, rate.percent) for d in service.durations)
    ]
    assert data["rateLabel"] == format_rate(rate.percent, language)
    assert re.search(r'<div class="cost-estimator" data-cost-estimator="support-person" hidden>', html)
    # The worked example stays, above the estimator, for visitors without JavaScript.
    example = render_cost_example(service.duration(120), 4, rate, language)
    text = unescape(re.sub(r"<[^>]+>", "", html))
    assert example in text
    assert text.index(example) < text.index(estimator.TEXTS[language]["heading"])


def test_the_script_loads_deferred_on_the_prices_pages_only_and_is_small(built_site):
    tag = re.compile(r'<script src="[^"]*assets/javascripts/estimator\.js" defer></script>')
    with_script = sorted(
        str(path.relative_to(built_site)) for path in built_site.rglob("*.html") if tag.search(path.read_text(encoding="utf-8"))
    )
    assert with_script == ["en/hinnat/index.html", "hinnat/index.html"]
    built = (built_site / "assets" / "javascripts" / "estimator.js").read_bytes()
    assert built == SCRIPT.read_bytes()
    size = len(gzip.compress(built, 9))
    assert size <= 3 * 1024, f"estimator.js is {size} bytes gzip, over the 3 KiB budget"


# --------------------------------------------------------------------------- in the browser

def open_estimator(site_page, language: str):
    """The prices page in ``language``, once its script has shown the estimator."""
    page = site_page(PAGES[language])
    page.wait_for_selector(".cost-estimator:not([hidden])")
    return page


SWEEP = """([durations, perWeek, weeks]) => {
  const root = document.querySelector('[data-cost-estimator]');
  const select = root.querySelector('#cost-estimator-minutes');
  const fields = {perWeek: root.querySelector('#cost-estimator-per-week'), weeks: root.querySelector('#cost-estimator-weeks')};
  const read = (name) => root.querySelector(`[data-value="${name}"]`).textContent;
  const set = (element, value, type) => { element.value = value; element.dispatchEvent(new Event(type, {bubbles: true})); };
  const results = [];
  for (const minutes of durations) {
    set(select, String(minutes), 'change');
    for (const p of perWeek) {
      set(fields.perWeek, String(p), 'input');
      for (const w of weeks) {
        set(fields.weeks, String(w), 'input');
        results.push({minutes, p, w, count: read('count'), net: read('net'), vat: read('vat'), gross: read('gross'),
                      output: root.querySelector('output').textContent});
      }
    }
  }
  return results;
}"""


@pytest.mark.parametrize("language", PAGES)
def test_every_combination_matches_the_python_hook(site_page, service, rate, language):
    page = open_estimator(site_page, language)
    # When the page opens: the worked example's month, 2 h once a week for four weeks.
    first = {name: page.text_content(f'[data-value="{name}"]') for name in ("count", "net", "vat", "gross")}
    assert first == expected_figures(service.duration(120), rate, 4, language)

    minutes = [duration.minutes for duration in service.durations]
    results = page.evaluate(SWEEP, [minutes, list(range(1, 8)), list(WEEKS)])
    assert len(results) == len(minutes) * 7 * len(WEEKS)
    wrong = []
    for result in results:
        expected = expected_figures(service.duration(result["minutes"]), rate, result["p"] * result["w"], language)
        shown = {key: result[key] for key in expected}
        if shown != expected or "NaN" in result["output"]:
            wrong.append(f"{result['minutes']} min, {result['p']}/week, {result['w']} weeks: {shown} != {expected}")
    assert not wrong, f"{len(wrong)} of {len(results)} differ ({language}):\n" + "\n".join(wrong[:10])
    assert not page.traffic.console_errors and not page.traffic.foreign


INVALID = """([cases]) => {
  const root = document.querySelector('[data-cost-estimator]');
  const output = root.querySelector('output');
  const results = [];
  for (const [id, value] of cases) {
    const input = root.querySelector('#' + id);
    const message = root.querySelector('#' + id + '-error');
    input.value = value;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    results.push({id, value, message: message.hidden ? null : message.textContent,
                  invalid: input.getAttribute('aria-invalid'), describedby: input.getAttribute('aria-describedby'),
                  output: output.innerText, figuresHidden: root.querySelector('.cost-estimator__figures').hidden});
    input.value = id.endsWith('weeks') ? '4' : '1';
    input.dispatchEvent(new Event('input', {bubbles: true}));
    results.push({id, value: 'restored', message: message.hidden ? null : message.textContent,
                  invalid: input.getAttribute('aria-invalid'), output: output.innerText});
  }
  return results;
}"""


@pytest.mark.parametrize("language", PAGES)
def test_bad_input_says_what_to_fix_beside_the_field(site_page, service, rate, language):
    page = open_estimator(site_page, language)
    data = embedded_json(page.content())
    labels = estimator.TEXTS[language]
    cases, expected = [], []
    for field, key, too_big in (("cost-estimator-per-week", "per_week", "8"), ("cost-estimator-weeks", "weeks", "53")):
        rules = data["fields"][key]
        for value, problem in (("", "empty"), ("  ", "empty"), ("0", "range"), (too_big, "range"), ("-1", "range"),
                               ("abc", "whole"), ("2x", "whole"), ("1,5", "whole"), ("1.5", "whole"), ("1e1", "whole")):
            cases.append([field, value])
            expected.append((rules[problem], labels[key]))
    results = page.evaluate(INVALID, [cases])
    restored = format_money(price_row(service.duration(120), rate.percent).gross * 4, language)
    for (message, label), shown, after in zip(expected, results[::2], results[1::2]):
        where = f"{shown['id']} = {shown['value']!r} ({language})"
        assert shown["message"] == message, where
        assert shown["invalid"] == "true" and shown["describedby"].split() == [f"{shown['id']}-hint", f"{shown['id']}-error"], where
        assert shown["figuresHidden"] and label in shown["output"], where
        assert "NaN" not in shown["output"] and "undefined" not in shown["output"], where
        assert shown["output"].strip() == data["fix"].replace("{fields}", label), where
        assert after["message"] is None and after["invalid"] is None and restored in after["output"], where


def test_without_javascript_the_worked_example_shows_and_the_estimator_does_not(site_page, service, rate):
    for language, path in PAGES.items():
        page = site_page(path, java_script_enabled=False)
        assert page.locator(".cost-estimator").is_hidden()
        example = render_cost_example(service.duration(120), 4, rate, language)
        assert page.get_by_text(example).is_visible()


def test_it_fits_a_phone_and_its_controls_are_big_enough_and_show_focus(site_page):
    page = site_page("/hinnat/", viewport={"width": 360, "height": 800})
    page.wait_for_selector(".cost-estimator:not([hidden])")
    page.add_style_tag(content=NO_MOTION)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for selector in ("#cost-estimator-minutes", "#cost-estimator-per-week", "#cost-estimator-weeks"):
        box = page.locator(selector).bounding_box()
        assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360, (selector, box)
        page.locator(selector).scroll_into_view_if_needed()
        page.focus(selector)
        assert not focus_problems(focus_state(page)), (selector, focus_state(page))
    page.fill("#cost-estimator-weeks", "12")
    page.emulate_media(media="print")
    assert page.locator(".cost-estimator__result").is_visible(), "the current result prints"
    assert page.locator('[data-value="gross"]').is_visible()


def test_axe_finds_nothing_with_the_estimator_shown_and_an_error(browser_context):
    axe = Axe()
    failures = []
    for scheme in ("light", "dark"):
        context = browser_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
        context.add_init_script(script=axe.axe_script)
        page = context.new_page()
        for path in PAGES.values():
            page.goto(SITE_ORIGIN + path, wait_until="load")
            page.wait_for_selector(".cost-estimator:not([hidden])")
            page.add_style_tag(content=NO_MOTION)
            page.fill("#cost-estimator-weeks", "53")
            assert page.locator("#cost-estimator-weeks-error").is_visible()
            for width in (360, 1280):
                page.set_viewport_size({"width": width, "height": 800})
                violations = page.evaluate("(options) => axe.run(document, options).then((r) => r.violations)", AXE_OPTIONS)
                if violations:
                    described = [
                        {"id": v["id"], "impact": v["impact"], "help": v["help"], "url": v["helpUrl"],
                         "nodes": [{"target": " ".join(n["target"]), "summary": n["failureSummary"]} for n in v["nodes"]]}
                        for v in violations
                    ]
                    failures.append(describe(described, f"{path} (estimator with an error)", (scheme, width)))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", PAGES)
def test_the_result_is_announced_when_typing_pauses_not_at_every_keystroke(site_page, language):
    page = open_estimator(site_page, language)
    output = page.locator(".cost-estimator output")
    page.locator("#cost-estimator-weeks").press_sequentially("2", delay=50)
    assert output.get_attribute("aria-busy") == "true"  # a live region that is busy is not read yet
    page.wait_for_function("() => document.querySelector('.cost-estimator output').getAttribute('aria-busy') === 'false'", timeout=3000)
