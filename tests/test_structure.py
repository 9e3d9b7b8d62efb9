"""File names, the menu and mkdocs.yml: mistakes that used to pass silently stop the build, in plain words.

Also the staff's build command: `dev.py build` hides MkDocs' progress lines and ends with one line
that says whether the site was built.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from harness import ROOT, build_site
from structure import (
    config_error,
    file_name_errors,
    nav_entries,
    pages_outside_menu,
    untranslated_menu_titles,
)

NAV = [
    {"Etusivu": "index.md"},
    {"Palvelut": [{"Hinnat": "hinnat.md"}, "yhteystiedot.md"]},
]


def never(path: str) -> bool:
    return False


# --------------------------------------------------------------------------- pure functions


@pytest.mark.parametrize(
    "path, suggestion",
    [("ryhmät.fi.md", "ryhmat"), ("uusi toimipiste.fi.md", "uusi-toimipiste"), ("Uutiset/talvi.fi.md", "uutiset")],
)
def test_file_names_outside_a_to_z_are_named_with_a_better_name(path, suggestion):
    errors = file_name_errors([path])
    assert len(errors) == 1
    assert errors[0].startswith(f"docs/{path}: ")
    assert f"'{suggestion}'" in errors[0]
    assert "pieniä kirjaimia a–z" in errors[0] and "In English: " in errors[0]


def test_good_file_names_pass_and_a_page_pair_is_reported_once():
    assert file_name_errors(["hinnat.fi.md", "toipumisorientaatio/elaman-tarkoitus.en.md", "a-1.fi.md"]) == []
    assert len(file_name_errors(["ryhmät.fi.md", "ryhmät.en.md"])) == 1


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
        ("\t- Uusi: uusi.md", "sarkain (Tab)"),
        ("   - Uusi: uusi.md", "Tarkista sisennys"),
    ],
)
def test_a_broken_mkdocs_yml_gets_a_plain_message(line, advice):
    text = "site_name: x\nnav:\n  - Etusivu: index.md\n" + line + "\n  - Hinnat: hinnat.md\n"
    message = config_error(text)
    assert message and message.startswith("mkdocs.yml, rivi "), message
    assert advice in message and "In English: mkdocs.yml, line " in message


def test_mkdocs_own_tags_are_not_mistakes():
    assert config_error("site_url: !ENV [SITE_URL, 'https://example.org/']\nnav:\n  - A: a.md\n") is None
    assert config_error((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) is None


# --------------------------------------------------------------------------- real builds


def add_page_pair(project: Path, name: str) -> None:
    for language, title in (("fi", "Uusi sivu"), ("en", "A new page")):
        (project / "docs" / f"{name}.{language}.md").write_text(
            f"---\ndescription: {title}.\n---\n\n# {title}\n\nTeksti.\n", encoding="utf-8"
        )


def test_the_build_stops_on_a_page_outside_the_menu_and_on_a_bad_file_name(project_copy, tmp_path):
    add_page_pair(project_copy, "uusi-sivu")
    add_page_pair(project_copy, "ryhmät")
    build = build_site(tmp_path / "site", cwd=project_copy)
    assert build.returncode != 0
    assert "docs/uusi-sivu.fi.md: sivu ei ole valikossa" in build.output
    assert "docs/ryhmät.en.md: tiedoston nimessä 'ryhmät'" in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "site").exists()


def test_the_build_stops_on_a_menu_title_with_no_english_title(project_copy, tmp_path):
    add_page_pair(project_copy, "uusi-sivu")
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^nav:\n", 'nav:\n  - "Uutinen: uusi sivu": uusi-sivu.md\n', text, flags=re.MULTILINE), encoding="utf-8")
    build = build_site(tmp_path / "site", cwd=project_copy)
    assert build.returncode != 0
    assert "valikon otsikolta 'Uutinen: uusi sivu' puuttuu englanninkielinen otsikko" in build.output


def staff_build(project: Path, destination: Path, **environment: str) -> subprocess.CompletedProcess:
    """`dev.py build` in a project copy, with the real virtual environment linked in."""
    (project / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return subprocess.run(
        [sys.executable, "scripts/dev.py", "build", "--site-dir", str(destination)],
        cwd=project, capture_output=True, text=True, env={**os.environ, **environment},
    )


def test_the_staff_build_says_done_in_one_line_and_hides_the_noise(project_copy, tmp_path):
    result = staff_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert lines[-1].startswith("Valmis: sivusto rakennettu, ei virheitä."), lines
    assert not [line for line in lines if line.startswith("INFO") or "end of life" in line], lines


def test_the_staff_build_counts_the_problems_and_explains_mkdocs_yml(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^nav:\n", "nav:\n  - Uutinen: uusi sivu: uusi-sivu.md\n", text, flags=re.MULTILINE), encoding="utf-8")
    result = staff_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Kirjoita silloin otsikko lainausmerkkeihin" in output
    assert output.strip().splitlines()[-1].startswith("Ei valmis: 1 ongelma."), output
    assert "Traceback" not in output and "MkDocs encountered an error" not in output


def test_a_mistyped_menu_entry_is_named_with_its_line_and_no_second_entry_is_advised():
    pages = ["index.fi.md", "index.en.md", "uusi-toimipiste.fi.md", "uusi-toimipiste.en.md"]
    config_text = "site_name: x\nnav:\n  - Etusivu: index.md\n  - Uutinen: uusi-toimipite.md\n"
    typo = pages_outside_menu(pages, [{"Etusivu": "index.md"}, {"Uutinen": "uusi-toimipite.md"}], never, config_text)
    assert len(typo) == 1 and typo[0].startswith("mkdocs.yml, rivi 4: valikossa on sivu 'uusi-toimipite.md', jota ei ole.")
    assert "Korjaa valikon rivi muotoon 'uusi-toimipiste.md'" in typo[0] and "Lisää se" not in typo[0]
    language = pages_outside_menu(pages, [{"Etusivu": "index.md"}, {"Uutinen": "uusi-toimipiste.fi.md"}], never)
    assert "valikossa on sivu 'uusi-toimipiste.fi.md'" in language[0]


def test_on_github_each_staff_message_is_also_an_annotation_on_its_file(project_copy, tmp_path):
    add_page_pair(project_copy, "uusi-sivu")
    result = staff_build(project_copy, tmp_path / "site", GITHUB_ACTIONS="true")
    assert result.returncode != 0
    assert "::error file=docs/uusi-sivu.fi.md::docs/uusi-sivu.fi.md: sivu ei ole valikossa" in result.stdout, result.stdout


def test_a_new_page_with_several_problems_gets_them_all_in_one_build(project_copy, tmp_path):
    (project_copy / "docs" / "uusi-sivu.fi.md").write_text("---\ndescription: Uusi.\n---\n\n# Uusi\n", encoding="utf-8")
    build = build_site(tmp_path / "site", cwd=project_copy)
    assert build.returncode != 0
    assert "docs/uusi-sivu.fi.md: sivu ei ole valikossa" in build.output
    assert "docs/uusi-sivu.en.md puuttuu" in build.output


def test_a_menu_line_with_a_colon_gets_its_own_mended_line():
    text = "site_name: x\nnav:\n  - Etusivu: index.md\n  - Tiedote: kesän aukiolo: kesa.md\n"
    message = config_error(text)
    assert "Kirjoita silloin otsikko lainausmerkkeihin: - \"Tiedote: kesän aukiolo\": kesa.md" in message, message
