"""The one reader for the YAML that staff edit: ``mkdocs.yml``, ``data/prices.yml`` and page front matter.

``read`` keeps every value as the text the staff typed (YAML's base loader: ``70,00`` stays ``70,00``,
and MkDocs' own tags such as ``!ENV`` are no mistake) and notes the line of every key, so that each
message can name the file and the line. A file that is not valid YAML is explained by ``explain``, the
same way in every file: a tab, a missing space after a colon, a wrong indentation, a lost ``- ``, a
colon inside a title. Each mend is tried first and advised only if the mended file reads.

``Reader`` turns the plain tree into checked values (keys, lists, texts, numbers, dates); a file's own
schema is a subclass of it (``price_file.PriceFileReader``).
"""

from __future__ import annotations

import difflib
import functools
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

import yaml

from .problems import Problem, StaffError

Lines = dict[tuple, int]  # the line of every key path: ("services", "coaching", "name") -> 32
Accept = Callable[[list[str]], bool]  # does a mended file also pass the caller's own checks?

#: The example of a 'key: value' line in the general advice; the price file gives its own.
KEY_EXAMPLE = ("avain: arvo", "key: value")
# For each list: how its items are called, and what deleting one would lose (Finnish, English).
OTHER_LIST = ("Jokainen luettelon kohta", "Each item of the list", "tieto katoaisi", "lose an item")
NO_SPACE_AFTER_COLON = re.compile(r"^(?P<lead>\s*(?:- )?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?P<value>\S.*)$")


def read(text: str, source: str, *, accept: Accept | None = None, example: tuple[str, str] = KEY_EXAMPLE,
         list_items: dict[str, tuple[str, str, str, str]] | None = None) -> tuple[Any, Lines]:
    """(plain tree of dicts, lists and texts, or None for an empty file; the line of every key path)."""
    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        raise StaffError(explain(text, error, source, accept, example=example)) from None
    lines: Lines = {}
    if node is None:
        return None, lines
    return to_plain_with_lines(node, (), lines, source, text.splitlines(), list_items or {}), lines


def parses(lines: list[str]) -> bool:
    try:
        yaml.compose("\n".join(lines) + "\n", Loader=yaml.BaseLoader)  # composing knows no tags: !ENV is fine
    except yaml.YAMLError:
        return False
    return True


# --------------------------------------------------------------------------- syntax errors


def general_hint(example: tuple[str, str] = KEY_EXAMPLE) -> tuple[str, str]:
    return (
        "Tarkista sisennykset tämän rivin ja sen yläpuolisten rivien kohdalla: sisennä välilyönneillä (ei "
        "sarkaimella), pidä saman luettelon kohdat samalla syvyydellä ja kirjoita jokaisen avaimen perään "
        f"kaksoispiste ja välilyönti, kuten '{example[0]}'.",
        "Check the indentation near that line: use spaces (not tabs), keep items of a list at the same "
        f"depth, and put a colon and a space after every key, as in '{example[1]}'.",
    )


def explain(text: str, error: yaml.YAMLError, source: str, accept: Accept | None = None, *,
            example: tuple[str, str] = KEY_EXAMPLE) -> Problem:
    """The parser's own words stay in the English part; the Finnish part says what to change."""
    hint_fi, hint_en = general_hint(example)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or error
    lines = text.splitlines()
    if mark is None or not lines:
        return Problem(source, None, f"{source}: tiedoston rakenne on rikki. {hint_fi}",
                       f"{source}: the file is not valid YAML ({problem}). {hint_en}")
    line, finnish, english = syntax_hint(lines, min(mark.line, len(lines) - 1), accept)
    if not finnish:
        finnish = f"tiedoston rakenne on rikki tämän rivin kohdalla tai juuri sen yläpuolella. {hint_fi}"
    line = line or mark.line + 1
    return Problem(
        source,
        line,
        f"{source}, rivi {line}: {finnish}",
        f"{source}, line {mark.line + 1}, column {mark.column + 1}: the file is not valid YAML ({problem}). "
        f"{english + ' ' if english else ''}{hint_en}",
    )


def syntax_hint(lines: list[str], index: int, accept: Accept | None = None) -> tuple[int | None, str, str]:
    """(line number, Finnish hint, English hint) for a syntax error reported at ``lines[index]``."""
    nearby = [number for number in range(index, max(index - 3, -1), -1) if _content(lines[number])]
    for mend in (_missing_space, _tab, _colon_in_a_title, _indentation_or_lost_dash):
        for number in nearby:
            hint = mend(lines, number, accept)
            if hint:
                return (number + 1, *hint)
    return None, "", ""


def _replaced(lines: list[str], number: int, line: str) -> list[str]:
    return lines[:number] + [line] + lines[number + 1 :]


def _missing_space(lines: list[str], number: int, accept: Accept | None) -> tuple[str, str] | None:
    found = NO_SPACE_AFTER_COLON.match(lines[number])
    if found and parses(_replaced(lines, number, f"{found['lead']}{found['key']}: {found['value']}")):
        fixed = f"{found['key']}: {found['value']}"
        return (f"kaksoispisteen jälkeen puuttuu välilyönti. Kirjoita '{fixed}'.",
                f"On line {number + 1} the colon has no space after it: write '{fixed}'.")
    return None


def _tab(lines: list[str], number: int, accept: Accept | None) -> tuple[str, str] | None:
    line = lines[number]
    if "\t" not in line[: len(line) - len(line.lstrip())]:
        return None
    spaces = best_indent(lines, number, line.lstrip(), accept)
    like_fi, like_en = same_column_example(lines, number, spaces, line.lstrip()) if spaces is not None else ("", "")
    fix_fi = f" Kirjoita rivin alkuun {spaces} välilyöntiä{like_fi}." if spaces is not None else ""
    fix_en = f" Start the line with {spaces} spaces{like_en}." if spaces is not None else ""
    return (f"rivin alussa on sarkain (tab). Sisennä vain välilyönneillä.{fix_fi}",
            f"Line {number + 1} starts with a tab: indent with spaces only.{fix_en}")


def _quoted(words: str) -> str:
    return f'"{words}"' if '"' not in words else "'" + words.replace("'", "''") + "'"


def _colon_in_a_title(lines: list[str], number: int, accept: Accept | None) -> tuple[str, str] | None:
    """'- Uutinen: uusi toimipiste: uutinen.md' or 'description: Hinnat: tuki': quote the words with the colon."""
    found = re.match(r"^(?P<lead>\s*(?:- )?)(?P<rest>[^\"'].*)$", _without_comment(lines[number], strip=False))
    rest = found["rest"].rstrip() if found else ""
    parts = re.split(r":[ ]+", rest)
    menu = found and found["lead"].endswith("- ") and (rest.endswith(":") or re.search(r"\.md$|/", parts[-1]))
    if menu and rest.endswith(":") and len(parts) > 1:  # a menu section: '- Palvelut: uudet:'
        title, mended = rest[:-1], found["lead"] + _quoted(rest[:-1]) + ":"
    elif len(parts) > 2:
        title = ": ".join(parts[:-1] if menu else parts[1:])
        mended = found["lead"] + (f"{_quoted(title)}: {parts[-1]}" if menu else f"{parts[0]}: {_quoted(title)}")
    else:
        return None
    if not parses(_replaced(lines, number, mended)):
        return None
    shown, quotes = mended.strip(), "double quotes" if '"' not in title else "single quotes"
    if not menu:
        return (f"arvon sisällä on kaksoispiste (:). Jos arvossa itsessään on kaksoispiste, kirjoita koko arvo "
                f"lainausmerkkeihin: {shown}",
                f"On line {number + 1} the value has a colon (:) in it: put the whole value in {quotes}, as in '{shown}'.")
    translated = any(line.strip() == "nav_translations:" for line in lines)
    return (
        "rivillä on todennäköisesti kaksoispiste (:) otsikon sisällä. Kirjoita silloin otsikko lainausmerkkeihin: "
        + shown + (f" ja käännös samoin kohtaan 'nav_translations:', esimerkiksi {_quoted(title)}: \"…\"." if translated else ""),
        f"On line {number + 1} a title probably has a colon (:) in it. Put such a title in {quotes}, as in '{shown}'"
        + (", and its translation under 'nav_translations:' likewise." if translated else "."),
    )


def _indentation(lines: list[str], number: int, accept: Accept | None) -> tuple[str, str] | None:
    line = lines[number]
    spaces = best_indent(lines, number, line.lstrip(" "), accept)
    if spaces is None:
        return None
    like_fi, like_en = same_column_example(lines, number, spaces, line.lstrip(" "))
    return (f"rivin sisennys on väärä. Rivin alussa on nyt {_indent(line)} välilyöntiä, mutta siinä "
            f"pitää olla {spaces}{like_fi}.",
            f"Line {number + 1} is indented wrongly: it starts with {_indent(line)} spaces, but it "
            f"should start with {spaces}{like_en}.")


def _indentation_or_lost_dash(lines: list[str], number: int, accept: Accept | None) -> tuple[str, str] | None:
    """A line in line with the '- ' of the item above has most likely lost its own '- ' (unless the
    caller's checks reject that mend); otherwise the indentation is wrong, or else the '- ' is lost."""
    above = next((line for line in reversed(lines[:number]) if _content(line)), "")
    if _indent(above) == _indent(lines[number]) and above.lstrip().startswith("- "):
        hint = _lost_dash(lines, number, accept, checked=True)
        if hint:
            return hint
    return _indentation(lines, number, accept) or _lost_dash(lines, number, accept)


def _lost_dash(lines: list[str], number: int, accept: Accept | None, checked: bool = False) -> tuple[str, str] | None:
    """'- ' at the line's start mends the file (where ``checked``: in line with the '- ' above, and accepted)."""
    line, indent = lines[number], _indent(lines[number])
    if line.lstrip().startswith("- ") or (indent < 2 and not checked):
        return None
    mended = _replaced(lines, number, line[: indent if checked else indent - 2] + "- " + line.lstrip(" "))
    if not parses(mended) or (checked and accept is not None and not accept(mended)):
        return None
    return (f"onko rivin alusta kadonnut '- '? Jokainen luettelon kohta alkaa omalla rivillään "
            f"merkeillä '- ', kuten '- {line.strip()}'.",
            f"Has line {number + 1} lost the '- ' at its start? Each item of a list starts on its "
            f"own line with '- ', as in '- {line.strip()}'.")


def best_indent(lines: list[str], number: int, stripped: str, accept: Accept | None = None) -> int | None:
    """The indentation that mends the file, preferring one the caller accepts, then the nearest."""
    current = near = _indent(lines[number])
    if "\t" in lines[number]:  # a tab was most likely meant to indent the line like the line above
        above = next((line for line in reversed(lines[:number]) if _content(line)), "")
        near = _indent(above) if stripped.startswith("- ") and above.lstrip().startswith("- ") else _key_column(above)
    found = []
    for spaces in range(0, 17):
        mended = _replaced(lines, number, " " * spaces + stripped)
        if (spaces != current or "\t" in lines[number]) and parses(mended):
            found.append((accept is not None and not accept(mended), abs(spaces - near), -spaces, spaces))
    return min(found)[-1] if found else None


def same_column_example(lines: list[str], number: int, spaces: int, stripped: str = "") -> tuple[str, str]:
    """", kuten rivillä 23": the nearest line above that starts at that column (a '- ' line: its '- ')."""
    for above in range(number - 1, -1, -1):
        if not _content(lines[above]):
            continue
        dash = stripped.startswith("- ") and lines[above].lstrip().startswith("- ")
        if (_indent(lines[above]) if dash else _key_column(lines[above])) == spaces:
            return f", kuten rivillä {above + 1}", f", like line {above + 1}"
        if _indent(lines[above]) < spaces:
            break
    return "", ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    """Where the key of a line starts: after the indentation, and after '- ' on a list item's line."""
    column = _indent(line)
    return column + 2 if line[column:].startswith("- ") else column


def _content(line: str) -> bool:
    return bool(line.strip()) and not line.strip().startswith("#")


def _without_comment(line: str, strip: bool = True) -> str:
    """The line without a trailing '# 2 h' comment (and, unless told, without its indentation)."""
    line = re.sub(r"\s+#.*$", "", line)
    return line.strip() if strip else line.rstrip()


# --------------------------------------------------------------------------- the tree


def to_plain_with_lines(node: yaml.Node, path: tuple, lines: Lines, source: str, text: list[str],
                        list_items: dict[str, tuple[str, str, str, str]]) -> Any:
    """The node as dicts, lists and texts; ``lines`` gets the line of every key path on the way."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in mapping:
                problem = duplicate_key(path, key, key_node.start_mark.line + 1, node, source, text, list_items)
                raise StaffError(problem)
            lines[path + (key,)] = key_node.start_mark.line + 1
            mapping[key] = to_plain_with_lines(value_node, path + (key,), lines, source, text, list_items)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [to_plain_with_lines(item, path + (index,), lines, source, text, list_items)
                for index, item in enumerate(node.value)]
    return node.value


def duplicate_key(path: tuple, key: str, line: int, item: yaml.MappingNode, source: str, text: list[str],
                  list_items: dict[str, tuple[str, str, str, str]]) -> Problem:
    """A key twice: keep one; but inside an item of a list, the next item has lost its '- '."""
    if not path or not isinstance(path[-1], int):
        return Problem(source, line, f"{source}, rivi {line}: '{key}' on kahdesti kohdassa {describe_fi(path)}. Poista toinen.",
                       f"{source}, line {line}: '{key}' appears twice in {describe(path)}. Keep one of them.")
    # Deleting a line, as "keep one" would advise, would silently drop a price: ask for the '- ' back.
    first_key = item.value[0][0]
    first_key_line = first_key.start_mark.line + 1
    each_fi, each_en, lost_fi, lost_en = list_items.get(str(path[-2]) if len(path) > 1 else "", OTHER_LIST)
    if key == first_key.value:
        example = "- " + _without_comment(text[line - 1])  # the staff's own line, with its '- '
        fix_fi = f"Lisää '- ' rivin {line} alkuun samaan kohtaan kuin rivillä {first_key_line}."
        fix_en = f"Put the '- ' back at the start of line {line}, in line with the one on line {first_key_line}."
    else:  # the line that started the next item is gone (deleted, perhaps on earlier advice)
        example = "- " + _without_comment(text[first_key_line - 1]).removeprefix("- ")
        fix_fi = (f"Jos rivillä {line} alkaa uusi kohta, siltä puuttuu oma '{first_key.value}'-rivinsä: kirjoita "
                  f"rivin {line} yläpuolelle rivi '- {first_key.value}: …', samaan kohtaan kuin rivillä {first_key_line}.")
        fix_en = (f"If a new item starts on line {line}, it has lost its own '{first_key.value}' line: write "
                  f"'- {first_key.value}: …' above line {line}, in line with the one on line {first_key_line}.")
    return Problem(
        source,
        line,
        f"{source}, rivi {line}: '{key}' on kahdesti samassa kohdassa ({describe_fi(path)}). Onko "
        f"rivin {line} alusta kadonnut '- '? {each_fi} alkaa omalla rivillään merkeillä '- ', kuten "
        f"'{example}'. {fix_fi} Älä poista riviä: silloin {lost_fi}.",
        f"{source}, line {line}: '{key}' appears twice in {describe(path)}. Has line {line} lost "
        f"the '- ' at its start? {each_en} starts on its own line with '- ', as in '{example}'. "
        f"{fix_en} Do not delete the line: that would {lost_en}.",
    )


def describe(path: tuple) -> str:
    return "the top level of the file" if not path else "'" + " → ".join(map(str, path)) + "'"


def describe_fi(path: tuple) -> str:
    return "tiedoston ylin taso" if not path else "'" + " → ".join(map(str, path)) + "'"


# --------------------------------------------------------------------------- typed values


def number_in_typed_text(value: str) -> tuple[Decimal | None, bool, list[tuple[str, str]]]:
    """The number in what staff typed ("95,00 €"): (the number or None, decimal comma used, what to remove)."""
    chunks = re.findall(r"\d(?:[\d \u00a0.,]*\d)?", value)
    extras = []
    for token in re.sub(r"\d(?:[\d \u00a0.,]*\d)?", " ", value).split():
        if token in ("€", "%"):
            extras.append((f"{token}-merkki", f"the {token} sign"))
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


def _suggestion(own: Decimal, shape: str) -> str:
    """The staff's own number in the file's form: two decimals for a price, whole minutes, or plain."""
    if shape == "price" and own.as_tuple().exponent >= -2:
        own = own.quantize(Decimal("0.01"))
    elif shape == "whole" and own == own.to_integral_value():
        own = own.to_integral_value()
    elif own.as_tuple().exponent < 0:
        own = own.normalize()
    return f"{own:f}"


def _not_a_number(value: str, what: tuple[str, str], example: str, shape: str) -> tuple[str, str]:
    """What to write instead of a number as staff typed it: their own number, where it can be read."""
    (what_fi, what_en), (own, comma, extras) = what, number_in_typed_text(value)
    suggestion_en = _suggestion(own, shape) if own is not None else example
    suggestion_fi = f"muodossa {suggestion_en}" if own is not None else f"esimerkiksi muodossa {example}"
    fi, en = [f"{what_fi} '{value}' ei ole luku."], [f"the {what_en} '{value}' is not a number."]
    if comma:
        fi.append("Käytä desimaalierottimena pistettä, ei pilkkua.")
        en.append("Use a dot, not a comma, for decimals.")
    if extras:
        fi.append(f"Poista {_join([extra[0] for extra in extras], 'ja')} ja kirjoita {what_fi} {suggestion_fi}.")
        en.append(f"Remove {_join([extra[1] for extra in extras], 'and')}: write the number alone.")
    else:
        fi.append(f"Kirjoita se {suggestion_fi}.")
    en.append(f"Write it like {suggestion_en}.")
    return " ".join(fi), " ".join(en)


class Reader:
    """Checked values from a plain tree, each mistake named with its file, line and key path."""

    def __init__(self, source: str, lines: Lines):
        self.source = source
        self.lines = lines

    def fail(self, path: tuple, finnish: str, english: str) -> StaffError:
        line = self.lines.get(path)
        while line is None and path:
            path = path[:-1]
            line = self.lines.get(path)
        return StaffError(Problem(
            self.source,
            line,
            f"{self.source}, rivi {line} ({'kohta ' if path else ''}{describe_fi(path)}): {finnish}",
            f"{self.source}, line {line} ({describe(path)}): {english}",
        ))

    def keys(self, value: Any, path: tuple, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        hint_fi, hint_en = self.keys_hint(required, optional)
        if not isinstance(value, dict):
            raise self.fail(path, f"tähän kuuluu rivejä muotoa 'avain: arvo'. {hint_fi}",
                            f"expected 'key: value' lines here. {hint_en}")
        missing = [key for key in required if key not in value]
        if missing:
            raise self.fail(path, f"'{missing[0]}' puuttuu. Lisää se. {hint_fi}", f"'{missing[0]}' is missing. Add it. {hint_en}")
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
    def keys_hint(required: tuple[str, ...], optional: tuple[str, ...] = ()) -> tuple[str, str]:
        allowed = ", ".join(f"'{key}'" for key in required + optional)
        return f"Tässä kohdassa avaimet ovat {allowed}.", f"The keys here are {allowed}."

    def listing(self, value: Any, path: tuple) -> list:
        if not isinstance(value, list) or not value:
            raise self.fail(path, "tähän kuuluu luettelo, jonka jokainen kohta alkaa omalla rivillään merkeillä '- '.",
                            "expected a list of items here, each starting with '- '.")
        return value

    def text(self, value: Any, path: tuple) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "tähän kuuluu teksti, mutta kohta on tyhjä tai siinä ei ole tekstiä. Kirjoita teksti.",
                            "expected a text here, and it is empty or not a text. Write it in.")
        return value.strip()

    def number(self, value: Any, path: tuple, what: tuple[str, str], example: str, shape: str = "plain") -> Decimal:
        """A number as staff typed it; ``shape`` "price" suggests two decimals, "whole" whole numbers."""
        what_fi, what_en = what
        if not isinstance(value, str):
            raise self.fail(path, f"{what_fi} pitää olla yksi luku, esimerkiksi {example}.",
                            f"the {what_en} must be a single number, such as {example}.")
        if not value.strip():
            raise self.fail(path, f"{what_fi} puuttuu. Kirjoita se muodossa {example}.", f"the {what_en} is empty. Write it like {example}.")
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite():
            return number
        raise self.fail(path, *_not_a_number(value, what, example, shape))

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
            raise self.fail(path, f"päivämäärä '{value}' on kirjoitettu suomalaisittain. Tähän tiedostoon päivämäärä "
                            f"kirjoitetaan muodossa VVVV-KK-PP, eli {own.isoformat()}.",
                            f"'{value}' is not a real date. Write it as YYYY-MM-DD, here {own.isoformat()}.")
        raise self.fail(path, f"'{value}' ei ole oikea päivämäärä. Kirjoita se muodossa VVVV-KK-PP, esimerkiksi "
                        "2024-09-01, ja tarkista, että kuukaudessa on se päivä.",
                        f"'{value}' is not a real date. Write it as YYYY-MM-DD, such as 2024-09-01, and check "
                        "that the month has that day.")


# --------------------------------------------------------------------------- the other files staff edit


@functools.lru_cache(maxsize=256)
def front_matter(text: str, source: str) -> tuple[dict | None, Problem | None]:
    """(the page's front matter, or None where it has none; the problem, where it cannot be read).

    The YAML between the opening '---' lines is read with the page's own line numbers. Each page's is
    read once: the description check, search's keywords and the redirects' aliases all ask, some more
    than once a build (the answer is shared, so callers only read it).
    """
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None, None
    end = next((number for number in range(1, len(lines)) if lines[number].rstrip() in ("---", "...")), None)
    if end is None:
        return None, Problem.at(
            source, 1,
            "sivun alussa olevat tiedot alkavat rivillä '---', mutta niitä ei ole suljettu toisella '---'-rivillä. "
            "Lisää tietojen perään rivi, jolla on vain '---', ja vasta sen jälkeen sivun teksti.",
            "the opening section is not closed with '---': after the page's details, add a line with only "
            "'---', then the page's text.",
        )
    try:
        meta, _ = read("\n" + "\n".join(lines[1:end]) + "\n", source)  # "\n" for the '---': lines as in the page
    except StaffError as error:
        return None, error.problem
    if meta is None:
        return {}, None
    if not isinstance(meta, dict):
        return None, Problem.at(
            source, 2,
            "sivun alussa olevat tiedot (kahden '---'-rivin välissä) ovat rivejä muotoa 'avain: arvo', "
            "esimerkiksi 'description: Sivun kuvaus.'.",
            "the details at the top of the page (between the two '---' lines) are 'key: value' lines, "
            "such as 'description: About this page.'.",
        )
    return meta, None


def front_matter_list(text: str, source: str, key: str, what: tuple[str, str], example: str) -> tuple[list[str], Problem | None]:
    """(the texts listed under ``key:`` in the page's front matter, or none; the problem, where the key
    holds anything but a list of texts). ``what`` names the list for staff (Finnish, English)."""
    meta, problem = front_matter(text, source)
    if problem or not isinstance(meta, dict) or key not in meta:
        return [], None  # a broken front matter is reported once, by the description check
    value = meta[key]
    if isinstance(value, list) and value and all(isinstance(item, str) and item.strip() for item in value):
        return [item.strip() for item in value], None
    line = next((number for number, row in enumerate(text.splitlines(), 1) if re.match(rf"{re.escape(key)}\s*:", row)), None)
    return [], Problem.at(
        source, line,
        f"{what[0]} ('{key}:') kirjoitetaan luettelona, jonka jokainen kohta on omalla rivillään ja alkaa "
        f"merkeillä '- ', esimerkiksi:\n{key}:\n  - {example}",
        f"{what[1]} ('{key}:') is a list, each item on its own line starting with '- ', such as:\n{key}:\n  - {example}",
    )


def config_problem(text: str, source: str = "mkdocs.yml") -> Problem | None:
    """The problem if ``mkdocs.yml`` cannot be read; MkDocs' own tags (``!ENV``) are no mistake."""
    try:
        tree, _ = read(text, source)
    except StaffError as error:
        return error.problem
    if tree is None:
        return Problem.at(source, None, "tiedosto on tyhjä. Palauta sen sisältö gitistä.",
                          "the file is empty. Restore its contents from git.")
    return None


def main(argv: list[str]) -> int:
    """``python -m website.staff_yaml mkdocs.yml``: scripts/dev.py checks mkdocs.yml with it before
    MkDocs starts, since MkDocs reads that file before any hook could explain a mistake in it."""
    import sys
    from pathlib import Path

    source = argv[0] if argv else "mkdocs.yml"
    problem = config_problem(Path(source).read_text(encoding="utf-8"), source)
    if problem:
        print(f"ERROR   -  {problem.message}", file=sys.stdout)
    return 1 if problem else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
