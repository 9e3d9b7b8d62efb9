"""The price file ``data/prices.yml``: its data model, and its schema with every check staff need.

The file is read by ``staff_yaml`` like every other file staff edit, so that a syntax mistake gets the
same advice here as in ``mkdocs.yml``; every value arrives as the text the staff typed (``70,00`` is
reported as written, and a float never rounds a price). ``PriceFileReader`` holds only what this file
must contain. Every mistake is a ``StaffError`` naming the file, the line and the key, in Finnish for
the staff, then in English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from . import staff_yaml
from .pages import LANGUAGES
from .problems import Problem, StaffError
from .staff_yaml import Reader

DATA_FILE = "data/prices.yml"
CENT = Decimal("0.01")
TEXT_KEYS = ("vat_free", "vat_added", "vat_date", "on_request")
TEXT_PLACEHOLDERS = {"rate", "date"}
#: The limits of a plausible VAT rate (%), and of a meeting's length in minutes: a value outside them is
#: nearly always a slip (0.255 for 25.5, 2 for 120), which would otherwise publish a wrong price.
RATE_LIMITS = (Decimal(5), Decimal(40))
SHORTEST_MEETING = 30
HOURS = re.compile(r"^\s*(?P<hours>\d+(?:[.,]\d+)?)\s*(?:h|t|tunti|tuntia|tunnin|hours?|hrs?)\.?\s*$", re.IGNORECASE)
#: The 'key: value' example of the general syntax advice.
PRICE_EXAMPLE = ("price: 70.00", "price: 70.00")
#: For each list: how its items are called, and what deleting one would lose, in Finnish and English.
LIST_ITEMS = {
    "durations": ("Jokainen kesto", "Each length", "hinta katoaisi sivuilta", "take a price off the site"),
    "vat_rates": ("Jokainen arvonlisäverokanta", "Each VAT rate", "verokanta katoaisi", "lose a VAT rate"),
}


@dataclass(frozen=True)
class VatRate:
    percent: Decimal
    effective: date
    line: int | None = field(default=None, compare=False)  # where it is in the file


@dataclass(frozen=True)
class Duration:
    """A price row: the price without VAT of a meeting of ``minutes``, from ``effective`` (None: always)."""

    minutes: int
    net: Decimal
    effective: date | None = None
    line: int | None = field(default=None, compare=False)


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


def in_force(durations: tuple[Duration, ...], day: date) -> tuple[Duration, ...]:
    """The price of each length on ``day``: its row with the latest start on or before that day."""
    chosen: dict[int, Duration] = {}
    for row in sorted(durations, key=lambda row: (row.minutes, row.effective or date.min)):
        if row.effective is None or row.effective <= day:
            chosen[row.minutes] = row
    return tuple(chosen.values())


def prices_on(data: PriceData, day: date) -> PriceData:
    """The price file as it stands on ``day``: one price a length, the rows not yet started left out."""
    services = {
        key: Service(service.key, service.names, in_force(service.durations, day)) if service.durations else service
        for key, service in data.services.items()
    }
    return PriceData(data.vat_rates, services, data.texts)


def change_days(data: PriceData, day: date) -> list[date]:
    """Every later day on which a VAT rate or a price changes, in order."""
    days = {rate.effective for rate in data.vat_rates}
    days |= {row.effective for service in data.services.values() for row in service.durations if row.effective}
    return sorted(found for found in days if found > day)


def finnish_day(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def rate_in_force(rates: tuple[VatRate, ...], day: date) -> VatRate:
    in_force = [rate for rate in rates if rate.effective <= day]
    if not in_force:
        earliest = min(rate.effective for rate in rates)
        raise StaffError(Problem.at(
            DATA_FILE,
            None,
            f"sivuston julkaisupäivänä {finnish_day(day)} ei ole voimassa yhtään arvonlisäverokantaa: aikaisin "
            f"verokanta alkaa {finnish_day(earliest)}. Lisää kohtaan 'vat_rates' rivi, jonka 'from'-päivä on "
            f"{day.isoformat()} tai sitä aiempi.",
            f"no VAT rate is in force on the build date {day.isoformat()}: the earliest rate starts on "
            f"{earliest.isoformat()}. Add a row under 'vat_rates' with a 'from' date on or before {day.isoformat()}.",
        ))
    return max(in_force, key=lambda rate: rate.effective)


def load_price_file(path: str | Path, display_name: str = DATA_FILE) -> PriceData:
    """Read and check the price file; every mistake becomes a ``StaffError`` naming the line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StaffError(Problem(
            display_name,
            None,
            f"Hintatiedosto {display_name} puuttuu. Sivuston hinnat tulevat tästä tiedostosta: palauta se gitistä.",
            f"{display_name} is missing. The site's prices come from this file: restore it from git.",
        )) from None
    return read_price_file(text, display_name)


def read_price_file(text: str, source: str = DATA_FILE) -> PriceData:
    def passes_checks(lines: list[str]) -> bool:  # a mend that parses and passes the price checks comes first
        try:
            read_price_file("\n".join(lines) + "\n", source)
        except StaffError:
            return False
        return True

    tree, lines = staff_yaml.read(text, source, accept=passes_checks, example=PRICE_EXAMPLE, list_items=LIST_ITEMS)
    if tree is None:
        raise StaffError(Problem(source, None, f"Hintatiedosto {source} on tyhjä. Palauta sen sisältö gitistä.",
                                 f"{source} is empty. Restore its contents from git."))
    return PriceFileReader(source, lines).price_data(tree)


class PriceFileReader(Reader):
    """What ``data/prices.yml`` holds: VAT rates with their dates, services with their prices, texts."""

    def price_data(self, tree: Any) -> PriceData:
        self.keys(tree, (), ("vat_rates", "services", "texts"))
        return PriceData(self.vat_rates(tree["vat_rates"]), self.services(tree["services"]), read_texts(self, tree["texts"]))

    def vat_rates(self, value: Any) -> tuple[VatRate, ...]:
        rates, seen = [], {}
        for index, item in enumerate(self.listing(value, ("vat_rates",))):
            path = ("vat_rates", index)
            self.keys(item, path, ("rate", "from"))
            percent = self.number(item["rate"], path + ("rate",), ("arvonlisäverokanta", "VAT rate"), "25.5")
            check_rate(self, percent, item["rate"], path + ("rate",))
            effective = self.day(item["from"], path + ("from",))
            if effective in seen:
                other = self.lines.get(("vat_rates", seen[effective], "from"))
                raise self.fail(path + ("from",), f"kaksi arvonlisäverokantaa alkaa samana päivänä "
                                f"{finnish_day(effective)} (toinen on rivillä {other}). Jätä kullekin päivälle yksi verokanta.",
                                f"two VAT rates start on {effective.isoformat()} (the other is item "
                                f"{seen[effective] + 1}, line {other}). Keep one rate per date.")
            seen[effective] = index
            rates.append(VatRate(percent, effective, self.lines.get(path)))
        return tuple(rates)

    def services(self, value: Any) -> dict[str, Service]:
        if not isinstance(value, dict) or not value:
            raise self.fail(("services",), "tähän kuuluu vähintään yksi palvelu, kukin oman avaimensa alla.",
                            "expected at least one service, each under its own key.")
        return {key: self.service(key, item) for key, item in value.items()}

    def service(self, key: str, item: Any) -> Service:
        path = ("services", key)
        if not re.fullmatch(r"[a-z][a-z0-9-]*", key):
            raise self.fail(path, f"palvelun avaimessa '{key}' saa olla vain pieniä kirjaimia a–z, numeroita ja "
                            "yhdysmerkkejä, kuten 'support-person'.",
                            f"the service key '{key}' may only have lower-case letters a–z, digits and hyphens, "
                            "such as 'support-person'.")
        if isinstance(item, dict) and "on_request" in item:
            self.keys(item, path, ("name", "on_request"))
            if item["on_request"] != "true":
                raise self.fail(path + ("on_request",), "'on_request' voi olla vain 'true'. Jos palvelulla on "
                                "hinnat, poista 'on_request' ja kirjoita sen tilalle kestot ('durations').",
                                "'on_request' can only be 'true'. For a service with prices, remove 'on_request' "
                                "and list its 'durations' instead.")
        else:
            self.keys(item, path, ("name", "durations"), ("on_request",))
        return Service(key, self.names(item["name"], path + ("name",)), self.durations(item.get("durations"), path + ("durations",)))

    def names(self, value: Any, path: tuple) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(path, "tähän kuuluu palvelun nimi kummallakin kielellä, riveillä 'fi:' ja 'en:'.",
                            "expected the name in each language, as 'fi:' and 'en:' lines.")
        for language in LANGUAGES:
            if language not in value or not str(value[language]).strip():
                raise self.fail(path, f"nimi kielellä '{language}' puuttuu. Jokaisella palvelulla on nimi suomeksi "
                                f"(fi) ja englanniksi (en): lisää kohdan 'name' alle rivi '{language}: ...'.",
                                f"the name in '{language}' is missing. Every service needs its name in Finnish (fi) "
                                f"and English (en): add the line '{language}: ...' under 'name'.")
        self.keys(value, path, LANGUAGES)
        return {language: self.text(value[language], path + (language,)) for language in LANGUAGES}

    def durations(self, value: Any, path: tuple) -> tuple[Duration, ...]:
        if value is None:
            return ()
        durations, seen = [], {}
        for index, item in enumerate(self.listing(value, path)):
            duration = self.duration(item, path + (index,))
            key = (duration.minutes, duration.effective)
            if key in seen:
                raise listed_twice(self, duration, path, index, seen[key])
            seen[key] = index
            durations.append(duration)
        return tuple(sorted(durations, key=lambda row: (row.minutes, row.effective or date.min)))

    def duration(self, item: Any, path: tuple) -> Duration:
        self.keys(item, path, ("minutes", "price"), ("from",))
        minutes = read_minutes(self, item["minutes"], path + ("minutes",))
        price = read_price(self, item["price"], path + ("price",))
        effective = self.day(item["from"], path + ("from",)) if "from" in item else None
        return Duration(minutes, price, effective, self.lines.get(path))


def check_rate(reader: Reader, percent: Decimal, typed: str, path: tuple) -> None:
    low, high = RATE_LIMITS
    if low <= percent <= high:
        return
    meant = (percent * 100).normalize()
    guess_fi = f" Tarkoititko {meant:f}?" if low <= meant <= high else ""
    guess_en = f" Did you mean {meant:f}?" if low <= meant <= high else ""
    raise reader.fail(
        path,
        f"arvonlisäverokanta {typed} ei ole välillä {low}–{high} %.{guess_fi} Kirjoita verokanta prosentteina "
        "ilman %-merkkiä, esimerkiksi 25.5, kun verokanta on 25,5 %.",
        f"the VAT rate {typed} is not between {low}% and {high}%.{guess_en} Write the rate as a number without "
        "the % sign, such as 25.5 for a rate of 25.5%.",
    )


def listed_twice(reader: Reader, duration: Duration, path: tuple, index: int, first: int) -> StaffError:
    other = reader.lines.get(path + (first, "minutes"))
    if duration.effective:
        day = finnish_day(duration.effective)
        return reader.fail(
            path + (index, "from"),
            f"{duration.minutes} minuutin tapaamisella on kaksi hintaa, jotka alkavat samana päivänä {day} "
            f"(toinen on rivillä {other}). Jätä kullekin päivälle vain yksi hinta.",
            f"there are two prices for {duration.minutes} minutes that start on the same day, "
            f"{duration.effective.isoformat()} (the other is on line {other}). Keep only one price for each day.",
        )
    return reader.fail(
        path + (index, "minutes"),
        f"kesto {duration.minutes} minuuttia on luettelossa kahdesti (myös rivillä {other}). Jätä kullekin "
        "kestolle yksi hinta: tarkista, kumpi kesto on kirjoitettu väärin. Jos toinen on uusi hinta, joka alkaa "
        "myöhemmin, lisää sille rivi 'from: VVVV-KK-PP' (muokkaustyökalussa kenttä Voimassa alkaen).",
        f"the length {duration.minutes} minutes is listed twice (also on line {other}). Keep one price per "
        "length: check which of the two lengths is mistyped. If one is a new price that starts later, give it "
        "a 'from: YYYY-MM-DD' line (the 'Voimassa alkaen' field in the editor).",
    )


def read_minutes(reader: Reader, typed: Any, path: tuple) -> int:
    hours = HOURS.match(typed) if isinstance(typed, str) else None
    if hours:
        meant = Decimal(hours["hours"].replace(",", ".")) * 60
        raise reader.fail(
            path,
            f"kesto kirjoitetaan minuutteina, ei tunteina: {typed.strip()} on {meant.normalize():f} minuuttia. "
            f"Kirjoita {meant.normalize():f}.",
            f"the length is written in minutes, not hours: {typed.strip()} is {meant.normalize():f} minutes. "
            f"Write {meant.normalize():f}.",
        )
    minutes = reader.number(typed, path, ("kesto minuutteina", "length in minutes"), "90", "whole")
    if minutes < SHORTEST_MEETING or minutes != minutes.to_integral_value():
        meant = minutes * 60
        guess = SHORTEST_MEETING <= meant <= 600 and meant == meant.to_integral_value()
        raise reader.fail(
            path,
            f"kesto '{typed}' pitää kirjoittaa kokonaisina minuutteina, vähintään {SHORTEST_MEETING}, esimerkiksi 90, "
            "kun tapaaminen kestää 1,5 tuntia." + (f" Tarkoititko {meant.normalize():f} ({typed} h)?" if guess else ""),
            f"the length '{typed}' must be a whole number of minutes, at least {SHORTEST_MEETING}, such as 90 for 1.5 hours."
            + (f" Did you mean {meant.normalize():f} ({typed} h)?" if guess else ""),
        )
    return int(minutes)


def read_price(reader: Reader, typed: Any, path: tuple) -> Decimal:
    price = reader.number(typed, path, ("hinta", "price"), "70.00", "price")
    if price == 0:
        raise reader.fail(
            path,
            "hinta on nolla. Kirjoita tapaamisen hinta ilman arvonlisäveroa, esimerkiksi 70.00. Jos palvelusta "
            "tehdään aina tarjous, kirjoita kestojen sijaan 'on_request: true'.",
            "the price is zero. Write the price of a meeting without VAT, such as 70.00. For a service that is "
            "always quoted, write 'on_request: true' instead of its lengths.",
        )
    if price < 0:
        positive = f"{abs(price).quantize(CENT, rounding=ROUND_HALF_UP):f}"
        raise reader.fail(
            path,
            f"hinta {typed} on negatiivinen. Kirjoita hinta ilman arvonlisäveroa positiivisena lukuna, "
            f"esimerkiksi {positive}.",
            f"the price {typed} is negative. Write the price without VAT as a positive number, such as {positive}.",
        )
    if price.as_tuple().exponent < -2:
        cents = f"{price.quantize(CENT, rounding=ROUND_HALF_UP):f}"
        raise reader.fail(
            path,
            f"hinnassa {typed} on enemmän kuin kaksi desimaalia. Hinnat ovat kokonaisina sentteinä: "
            f"kirjoita esimerkiksi {cents}.",
            f"the price {typed} has more than two decimals. Prices are in whole cents: write it like {cents}.",
        )
    return price.quantize(CENT)


def read_texts(reader: Reader, value: Any) -> dict[str, dict[str, str]]:
    """The notes under the price tables, in both languages, with only the placeholders the site fills in."""
    reader.keys(value, ("texts",), LANGUAGES)
    texts = {}
    for language in LANGUAGES:
        path = ("texts", language)
        reader.keys(value[language], path, TEXT_KEYS)
        texts[language] = {key: checked_placeholders(reader, reader.text(value[language][key], path + (key,)), path + (key,))
                           for key in TEXT_KEYS}
    return texts


def checked_placeholders(reader: Reader, text: str, path: tuple) -> str:
    unknown = set(re.findall(r"{([^{}]*)}", text)) - TEXT_PLACEHOLDERS
    if unknown or text.count("{") != text.count("}"):
        which = f" ('{{{sorted(unknown)[0]}}}')" if unknown else ""
        raise reader.fail(
            path,
            f"tekstissä on paikkamerkki, jota sivusto ei tunne{which}. Käytössä ovat vain "
            "{rate} ja {date}, ja niiden molemmin puolin on aaltosulkeet.",
            f"the text has a placeholder the site does not know{which}. Only {{rate}} and "
            "{date} can be used, with curly brackets on both sides.",
        )
    return text
