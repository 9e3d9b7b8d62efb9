"""data/organisation.yml: the owner's facts in one file, checked, with honest interim words while a
fact is empty (issue 20). What a filled file does to the built site: tests/builds/test_organisation.py.

Layer: unit tests, no build.
"""

from __future__ import annotations

import re

import pytest

from harness import ROOT
from owner_facts import report
from website import organisation as org
from website.organisation import DATA_FILE, OWNER_FACTS, OWNER_QUESTIONS, read_organisation

TEXT = (ROOT / DATA_FILE).read_text(encoding="utf-8")


def with_value(key: str, value: str) -> str:
    """The real file with one top-level line set, e.g. business_id: "1234567-8"."""
    text, count = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value}", TEXT)
    assert count == 1, key
    return text


def test_the_real_file_reads_with_every_owner_fact_empty_until_the_owner_answers():
    organisation, problems = read_organisation(TEXT)
    assert problems == []
    assert organisation.name == "Metodi" and organisation.contact["name"] == "Toni Kataja"
    assert organisation.contact["phone"] == {"fi": "0400 578 743", "en": "+358 400 578 743"}
    assert organisation.contact["phone_uri"] == "+358400578743"
    # Nothing here is invented: the facts only the owner can give are still empty.
    assert organisation.missing() == list(OWNER_FACTS)


@pytest.mark.parametrize("business_id, valid", [
    ("0737546-2", True), ("1572860-0", True), ("2617416-4", True),  # real, from the public register (YTJ)
    ("0737546-3", False), ("1234567-2", False), ("123456-7", False), ("12345678", False), ("1234567 8", False),
])
def test_the_business_id_check_digit(business_id, valid):
    assert org.business_id_is_valid(business_id) is valid


def test_a_wrong_business_id_email_or_phone_is_named_with_its_line_in_finnish():
    lines = TEXT.splitlines()
    _, problems = read_organisation(with_value("business_id", '"1234567-2"').replace('legal_name: ""', 'legal_name: "Metodi Oy"'))
    [problem] = problems
    assert problem.file == DATA_FILE and problem.line == next(i for i, line in enumerate(lines) if line.startswith("business_id:")) + 1
    assert "'1234567-2' ei ole oikea Y-tunnus" in problem.finnish and "1234567-8" in problem.finnish
    _, problems = read_organisation(TEXT.replace("  phone: 0400 578 743", "  phone: 0400 57"))
    assert "ei ole suomalainen puhelinnumero" in problems[0].finnish
    _, problems = read_organisation(TEXT.replace("  email: toni.kataja@metodi.fi", "  email: toni.kataja@metodi"))
    assert "ei ole sähköpostiosoite" in problems[0].finnish


def test_every_mistake_of_the_file_at_once_and_a_typo_in_a_key():
    text = with_value("business_id", '"1234567-2"').replace('service_area:\n  fi: ""', 'service_area:\n  fi: "Turku"')
    text = text.replace("languages: []", "languages: [fi, xx]")
    _, problems = read_organisation(text)
    messages = " | ".join(problem.finnish for problem in problems)
    assert len(problems) == 3, messages  # the ID, the half-filled pair, the language
    assert "teksti puuttuu kieleltä 'en'" in messages and "'xx' ei ole kielikoodi" in messages
    # A mistake in the contact details does not hide the others (a staff trial: four mistakes, three named).
    text = with_value("business_id", '"1234567-2"').replace("  phone: 0400 578 743", "  phone: 0400 57")
    organisation, problems = read_organisation(text.replace("  email: toni.kataja@metodi.fi", "  email: x@metodi"))
    assert organisation is None
    assert sorted(problem.line for problem in problems) == sorted(
        next(index for index, line in enumerate(TEXT.splitlines()) if line.startswith(start)) + 1
        for start in ("business_id:", "  phone:", "  email:")
    ), [problem.finnish for problem in problems]
    _, problems = read_organisation(TEXT.replace("business_id:", "bussiness_id:"))
    assert "Tarkoititko 'business_id'?" in problems[0].finnish


def test_a_phone_number_written_internationally_shows_at_home_as_dialled_in_finland():
    forms, uri = org.phone_forms("+358 40 123 4567")
    assert forms == {"fi": "040 123 4567", "en": "+358 40 123 4567"} and uri == "+358401234567"
    assert org.phone_forms("+46 8 123 456 78") is None  # a Swedish number is not the contact's


def test_empty_facts_say_interim_words_and_filled_ones_show_in_both_languages():
    empty, _ = read_organisation(TEXT)
    assert org.fact_sentence(empty, "service_area", "fi") == "Kysy meiltä, toimimmeko sinun alueellasi."
    assert org.fact_sentence(empty, "languages", "en").startswith("Please also ask us which languages")
    assert org.fact_sentence(empty, "controller", "fi").startswith("Rekisterinpitäjä on Metodi.")
    assert "[" not in org.fact_sentence(empty, "self_monitoring_plan", "fi")  # no link to nowhere
    text = (with_value("legal_name", '"Metodi Oy"').replace('business_id: ""', 'business_id: "0737546-2"')
            .replace('address: ""', 'address: "Esimerkkikatu 1, 20100 Turku"').replace("languages: []", "languages: [fi, sv]"))
    filled, problems = read_organisation(text)
    assert problems == []
    assert org.fact_sentence(filled, "controller", "fi") == (
        "Rekisterinpitäjä on Metodi Oy, Y-tunnus 0737546-2, Esimerkkikatu 1, 20100 Turku.")
    assert org.fact_sentence(filled, "provider", "en") == (
        "Service provider: Metodi Oy, business ID 0737546-2, Esimerkkikatu 1, 20100 Turku.")
    assert org.fact_sentence(filled, "languages", "fi") == "Palvelemme näillä kielillä: suomi ja ruotsi."
    assert org.fact_sentence(filled, "languages", "en") == "We serve clients in Finnish and Swedish."
    assert set(filled.missing()) == set(OWNER_FACTS) - {"legal_name", "business_id", "address", "languages"}


def test_the_owner_command_lists_what_is_missing_with_its_question():
    text, code = report(*read_organisation(TEXT))
    assert code == 0 and f"puuttuu vielä {len(OWNER_FACTS)}/{len(OWNER_FACTS)}" in text
    assert "- business_id: Y-tunnus (OWNER-QUESTIONS.md, kysymys 5)" in text
    text, code = report(*read_organisation(TEXT.replace("  email: toni.kataja@metodi.fi", "  email: x")))
    assert code == 1 and "ei ole sähköpostiosoite" in text


def test_each_fact_names_a_question_of_the_owners_list_that_names_it_back():
    questions = (ROOT / "OWNER-QUESTIONS.md").read_text(encoding="utf-8")
    items = {int(match[1]): match[2] for match in re.finditer(r"(?ms)^(\d+)\. (.*?)(?=^\d+\. |\Z)", questions)}
    assert set(OWNER_QUESTIONS) == set(OWNER_FACTS)
    for key, number in OWNER_QUESTIONS.items():
        assert f"`{key}`" in items[number], f"OWNER-QUESTIONS.md question {number} does not name {key}"
