"""The one reader for the YAML that staff edit: the same advice in mkdocs.yml, data/prices.yml and front matter.

Unit tests, no build: each breaks a real file (or a page's front matter) the way staff do.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from website import staff_yaml
from website.organisation import DATA_FILE as ORGANISATION_FILE, read_organisation
from website.price_file import DATA_FILE, read_price_file
from website.problems import Problem, StaffError

from harness import ROOT
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
ORGANISATION = (ROOT / ORGANISATION_FILE).read_text(encoding="utf-8")
PRICES = (ROOT / DATA_FILE).read_text(encoding="utf-8")
PAGE = (
    "---\n"
    "description: Hinnat arvonlisäveron kanssa ja ilman.\n"
    "search:\n"
    "  boost: 2\n"
    "  exclude: false\n"
    "---\n"
    "\n"
    "# Hinnat\n"
)


def nth_line(lines: list[str], pattern: str, n: int = 0) -> int:
    """The index of the n-th line (from 0) that matches ``pattern``: found by key, never by a figure."""
    return [index for index, line in enumerate(lines) if re.search(pattern, line)][n]


def theme_key(lines: list[str]) -> int:
    """The second key under 'theme:' in mkdocs.yml."""
    theme = nth_line(lines, r"^theme:\s*$")
    return [index for index in range(theme + 1, len(lines)) if re.match(r"^  [a-z_]+: \S", lines[index])][1]


# Each file: (its name in the messages, its text, the line to break).
FILES = {
    "mkdocs.yml": ("mkdocs.yml", CONFIG, theme_key),
    "organisation.yml": (ORGANISATION_FILE, ORGANISATION, lambda lines: nth_line(lines, r"^  email:")),
    "prices.yml": (DATA_FILE, PRICES, lambda lines: nth_line(lines, r"^\s*price:", 1)),
    "front matter": ("docs/hinnat.fi.md", PAGE, lambda lines: nth_line(lines, r"^  exclude:")),
}


def problem_of(name: str, text: str) -> Problem | None:
    """How each file is read in the build: the mistake as a Problem, or None."""
    source = FILES[name][0]
    if name == "mkdocs.yml":
        return staff_yaml.config_problem(text)
    if name == "front matter":
        return staff_yaml.front_matter(text, source)[1]
    if name == "organisation.yml":
        found = read_organisation(text, source)[1]
        return found[0] if found else None
    try:
        read_price_file(text, source)
    except StaffError as error:
        return error.problem
    return None


def tab(line: str) -> str:
    return "\t" + line.lstrip(" ")


def no_space(line: str) -> str:
    return line.replace(": ", ":", 1)


def one_space_too_many(line: str) -> str:
    return " " + line


# The same advice, in every file; {spaces} is the line's right indentation.
ADVICE = {
    tab: "rivin alussa on sarkain (tab). Sisennä vain välilyönneillä. Kirjoita rivin alkuun {spaces} välilyöntiä",
    no_space: "kaksoispisteen jälkeen puuttuu välilyönti. Kirjoita '{line}'.",
    one_space_too_many: "rivin sisennys on väärä. Rivin alussa on nyt {more} välilyöntiä, mutta siinä pitää olla {spaces}",
}


@pytest.mark.parametrize("mistake", list(ADVICE), ids=lambda mistake: mistake.__name__)
@pytest.mark.parametrize("name", list(FILES))
def test_the_same_mistake_gets_the_same_advice_in_every_file(name, mistake):
    source, text, target = FILES[name]
    lines = text.splitlines()
    index = target(lines)
    spaces = len(lines[index]) - len(lines[index].lstrip(" "))
    assert problem_of(name, text) is None, "the file is valid as it is"
    broken = lines[:index] + [mistake(lines[index])] + lines[index + 1 :]
    problem = problem_of(name, "\n".join(broken) + "\n")
    assert problem is not None, f"{mistake.__name__} in {name} was accepted"
    advice = ADVICE[mistake].format(spaces=spaces, more=spaces + 1, line=lines[index].strip())
    assert problem.file == source and problem.line == index + 1
    assert problem.finnish.startswith(f"{source}, rivi {index + 1}: {advice}"), problem.finnish
    assert problem.english.startswith(f"{source}, line ") and f"ine {index + 1} " in problem.english  # "On line 7", "Line 7"
    assert "In English: " in problem.message


def test_a_colon_in_a_menu_title_gets_the_staff_line_in_quotes():
    lines = CONFIG.splitlines()
    index = nth_line(lines, r"^nav:") + 1
    lines.insert(index, "  - Uutinen: uusi toimipiste: uutinen.md")
    problem = staff_yaml.config_problem("\n".join(lines) + "\n")
    assert problem.line == index + 1
    assert problem.finnish.startswith(f"mkdocs.yml, rivi {index + 1}: rivillä on todennäköisesti kaksoispiste (:) otsikon sisällä.")
    assert 'Kirjoita silloin otsikko lainausmerkkeihin: - "Uutinen: uusi toimipiste": uutinen.md' in problem.finnish
    assert "'nav_translations:'" in problem.finnish  # the real file has English titles: they need the quotes too
    assert "double quotes, as in '- \"Uutinen: uusi toimipiste\": uutinen.md'" in problem.english


def test_a_colon_in_a_value_is_quoted_in_the_front_matter_and_the_price_file():
    problem = staff_yaml.front_matter("---\ndescription: Hinnat: tukihenkilötoiminta\n---\n# Hinnat\n", "docs/a.fi.md")[1]
    assert problem.finnish.startswith("docs/a.fi.md, rivi 2: arvon sisällä on kaksoispiste (:).")
    assert 'kirjoita koko arvo lainausmerkkeihin: description: "Hinnat: tukihenkilötoiminta"' in problem.finnish
    assert "double quotes" in problem.english

    lines = PRICES.splitlines()
    index = nth_line(lines, r"^\s*fi: ", 0)
    lines[index] = lines[index].split("fi:")[0] + "fi: Tukihenkilö: ammatillinen"
    with pytest.raises(StaffError) as error:
        read_price_file("\n".join(lines) + "\n")
    assert f"rivi {index + 1}: arvon sisällä on kaksoispiste (:)" in error.value.problem.finnish
    assert 'fi: "Tukihenkilö: ammatillinen"' in error.value.problem.finnish


def test_a_colon_mend_is_given_only_if_the_mended_file_reads():
    problem = staff_yaml.config_problem("site_name: Metodi: uusi\nnav: [a\n")  # quoting mends line 1, not line 2
    assert problem is not None and "lainausmerkkeihin" not in problem.finnish
    assert staff_yaml.config_problem("site_name: Metodi: uusi\nnav: [a]\n").line == 1


def test_a_lost_dash_in_the_price_file_names_a_length_and_in_mkdocs_yml_an_item():
    lines = PRICES.splitlines()
    second = nth_line(lines, r"^\s*- minutes:", 1)
    lines[second] = lines[second].replace("- ", "  ", 1)
    with pytest.raises(StaffError) as error:
        read_price_file("\n".join(lines) + "\n")
    finnish = error.value.problem.finnish
    assert finnish.startswith(f"{DATA_FILE}, rivi {second + 1}: 'minutes' on kahdesti")
    assert f"Onko rivin {second + 1} alusta kadonnut '- '? Jokainen kesto alkaa omalla rivillään" in finnish
    assert "Älä poista riviä: silloin hinta katoaisi sivuilta." in finnish

    lines = CONFIG.splitlines()
    second = nth_line(lines, r"^\s*- media:", 1)
    lines[second] = lines[second].replace("- ", "  ", 1)
    problem = staff_yaml.config_problem("\n".join(lines) + "\n")
    assert problem.finnish.startswith(f"mkdocs.yml, rivi {second + 1}: 'media' on kahdesti")
    assert f"Onko rivin {second + 1} alusta kadonnut '- '? Jokainen luettelon kohta alkaa" in problem.finnish
    assert "Älä poista riviä: silloin tieto katoaisi." in problem.finnish


def test_a_lost_dash_that_breaks_the_syntax_is_named():
    lines = CONFIG.splitlines()
    index = nth_line(lines, r"^\s*- Hinnat: ")
    lines[index] = lines[index].replace("- ", "", 1)  # in line with the '- ' of the item above
    problem = staff_yaml.config_problem("\n".join(lines) + "\n")
    assert problem.finnish.startswith(f"mkdocs.yml, rivi {index + 1}: onko rivin alusta kadonnut '- '?"), problem.finnish
    assert f"kuten '- {lines[index].strip()}'" in problem.finnish


def test_a_key_twice_outside_a_list_is_keep_one():
    problem = staff_yaml.config_problem("site_name: a\nsite_name: b\n")
    assert problem.finnish == "mkdocs.yml, rivi 2: 'site_name' on kahdesti kohdassa tiedoston ylin taso. Poista toinen."


def test_mkdocs_own_tags_are_no_mistake():
    assert staff_yaml.config_problem("site_url: !ENV [SITE_URL, 'https://example.org/']\nnav:\n  - A: a.md\n") is None
    assert staff_yaml.config_problem(CONFIG) is None
    # A mend is checked with the tags in the file: the tab is still found and mended.
    text = "site_url: !ENV [SITE_URL, 'https://example.org/']\nnav:\n  - A: a.md\n\t- B: b.md\n"
    assert "Kirjoita rivin alkuun 2 välilyöntiä" in staff_yaml.config_problem(text).finnish


def test_an_empty_mkdocs_yml_is_named():
    assert staff_yaml.config_problem("\n", "mkdocs.yml").finnish.startswith("mkdocs.yml: tiedosto on tyhjä.")


def test_front_matter_is_read_with_the_page_lines():
    meta, problem = staff_yaml.front_matter(PAGE, "docs/hinnat.fi.md")
    assert problem is None and meta["description"].startswith("Hinnat") and meta["search"] == {"boost": "2", "exclude": "false"}
    assert staff_yaml.front_matter("# Otsikko\n", "docs/a.fi.md") == (None, None)
    assert staff_yaml.front_matter("---\n---\n# Otsikko\n", "docs/a.fi.md") == ({}, None)


def test_an_unclosed_front_matter_is_named_as_such():
    meta, problem = staff_yaml.front_matter("---\ndescription: Hinnat.\n\n# Hinnat\n\nTeksti.\n", "docs/hinnat.fi.md")
    assert meta is None and problem.line == 1
    assert problem.finnish.startswith("docs/hinnat.fi.md, rivi 1: sivun alussa olevat tiedot alkavat rivillä '---'")
    assert "ei ole suljettu" in problem.finnish and "kuvaus" not in problem.finnish
    assert "the opening section is not closed with '---'" in problem.english


def test_front_matter_that_is_not_key_value_lines():
    meta, problem = staff_yaml.front_matter("---\nSivun kuvaus.\n---\n", "docs/a.fi.md")
    assert meta is None and problem.finnish.startswith("docs/a.fi.md, rivi 2: ") and "'avain: arvo'" in problem.finnish


def test_the_reader_names_the_line_and_the_key():
    tree, lines = staff_yaml.read("a:\n  b:\n    c: 95,00 €\n", "x.yml")
    reader = staff_yaml.Reader("x.yml", lines)
    with pytest.raises(StaffError) as error:
        reader.number(tree["a"]["b"]["c"], ("a", "b", "c"), ("hinta", "price"), "70.00", "price")
    assert error.value.problem.line == 3
    assert error.value.problem.finnish.startswith("x.yml, rivi 3 (kohta 'a → b → c'): hinta '95,00 €' ei ole luku.")
    assert "Poista €-merkki ja kirjoita hinta muodossa 95.00." in error.value.problem.finnish
    with pytest.raises(StaffError) as error:
        reader.keys(tree["a"]["b"], ("a", "b"), ("d",))
    assert error.value.problem.finnish.startswith("x.yml, rivi 2 (kohta 'a → b'): 'd' puuttuu.")


def test_the_number_in_typed_text():
    assert staff_yaml.number_in_typed_text("95,00 €")[:2] == (Decimal("95.00"), True)
    assert staff_yaml.number_in_typed_text("noin 95")[2] == [("sana 'noin'", "the word 'noin'")]
    assert staff_yaml.number_in_typed_text("95.0.0")[0] is None
