"""The cost estimator on the prices pages: ``<!-- md:cost-estimator SERVICE [MINUTES] -->``.

A purchaser turns a per-meeting price into the cost of a plan ("two 2-hour meetings a week for
twelve weeks"). The hook renders the controls, hidden, with everything the page's script
(``overrides/assets/javascripts/estimator.js``) needs embedded as JSON at build time: each length's
price without VAT and its VAT in whole cents, the VAT computed by ``prices.price_row``, the same
function the price tables use, and the pieces of Babel's money format for the page's language, so
that the script prints money exactly as the tables do. The script only multiplies whole cents by the
number of meetings and shows the estimator; without it the page keeps its worked example
(``md:cost-example``) and nothing of the estimator shows. No price is written anywhere else.

MINUTES is the length chosen when the page opens (by default the page's worked example, 2 h, if the
service has it). The other defaults follow the seeds: support-person work is "mostly once a week"
(seed 001), so one meeting a week.
"""

from __future__ import annotations

from typing import Any

from babel import Locale
from jinja2 import Environment
from babel.numbers import get_currency_precision, get_currency_symbol, get_decimal_symbol, get_group_symbol

from .formats import format_day, format_hours, format_rate, script_text
from .fragments import render
from .pages import LOCALES
from .price_file import DATA_FILE, PriceData, Service, VatRate
from .prices import Schedule, price_row
from .shortcodes import Renderer, Shortcode, ShortcodeError, find_shortcodes

SHORTCODE_NAMES = ("cost-estimator",)
SCRIPT_FLAG = "cost_estimator"  # page.meta key: overrides/main.html loads the script where it is set

# The length of the pages' worked example (<!-- md:cost-example support-person 120 4 -->).
DEFAULT_MINUTES = 120
PER_WEEK = (1, 7)
WEEKS = (1, 52)
DEFAULT_PER_WEEK = 1  # "pääsääntöisesti yksi/viikko" (seed 001)
# Four weeks, one meeting each: the month of four meetings of the worked example above the
# estimator, so the two agree when the page opens. The seeds give no length for a term, so the
# estimator does not suggest one.
DEFAULT_WEEKS = 4

TEXTS = {
    "fi": {
        "heading": "Laske kustannusarvio",
        "intro": (
            "Laske arvio suunnitelmasi kustannuksista: valitse tapaamisen kesto ja kirjoita tapaamisten "
            "määrä viikossa ja viikkojen määrä."
        ),
        "minutes": "Tapaamisen kesto",
        "per_week": "Tapaamisia viikossa",
        "weeks": "Viikkoja",
        "hint": "Kokonaisluku {low}–{high}",
        "per_week_empty": "Kirjoita tapaamisten määrä viikossa ({low}–{high}).",
        "per_week_whole": "Kirjoita tapaamisten määrä viikossa kokonaislukuna, ilman desimaaleja tai kirjaimia.",
        "per_week_range": "Tapaamisia voi olla viikossa {low}–{high}.",
        "weeks_empty": "Kirjoita viikkojen määrä ({low}–{high}).",
        "weeks_whole": "Kirjoita viikkojen määrä kokonaislukuna, ilman desimaaleja tai kirjaimia.",
        "weeks_range": "Viikkoja voi olla {low}–{high}.",
        "fix": "Arviota ei voi vielä laskea. Korjaa: {fields}.",
        "change": "Sama suunnitelma maksaa {date} alkaen {gross} arvonlisäveron kanssa ({net} ilman arvonlisäveroa).",
        "count": "Tapaamisia",
        "net": "Yhteensä ilman alv:tä",
        "vat": "Alv {rate}",
        "gross": "Yhteensä alv:n kanssa",
        "note": (
            "Arvio perustuu taulukon perushintoihin, eikä se ole tarjous. Kun tukihenkilötoimintaa "
            "ostetaan lastensuojelun tukitoimena, hinnasta sovitaan sopimuksessa. Arviossa ovat vain "
            "tapaamiset: kysy meiltä, miten esimerkiksi verkostotapaamiset laskutetaan. Jos palvelu on "
            "arvonlisäverotonta (ehdot ovat hintataulukon alla), hinta on kohdassa ”Yhteensä ilman alv:tä”."
        ),
    },
    "en": {
        "heading": "Estimate the cost of a plan",
        "intro": (
            "Work out an estimate for your plan: choose the meeting length, and enter the number of "
            "meetings per week and the number of weeks."
        ),
        "minutes": "Meeting length",
        "per_week": "Meetings per week",
        "weeks": "Weeks",
        "hint": "A whole number from {low} to {high}",
        "per_week_empty": "Enter the number of meetings per week ({low} to {high}).",
        "per_week_whole": "Enter the number of meetings per week as a whole number, without decimals or letters.",
        "per_week_range": "Meetings per week can be from {low} to {high}.",
        "weeks_empty": "Enter the number of weeks ({low} to {high}).",
        "weeks_whole": "Enter the number of weeks as a whole number, without decimals or letters.",
        "weeks_range": "The number of weeks can be from {low} to {high}.",
        "fix": "The estimate cannot be worked out yet. Please correct: {fields}.",
        "change": "From {date}, the same plan will cost {gross} with VAT ({net} without VAT).",
        "count": "Meetings",
        "net": "Total without VAT",
        "vat": "VAT {rate}",
        "gross": "Total with VAT",
        "note": (
            "The estimate uses the base prices in the table and is not a quote. When support-person work "
            "is bought as child-welfare support, its price is agreed in the contract. The estimate covers "
            "the meetings only: ask us how network meetings, for example, are invoiced. If the service is "
            "exempt from VAT (the conditions are below the price table), the price is the one under "
            "“Total without VAT”."
        ),
    },
}


# --------------------------------------------------------------------------- data


def money_format(language: str) -> dict[str, Any]:
    """Babel's euro format for the language, in pieces the script puts together around whole cents.

    fi: ``2 160,00 €`` (no-break spaces), en: ``€2,160.00``. tests/browser/test_estimator.py checks in the
    browser that the script's strings equal ``prices.format_money`` character for character.
    """
    locale = LOCALES[language]
    pattern = Locale.parse(locale).currency_formats["standard"]
    symbol = get_currency_symbol("EUR", locale)
    if pattern.frac_prec != (2, 2) or get_currency_precision("EUR") != 2:
        # Whole cents are the script's unit: a format with other decimals needs a script change.
        raise ValueError(f"The euro format of {locale} does not have two decimals: update estimator.js.")
    return {
        "prefix": pattern.prefix[0].replace("¤", symbol),
        "suffix": pattern.suffix[0].replace("¤", symbol),
        "group": get_group_symbol(locale),
        "decimal": get_decimal_symbol(locale),
        "grouping": list(pattern.grouping),  # (first group, the groups after it), e.g. (3, 3)
    }


def estimator_data(service: Service, rate: VatRate, language: str, schedule: Schedule | None = None) -> dict[str, Any]:
    """What the script needs, in whole cents: one row per length, the VAT as the price table has it;
    and for each dated change in the price file, the figures from that day: the script uses the set in
    force on the visitor's own date, and tells the next change."""
    texts = TEXTS[language]
    fields = {}
    for key, (low, high) in (("per_week", PER_WEEK), ("weeks", WEEKS)):
        fields[key] = {"min": low, "max": high} | {
            problem: texts[f"{key}_{problem}"].format(low=low, high=high) for problem in ("empty", "whole", "range")
        }
    return {
        "durations": _durations(price_row(duration, rate.percent) for duration in service.durations),
        "schedule": _schedule(service, schedule, language) if schedule else [],
        "change": texts["change"],
        "vatLabel": texts["vat"],
        "rate": str(rate.percent),
        "rateLabel": format_rate(rate.percent, language),
        "money": money_format(language),
        "fields": fields,
        "fix": texts["fix"],
    }


def _durations(rows) -> list[dict[str, int]]:
    return [{"minutes": row.minutes, "net": _cents(row.net), "vat": _cents(row.vat)} for row in rows]


def _schedule(service: Service, schedule: Schedule, language: str) -> list[dict[str, Any]]:
    later = []
    for change in schedule.changes(service.key):
        rate, rows = schedule.rows_on(service.key, change.day)
        later.append(
            {
                "from": change.day.isoformat(),
                "date": format_day(change.day, language),
                "durations": _durations(rows.values()),
                "rateLabel": format_rate(rate.percent, language),
            }
        )
    return later


def _cents(amount) -> int:
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise ValueError(f"{amount} is not in whole cents.")
    return int(cents)


# --------------------------------------------------------------------------- markup


def render_cost_estimator(
    service: Service, rate: VatRate, language: str, default_minutes: int, templates: Environment, schedule: Schedule | None = None
) -> str:
    """The estimator, hidden until its script runs, with its data embedded
    (``overrides/partials/fragments/cost-estimator.html``)."""
    texts = TEXTS[language]
    return render(
        templates,
        "cost-estimator.html",
        service=service.key,
        texts=texts,
        options=[
            (duration.minutes, format_hours(duration.minutes, language), duration.minutes == default_minutes)
            for duration in service.durations
        ],
        fields=[
            (key, value, texts["hint"].format(low=low, high=high))
            for key, value, (low, high) in (("per_week", DEFAULT_PER_WEEK, PER_WEEK), ("weeks", DEFAULT_WEEKS, WEEKS))
        ],
        rows=[
            ("count", texts["count"]),
            ("net", texts["net"]),
            ("vat", texts["vat"].format(rate=format_rate(rate.percent, language))),
            ("gross", texts["gross"]),
        ],
        data=script_text(estimator_data(service, rate, language, schedule)),
    )


# --------------------------------------------------------------------------- shortcode


def _usage_error(code: Shortcode, finnish: str, english: str) -> ShortcodeError:
    return ShortcodeError(
        f"'{code.text}': {finnish} Kirjoita se muodossa <!-- md:cost-estimator support-person 120 -->.",
        f"'{code.text}': {english} Write it as <!-- md:cost-estimator support-person 120 -->.",
    )


def render_shortcode(code: Shortcode, schedule: Schedule, language: str, templates: Environment) -> str:
    data, rate = schedule.now, schedule.rate
    if not 1 <= len(code.args) <= 2:
        raise _usage_error(
            code,
            "tarvitsee palvelun ja halutessasi oletuskeston minuutteina.",
            "needs a service and, if you like, the length in minutes to start with.",
        )
    service = data.services.get(code.args[0])
    if service is None or service.on_request:
        known = ", ".join(key for key, item in sorted(data.services.items()) if not item.on_request)
        raise _usage_error(
            code,
            f"palvelulla '{code.args[0]}' ei ole hintoja tiedostossa {DATA_FILE}. Palvelut, joilla on hinnat: {known}.",
            f"the service '{code.args[0]}' has no prices in {DATA_FILE}. The services with prices: {known}.",
        )
    lengths = [duration.minutes for duration in service.durations]
    if len(code.args) == 2:
        if not code.args[1].isdigit() or int(code.args[1]) not in lengths:
            listed = ", ".join(map(str, lengths))
            raise _usage_error(
                code,
                f"palvelulla '{service.key}' ei ole kestoa '{code.args[1]}'. Kestot minuutteina: {listed}.",
                f"'{service.key}' has no length '{code.args[1]}'. The lengths in minutes: {listed}.",
            )
        default = int(code.args[1])
    else:
        default = DEFAULT_MINUTES if DEFAULT_MINUTES in lengths else lengths[0]
    return "\n\n" + render_cost_estimator(service, rate, language, default, templates, schedule) + "\n\n"


def renderers(schedule: Schedule, language: str, templates: Environment) -> dict[str, Renderer]:
    return {name: (lambda code: render_shortcode(code, schedule, language, templates)) for name in SHORTCODE_NAMES}


def needs_script(markdown: str) -> bool:
    """Whether a page has the estimator, so that its script is loaded there (and only there)."""
    return any(code.name in SHORTCODE_NAMES for code in find_shortcodes(markdown))
