"""File names, the menu and mkdocs.yml: mistakes that used to pass silently stop the build, in plain
words: the parts that build their own copy of the project (the rest, and what is checked and why:
tests/unit/test_structure.py).

Layer: each test builds its own copy of the project.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from harness import build_site, python_environment


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
    """`dev.py build` in a project copy, with the environment running the tests linked in as its .venv/."""
    if not (project / ".venv").exists():
        (project / ".venv").symlink_to(python_environment(), target_is_directory=True)
    return subprocess.run(
        [sys.executable, "scripts/dev.py", "build", "--site-dir", str(destination)],
        cwd=project, capture_output=True, text=True, env={**os.environ, **environment},
    )


def test_the_staff_build_says_done_in_one_line_and_hides_the_noise(project_copy, tmp_path):
    result = staff_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert lines[-2].startswith("Valmis: sivusto rakennettu, ei virheitä."), lines
    # Last, what visitors see today: the VAT rate in force and the next dated change, from the price file.
    assert re.fullmatch(r"Alv on nyt \d+(,\d+)?\u00a0%\. (Seuraava muutos \d+\.\d+\.\d{4}: .+\.|Hintatiedostossa ei ole tulevia muutoksia\.)", lines[-1]), lines
    assert not [line for line in lines if line.startswith("INFO") or "end of life" in line], lines


def test_the_staff_build_names_the_next_dated_change(project_copy, tmp_path):
    prices = project_copy / "data" / "prices.yml"
    text = prices.read_text(encoding="utf-8")
    rows = re.findall(r"^(\s*)- rate:.*\n\s*from:.*\n", text, flags=re.MULTILINE)
    last = list(re.finditer(r"^\s*- rate:.*\n\s*from:.*\n", text, flags=re.MULTILINE))[-1]
    prices.write_text(text[: last.end()] + f"{rows[-1]}- rate: 26\n{rows[-1]}  from: 2099-01-01\n" + text[last.end() :], encoding="utf-8")
    result = staff_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].endswith("Seuraava muutos 1.1.2099: alv 26\u00a0%."), result.stdout


def test_a_seventh_top_level_entry_and_a_misindented_translation_stop_with_finnish_messages(project_copy, tmp_path):
    add_page_pair(project_copy, "uusi-sivu")
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^nav:\n", "nav:\n  - Uusi sivu: uusi-sivu.md\n", text, flags=re.MULTILINE)
    # As staff add them: at the end of the menu's translations.
    text = text.replace("            Yhteystiedot: Contact\n", "            Yhteystiedot: Contact\n            Uusi sivu: New\n            Toinen: Other\n")
    config.write_text(text.replace("  - Yhteystiedot: yhteystiedot.md\n", "  - Yhteystiedot: yhteystiedot.md\n  - Toinen: tietosuoja.md\n"), encoding="utf-8")
    result = staff_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "valikon ylätasolla on 7 kohtaa, mutta niitä mahtuu selkeästi puhelimen valikkoon enintään 6." in result.stdout, result.stdout
    misindented = text.replace("            Toinen: Other\n", "          Toinen: Other\n")  # the trial's N4
    config.write_text(misindented, encoding="utf-8")
    result = staff_build(project_copy, tmp_path / "site2")
    output = result.stdout + result.stderr
    assert "valikon otsikon 'Toinen' käännös on sisennetty väärin" in output and "Kirjoita rivin alkuun 12 välilyöntiä" in output
    assert "Config value" not in output.split("In English")[0], output
    assert output.strip().splitlines()[-1].startswith("Ei valmis: 1 ongelma."), output


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
