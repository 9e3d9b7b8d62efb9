"""The price file ``data/prices.yml``: its data model, and reading it with every check staff need.

Every mistake becomes a ``PriceDataError`` that names the file, the line and the key, says what is
wrong and how to fix it, in plain words: in Finnish for the staff, then in English
(``messages.for_staff``). The file is read with YAML's base loader, so every value arrives as the text
the staff typed: ``70,00`` is reported as written, and a float never rounds a price. Where the staff's
own value can be read (``95,00 €``), the message suggests it in the right form (``95.00``); where a
syntax error can be mended by indenting one line differently, the message says how many spaces.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from messages import for_staff, located

DATA_FILE = "data/prices.yml"
LANGUAGES = ("fi", "en")
CENT = Decimal("0.01")
TEXT_KEYS = ("vat_free", "vat_added", "vat_date", "on_request")
TEXT_PLACEHOLDERS = {"rate", "date"}


class PriceDataError(Exception):
    """A mistake in the price data or in a price shortcode, explained for the staff who made it.

    The message is made with ``messages.for_staff``: Finnish first, then English.
    """


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
            for_staff(
                f"{DATA_FILE}: sivuston julkaisupäivänä {_finnish_day(day)} ei ole voimassa yhtään "
                f"arvonlisäverokantaa: aikaisin verokanta alkaa {_finnish_day(earliest)}. Lisää kohtaan "
                f"'vat_rates' rivi, jonka 'from'-päivä on {day.isoformat()} tai sitä aiempi.",
                f"{DATA_FILE}: no VAT rate is in force on the build date {day.isoformat()}: the earliest "
                f"rate starts on {earliest.isoformat()}. Add a row under 'vat_rates' with a 'from' date "
                f"on or before {day.isoformat()}.",
            )
        )
    return max(in_force, key=lambda rate: rate.effective)


def load_price_data(path: str | Path, display_name: str = DATA_FILE) -> PriceData:
    """Read and check the price file; every mistake becomes a ``PriceDataError`` naming the line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PriceDataError(
            for_staff(
                f"Hintatiedosto {display_name} puuttuu. Sivuston hinnat tulevat tästä tiedostosta: "
                "palauta se gitistä.",
                f"{display_name} is missing. The site's prices come from this file: restore it from git.",
            )
        ) from None
    return parse_price_data(text, display_name)


def parse_price_data(text: str, source: str = DATA_FILE) -> PriceData:
    tree, lines = _read_yaml(text, source)
    return _Checker(source, lines).price_data(tree)


def _finnish_day(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _read_yaml(text: str, source: str) -> tuple[Any, dict[tuple, int]]:
    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(text, error, source) from None
    if node is None:
        raise PriceDataError(
            for_staff(
                f"Hintatiedosto {source} on tyhjä. Palauta sen sisältö gitistä.",
                f"{source} is empty. Restore its contents from git.",
            )
        )
    lines: dict[tuple, int] = {}
    return _plain(node, (), lines, source, text.splitlines()), lines


# --------------------------------------------------------------------------- syntax errors

GENERAL_SYNTAX_HINT = (
    "Tarkista sisennykset tämän rivin ja sen yläpuolisten rivien kohdalla: sisennä välilyönneillä (ei "
    "sarkaimella), pidä saman luettelon kohdat samalla syvyydellä ja kirjoita jokaisen avaimen perään "
    "kaksoispiste ja välilyönti, kuten 'price: 70.00'.",
    "Check the indentation near that line: use spaces (not tabs), keep items of a list at the same "
    "depth, and put a colon and a space after every key, as in 'price: 70.00'.",
)
NO_SPACE_AFTER_COLON = re.compile(r"^(?P<lead>\s*(?:- )?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?P<value>\S.*)$")


def _syntax_error(text: str, error: yaml.MarkedYAMLError, source: str) -> PriceDataError:
    """The parser's own words stay in the English part; the Finnish part says what to change."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return PriceDataError(
            for_staff(
                f"{source}: tiedoston rakenne on rikki. {GENERAL_SYNTAX_HINT[0]}",
                f"{source}: the file is not valid YAML ({error.problem}). {GENERAL_SYNTAX_HINT[1]}",
            )
        )
    lines = text.splitlines()
    line, finnish, english = _syntax_hint(lines, min(mark.line, max(len(lines) - 1, 0)))
    if not finnish:
        finnish = f"tiedoston rakenne on rikki tämän rivin kohdalla tai juuri sen yläpuolella. {GENERAL_SYNTAX_HINT[0]}"
    return PriceDataError(
        for_staff(
            f"{source}, rivi {line or mark.line + 1}: {finnish}",
            f"{source}, line {mark.line + 1}, column {mark.column + 1}: the file is not valid YAML "
            f"({error.problem}). {english + ' ' if english else ''}{GENERAL_SYNTAX_HINT[1]}",
        )
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    """Where the key of a line starts: after the indentation, and after '- ' on a list item's line."""
    column = _indent(line)
    return column + 2 if line[column:].startswith("- ") else column


def _content(line: str) -> bool:
    return bool(line.strip()) and not line.strip().startswith("#")


def _parses(lines: list[str]) -> bool:
    try:
        yaml.compose("\n".join(lines) + "\n", Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return False
    return True


def _passes_checks(lines: list[str]) -> bool:
    try:
        parse_price_data("\n".join(lines) + "\n")
    except PriceDataError:
        return False
    return True


def _syntax_hint(lines: list[str], index: int) -> tuple[int | None, str, str]:
    """(line number, Finnish hint, English hint) for a YAML syntax error reported at ``lines[index]``.

    Each guess is checked: the hint is given only if the mended file parses.
    """
    nearby = [number for number in range(index, max(index - 3, -1), -1) if _content(lines[number])]
    for number in nearby:
        found = NO_SPACE_AFTER_COLON.match(lines[number])
        if found:
            fixed = f"{found['key']}: {found['value']}"
            mended = lines[:number] + [f"{found['lead']}{fixed}"] + lines[number + 1 :]
            if _parses(mended):
                return (
                    number + 1,
                    f"kaksoispisteen jälkeen puuttuu välilyönti. Kirjoita '{fixed}'.",
                    f"On line {number + 1} the colon has no space after it: write '{fixed}'.",
                )
    for number in nearby:
        line = lines[number]
        if "\t" in line[: len(line) - len(line.lstrip())]:
            spaces = _best_indent(lines, number, line.lstrip())
            fix_fi = f" Kirjoita rivin alkuun {spaces} välilyöntiä{_like(lines, number, spaces)[0]}." if spaces is not None else ""
            fix_en = f" Start the line with {spaces} spaces{_like(lines, number, spaces)[1]}." if spaces is not None else ""
            return (
                number + 1,
                f"rivin alussa on sarkain (tab). Sisennä vain välilyönneillä.{fix_fi}",
                f"Line {number + 1} starts with a tab: indent with spaces only.{fix_en}",
            )
    for number in nearby:
        line = lines[number]
        spaces = _best_indent(lines, number, line.lstrip(" "))
        if spaces is not None:
            like_fi, like_en = _like(lines, number, spaces)
            return (
                number + 1,
                f"rivin sisennys on väärä. Rivin alussa on nyt {_indent(line)} välilyöntiä, mutta siinä "
                f"pitää olla {spaces}{like_fi}.",
                f"Line {number + 1} is indented wrongly: it starts with {_indent(line)} spaces, but it "
                f"should start with {spaces}{like_en}.",
            )
        if line.startswith("  ", _indent(line) - 2) and not line.lstrip().startswith("- "):
            mended = lines[:number] + [line[: _indent(line) - 2] + "- " + line.lstrip(" ")] + lines[number + 1 :]
            if _parses(mended):
                return (
                    number + 1,
                    f"onko rivin alusta kadonnut '- '? Jokainen luettelon kohta alkaa omalla rivillään "
                    f"merkeillä '- ', kuten '- {line.strip()}'.",
                    f"Has line {number + 1} lost the '- ' at its start? Each item of a list starts on its "
                    f"own line with '- ', as in '- {line.strip()}'.",
                )
    return None, "", ""


def _best_indent(lines: list[str], number: int, stripped: str) -> int | None:
    """The indentation that mends the file, preferring one that also passes every check, then the nearest."""
    current = _indent(lines[number])
    found = []
    for spaces in range(0, 17):
        mended = lines[:number] + [" " * spaces + stripped] + lines[number + 1 :]
        if (spaces != current or "\t" in lines[number]) and _parses(mended):
            found.append((not _passes_checks(mended), abs(spaces - current), -spaces, spaces))
    return min(found)[-1] if found else None


def _like(lines: list[str], number: int, spaces: int) -> tuple[str, str]:
    """", kuten rivillä 23" for the nearest line above whose key starts at that column."""
    for above in range(number - 1, -1, -1):
        if not _content(lines[above]):
            continue
        if _key_column(lines[above]) == spaces:
            return f", kuten rivillä {above + 1}", f", like line {above + 1}"
        if _indent(lines[above]) < spaces:
            break
    return "", ""


# --------------------------------------------------------------------------- the tree

# For each list: how its items are called, and what deleting one would lose, in Finnish and English.
LIST_ITEMS = {
    "durations": ("Jokainen kesto", "Each length", "hinta katoaisi sivuilta", "take a price off the site"),
    "vat_rates": ("Jokainen arvonlisäverokanta", "Each VAT rate", "verokanta katoaisi", "lose a VAT rate"),
}
OTHER_LIST = ("Jokainen luettelon kohta", "Each item of the list", "tieto katoaisi", "lose an item")


def _plain(node: yaml.Node, path: tuple, lines: dict[tuple, int], source: str, text: list[str]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in mapping:
                raise _duplicate_key(path, key, key_node.start_mark.line + 1, node, source, text)
            lines[path + (key,)] = key_node.start_mark.line + 1
            mapping[key] = _plain(value_node, path + (key,), lines, source, text)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, path + (index,), lines, source, text) for index, item in enumerate(node.value)]
    return node.value


def _duplicate_key(path: tuple, key: str, line: int, item: yaml.MappingNode, source: str, text: list[str]):
    if not path or not isinstance(path[-1], int):
        return PriceDataError(
            for_staff(
                f"{source}, rivi {line}: '{key}' on kahdesti kohdassa {_describe_fi(path)}. Poista toinen.",
                f"{source}, line {line}: '{key}' appears twice in {_describe(path)}. Keep one of them.",
            )
        )
    # Inside an item of a list, a key twice nearly always means that the next item lost its '- ', so
    # that two items ran together. Deleting a line, as "keep one" would advise, would silently drop a
    # price: the message asks for the '- ' back instead.
    first_key = item.value[0][0]
    first_key_line = first_key.start_mark.line + 1
    each_fi, each_en, lost_fi, lost_en = LIST_ITEMS.get(str(path[-2]) if len(path) > 1 else "", OTHER_LIST)
    if key == first_key.value:
        # The staff's own line, with the '- ' it lost: '- minutes: 120'.
        example = "- " + _without_comment(text[line - 1])
        fix_fi = f"Lisää '- ' rivin {line} alkuun samaan kohtaan kuin rivillä {first_key_line}."
        fix_en = f"Put the '- ' back at the start of line {line}, in line with the one on line {first_key_line}."
    else:
        # The line that started the next item is gone (deleted, perhaps on earlier advice).
        example = "- " + _without_comment(text[first_key_line - 1]).removeprefix("- ")
        fix_fi = (
            f"Jos rivillä {line} alkaa uusi kohta, siltä puuttuu oma '{first_key.value}'-rivinsä: kirjoita "
            f"rivin {line} yläpuolelle rivi '- {first_key.value}: …', samaan kohtaan kuin rivillä "
            f"{first_key_line}."
        )
        fix_en = (
            f"If a new item starts on line {line}, it has lost its own '{first_key.value}' line: write "
            f"'- {first_key.value}: …' above line {line}, in line with the one on line {first_key_line}."
        )
    return PriceDataError(
        for_staff(
            f"{source}, rivi {line}: '{key}' on kahdesti samassa kohdassa ({_describe_fi(path)}). Onko "
            f"rivin {line} alusta kadonnut '- '? {each_fi} alkaa omalla rivillään merkeillä '- ', kuten "
            f"'{example}'. {fix_fi} Älä poista riviä: silloin {lost_fi}.",
            f"{source}, line {line}: '{key}' appears twice in {_describe(path)}. Has line {line} lost "
            f"the '- ' at its start? {each_en} starts on its own line with '- ', as in '{example}'. "
            f"{fix_en} Do not delete the line: that would {lost_en}.",
        )
    )


def _without_comment(line: str) -> str:
    """The line as a '- ' example: stripped, without a trailing '# 2 h' comment."""
    return re.sub(r"\s+#.*$", "", line).strip()


def _describe(path: tuple) -> str:
    return "the top level of the file" if not path else "'" + " → ".join(map(str, path)) + "'"


def _describe_fi(path: tuple) -> str:
    return "tiedoston ylin taso" if not path else "'" + " → ".join(map(str, path)) + "'"


# --------------------------------------------------------------------------- the values


def _salvage(value: str) -> tuple[Decimal | None, bool, list[tuple[str, str]]]:
    """Read the number in what staff typed: (the number or None, decimal comma used, what to remove)."""
    chunks = re.findall(r"\d(?:[\d \u00a0.,]*\d)?", value)
    rest = re.sub(r"\d(?:[\d \u00a0.,]*\d)?", " ", value).split()
    extras = []
    for token in rest:
        if token == "€":
            extras.append(("€-merkki", "the € sign"))
        elif token == "%":
            extras.append(("%-merkki", "the % sign"))
        elif token.isalpha():
            extras.append((f"sana '{token}'", f"the word '{token}'"))
        else:
            extras.append((f"'{token}'", f"'{token}'"))
    if len(chunks) != 1:
        return None, "," in value, extras
    chunk = re.sub(r"[ \u00a0]", "", chunks[0])
    comma = "," in chunk
    if comma and "." not in chunk and chunk.count(",") == 1:
        chunk = chunk.replace(",", ".")
    try:
        return Decimal(chunk), comma, extras
    except InvalidOperation:
        return None, comma, extras


def _join(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


class _Checker:
    def __init__(self, source: str, lines: dict[tuple, int]):
        self.source = source
        self.lines = lines

    def fail(self, path: tuple, finnish: str, english: str) -> PriceDataError:
        line = self.lines.get(path)
        while line is None and path:
            path = path[:-1]
            line = self.lines.get(path)
        return PriceDataError(
            located(
                for_staff(finnish, english),
                f"{self.source}, rivi {line} ({'kohta ' if path else ''}{_describe_fi(path)})",
                f"{self.source}, line {line} ({_describe(path)})",
            )
        )

    def keys(self, value: Any, path: tuple, required: tuple[str, ...], optional: tuple[str, ...] = ()):
        hint_fi, hint_en = self._keys_hint(required, optional)
        if not isinstance(value, dict):
            raise self.fail(
                path,
                f"tähän kuuluu rivejä muotoa 'avain: arvo'. {hint_fi}",
                f"expected 'key: value' lines here. {hint_en}",
            )
        missing = [key for key in required if key not in value]
        if missing:
            raise self.fail(
                path,
                f"'{missing[0]}' puuttuu. Lisää se. {hint_fi}",
                f"'{missing[0]}' is missing. Add it. {hint_en}",
            )
        extra = [key for key in value if key not in required + optional]
        if extra:
            close = difflib.get_close_matches(extra[0], required + optional, n=1, cutoff=0.6)
            guess_fi = f" Tarkoititko '{close[0]}'?" if close else ""
            guess_en = f" Did you mean '{close[0]}'?" if close else ""
            raise self.fail(
                path + (extra[0],),
                f"'{extra[0]}' ei ole tämän tiedoston avain (kirjoitusvirhe?).{guess_fi} {hint_fi}",
                f"'{extra[0]}' is not a key this file uses (a typo?).{guess_en} {hint_en}",
            )

    @staticmethod
    def _keys_hint(required: tuple[str, ...], optional: tuple[str, ...] = ()) -> tuple[str, str]:
        allowed = ", ".join(f"'{key}'" for key in required + optional)
        return f"Tässä kohdassa avaimet ovat {allowed}.", f"The keys here are {allowed}."

    def listing(self, value: Any, path: tuple) -> list:
        if not isinstance(value, list) or not value:
            raise self.fail(
                path,
                "tähän kuuluu luettelo, jonka jokainen kohta alkaa omalla rivillään merkeillä '- '.",
                "expected a list of items here, each starting with '- '.",
            )
        return value

    def text(self, value: Any, path: tuple) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                path,
                "tähän kuuluu teksti, mutta kohta on tyhjä tai siinä ei ole tekstiä. Kirjoita teksti.",
                "expected a text here, and it is empty or not a text. Write it in.",
            )
        return value.strip()

    def number(self, value: Any, path: tuple, what: tuple[str, str], example: str, shape: str = "plain") -> Decimal:
        """A number as staff typed it; ``shape`` "price" suggests two decimals, "whole" whole numbers."""
        what_fi, what_en = what
        if not isinstance(value, str):
            raise self.fail(
                path,
                f"{what_fi} pitää olla yksi luku, esimerkiksi {example}.",
                f"the {what_en} must be a single number, such as {example}.",
            )
        if not value.strip():
            raise self.fail(
                path,
                f"{what_fi} puuttuu. Kirjoita se muodossa {example}.",
                f"the {what_en} is empty. Write it like {example}.",
            )
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite():
            return number
        own, comma, extras = _salvage(value)
        if own is not None:
            if shape == "price" and own.as_tuple().exponent >= -2:
                own = own.quantize(CENT)
            elif shape == "whole" and own == own.to_integral_value():
                own = own.to_integral_value()
            else:
                own = own.normalize() if own.as_tuple().exponent < 0 else own
            suggestion_en = f"{own:f}"
            suggestion_fi = f"muodossa {suggestion_en}"
        else:
            suggestion_fi, suggestion_en = f"esimerkiksi muodossa {example}", example
        fi = [f"{what_fi} '{value}' ei ole luku."]
        en = [f"the {what_en} '{value}' is not a number."]
        if comma:
            fi.append("Käytä desimaalierottimena pistettä, ei pilkkua.")
            en.append("Use a dot, not a comma, for decimals.")
        if extras:
            fi.append(f"Poista {_join([extra[0] for extra in extras], 'ja')} ja kirjoita {what_fi} {suggestion_fi}.")
            en.append(f"Remove {_join([extra[1] for extra in extras], 'and')}: write the number alone.")
        else:
            fi.append(f"Kirjoita se {suggestion_fi}.")
        en.append(f"Write it like {suggestion_en}.")
        raise self.fail(path, " ".join(fi), " ".join(en))

    def day(self, value: Any, path: tuple) -> date:
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            pass
        finnish = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", value) if isinstance(value, str) else None
        try:
            own = date(int(finnish[3]), int(finnish[2]), int(finnish[1])) if finnish else None
        except ValueError:
            own = None
        if own:
            raise self.fail(
                path,
                f"päivämäärä '{value}' on kirjoitettu suomalaisittain. Tähän tiedostoon päivämäärä "
                f"kirjoitetaan muodossa VVVV-KK-PP, eli {own.isoformat()}.",
                f"'{value}' is not a real date. Write it as YYYY-MM-DD, here {own.isoformat()}.",
            )
        raise self.fail(
            path,
            f"'{value}' ei ole oikea päivämäärä. Kirjoita se muodossa VVVV-KK-PP, esimerkiksi "
            "2024-09-01, ja tarkista, että kuukaudessa on se päivä.",
            f"'{value}' is not a real date. Write it as YYYY-MM-DD, such as 2024-09-01, and check "
            "that the month has that day.",
        )

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
            percent = self.number(item["rate"], path + ("rate",), ("arvonlisäverokanta", "VAT rate"), "25.5")
            if not 0 <= percent <= 100:
                raise self.fail(
                    path + ("rate",),
                    f"arvonlisäverokanta {item['rate']} ei ole väliltä 0–100. Kirjoita verokanta "
                    "prosentteina ilman %-merkkiä, esimerkiksi 25.5, kun verokanta on 25,5 %.",
                    f"the VAT rate {item['rate']} is not between 0 and 100. Write the rate as a "
                    "percentage, such as 25.5 for 25,5 %.",
                )
            effective = self.day(item["from"], path + ("from",))
            if effective in seen:
                other = self.lines.get(("vat_rates", seen[effective], "from"))
                raise self.fail(
                    path + ("from",),
                    f"kaksi arvonlisäverokantaa alkaa samana päivänä {_finnish_day(effective)} (toinen on "
                    f"rivillä {other}). Jätä kullekin päivälle yksi verokanta.",
                    f"two VAT rates start on {effective.isoformat()} (the other is item {seen[effective] + 1}, "
                    f"line {other}). Keep one rate per date.",
                )
            seen[effective] = index
            rates.append(VatRate(percent, effective))
        return tuple(rates)

    def services(self, value: Any) -> dict[str, Service]:
        if not isinstance(value, dict) or not value:
            raise self.fail(
                ("services",),
                "tähän kuuluu vähintään yksi palvelu, kukin oman avaimensa alla.",
                "expected at least one service, each under its own key.",
            )
        return {key: self.service(key, item) for key, item in value.items()}

    def service(self, key: str, item: Any) -> Service:
        path = ("services", key)
        if not re.fullmatch(r"[a-z][a-z0-9-]*", key):
            raise self.fail(
                path,
                f"palvelun avaimessa '{key}' saa olla vain pieniä kirjaimia a–z, numeroita ja "
                "yhdysmerkkejä, kuten 'support-person'.",
                f"the service key '{key}' may only have lower-case letters a–z, digits and hyphens, "
                "such as 'support-person'.",
            )
        if isinstance(item, dict) and "on_request" in item:
            self.keys(item, path, ("name", "on_request"))
            if item["on_request"] != "true":
                raise self.fail(
                    path + ("on_request",),
                    "'on_request' voi olla vain 'true'. Jos palvelulla on hinnat, poista 'on_request' "
                    "ja kirjoita sen tilalle kestot ('durations').",
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
            raise self.fail(
                path,
                "tähän kuuluu palvelun nimi kummallakin kielellä, riveillä 'fi:' ja 'en:'.",
                "expected the name in each language, as 'fi:' and 'en:' lines.",
            )
        for language in LANGUAGES:
            if language not in value or not str(value[language]).strip():
                raise self.fail(
                    path,
                    f"nimi kielellä '{language}' puuttuu. Jokaisella palvelulla on nimi suomeksi (fi) "
                    f"ja englanniksi (en): lisää kohdan 'name' alle rivi '{language}: ...'.",
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
            minutes = self.number(
                item["minutes"], item_path + ("minutes",), ("kesto minuutteina", "length in minutes"), "90", "whole"
            )
            if minutes <= 0 or minutes != minutes.to_integral_value():
                raise self.fail(
                    item_path + ("minutes",),
                    f"kesto '{item['minutes']}' pitää kirjoittaa kokonaisina minuutteina, esimerkiksi "
                    "90, kun tapaaminen kestää 1,5 tuntia.",
                    f"the length '{item['minutes']}' must be whole minutes above zero, such as 90 "
                    "for 1.5 hours.",
                )
            price = self.number(item["price"], item_path + ("price",), ("hinta", "price"), "70.00", "price")
            if price < 0:
                positive = f"{abs(price).quantize(CENT, rounding=ROUND_HALF_UP):f}"
                raise self.fail(
                    item_path + ("price",),
                    f"hinta {item['price']} on negatiivinen. Kirjoita hinta ilman arvonlisäveroa "
                    f"positiivisena lukuna, esimerkiksi {positive}.",
                    f"the price {item['price']} is negative. Write the price without VAT as a "
                    f"positive number, such as {positive}.",
                )
            if price.as_tuple().exponent < -2:
                cents = f"{price.quantize(CENT, rounding=ROUND_HALF_UP):f}"
                raise self.fail(
                    item_path + ("price",),
                    f"hinnassa {item['price']} on enemmän kuin kaksi desimaalia. Hinnat ovat "
                    f"kokonaisina sentteinä: kirjoita esimerkiksi {cents}.",
                    f"the price {item['price']} has more than two decimals. Prices are in whole "
                    f"cents: write it like {cents}.",
                )
            if int(minutes) in seen:
                other = self.lines.get(path + (seen[int(minutes)], "minutes"))
                raise self.fail(
                    item_path + ("minutes",),
                    f"kesto {int(minutes)} minuuttia on luettelossa kahdesti (myös rivillä {other}). "
                    "Jätä kullekin kestolle yksi hinta: tarkista, kumpi kesto on kirjoitettu väärin.",
                    f"the length {int(minutes)} minutes is listed twice (also item "
                    f"{seen[int(minutes)] + 1}, line {other}). Keep one price per length: check which "
                    "of the two lengths is mistyped.",
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
                    which = f" ('{{{sorted(unknown)[0]}}}')" if unknown else ""
                    raise self.fail(
                        path + (key,),
                        f"tekstissä on paikkamerkki, jota sivusto ei tunne{which}. Käytössä ovat vain "
                        "{rate} ja {date}, ja niiden molemmin puolin on aaltosulkeet.",
                        f"the text has a placeholder the site does not know{which}. Only {{rate}} and "
                        "{date} can be used, with curly brackets on both sides.",
                    )
                texts[language][key] = text
        return texts
