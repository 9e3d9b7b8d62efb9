"""Prices from ``data/prices.yml``: every price table and every VAT figure on the site.

Staff change a price in one file and every page follows, in both languages. The data is read and
checked when the build starts, before anything is written; a mistake stops the build with a message
that names the file, the line and the fix. Money is ``Decimal``, rounded half up to whole cents.

Shortcodes (HTML comments, see ``shortcodes.py``):

    <!-- md:price-table SERVICE -->            the price table, with the VAT explanation under it
    <!-- md:cost-examples SERVICE -->          estimated monthly costs, 1 and 2 meetings a week
    <!-- md:price SERVICE MINUTES -->          price without VAT, inline
    <!-- md:price-with-vat SERVICE MINUTES -->  price with VAT, inline
    <!-- md:vat-amount SERVICE MINUTES -->     the VAT amount, inline
    <!-- md:vat-rate -->                       the general VAT rate in force, inline
    <!-- md:vat-date -->                       the day that rate took effect, inline
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from html import escape
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency, format_decimal, format_percent
from mkdocs.exceptions import PluginError

from shortcodes import Shortcode, find_shortcodes, markdown_sources, replace_shortcodes

DATA_FILE = "data/prices.yml"
LANGUAGES = ("fi", "en")
BABEL_LOCALES = {"fi": "fi_FI", "en": "en_GB"}
CENT = Decimal("0.01")
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
MEETINGS_PER_WEEK = (1, 2)
TEXT_KEYS = ("vat_free", "vat_added", "vat_date", "on_request")
TEXT_PLACEHOLDERS = {"rate", "date"}

SHORTCODE_NAMES = (
    "price-table",
    "cost-examples",
    "price",
    "price-with-vat",
    "vat-amount",
    "vat-rate",
    "vat-date",
)

# Labels that belong to the table's structure rather than to the data.
LABELS = {
    "fi": {
        "caption": "{service}: hinta tapaamisen pituuden mukaan",
        "length": "Tapaamisen pituus",
        "net": "Hinta ilman alv:tä",
        "vat": "Arvonlisävero {rate}",
        "gross": "Hinta alv:n kanssa",
        "per_hour": "Tuntihinta ilman alv:tä",
        "cost_caption": "{service}: arvioitu kuukausihinta",
        "per_week": "Tapaamisia viikossa",
        "once": "1 kerta",
        "twice": "2 kertaa",
        "month_net": "Kuukaudessa ilman alv:tä",
        "month_gross": "Kuukaudessa alv:n kanssa",
        "formula": (
            "Kuukausihinta on arvio: tapaamisen hinta × tapaamiset viikossa × 52 viikkoa ÷ 12 kuukautta, "
            "pyöristettynä sentteihin. Toteutuva hinta riippuu sovituista tapaamisista."
        ),
    },
    "en": {
        "caption": "{service}: price by length of meeting",
        "length": "Length of meeting",
        "net": "Price without VAT",
        "vat": "VAT {rate}",
        "gross": "Price with VAT",
        "per_hour": "Price per hour without VAT",
        "cost_caption": "{service}: estimated monthly cost",
        "per_week": "Meetings a week",
        "once": "1",
        "twice": "2",
        "month_net": "Per month without VAT",
        "month_gross": "Per month with VAT",
        "formula": (
            "The monthly cost is an estimate: price per meeting × meetings a week × 52 weeks ÷ 12 months, "
            "rounded to the cent. The actual cost depends on the meetings agreed."
        ),
    },
}


class PriceDataError(Exception):
    """A mistake in the price data or in a price shortcode, explained for the staff who made it."""


@dataclass(frozen=True)
class VatRate:
    percent: Decimal
    effective: date


@dataclass(frozen=True)
class Duration:
    minutes: int
    net: Decimal


@dataclass(frozen=True)
class Service:
    key: str
    names: dict[str, str]
    durations: tuple[Duration, ...]

    @property
    def on_request(self) -> bool:
        return not self.durations

    def duration(self, minutes: int) -> Duration | None:
        return next((d for d in self.durations if d.minutes == minutes), None)


@dataclass(frozen=True)
class PriceData:
    vat_rates: tuple[VatRate, ...]
    services: dict[str, Service]
    texts: dict[str, dict[str, str]]


@dataclass(frozen=True)
class PriceRow:
    minutes: int
    net: Decimal
    vat: Decimal
    gross: Decimal
    per_hour: Decimal


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
        per_hour=to_cents(duration.net * 60 / duration.minutes),
    )


def monthly_cost(price: Decimal, meetings_per_week: int) -> Decimal:
    return to_cents(price * meetings_per_week * WEEKS_PER_YEAR / MONTHS_PER_YEAR)


def rate_in_force(rates: tuple[VatRate, ...], day: date) -> VatRate:
    in_force = [rate for rate in rates if rate.effective <= day]
    if not in_force:
        earliest = min(rate.effective for rate in rates)
        raise PriceDataError(
            f"{DATA_FILE}: no VAT rate is in force on the build date {day.isoformat()}: the earliest "
            f"rate starts on {earliest.isoformat()}. Add a row under 'vat_rates' with a 'from' date on "
            f"or before {day.isoformat()}."
        )
    return max(in_force, key=lambda rate: rate.effective)


def build_date(environ: dict[str, str] = os.environ) -> date:
    """Today in UTC, or the day of ``SOURCE_DATE_EPOCH`` so that builds are reproducible."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(timezone.utc).date()
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise PriceDataError(
            f"SOURCE_DATE_EPOCH is '{epoch}', which is not a time. Set it to whole seconds since "
            "1970-01-01 UTC (for example `date +%s`), or unset it to build with today's date."
        ) from None


# --------------------------------------------------------------------------- formatting


def format_money(amount: Decimal, language: str) -> str:
    return format_currency(amount, "EUR", locale=BABEL_LOCALES[language])


def format_rate(percent: Decimal, language: str) -> str:
    return format_percent(percent / 100, locale=BABEL_LOCALES[language], decimal_quantization=False)


def format_hours(minutes: int, language: str) -> str:
    hours = format_decimal(Decimal(minutes) / 60, "#,##0.##", locale=BABEL_LOCALES[language])
    return f"{hours}\N{NO-BREAK SPACE}h"


def format_day(day: date, language: str) -> str:
    pattern = "d.M.yyyy" if language == "fi" else "d MMMM yyyy"
    return babel_format_date(day, pattern, locale=BABEL_LOCALES[language])


# --------------------------------------------------------------------------- reading the data file


def load_price_data(path: str | Path, display_name: str = DATA_FILE) -> PriceData:
    """Read and check the price file; every mistake becomes a ``PriceDataError`` naming the line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PriceDataError(
            f"{display_name} is missing. The site's prices come from this file: restore it from git."
        ) from None
    return parse_price_data(text, display_name)


def parse_price_data(text: str, source: str = DATA_FILE) -> PriceData:
    tree, lines = _read_yaml(text, source)
    return _Checker(source, lines).price_data(tree)


def _read_yaml(text: str, source: str) -> tuple[Any, dict[tuple, int]]:
    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise PriceDataError(
            f"{source}{where}: the file is not valid YAML ({error.problem}). Check the indentation "
            "near that line: use spaces (not tabs), keep items of a list at the same depth, and put a "
            "colon and a space after every key, as in 'price: 70.00'."
        ) from None
    if node is None:
        raise PriceDataError(f"{source} is empty. Restore its contents from git.")
    lines: dict[tuple, int] = {}
    return _plain(node, (), lines, source), lines


def _plain(node: yaml.Node, path: tuple, lines: dict[tuple, int], source: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in mapping:
                raise PriceDataError(
                    f"{source}, line {key_node.start_mark.line + 1}: '{key}' appears twice in "
                    f"{_describe(path)}. Keep one of them."
                )
            lines[path + (key,)] = key_node.start_mark.line + 1
            mapping[key] = _plain(value_node, path + (key,), lines, source)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, path + (index,), lines, source) for index, item in enumerate(node.value)]
    return node.value


def _describe(path: tuple) -> str:
    return "the top level of the file" if not path else "'" + " → ".join(map(str, path)) + "'"


class _Checker:
    def __init__(self, source: str, lines: dict[tuple, int]):
        self.source = source
        self.lines = lines

    def fail(self, path: tuple, message: str) -> PriceDataError:
        line = self.lines.get(path)
        while line is None and path:
            path = path[:-1]
            line = self.lines.get(path)
        return PriceDataError(f"{self.source}, line {line} ({_describe(path)}): {message}")

    def keys(self, value: Any, path: tuple, required: tuple[str, ...], optional: tuple[str, ...] = ()):
        if not isinstance(value, dict):
            raise self.fail(path, "expected 'key: value' lines here. " + self._keys_hint(required))
        missing = [key for key in required if key not in value]
        if missing:
            raise self.fail(
                path, f"'{missing[0]}' is missing. Add it. " + self._keys_hint(required, optional)
            )
        extra = [key for key in value if key not in required + optional]
        if extra:
            raise self.fail(
                path + (extra[0],),
                f"'{extra[0]}' is not a key this file uses (a typo?). "
                + self._keys_hint(required, optional),
            )

    @staticmethod
    def _keys_hint(required: tuple[str, ...], optional: tuple[str, ...] = ()) -> str:
        allowed = ", ".join(f"'{key}'" for key in required + optional)
        return f"The keys here are {allowed}."

    def listing(self, value: Any, path: tuple) -> list:
        if not isinstance(value, list) or not value:
            raise self.fail(path, "expected a list of items here, each starting with '- '.")
        return value

    def text(self, value: Any, path: tuple) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "expected a text here, and it is empty or not a text. Write it in.")
        return value.strip()

    def number(self, value: Any, path: tuple, what: str, example: str) -> Decimal:
        if not isinstance(value, str):
            raise self.fail(path, f"the {what} must be a single number, such as {example}.")
        try:
            number = Decimal(value)
        except InvalidOperation:
            hint = " Use a dot, not a comma, for decimals." if "," in value else ""
            raise self.fail(
                path, f"the {what} '{value}' is not a number.{hint} Write it like {example}."
            ) from None
        if not number.is_finite():
            raise self.fail(path, f"the {what} '{value}' is not a number. Write it like {example}.")
        return number

    def day(self, value: Any, path: tuple) -> date:
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail(
                path,
                f"'{value}' is not a real date. Write it as YYYY-MM-DD, such as 2024-09-01, and check "
                "that the month has that day.",
            ) from None

    def price_data(self, tree: Any) -> PriceData:
        self.keys(tree, (), ("vat_rates", "services", "texts"))
        return PriceData(
            vat_rates=self.vat_rates(tree["vat_rates"]),
            services=self.services(tree["services"]),
            texts=self.texts(tree["texts"]),
        )

    def vat_rates(self, value: Any) -> tuple[VatRate, ...]:
        rates = []
        seen: dict[date, int] = {}
        for index, item in enumerate(self.listing(value, ("vat_rates",))):
            path = ("vat_rates", index)
            self.keys(item, path, ("rate", "from"))
            percent = self.number(item["rate"], path + ("rate",), "VAT rate", "25.5")
            if not 0 <= percent <= 100:
                raise self.fail(
                    path + ("rate",),
                    f"the VAT rate {item['rate']} is not between 0 and 100. Write the rate as a "
                    "percentage, such as 25.5 for 25,5 %.",
                )
            effective = self.day(item["from"], path + ("from",))
            if effective in seen:
                raise self.fail(
                    path + ("from",),
                    f"two VAT rates start on {effective.isoformat()} (the other is item {seen[effective] + 1}). "
                    "Keep one rate per date.",
                )
            seen[effective] = index
            rates.append(VatRate(percent, effective))
        return tuple(rates)

    def services(self, value: Any) -> dict[str, Service]:
        if not isinstance(value, dict) or not value:
            raise self.fail(("services",), "expected at least one service, each under its own key.")
        return {key: self.service(key, item) for key, item in value.items()}

    def service(self, key: str, item: Any) -> Service:
        path = ("services", key)
        if not re.fullmatch(r"[a-z][a-z0-9-]*", key):
            raise self.fail(
                path,
                f"the service key '{key}' may only have lower-case letters a–z, digits and hyphens, "
                "such as 'support-person'.",
            )
        if isinstance(item, dict) and "on_request" in item:
            self.keys(item, path, ("name", "on_request"))
            if item["on_request"] != "true":
                raise self.fail(
                    path + ("on_request",),
                    "'on_request' can only be 'true'. For a service with prices, remove 'on_request' "
                    "and list its 'durations' instead.",
                )
        else:
            self.keys(item, path, ("name", "durations"), ("on_request",))
        names = self.names(item["name"], path + ("name",))
        durations = self.durations(item.get("durations"), path + ("durations",))
        return Service(key, names, durations)

    def names(self, value: Any, path: tuple) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(path, "expected the name in each language, as 'fi:' and 'en:' lines.")
        for language in LANGUAGES:
            if language not in value or not str(value[language]).strip():
                raise self.fail(
                    path,
                    f"the name in '{language}' is missing. Every service needs its name in Finnish "
                    "(fi) and English (en): add the line "
                    f"'{language}: ...' under 'name'.",
                )
        self.keys(value, path, LANGUAGES)
        return {language: self.text(value[language], path + (language,)) for language in LANGUAGES}

    def durations(self, value: Any, path: tuple) -> tuple[Duration, ...]:
        if value is None:
            return ()
        durations = []
        seen: dict[int, int] = {}
        for index, item in enumerate(self.listing(value, path)):
            item_path = path + (index,)
            self.keys(item, item_path, ("minutes", "price"))
            minutes = self.number(item["minutes"], item_path + ("minutes",), "length in minutes", "90")
            if minutes <= 0 or minutes != minutes.to_integral_value():
                raise self.fail(
                    item_path + ("minutes",),
                    f"the length '{item['minutes']}' must be whole minutes above zero, such as 90 "
                    "for 1.5 hours.",
                )
            price = self.number(item["price"], item_path + ("price",), "price", "70.00")
            if price < 0:
                raise self.fail(
                    item_path + ("price",),
                    f"the price {item['price']} is negative. Write the price without VAT as a "
                    "positive number, such as 70.00.",
                )
            if price.as_tuple().exponent < -2:
                raise self.fail(
                    item_path + ("price",),
                    f"the price {item['price']} has more than two decimals. Prices are in whole "
                    "cents: write it like 70.00 or 72.50.",
                )
            if int(minutes) in seen:
                raise self.fail(
                    item_path + ("minutes",),
                    f"the length {int(minutes)} minutes is listed twice (also item "
                    f"{seen[int(minutes)] + 1}). Keep one price per length.",
                )
            seen[int(minutes)] = index
            durations.append(Duration(int(minutes), to_cents(price)))
        return tuple(sorted(durations, key=lambda duration: duration.minutes))

    def texts(self, value: Any) -> dict[str, dict[str, str]]:
        self.keys(value, ("texts",), LANGUAGES)
        texts = {}
        for language in LANGUAGES:
            path = ("texts", language)
            self.keys(value[language], path, TEXT_KEYS)
            texts[language] = {}
            for key in TEXT_KEYS:
                text = self.text(value[language][key], path + (key,))
                unknown = set(re.findall(r"{([^{}]*)}", text)) - TEXT_PLACEHOLDERS
                if unknown or text.count("{") != text.count("}"):
                    raise self.fail(
                        path + (key,),
                        "the text has a placeholder the site does not know"
                        + (f" ('{{{sorted(unknown)[0]}}}')" if unknown else "")
                        + ". Only {rate} and {date} can be used, with curly brackets on both sides.",
                    )
                texts[language][key] = text
        return texts


# --------------------------------------------------------------------------- rendering


def page_language(src_uri: str) -> str:
    """``foo.en.md`` is English; every other page is in the default language, Finnish."""
    suffix = Path(src_uri).suffixes
    return suffix[-2].lstrip(".") if len(suffix) >= 2 and suffix[-2].lstrip(".") in LANGUAGES else "fi"


def _cell(text: str, header: bool = False) -> str:
    return f'<th scope="col">{escape(text)}</th>' if header else f"<td>{escape(text)}</td>"


def _table(caption: str, headers: list[str], rows: list[list[str]], css_class: str) -> str:
    head = "".join(_cell(header, header=True) for header in headers)
    body = "".join("<tr>" + "".join(_cell(cell) for cell in row) + "</tr>" for row in rows)
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
        [labels["length"], labels["net"], labels["vat"].format(rate=rate_text), labels["gross"], labels["per_hour"]],
        [
            [
                format_hours(row.minutes, language),
                format_money(row.net, language),
                format_money(row.vat, language),
                format_money(row.gross, language),
                format_money(row.per_hour, language),
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


def render_cost_examples(service: Service, data: PriceData, rate: VatRate, language: str) -> str:
    if service.on_request:
        return _paragraph(data.texts[language]["on_request"], "price-on-request")
    labels = LABELS[language]
    rows = []
    for duration in service.durations:
        gross = price_row(duration, rate.percent).gross
        for meetings, label in zip(MEETINGS_PER_WEEK, (labels["once"], labels["twice"])):
            rows.append(
                [
                    format_hours(duration.minutes, language),
                    label,
                    format_money(monthly_cost(duration.net, meetings), language),
                    format_money(monthly_cost(gross, meetings), language),
                ]
            )
    table = _table(
        labels["cost_caption"].format(service=service.names[language]),
        [labels["length"], labels["per_week"], labels["month_net"], labels["month_gross"]],
        rows,
        "cost-examples",
    )
    return f"{table}\n\n{_paragraph(labels['formula'], 'price-note')}"


def _service_and_duration(code: Shortcode, data: PriceData, needs_minutes: bool) -> tuple[Service, Duration | None]:
    expected = 2 if needs_minutes else 1
    usage = f"<!-- md:{code.name} SERVICE{' MINUTES' if needs_minutes else ''} -->"
    if len(code.args) != expected:
        raise PriceDataError(
            f"'{code.text}' needs {'a service and a length in minutes' if needs_minutes else 'a service'}: "
            f"write it as {usage}, for example "
            f"<!-- md:{code.name} support-person{' 90' if needs_minutes else ''} -->."
        )
    service = data.services.get(code.args[0])
    if service is None:
        known = ", ".join(sorted(data.services))
        raise PriceDataError(
            f"'{code.text}' names the service '{code.args[0]}', which is not in {DATA_FILE}. "
            f"The services are: {known}."
        )
    if not needs_minutes:
        return service, None
    if service.on_request:
        raise PriceDataError(
            f"'{code.text}': the service '{service.key}' is priced on request and has no lengths. "
            f"Use <!-- md:price-table {service.key} --> to show the quote notice instead."
        )
    duration = service.duration(int(code.args[1])) if code.args[1].isdigit() else None
    if duration is None:
        lengths = ", ".join(str(d.minutes) for d in service.durations)
        raise PriceDataError(
            f"'{code.text}': '{service.key}' has no price for the length '{code.args[1]}'. "
            f"The lengths in {DATA_FILE} are (in minutes): {lengths}."
        )
    return service, duration


def render_shortcode(code: Shortcode, data: PriceData, rate: VatRate, language: str) -> str:
    """The HTML or text that replaces one price shortcode; raises ``PriceDataError`` if it is wrong."""
    if code.name in ("vat-rate", "vat-date"):
        if code.args:
            raise PriceDataError(f"'{code.text}' takes nothing after its name: write <!-- md:{code.name} -->.")
        if code.name == "vat-rate":
            return format_rate(rate.percent, language)
        return format_day(rate.effective, language)
    if code.name in ("price-table", "cost-examples"):
        service, _ = _service_and_duration(code, data, needs_minutes=False)
        render = render_price_table if code.name == "price-table" else render_cost_examples
        return "\n\n" + render(service, data, rate, language) + "\n\n"
    _, duration = _service_and_duration(code, data, needs_minutes=True)
    row = price_row(duration, rate.percent)
    amount = {"price": row.net, "price-with-vat": row.gross, "vat-amount": row.vat}[code.name]
    return format_money(amount, language)


def render_page(markdown: str, data: PriceData, rate: VatRate, language: str) -> str:
    renderers = {name: lambda code: render_shortcode(code, data, rate, language) for name in SHORTCODE_NAMES}
    return replace_shortcodes(markdown, renderers)


def shortcode_errors(markdown: str, data: PriceData, rate: VatRate, source: str) -> list[str]:
    errors = []
    for code in find_shortcodes(markdown):
        if code.name in SHORTCODE_NAMES:
            try:
                render_shortcode(code, data, rate, page_language(source))
            except PriceDataError as error:
                errors.append(f"{source}, line {code.line}: {error}")
    return errors


# --------------------------------------------------------------------------- MkDocs events

_state: dict[str, Any] = {}


def on_config(config):
    project = Path(config.config_file_path).parent
    try:
        data = load_price_data(project / DATA_FILE)
        rate = rate_in_force(data.vat_rates, build_date())
    except PriceDataError as error:
        raise PluginError(str(error)) from None
    _state.update(data=data, rate=rate)
    return config


def on_pre_build(config):
    errors = [
        error
        for source, text in markdown_sources(config.docs_dir)
        for error in shortcode_errors(text, _state["data"], _state["rate"], source)
    ]
    if errors:
        raise PluginError("\n".join(errors))


def on_page_markdown(markdown, page, config, files):
    return render_page(markdown, _state["data"], _state["rate"], page_language(page.file.src_uri))
