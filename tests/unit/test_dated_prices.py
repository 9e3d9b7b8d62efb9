"""Dated prices and the quiet mistakes that would publish a wrong price (issue 19).

A price row with `from:` is the new price from that day; every later change is announced with its
date and figures wherever the figures show, so the site is right on the day even without a build.
A rate, price or length that is valid in form but implausible stops the build, and a row already in
force is never rewritten. Every figure below is worked out by hand from the fixture file.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from harness import ROOT
from prices_helpers import FIXTURE
from website import estimator, fragments, price_history, prices, structure, structured_data
from website.config_warnings import explain
from website.context import base_version
from website.price_file import change_days, prices_on, read_price_file
from website.problems import StaffError, stops

TEXT = FIXTURE.read_text(encoding="utf-8")
TODAY = date(2026, 12, 2)
NEW_2H = "      - minutes: 120\n        price: 90.00\n      - minutes: 120\n        price: 95.00\n        from: 2027-02-01\n"
NEW_VAT = "  - rate: 25.5\n    from: 2024-09-01\n  - rate: 26\n    from: 2028-01-01\n"


def dated(text: str = TEXT) -> str:
    text = text.replace("      - minutes: 120\n        price: 90.00\n", NEW_2H)
    return text.replace("  - rate: 25.5\n    from: 2024-09-01\n", NEW_VAT)


def error_of(text: str) -> str:
    with pytest.raises(StaffError) as raised:
        read_price_file(text)
    return str(raised.value)


# --------------------------------------------------------------------------- the file


def test_a_dated_row_is_the_new_price_from_its_day():
    data = read_price_file(dated())
    row = lambda day: prices_on(data, day).services["support-person"].duration(120)  # noqa: E731
    assert row(date(2027, 1, 31)).net == Decimal("90.00") and row(date(2027, 2, 1)).net == Decimal("95.00")
    assert len(prices_on(data, TODAY).services["support-person"].durations) == 4
    assert change_days(data, TODAY) == [date(2027, 2, 1), date(2028, 1, 1)]
    assert change_days(data, date(2028, 1, 1)) == []


def test_two_prices_of_one_length_need_different_days():
    twice = TEXT.replace("      - minutes: 120\n        price: 90.00\n", "      - minutes: 120\n        price: 90.00\n" * 2)
    message = error_of(twice)
    assert "kesto 120 minuuttia on luettelossa kahdesti" in message and "lisää sille rivi 'from: VVVV-KK-PP'" in message
    same_day = dated().replace("        from: 2027-02-01\n", "        from: 2027-02-01\n      - minutes: 120\n        price: 96.00\n        from: 2027-02-01\n")
    assert "kaksi hintaa, jotka alkavat samana päivänä 1.2.2027" in error_of(same_day)


@pytest.mark.parametrize(
    "typed, finnish, english",
    [
        ("rate: 0.255", "arvonlisäverokanta 0.255 ei ole välillä 5–40 %. Tarkoititko 25.5?", "Did you mean 25.5?"),
        ("rate: 255", "arvonlisäverokanta 255 ei ole välillä 5–40 %.", "is not between 5% and 40%"),
    ],
)
def test_an_implausible_vat_rate_stops_with_the_likely_meaning(typed, finnish, english):
    message = error_of(TEXT.replace("rate: 25.5", typed))
    assert finnish in message and english in message
    assert "Tarkoititko" not in message or typed == "rate: 0.255"


@pytest.mark.parametrize("price", ["0", "0.00", "-5.00"])
def test_a_price_of_zero_or_less_stops(price):
    message = error_of(TEXT.replace("price: 90.00", f"price: {price}", 1))
    assert re.search(r"hinta on nolla|on negatiivinen", message), message


@pytest.mark.parametrize(
    "typed, advice",
    [
        ("3 h", "3 h on 180 minuuttia. Kirjoita 180."),
        ("1,5 h", "1,5 h on 90 minuuttia. Kirjoita 90."),
        ("2", "vähintään 30, esimerkiksi 90, kun tapaaminen kestää 1,5 tuntia. Tarkoititko 120 (2 h)?"),
        ("20", "vähintään 30"),
    ],
)
def test_a_length_in_hours_or_under_half_an_hour_stops_with_the_minutes(typed, advice):
    message = error_of(TEXT.replace("minutes: 120", f"minutes: {typed}", 1))
    assert advice in message, message
    assert "muodossa 3." not in message and "muodossa 1.5" not in message


# --------------------------------------------------------------------------- rewriting what was said


def test_overwriting_the_vat_rate_in_force_stops_and_advises_a_new_row():
    base = read_price_file(TEXT)
    overwritten = read_price_file(TEXT.replace("  - rate: 25.5\n    from: 2024-09-01\n", "  - rate: 26\n    from: 2028-01-01\n"))
    found = price_history.check(base, overwritten, TODAY)
    assert [problem.file for problem in found] == ["data/prices.yml"] and stops(found, serving=False)
    assert "arvonlisäverokanta 25,5\u00a0%, joka on ollut voimassa 1.9.2024 alkaen, on poistettu" in found[0].message
    assert "lisää uusi rivi" in found[0].message and "add a new row" in found[0].message


def test_changing_a_price_in_force_stops_but_a_new_dated_row_does_not():
    base = read_price_file(TEXT)
    changed = price_history.check(base, read_price_file(TEXT.replace("price: 90.00", "price: 95.00", 1)), TODAY)
    assert len(changed) == 1 and "120 minuutin hinta 90.00 on muutettu" in changed[0].message
    assert changed[0].line == TEXT.splitlines().index("      - minutes: 120") + 1  # the row, where it starts
    assert price_history.check(base, read_price_file(dated()), TODAY) == []
    # A dated row that has not started may still be corrected; once started, it is history too.
    later = read_price_file(dated())
    corrected = read_price_file(dated().replace("price: 95.00", "price: 94.00"))
    assert price_history.check(later, corrected, TODAY) == []
    assert "on muutettu" in price_history.check(later, corrected, date(2027, 3, 1))[0].message


def test_a_price_that_jumps_is_a_warning_not_a_stop():
    base = read_price_file(TEXT)
    slip = read_price_file(dated().replace("price: 95.00", "price: 950.00"))
    [warning] = price_history.check(base, slip, TODAY)
    assert warning.warning and not stops([warning], serving=False)
    assert "yli 30 %" in warning.message and "90.00 → 950.00" in warning.message


@pytest.mark.parametrize(
    "environ, branch, expected",
    [
        ({"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"}, "x", "origin/main"),
        ({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push"}, "main", "HEAD^"),
        ({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "schedule"}, "main", None),
    ],
)
def test_the_base_is_the_pull_requests_base_or_the_last_publish(environ, branch, expected, tmp_path):
    assert base_version(tmp_path, environ) == expected


def test_a_push_of_several_commits_is_compared_with_main_before_the_push(tmp_path):
    """A staff trial: two commits pushed together, a price overwritten in the first; the push build
    compared only with the second's parent and published the changed price quietly."""
    event = tmp_path / "event.json"
    environ = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": str(event)}
    event.write_text('{"before": "' + "a1" * 20 + '", "after": "' + "b2" * 20 + '"}', encoding="utf-8")
    assert base_version(tmp_path, environ) == "a1" * 20
    event.write_text('{"before": "' + "0" * 40 + '"}', encoding="utf-8")  # a new branch: nothing before it
    assert base_version(tmp_path, environ) == "HEAD^"


def test_a_staff_build_compares_with_main(tmp_path):
    from git_repo import commit, git

    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "prices.yml").write_text(TEXT, encoding="utf-8")
    commit(tmp_path, {"index.fi.md": "# Etusivu\n"}, "2026-11-01T10:00:00+02:00")
    assert base_version(tmp_path, {}) == "HEAD"
    git(tmp_path, "checkout", "-q", "-b", "cms/hinnat")
    assert base_version(tmp_path, {}) == "main"
    from website.context import base_price_file

    assert base_price_file(tmp_path, {}) == read_price_file(TEXT)


# --------------------------------------------------------------------------- what the pages say


def schedule() -> prices.Schedule:
    return prices.Schedule(read_price_file(dated()), TODAY)


def test_the_table_announces_each_change_with_its_date_and_figures():
    plan = schedule()
    html = prices.render_price_table(plan.now.services["support-person"], plan.now, plan.rate, "fi", plan.changes("support-person"))
    notes = re.findall(r'<p class="price-change">(.*?)</p>', html)
    # 95.00 × 1.255 = 119.225 → 119,23; from 2028: 95.00 × 1.26 = 119.70 and 70.00 × 1.26 = 88.20.
    assert notes[0] == "Hinnat muuttuvat 1.2.2027. Uudet hinnat ovat 2\u00a0h: 119,23\u00a0€ alv:n kanssa (95,00\u00a0€ ilman alv:tä)."
    assert notes[1].startswith("Hinnat muuttuvat 1.1.2028. Arvonlisäverokanta on silloin 26\u00a0%. Uudet hinnat ovat 1,5\u00a0h: 88,20\u00a0€")
    assert "2\u00a0h: 119,70\u00a0€" in notes[1]
    english = prices.change_sentence(plan.changes("support-person")[0], "en")
    assert english == "From 1 February 2027, the prices will be: 2\u00a0h: €119.23 with VAT (€95.00 without VAT)."


def test_the_example_and_the_inline_figures_say_what_comes():
    plan = schedule()
    duration = plan.now.services["support-person"].duration(120)
    example = prices.render_cost_example(duration, 4, plan.rate, "fi", plan.changes("support-person"))
    # 4 × 119.23 = 476.92 (380.00 without VAT); 4 × 119.70 = 478.80.
    assert "Samat tapaamiset maksavat 1.2.2027 alkaen 476,92\u00a0€ kuukaudessa arvonlisäveron kanssa (380,00\u00a0€ ilman arvonlisäveroa). " in example
    assert "Samat tapaamiset maksavat 1.1.2028 alkaen 478,80\u00a0€" in example
    assert example.endswith("Todellinen summa riippuu sovituista tapaamisista.")
    from website.pages import Source
    from website.shortcodes import replace_shortcodes

    inline = replace_shortcodes("<!-- md:price-with-vat support-person 90 --> / <!-- md:vat-rate -->", prices.renderers(plan, "fi"))
    assert inline == "87,85\u00a0€ (1.1.2028 alkaen 88,20\u00a0€) / 25,5\u00a0% (1.1.2028 alkaen 26\u00a0%)"


def test_the_estimator_carries_each_later_set_of_figures():
    plan = schedule()
    data = estimator.estimator_data(plan.now.services["support-person"], plan.rate, "fi", plan)
    assert [item["from"] for item in data["schedule"]] == ["2027-02-01", "2028-01-01"]
    february = {row["minutes"]: row for row in data["schedule"][0]["durations"]}
    assert february[120] == {"minutes": 120, "net": 9500, "vat": 2423} and data["schedule"][1]["rateLabel"] == "26\u00a0%"
    html = estimator.render_cost_estimator(plan.now.services["support-person"], plan.rate, "fi", 120, fragments.environment(ROOT), plan)
    assert 'data-value="change" hidden' in html


def test_the_structured_data_dates_each_offer():
    plan = schedule()
    service = plan.now.services["support-person"]
    offers = structured_data.offers(service, plan.rate, "fi", plan.changes("support-person"))
    by_start = {(offer["priceSpecification"][0]["referenceQuantity"]["value"], offer.get("validFrom")): offer for offer in offers}
    assert by_start[(120, None)]["validThrough"] == "2027-01-31"
    assert by_start[(120, "2027-02-01")]["validThrough"] == "2027-12-31"
    assert by_start[(120, "2028-01-01")]["priceSpecification"][1]["price"] == "119.70"
    assert "validThrough" not in by_start[(120, "2028-01-01")]


def test_the_build_ends_with_what_visitors_see_today():
    assert prices.today_in_brief(schedule()) == "Alv on nyt 25,5\u00a0%. Seuraava muutos 1.2.2027: uudet hinnat (Ammatillinen tukihenkilötoiminta)."
    vat_only = prices.Schedule(read_price_file(TEXT.replace("  - rate: 25.5\n    from: 2024-09-01\n", NEW_VAT)), TODAY)
    assert prices.today_in_brief(vat_only) == "Alv on nyt 25,5\u00a0%. Seuraava muutos 1.1.2028: alv 26\u00a0%."
    assert prices.today_in_brief(prices.Schedule(read_price_file(TEXT), TODAY)).endswith("ei ole tulevia muutoksia.")


# --------------------------------------------------------------------------- mkdocs.yml


def test_a_seventh_top_level_menu_entry_stops_in_finnish():
    nav = [{f"Kohta {number}": f"kohta-{number}.md"} for number in range(1, 8)]
    config = "nav:\n" + "".join(f"  - Kohta {number}: kohta-{number}.md\n" for number in range(1, 8))
    [problem] = structure.too_many_top_entries(nav, config)
    assert problem.message.startswith("mkdocs.yml, rivi 8: valikon ylätasolla on 7 kohtaa")
    assert "'- Ajankohtaista:'" in problem.message
    assert structure.too_many_top_entries(nav[:6], config) == []


def test_mkdocs_own_configuration_warning_is_explained_in_finnish_with_the_line():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    broken = config.replace("            Yhteystiedot: Contact\n", "          Yhteystiedot: Contact\n")
    line = broken.splitlines().index("          Yhteystiedot: Contact") + 1
    message = (
        "Config value 'plugins': Plugin 'i18n' option 'languages': Sub-option 'Yhteystiedot': "
        "Unrecognised configuration name: Yhteystiedot"
    )
    problem = explain(message, broken)
    assert problem.line == line
    assert problem.message.startswith(f"mkdocs.yml, rivi {line}: valikon otsikon 'Yhteystiedot' käännös on sisennetty väärin")
    assert "Kirjoita rivin alkuun 12 välilyöntiä" in problem.message
    assert explain("Something else", broken) is None
