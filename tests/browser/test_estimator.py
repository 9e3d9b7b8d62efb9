"""The cost estimator on /hinnat/ and /en/hinnat/ (hooks/website/estimator.py, assets/javascripts/estimator.js).

The key check: in Chromium, in both languages, every length × 1–7 meetings a week × a spread of
weeks is set through the real controls, and the estimator's figures equal, character for character,
what the Python hook would print (``prices.format_money`` of whole cents from ``prices.price_row``).
Expected figures come from data/prices.yml (or a fixture), never typed here.

Layer: Chromium on the built site.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from website import estimator
from browsing import AXE_OPTIONS, describe, focus_problems, focus_state, hold_still
from harness import SITE_ORIGIN
from website.formats import format_money, script_text
from website.prices import price_row, render_cost_example
from estimator_helpers import PAGES, data, embedded_json, rate, service

WEEKS = (1, 4, 12, 17, 52)  # 1 and 52 are the limits; 17 weeks is about a spring term


def expected_figures(duration, rate, count: int, language: str) -> dict:
    """What the build would print for ``count`` meetings: Python's Decimal arithmetic and Babel."""
    row = price_row(duration, rate.percent)
    return {
        "count": str(count),
        "net": format_money(row.net * count, language),
        "vat": format_money(row.vat * count, language),
        "gross": format_money(row.gross * count, language),
    }


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
    hold_still(page)
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
            hold_still(page)
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


@pytest.mark.parametrize(
    "today, gross, vat_label, change",
    [
        # 4 meetings of 2 h: 4 × 112.95 = 451.80; from 1.2.2027 4 × 119.23 = 476.92; from 2028 4 × 119.70.
        ("2027-01-15", "451,80\u00a0€", "Alv 25,5\u00a0%", "Sama suunnitelma maksaa 1.2.2027 alkaen 476,92\u00a0€ arvonlisäveron kanssa (380,00\u00a0€ ilman arvonlisäveroa)."),
        ("2027-03-01", "476,92\u00a0€", "Alv 25,5\u00a0%", "Sama suunnitelma maksaa 1.1.2028 alkaen 478,80\u00a0€ arvonlisäveron kanssa (380,00\u00a0€ ilman arvonlisäveroa)."),
        ("2028-02-01", "478,80\u00a0€", "Alv 26\u00a0%", None),
    ],
)
def test_a_dated_change_takes_effect_on_the_visitors_own_day(browser_context, built_site, today, gross, vat_label, change):
    """The site may have been built before a change's day: the script uses the figures of the day it
    runs on, and tells the next change. The page's data is swapped for a file with a dated 2 h price
    (95.00 from 1.2.2027) and a VAT rate of 26 % from 1.1.2028."""
    from datetime import date, datetime

    from prices_helpers import FIXTURE
    from website.price_file import read_price_file
    from website.prices import Schedule

    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("      - minutes: 120\n        price: 90.00\n", "      - minutes: 120\n        price: 90.00\n      - minutes: 120\n        price: 95.00\n        from: 2027-02-01\n")
    text = text.replace("  - rate: 25.5\n    from: 2024-09-01\n", "  - rate: 25.5\n    from: 2024-09-01\n  - rate: 26\n    from: 2028-01-01\n")
    plan = Schedule(read_price_file(text), date(2026, 12, 2))
    dated = script_text(estimator.estimator_data(plan.now.services["support-person"], plan.rate, "fi", plan))
    html = (built_site / "hinnat" / "index.html").read_text(encoding="utf-8")
    html = re.sub(r'(data-cost-estimator="[^"]+".*?<script type="application/json">).*?(</script>)', lambda m: m[1] + dated + m[2], html, count=1, flags=re.DOTALL)
    context = browser_context()
    context.route(SITE_ORIGIN + PAGES["fi"], lambda route: route.fulfill(body=html, headers={"Content-Type": "text/html; charset=utf-8"}))
    page = context.new_page()
    page.clock.install(time=datetime.fromisoformat(today + "T12:00:00"))
    page.goto(SITE_ORIGIN + PAGES["fi"], wait_until="load")
    page.wait_for_selector(".cost-estimator:not([hidden])")
    assert page.text_content('[data-value="gross"]') == gross
    labels = [text.strip() for text in page.locator(".cost-estimator__label").all_text_contents()]
    assert vat_label in labels
    shown = page.locator('[data-value="change"]')
    if change is None:
        assert shown.is_hidden()
    else:
        assert shown.is_visible() and shown.text_content() == change
