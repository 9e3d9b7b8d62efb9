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
from functools import cached_property
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from .formats import format_day, format_hour_count, format_hours, format_money, format_rate
from .pages import Source
from .price_file import CENT, DATA_FILE, Duration, PriceData, Service, VatRate, change_days, in_force, prices_on, rate_in_force
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
    "price-list-date",
    "price-summary",
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
            "{later}Todellinen summa riippuu sovituista tapaamisista."
        ),
        "length_adjective": "{hours} tunnin",
        # A dated change in the price file, announced wherever its figures show until the day comes.
        "change": "Hinnat muuttuvat {date}. {vat}Uudet hinnat ovat {rows}.",
        "change_vat": "Arvonlisäverokanta on silloin {rate}. ",
        "change_row": "{hours}: {gross} alv:n kanssa ({net} ilman alv:tä)",
        "change_example": "Samat tapaamiset maksavat {date} alkaen {month_gross} kuukaudessa arvonlisäveron kanssa ({month_net} ilman arvonlisäveroa).",
        "change_inline": "{now} ({date} alkaen {then})",
        "valid_from": "Hinnasto on voimassa {start} alkaen.",
        "summary_item": "{length}: {net} ilman alv:tä ({gross} alv:n kanssa)",
        "summary_on_request": "tarjouksen mukaan",
        "valid_between": "Hinnasto on voimassa {start}–{end}.",
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
            "{later}The actual sum depends on the meetings agreed."
        ),
        "length_adjective": "{hours} hours",
        "change": "From {date}, {vat}the prices will be: {rows}.",
        "change_vat": "the VAT rate will be {rate} and ",
        "change_row": "{hours}: {gross} with VAT ({net} without VAT)",
        "change_example": "From {date}, the same meetings will cost {month_gross} a month with VAT ({month_net} without VAT).",
        "change_inline": "{now} (from {date}: {then})",
        "valid_from": "Price list valid from {start}.",
        "summary_item": "{length}: {net} without VAT ({gross} with VAT)",
        "summary_on_request": "priced by quote",
        "valid_between": "Price list valid from {start} to {end}.",
    },
}


@dataclass(frozen=True)
class PriceRow:
    minutes: int
    net: Decimal
    vat: Decimal
    gross: Decimal


# --------------------------------------------------------------------------- dated changes


@dataclass(frozen=True)
class Schedule:
    """The price file seen from the build date: what is in force, and every later change, so that the
    pages tell the truth on a change's day even if no build runs that day."""

    file: PriceData
    today: date

    # Worked out once: every shortcode of every page asks for them, in the checking pass and again
    # when the page is rendered. (cached_property writes the instance's __dict__, which a frozen
    # dataclass allows.)
    @cached_property
    def now(self) -> PriceData:
        return prices_on(self.file, self.today)

    @cached_property
    def rate(self) -> VatRate:
        return rate_in_force(self.file.vat_rates, self.today)

    def changes(self, service_key: str) -> list[PriceChange]:
        """Each later day on which a figure of the service changes, with that day's figures."""
        if service_key not in self._changes:
            self._changes[service_key] = self._changes_of(service_key)
        return self._changes[service_key]

    @cached_property
    def _changes(self) -> dict[str, list[PriceChange]]:
        return {}

    def _changes_of(self, service_key: str) -> list[PriceChange]:
        service = self.file.services[service_key]
        before = _rows(service.durations, self.today, self.rate)
        found = []
        for day in change_days(self.file, self.today):
            rate = rate_in_force(self.file.vat_rates, day)
            rows = _rows(service.durations, day, rate)
            changed = tuple(row for minutes, row in rows.items() if before.get(minutes) != row)
            if changed:
                found.append(PriceChange(day, rate, rate.effective == day, changed))
            before = rows
        return found

    def rows_on(self, service_key: str, day: date) -> tuple[VatRate, dict[int, PriceRow]]:
        """The VAT rate and every length's figures on ``day``."""
        rate = rate_in_force(self.file.vat_rates, day)
        return rate, _rows(self.file.services[service_key].durations, day, rate)

    @cached_property
    def valid_from(self) -> date:
        """The day the price list as it stands today took effect: its latest change on or before today."""
        days = {self.rate.effective}
        days |= {row.effective for service in self.now.services.values() for row in service.durations if row.effective}
        return max(days)

    @cached_property
    def valid_until(self) -> date | None:
        """The last day before the next announced change, if one is in the file."""
        later = change_days(self.file, self.today)
        return later[0] - timedelta(days=1) if later else None

    def later_rates(self) -> list[VatRate]:
        return sorted((rate for rate in self.file.vat_rates if rate.effective > self.today), key=lambda rate: rate.effective)


@dataclass(frozen=True)
class PriceChange:
    day: date
    rate: VatRate  # in force from that day
    new_rate: bool  # the VAT rate itself changes that day
    rows: tuple[PriceRow, ...]  # the lengths whose figures change, as they are from that day


def _rows(durations: tuple[Duration, ...], day: date, rate: VatRate) -> dict[int, PriceRow]:
    return {row.minutes: price_row(row, rate.percent) for row in in_force(durations, day)}


def today_in_brief(schedule: Schedule) -> str:
    """For the staff at the end of a build, in Finnish: the VAT rate visitors see today, and the next
    dated change in the price file. "Alv on nyt 25,5 %. Seuraava muutos 1.1.2028: alv 26 %." """
    line = f"Alv on nyt {format_rate(schedule.rate.percent, 'fi')}."
    days = change_days(schedule.file, schedule.today)
    if not days:
        return f"{line} Hintatiedostossa ei ole tulevia muutoksia."
    day = days[0]
    what = [f"alv {format_rate(rate.percent, 'fi')}" for rate in schedule.file.vat_rates if rate.effective == day]
    services = [
        service.names["fi"] for service in schedule.file.services.values()
        if any(row.effective == day for row in service.durations)
    ]
    what += [f"uudet hinnat ({', '.join(services)})"] if services else []
    return f"{line} Seuraava muutos {format_day(day, 'fi')}: {' ja '.join(what)}."


def price_summary(service: Service, rate: VatRate, language: str) -> str:
    """Every length on one line, without VAT first (the purchaser's figure) and with VAT:
    '1,5 h 70,00 € (87,85 € alv:n kanssa); 2 h …'. A service priced on request gets its note."""
    if service.on_request:
        return LABELS[language]["summary_on_request"]
    item = LABELS[language]["summary_item"]
    return ";<br>".join(  # one length a line: easier to read on a phone and on paper
        item.format(length=format_hours(row.minutes, language), net=format_money(row.net, language),
                    gross=format_money(row.gross, language))
        for row in (price_row(duration, rate.percent) for duration in service.durations)
    )


def validity_sentence(schedule: Schedule, language: str) -> str:
    """'Hinnasto on voimassa 1.9.2024 alkaen.' – from the price file, so that a printed list carries its date."""
    labels = LABELS[language]
    start = format_day(schedule.valid_from, language)
    if schedule.valid_until is None:
        return labels["valid_from"].format(start=start)
    return labels["valid_between"].format(start=start, end=format_day(schedule.valid_until, language))


def change_sentence(change: PriceChange, language: str) -> str:
    labels = LABELS[language]
    rows = ", ".join(
        labels["change_row"].format(
            hours=format_hours(row.minutes, language), gross=format_money(row.gross, language), net=format_money(row.net, language)
        )
        for row in change.rows
    )
    vat = labels["change_vat"].format(rate=format_rate(change.rate.percent, language)) if change.new_rate else ""
    return labels["change"].format(date=format_day(change.day, language), vat=vat, rows=rows)


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


def _note(text: str, css_class: str) -> str:
    """A note of the price file: its lines that start with '- ' make a list (the VAT exemption's
    conditions), the other lines paragraphs."""
    blocks: list[str] = []
    items: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if line.startswith("- "):
            items.append(f"<li>{escape(line[2:].strip())}</li>")
            continue
        if items:
            blocks.append(f'<ul class="{css_class}">{"".join(items)}</ul>')
            items = []
        if line:
            blocks.append(_paragraph(line, css_class))
    if items:
        blocks.append(f'<ul class="{css_class}">{"".join(items)}</ul>')
    return "\n".join(blocks)


def render_price_table(
    service: Service, data: PriceData, rate: VatRate, language: str, changes: list[PriceChange] = ()
) -> str:
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
        _note(
            texts[key].format(rate=rate_text, date=format_day(rate.effective, language)), "price-note"
        )
        for key in ("vat_free", "vat_added", "vat_date")
    )
    announced = "".join(f"\n\n{_paragraph(change_sentence(change, language), 'price-change')}" for change in changes)
    return f"{table}{announced}\n\n{notes}"


def render_cost_example(
    duration: Duration, count: int, rate: VatRate, language: str, changes: list[PriceChange] = ()
) -> str:
    """One worked monthly example, with VAT first: a sentence, not a table of guesses; and how much the
    same month costs after each dated change of that length's price."""
    labels = LABELS[language]
    row = price_row(duration, rate.percent)
    later = "".join(
        labels["change_example"].format(
            date=format_day(change.day, language),
            month_gross=format_money(changed.gross * count, language),
            month_net=format_money(changed.net * count, language),
        ) + " "
        for change in changes
        for changed in change.rows
        if changed.minutes == duration.minutes
    )
    return labels["example"].format(
        length=labels["length_adjective"].format(hours=format_hour_count(duration.minutes, language)),
        count=count,
        gross=format_money(row.gross, language),
        month_gross=format_money(row.gross * count, language),
        month_net=format_money(row.net * count, language),
        later=later,
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


def render_shortcode(code: Shortcode, schedule: Schedule, language: str) -> str:
    """The HTML or text that replaces one price shortcode; raises ``ShortcodeError`` if it is wrong."""
    data, rate = schedule.now, schedule.rate
    if code.name == "price-list-date":
        return validity_sentence(schedule, language)
    if code.name == "price-summary":
        service, _ = _service_and_duration(code, data, needs_minutes=False)
        return price_summary(service, rate, language)
    if code.name in ("vat-rate", "vat-date"):
        if code.args:
            raise ShortcodeError(
                f"lyhytkoodin '{code.text}' nimen perään ei kirjoiteta mitään: kirjoita <!-- md:{code.name} -->.",
                f"'{code.text}' takes nothing after its name: write <!-- md:{code.name} -->.",
            )
        if code.name == "vat-date":
            return format_day(rate.effective, language)
        later = [(later_rate.effective, format_rate(later_rate.percent, language)) for later_rate in schedule.later_rates()]
        return with_later(format_rate(rate.percent, language), later, language)
    if code.name == "price-table":
        service, _ = _service_and_duration(code, data, needs_minutes=False)
        changes = schedule.changes(service.key) if not service.on_request else []
        return "\n\n" + render_price_table(service, data, rate, language, changes) + "\n\n"
    if code.name == "cost-example":
        if len(code.args) != 3 or not code.args[2].isdigit() or not 1 <= int(code.args[2]) <= 31:
            raise ShortcodeError(
                f"lyhytkoodiin '{code.text}' tarvitaan palvelu, kesto minuutteina ja tapaamisten määrä "
                "kuukaudessa (1–31): kirjoita se muodossa <!-- md:cost-example support-person 120 4 -->.",
                f"'{code.text}' needs a service, a length in minutes and a number of meetings in a "
                "month (1–31): write it as <!-- md:cost-example support-person 120 4 -->.",
            )
        service, duration = _service_and_duration(
            Shortcode(code.line, code.name, code.args[:2], code.text), data, needs_minutes=True
        )
        return render_cost_example(duration, int(code.args[2]), rate, language, schedule.changes(service.key))
    service, duration = _service_and_duration(code, data, needs_minutes=True)
    figure = {"price": "net", "price-with-vat": "gross", "vat-amount": "vat"}[code.name]
    later = [
        (change.day, format_money(getattr(row, figure), language))
        for change in schedule.changes(service.key)
        for row in change.rows
        if row.minutes == duration.minutes
    ]
    return with_later(format_money(getattr(price_row(duration, rate.percent), figure), language), later, language)


def with_later(now: str, later: list[tuple[date, str]], language: str) -> str:
    """An inline figure, and what it will be from each later change: "88,85 € (1.2.2027 alkaen 90,99 €)"."""
    for day, then in later:
        now = LABELS[language]["change_inline"].format(now=now, date=format_day(day, language), then=then)
    return now


def renderers(schedule: Schedule, language: str) -> dict[str, Renderer]:
    """The price shortcodes of a page in ``language``."""
    return {name: (lambda code: render_shortcode(code, schedule, language)) for name in SHORTCODE_NAMES}


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
