"""The price file ``data/prices.yml``: its data model, and reading it with every check staff need.

Every mistake becomes a ``PriceDataError`` that names the file, the line and the key, says what is
wrong and how to fix it, in plain words. The file is read with YAML's base loader, so every value
arrives as the text the staff typed: ``70,00`` is reported as written, and a float never rounds a
price.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = "data/prices.yml"
LANGUAGES = ("fi", "en")
CENT = Decimal("0.01")
TEXT_KEYS = ("vat_free", "vat_added", "vat_date", "on_request")
TEXT_PLACEHOLDERS = {"rate", "date"}


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
            durations.append(Duration(int(minutes), price.quantize(CENT)))
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
