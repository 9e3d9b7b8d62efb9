"""File names, the menu and mkdocs.yml: mistakes that used to pass silently stop the build, in plain words.

Also the staff's build command: `dev.py build` hides MkDocs' progress lines and ends with one line
that says whether the site was built.

Layer: unit tests, no build.
"""

from __future__ import annotations

import pytest

from harness import ROOT
from website import staff_yaml, structure
from website.structure import nav_entries


def messages(problems) -> list[str]:
    return [problem.message for problem in problems]


def file_name_problems(paths):
    return messages(structure.file_name_problems(paths))


def pages_outside_menu(*args):
    return messages(structure.pages_outside_menu(*args))


def untranslated_menu_titles(*args):
    return messages(structure.untranslated_menu_titles(*args))


def config_problem(text):
    problem = staff_yaml.config_problem(text)
    return problem.message if problem else None

NAV = [
    {"Etusivu": "index.md"},
    {"Palvelut": [{"Hinnat": "hinnat.md"}, "yhteystiedot.md"]},
]


def never(path: str) -> bool:
    return False


@pytest.mark.parametrize(
    "path, suggestion",
    [("ryhmät.fi.md", "ryhmat"), ("uusi toimipiste.fi.md", "uusi-toimipiste"), ("Uutiset/talvi.fi.md", "uutiset")],
)
def test_file_names_outside_a_to_z_are_named_with_a_better_name(path, suggestion):
    errors = file_name_problems([path])
    assert len(errors) == 1
    assert errors[0].startswith(f"docs/{path}: ")
    assert f"'{suggestion}'" in errors[0]
    assert "pieniä kirjaimia a–z" in errors[0] and "In English: " in errors[0]


def test_good_file_names_pass_and_a_page_pair_is_reported_once():
    assert file_name_problems(["hinnat.fi.md", "toipumisorientaatio/elaman-tarkoitus.en.md", "a-1.fi.md"]) == []
    assert len(file_name_problems(["ryhmät.fi.md", "ryhmät.en.md"])) == 1


def test_nav_entries_walk_groups():
    assert nav_entries(NAV) == [
        ((), "Etusivu", "index.md"),
        ((), "Palvelut", None),
        (("Palvelut",), "Hinnat", "hinnat.md"),
        (("Palvelut",), None, "yhteystiedot.md"),
    ]


def test_a_page_missing_from_the_menu_is_reported_once_unless_left_out_on_purpose():
    pages = ["index.fi.md", "index.en.md", "hinnat.fi.md", "hinnat.en.md", "uusi.fi.md", "uusi.en.md",
             "yhteystiedot.fi.md", "yhteystiedot.en.md", "tietosuoja.fi.md", "tietosuoja.en.md"]
    errors = pages_outside_menu(pages, NAV, lambda path: path.startswith("tietosuoja."))
    assert len(errors) == 1
    assert errors[0].startswith("docs/uusi.fi.md: sivu ei ole valikossa")
    assert "uusi.md" in errors[0] and "not_in_nav" in errors[0]


def test_a_menu_title_without_an_english_title_is_reported_with_its_line():
    config_text = "site_name: x\nnav:\n  - Etusivu: index.md\n  - Palvelut:\n      - Hinnat: hinnat.md\n"
    errors = untranslated_menu_titles(NAV, {"Etusivu": "Home", "Palvelut": "Services"}, ("englanninkielinen", "English"), config_text)
    assert len(errors) == 1
    assert errors[0].startswith("mkdocs.yml, rivi 5: valikon otsikolta 'Hinnat' puuttuu englanninkielinen otsikko")
    assert "In English: mkdocs.yml, line 5: the menu title 'Hinnat' has no English title" in errors[0]
    assert untranslated_menu_titles(NAV, {"Etusivu": "Home", "Palvelut": "Services", "Hinnat": "Prices"}, ("", "")) == []


@pytest.mark.parametrize(
    "line, advice",
    [
        ("  - Uutinen: uusi toimipiste: uusi.md", "kaksoispiste (:) otsikon sisällä"),
        ("\t- Uusi: uusi.md", "rivin alussa on sarkain (tab). Sisennä vain välilyönneillä."),
        ("   - Uusi: uusi.md", "rivin sisennys on väärä."),
    ],
)
def test_a_broken_mkdocs_yml_gets_a_plain_message(line, advice):
    text = "site_name: x\nnav:\n  - Etusivu: index.md\n" + line + "\n  - Hinnat: hinnat.md\n"
    message = config_problem(text)
    assert message and message.startswith("mkdocs.yml, rivi "), message
    assert advice in message and "In English: mkdocs.yml, line " in message


def test_mkdocs_own_tags_are_not_mistakes():
    assert config_problem("site_url: !ENV [SITE_URL, 'https://example.org/']\nnav:\n  - A: a.md\n") is None
    assert config_problem((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) is None


def test_a_mistyped_menu_entry_is_named_with_its_line_and_no_second_entry_is_advised():
    pages = ["index.fi.md", "index.en.md", "uusi-toimipiste.fi.md", "uusi-toimipiste.en.md"]
    config_text = "site_name: x\nnav:\n  - Etusivu: index.md\n  - Uutinen: uusi-toimipite.md\n"
    typo = pages_outside_menu(pages, [{"Etusivu": "index.md"}, {"Uutinen": "uusi-toimipite.md"}], never, config_text)
    assert len(typo) == 1 and typo[0].startswith("mkdocs.yml, rivi 4: valikossa on sivu 'uusi-toimipite.md', jota ei ole.")
    assert "Korjaa valikon rivi muotoon 'uusi-toimipiste.md'" in typo[0] and "Lisää se" not in typo[0]
    language = pages_outside_menu(pages, [{"Etusivu": "index.md"}, {"Uutinen": "uusi-toimipiste.fi.md"}], never)
    assert "valikossa on sivu 'uusi-toimipiste.fi.md'" in language[0]


def test_a_menu_line_with_a_colon_gets_its_own_mended_line():
    text = "site_name: x\nnav:\n  - Etusivu: index.md\n  - Tiedote: kesän aukiolo: kesa.md\n"
    message = config_problem(text)
    assert "Kirjoita silloin otsikko lainausmerkkeihin: - \"Tiedote: kesän aukiolo\": kesa.md" in message, message
