"""Prices from ``data/prices.yml``: every price table and every VAT figure on the site.

Staff change a price in one file and every page follows, in both languages. The file is read and
checked once per build (``price_file.py``, through the build context); a wrong price shortcode or a
price typed by hand into a page is found by the checking pass (``check``) before anything is
written. Money is ``Decimal``, rounded half up to whole cents.

Shortcodes (HTML comments, see ``shortcodes.py``):

    <!-- md:price-table SERVICE -->            the price table, with the VAT explanation under it
    <!-- md:cost-example SERVICE MINUTES COUNT -->  one worked example: COUNT meetings in a month
    <!-- md:price SERVICE MINUTES -->          price without VAT, inline
    <!-- md:price-with-vat SERVICE MINUTES -->  price with VAT, inline
    <!-- md:vat-amount SERVICE MINUTES -->     the VAT amount, inline
    <!-- md:vat-rate -->                       the general VAT rate in force, inline
    <!-- md:vat-date -->                       the day that rate took effect, inline

(``<!-- md:cost-estimator ... -->`` is rendered by ``estimator.py``.)
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from .formats import format_day, format_hour_count, format_hours, format_money, format_rate
from .pages import Source
from .price_file import CENT, DATA_FILE, Duration, PriceData, Service, VatRate
from .problems import Problem
from .shortcodes import Renderer, Shortcode, ShortcodeError

SHORTCODE_NAMES = (
    "price-table",
    "cost-example",
    "price",
    "price-with-vat",
    "vat-amount",
    "vat-rate",
    "vat-date",
)

# Labels that belong to the table's structure rather than to the data. The price with VAT comes
# first: it is the final price a private person pays (VNa 553/2013 § 2).
LABELS = {
    "fi": {
        "caption": "{service}: hinta tapaamisen pituuden mukaan",
        "length": "Tapaamisen pituus",
        "gross": "Hinta alv:n kanssa",
        "vat": "josta alv {rate}",
        "net": "Hinta ilman alv:tä",
        "example": (
            "Esimerkki: jos {length} tapaaminen on {count} kertaa kuukaudessa, kuukauden hinta on "
            "{count}\u00a0×\u00a0{gross} =\u00a0{month_gross} arvonlisäveron kanssa ({month_net} ilman arvonlisäveroa). "
            "Todellinen summa riippuu sovituista tapaamisista."
        ),
        "length_adjective": "{hours} tunnin",
    },
    "en": {
        "caption": "{service}: price by length of meeting",
        "length": "Length of meeting",
        "gross": "Price with VAT",
        "vat": "of which VAT {rate}",
        "net": "Price without VAT",
        "example": (
            "Example: with {count} meetings of {length} a month, a month costs "
            "{count}\u00a0×\u00a0{gross} =\u00a0{month_gross} with VAT ({month_net} without VAT). "
            "The actual sum depends on the meetings agreed."
        ),
        "length_adjective": "{hours} hours",
    },
}


@dataclass(frozen=True)
class PriceRow:
    minutes: int
    net: Decimal
    vat: Decimal
    gross: Decimal


# --------------------------------------------------------------------------- money


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def vat_amount(net: Decimal, percent: Decimal) -> Decimal:
    return to_cents(net * percent / 100)


def price_row(duration: Duration, percent: Decimal) -> PriceRow:
    vat = vat_amount(duration.net, percent)
    return PriceRow(
        minutes=duration.minutes,
        net=duration.net,
        vat=vat,
        # The gross is the sum of the two printed figures, so a row always adds up to the cent.
        gross=duration.net + vat,
    )


# --------------------------------------------------------------------------- rendering


def _table(caption: str, headers: list[str], rows: list[list[str]], css_class: str) -> str:
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<div class="{css_class}">\n<table>\n<caption>{escape(caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table>\n</div>"
    )


def _paragraph(text: str, css_class: str) -> str:
    return f'<p class="{css_class}">{escape(text)}</p>'


def render_price_table(service: Service, data: PriceData, rate: VatRate, language: str) -> str:
    texts = data.texts[language]
    name = service.names[language]
    if service.on_request:
        return _paragraph(texts["on_request"], "price-on-request")
    labels = LABELS[language]
    rate_text = format_rate(rate.percent, language)
    rows = [price_row(duration, rate.percent) for duration in service.durations]
    table = _table(
        labels["caption"].format(service=name),
        [labels["length"], labels["gross"], labels["vat"].format(rate=rate_text), labels["net"]],
        [
            [
                format_hours(row.minutes, language),
                format_money(row.gross, language),
                format_money(row.vat, language),
                format_money(row.net, language),
            ]
            for row in rows
        ],
        "price-table",
    )
    notes = "\n\n".join(
        _paragraph(
            texts[key].format(rate=rate_text, date=format_day(rate.effective, language)), "price-note"
        )
        for key in ("vat_free", "vat_added", "vat_date")
    )
    return f"{table}\n\n{notes}"


def render_cost_example(duration: Duration, count: int, rate: VatRate, language: str) -> str:
    """One worked monthly example, with VAT first: a sentence, not a table of guesses."""
    labels = LABELS[language]
    row = price_row(duration, rate.percent)
    return labels["example"].format(
        length=labels["length_adjective"].format(hours=format_hour_count(duration.minutes, language)),
        count=count,
        gross=format_money(row.gross, language),
        month_gross=format_money(row.gross * count, language),
        month_net=format_money(row.net * count, language),
    )


def _service_and_duration(code: Shortcode, data: PriceData, needs_minutes: bool) -> tuple[Service, Duration | None]:
    expected = 2 if needs_minutes else 1
    usage = f"<!-- md:{code.name} SERVICE{' MINUTES' if needs_minutes else ''} -->"
    usage_fi = f"<!-- md:{code.name} PALVELU{' MINUUTIT' if needs_minutes else ''} -->"
    example = f"<!-- md:{code.name} support-person{' 90' if needs_minutes else ''} -->"
    if len(code.args) != expected:
        raise ShortcodeError(
            f"lyhytkoodiin '{code.text}' tarvitaan "
            f"{'palvelu ja kesto minuutteina' if needs_minutes else 'palvelu'}: kirjoita se muodossa "
            f"{usage_fi}, esimerkiksi {example}.",
            f"'{code.text}' needs {'a service and a length in minutes' if needs_minutes else 'a service'}: "
            f"write it as {usage}, for example {example}.",
        )
    service = data.services.get(code.args[0])
    if service is None:
        known = ", ".join(sorted(data.services))
        close = difflib.get_close_matches(code.args[0], sorted(data.services), n=1, cutoff=0.5)
        raise ShortcodeError(
            f"lyhytkoodissa '{code.text}' on palvelu '{code.args[0]}', jota ei ole hintatiedostossa "
            f"{DATA_FILE}.{f' Tarkoititko {close[0]!r}?' if close else ''} Palvelut ovat: {known}.",
            f"'{code.text}' names the service '{code.args[0]}', which is not in {DATA_FILE}."
            f"{f' Did you mean {close[0]!r}?' if close else ''} The services are: {known}.",
        )
    if not needs_minutes:
        return service, None
    if service.on_request:
        raise ShortcodeError(
            f"'{code.text}': palvelun '{service.key}' hinta kerrotaan tarjouksena, joten sillä ei ole "
            f"kestoja eikä hintoja. Näytä tarjousta koskeva teksti lyhytkoodilla "
            f"<!-- md:price-table {service.key} -->.",
            f"'{code.text}': the service '{service.key}' is priced on request and has no lengths. "
            f"Use <!-- md:price-table {service.key} --> to show the quote notice instead.",
        )
    duration = service.duration(int(code.args[1])) if code.args[1].isdigit() else None
    if duration is None:
        lengths = ", ".join(str(d.minutes) for d in service.durations)
        raise ShortcodeError(
            f"'{code.text}': palvelulla '{service.key}' ei ole hintaa kestolle '{code.args[1]}'. "
            f"Kesto kirjoitetaan minuutteina. Hintatiedoston {DATA_FILE} kestot ovat: {lengths}.",
            f"'{code.text}': '{service.key}' has no price for the length '{code.args[1]}'. "
            f"The lengths in {DATA_FILE} are (in minutes): {lengths}.",
        )
    return service, duration


def render_shortcode(code: Shortcode, data: PriceData, rate: VatRate, language: str) -> str:
    """The HTML or text that replaces one price shortcode; raises ``ShortcodeError`` if it is wrong."""
    if code.name in ("vat-rate", "vat-date"):
        if code.args:
            raise ShortcodeError(
                f"lyhytkoodin '{code.text}' nimen perään ei kirjoiteta mitään: kirjoita <!-- md:{code.name} -->.",
                f"'{code.text}' takes nothing after its name: write <!-- md:{code.name} -->.",
            )
        if code.name == "vat-rate":
            return format_rate(rate.percent, language)
        return format_day(rate.effective, language)
    if code.name == "price-table":
        service, _ = _service_and_duration(code, data, needs_minutes=False)
        return "\n\n" + render_price_table(service, data, rate, language) + "\n\n"
    if code.name == "cost-example":
        if len(code.args) != 3 or not code.args[2].isdigit() or not 1 <= int(code.args[2]) <= 31:
            raise ShortcodeError(
                f"lyhytkoodiin '{code.text}' tarvitaan palvelu, kesto minuutteina ja tapaamisten määrä "
                "kuukaudessa (1–31): kirjoita se muodossa <!-- md:cost-example support-person 120 4 -->.",
                f"'{code.text}' needs a service, a length in minutes and a number of meetings in a "
                "month (1–31): write it as <!-- md:cost-example support-person 120 4 -->.",
            )
        _, duration = _service_and_duration(
            Shortcode(code.line, code.name, code.args[:2], code.text), data, needs_minutes=True
        )
        return render_cost_example(duration, int(code.args[2]), rate, language)
    _, duration = _service_and_duration(code, data, needs_minutes=True)
    row = price_row(duration, rate.percent)
    amount = {"price": row.net, "price-with-vat": row.gross, "vat-amount": row.vat}[code.name]
    return format_money(amount, language)


def renderers(data: PriceData, rate: VatRate, language: str) -> dict[str, Renderer]:
    """The price shortcodes of a page in ``language``."""
    return {name: (lambda code: render_shortcode(code, data, rate, language)) for name in SHORTCODE_NAMES}


# A price or a VAT rate typed into a page would not follow the price file. Euro amounts anywhere, and
# percentages on lines about VAT (a "200 %" zoom level is fine).
EURO_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?\s?(?:€|e\b|euroa?\b|EUR\b)|€\s?\d", re.IGNORECASE)
PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?%")
VAT_WORDS = re.compile(r"alv|vat\b|arvonlisä", re.IGNORECASE)


def typed_prices(line: str) -> list[str]:
    found = [match[0] for match in EURO_AMOUNT.finditer(line)]
    if VAT_WORDS.search(line):
        found += [match[0] for match in PERCENT.finditer(line)]
    return found


def hand_typed_price_problems(source: Source) -> list[Problem]:
    """A problem for each price or VAT rate typed into a page instead of coming from a shortcode."""
    problems = []
    for number, line in enumerate(source.text.splitlines(), 1):
        if line.strip().startswith("<!--") and "md:" in line:
            continue
        for typed in typed_prices(line):
            problems.append(
                Problem.at(
                    source.file,
                    number,
                    f"sivulle on kirjoitettu käsin hinta tai verokanta '{typed}'. "
                    "Hinnat ja verokannat tulevat vain tiedostosta data/prices.yml, jotta ne pysyvät oikeina "
                    "molemmilla kielillä. Käytä lyhytkoodia, esimerkiksi <!-- md:price-with-vat "
                    "support-person 120 --> (hinta alv:n kanssa), <!-- md:price support-person 120 --> "
                    "(ilman alv:tä) tai <!-- md:vat-rate -->.",
                    f"a price or VAT rate is typed into the page ('{typed}'). Prices "
                    "and VAT rates come only from data/prices.yml: use a shortcode such as <!-- md:price-with-vat "
                    "support-person 120 -->, <!-- md:price support-person 120 --> or <!-- md:vat-rate -->.",
                )
            )
    return problems
