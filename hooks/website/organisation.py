"""``data/organisation.yml``: every fact about the business that the site shows, in one file.

The owner fills it in (through the CMS form "Yrityksen tiedot" or a pull request). A value left empty
stays empty: the pages then say honest interim words ("kysy meiltä …"), never a placeholder, and a
filled value shows wherever it is needed with no other edit. ``python3 scripts/dev.py owner`` lists
the facts still empty.

Where each fact shows:

- ``name``, ``contact``: the contact card, the buttons, the footer, the print colophon, security.txt;
- ``legal_name``, ``business_id``, ``address``: the footer, ``<!-- md:provider -->`` (the contact and
  purchasers' pages), ``<!-- md:controller -->`` (the privacy notice), the printed pages' running
  header and the structured data (``legalName``, ``taxID``, ``address``);
- the pending facts (``soteri_registration`` … ``price_includes``): ``<!-- md:fact KEY -->`` where a
  page needs one; ``languages`` also gives the structured data's ``availableLanguage``;
- ``reply_time``: under the call and e-mail buttons; ``phone_hours``: in the contact card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import phonenumbers
from babel import Locale

from . import staff_yaml
from .pages import LANGUAGES
from .problems import Problem, StaffError
from .shortcodes import Renderer, Shortcode, ShortcodeError

DATA_FILE = "data/organisation.yml"
SHORTCODE_NAMES = ("fact", "provider", "controller")

IDENTITY = ("legal_name", "business_id", "address")
#: Facts in both languages: each is a pair of texts, 'fi' and 'en', both filled or both empty.
PER_LANGUAGE = ("service_area", "phone_hours", "reply_time", "cancellation", "price_includes")
PENDING = ("soteri_registration", "self_monitoring_plan", "service_area", "languages", "phone_hours",
           "reply_time", "cancellation", "price_includes")
#: Every fact only the owner can give.
OWNER_FACTS = (*IDENTITY, *PENDING)
#: The question of the owner's list (OWNER-QUESTIONS.md) that each fact answers.
OWNER_QUESTIONS = {
    "legal_name": 5, "business_id": 5, "address": 5, "service_area": 5,
    "soteri_registration": 2, "self_monitoring_plan": 2,
    "price_includes": 10, "languages": 23, "phone_hours": 24, "reply_time": 24, "cancellation": 32,
}
KEYS = ("name", *IDENTITY, "contact", *PENDING)
CONTACT_KEYS = ("name", "role", "phone", "email")

BUSINESS_ID = re.compile(r"(\d{7})-(\d)")
BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")

#: What each fact is called in the owner's list and in `dev.py owner` (Finnish, English).
TITLES = {
    "legal_name": ("virallinen nimi ja yhtiömuoto", "legal name and company form"),
    "business_id": ("Y-tunnus", "business ID"),
    "address": ("postiosoite", "postal address"),
    "soteri_registration": ("Soteri-rekisteröinti", "Soteri registration"),
    "self_monitoring_plan": ("omavalvontasuunnitelman osoite", "address of the self-monitoring plan"),
    "service_area": ("toiminta-alue", "service area"),
    "languages": ("palvelun kielet", "languages of service"),
    "phone_hours": ("puhelinaika", "phone hours"),
    "reply_time": ("vastausaika", "reply time"),
    "cancellation": ("tapaamisen perumisen ehto", "rule for cancelling a meeting"),
    "price_includes": ("mitä hinta sisältää", "what the price includes"),
}

# The sentence each fact makes on a page: {value} is the owner's text. "interim" is what the page
# says while the fact is empty: honest, inventing nothing (the 2026-12-01 reviews' wording).
SENTENCES = {
    "fi": {
        "service_area": ("Toimimme alueella: {value}.", "Kysy meiltä, toimimmeko sinun alueellasi."),
        "languages": ("Palvelemme näillä kielillä: {value}.",
                      "Kysy myös, millä kielillä valmentajamme ja tukihenkilömme voivat työskennellä."),
        "phone_hours": ("Puhelinaika: {value}.", ""),
        "reply_time": ("Vastaamme {value}.", ""),
        "cancellation": ("{value}", "Kysy meiltä, miten tapaamisen voi perua."),
        "price_includes": ("{value}", "Mahdollisista lisäkuluista, kuten matkoista tai pääsymaksuista, "
                                      "sovitaan erikseen: kysy meiltä."),
        "soteri_registration": (
            "Metodi on sosiaali- ja terveydenhuollon palveluntuottajien rekisterissä (Soteri): {value}.",
            "Kysy meiltä Soteri-rekisteröinnistä ja omavalvontasuunnitelmasta.",
        ),
        "self_monitoring_plan": ("Omavalvontasuunnitelma on luettavissa: [omavalvontasuunnitelma]({value}).", ""),
        "provider": ("Palveluntuottaja: {value}.",
                     "Yrityksen virallisen nimen, Y-tunnuksen ja osoitteen saat yhteyshenkilöltämme."),
        "controller": ("Rekisterinpitäjä on {value}.",
                       "Rekisterinpitäjä on Metodi. Yrityksen virallisen nimen, Y-tunnuksen ja osoitteen saat "
                       "yhteyshenkilöltämme."),
        "business_id": "Y-tunnus {value}",
    },
    "en": {
        "service_area": ("We work in {value}.", "Ask us whether we work in your area."),
        "languages": ("We serve clients in {value}.",
                      "Please also ask us which languages our coaches and support persons can work in."),
        "phone_hours": ("Phone hours: {value}.", ""),
        "reply_time": ("We reply {value}.", ""),
        "cancellation": ("{value}", "Ask us how to cancel a meeting."),
        "price_includes": ("{value}", "Any extra costs, such as travel or entrance fees, are agreed separately: ask us."),
        "soteri_registration": (
            "Metodi is in the register of social and health service providers (Soteri): {value}.",
            "Ask us about the Soteri registration and the self-monitoring plan.",
        ),
        "self_monitoring_plan": ("You can read our [self-monitoring plan]({value}).", ""),
        "provider": ("Service provider: {value}.",
                     "Ask our contact person for the company's legal name, business ID and address."),
        "controller": ("The controller is {value}.",
                       "The controller is Metodi. Ask our contact person for the company's legal name, business "
                       "ID and address."),
        "business_id": "business ID {value}",
    },
}


@dataclass(frozen=True)
class Organisation:
    """The checked facts; an empty text or list is a fact not yet given."""

    name: str
    contact: dict  # name, role {fi, en}, phone {fi, en} as shown, phone_uri, email, organisation
    legal_name: str = ""
    business_id: str = ""
    address: str = ""
    soteri_registration: str = ""
    self_monitoring_plan: str = ""
    languages: tuple[str, ...] = ()
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # the per-language facts

    def value(self, key: str, language: str = "fi") -> str:
        if key in PER_LANGUAGE:
            return self.texts.get(key, {}).get(language, "")
        if key == "languages":
            return language_names(self.languages, language)
        return str(getattr(self, key))

    def missing(self) -> list[str]:
        """The owner's facts still empty."""
        return [key for key in OWNER_FACTS if not self.value(key)]

    def identification(self, language: str) -> str:
        """'Metodi Oy, Y-tunnus 1234567-8, Katu 1, 20100 Turku': as much as is known, or ''."""
        if not self.legal_name:
            return ""
        parts = [self.legal_name]
        if self.business_id:
            parts.append(SENTENCES[language]["business_id"].format(value=self.business_id))
        if self.address:
            parts.append(self.address)
        return ", ".join(parts)


def language_names(codes: tuple[str, ...], language: str) -> str:
    """['fi', 'sv'] as 'suomi ja ruotsi' / 'Finnish and Swedish' (Babel's names in the page's language)."""
    locale = Locale.parse(language)
    names = [locale.languages.get(code, code) for code in codes]
    if language == "en":
        names = [name[:1].upper() + name[1:] for name in names]
    if len(names) < 2:
        return "".join(names)
    joiner = " ja " if language == "fi" else " and "
    return ", ".join(names[:-1]) + joiner + names[-1]


def business_id_is_valid(value: str) -> bool:
    """A Y-tunnus: seven digits, a hyphen and the check digit (weights 7, 9, 10, 5, 8, 4, 2; mod 11)."""
    match = BUSINESS_ID.fullmatch(value)
    if not match:
        return False
    remainder = sum(int(digit) * weight for digit, weight in zip(match[1], BUSINESS_ID_WEIGHTS)) % 11
    if remainder == 1:
        return False
    return int(match[2]) == (0 if remainder == 0 else 11 - remainder)


def phone_forms(typed: str) -> tuple[dict[str, str], str] | None:
    """The number as people read it (in Finnish as dialled at home, in English as dialled from abroad)
    and for tel: links, or None if it is not a Finnish phone number."""
    shown = " ".join(typed.split())
    try:
        number = phonenumbers.parse(shown, "FI")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number) or number.country_code != 358:
        return None
    uri = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if shown.startswith("+358"):
        international = shown
        domestic = "0" + shown[4:].lstrip()
    else:
        domestic = shown
        international = "+358 " + shown[1:] if shown.startswith("0") else shown
    return {"fi": domestic, "en": international}, uri


class OrganisationReader(staff_yaml.Reader):
    """Checks every fact and keeps going, so that one build names every mistake in the file."""

    def __init__(self, source: str, lines: staff_yaml.Lines, docs_dir: Path | None = None):
        super().__init__(source, lines)
        self.docs_dir = docs_dir
        self.problems: list[Problem] = []

    def note(self, path: tuple, finnish: str, english: str) -> None:
        self.problems.append(self.fail(path, finnish, english).problem)

    def optional_text(self, tree: dict, key: str) -> str:
        value = tree.get(key)
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            self.note((key,), "tähän kuuluu yksi teksti samalle riville (tai tyhjä, jos tietoa ei vielä ole).",
                      "expected one text on this line (or nothing, if the fact is not known yet).")
            return ""
        return " ".join(value.split())

    def pair(self, tree: dict, key: str) -> dict[str, str]:
        value = tree.get(key)
        if value in (None, ""):
            return {language: "" for language in LANGUAGES}
        if not isinstance(value, dict):
            self.note((key,), "tähän kuuluu kaksi riviä, 'fi:' ja 'en:', kumpikin oman tekstinsä kanssa.",
                      "expected two lines here, 'fi:' and 'en:', each with its text.")
            return {language: "" for language in LANGUAGES}
        texts = {language: " ".join(str(value.get(language) or "").split()) for language in LANGUAGES}
        if any(texts.values()) and not all(texts.values()):
            empty = next(language for language in LANGUAGES if not texts[language])
            self.note((key, empty),
                      f"teksti puuttuu kieleltä '{empty}'. Kirjoita tieto molemmille kielille (fi ja en), tai jätä "
                      "molemmat tyhjiksi, niin sivuilla lukee siihen asti 'kysy meiltä'.",
                      f"the text in '{empty}' is missing. Write the fact in both languages, or leave both empty.")
            return {language: "" for language in LANGUAGES}
        return texts

    def organisation(self, tree: Any, project: Path | None = None) -> Organisation | None:
        try:
            self.keys(tree, (), ("name", "contact"), tuple(key for key in KEYS if key not in ("name", "contact")))
            name = self.text(tree["name"], ("name",))
        except StaffError as error:
            self.problems.append(error.problem)
            return None
        try:
            contact = self.contact(tree["contact"], name)
        except StaffError as error:  # the other facts are still checked: every mistake in one build
            self.problems.append(error.problem)
            contact = None
        business_id = self.optional_text(tree, "business_id")
        if business_id and not business_id_is_valid(business_id):
            self.note(("business_id",),
                      f"'{business_id}' ei ole oikea Y-tunnus. Y-tunnus on seitsemän numeroa, väliviiva ja "
                      "tarkistusnumero, esimerkiksi 1234567-8: tarkista se Yritys- ja yhteisötietojärjestelmästä "
                      "(YTJ) ja kirjoita se tähän samassa muodossa.",
                      f"'{business_id}' is not a valid business ID (seven digits, a hyphen and a check digit, "
                      "such as 1234567-8). Check it in the Finnish business register and copy it exactly.")
            business_id = ""
        legal_name = self.optional_text(tree, "legal_name")
        if business_id and not legal_name:
            self.note(("legal_name",), "Y-tunnus on annettu, mutta yrityksen virallinen nimi puuttuu. Lisää se "
                      "kohtaan legal_name (esimerkiksi nimi ja yhtiömuoto).",
                      "the business ID is given but the legal name is missing. Add it under legal_name.")
        plan = self.optional_text(tree, "self_monitoring_plan")
        if plan and not self.address_works(plan):
            self.note(("self_monitoring_plan",),
                      f"'{plan}' ei ole verkko-osoite. Kirjoita omavalvontasuunnitelman osoite kokonaan, alkaen "
                      "https://, tai sivuston oman tiedoston polku, alkaen /, esimerkiksi /assets/omavalvonta.pdf "
                      "(tiedosto kansioon docs/assets/).",
                      f"'{plan}' is not an address. Write the plan's full address starting with https://, or "
                      "the path of a file in the site starting with / (the file goes in docs/assets/).")
            plan = ""
        texts = {key: self.pair(tree, key) for key in PER_LANGUAGE}
        languages = self.languages(tree.get("languages"))
        if contact is None:
            return None
        # The contact card shows the phone hours and the buttons the reply time.
        contact |= {"phone_hours": texts["phone_hours"], "reply_time": texts["reply_time"]}
        return Organisation(
            name=name,
            contact=contact,
            legal_name=legal_name,
            business_id=business_id,
            address=self.optional_text(tree, "address"),
            soteri_registration=self.optional_text(tree, "soteri_registration"),
            self_monitoring_plan=plan,
            languages=languages,
            texts=texts,
        )

    def address_works(self, address: str) -> bool:
        if address.startswith("https://"):
            return " " not in address
        if address.startswith("/") and self.docs_dir is not None:
            return (self.docs_dir / address.lstrip("/")).is_file()
        return False

    def contact(self, value: Any, organisation_name: str) -> dict | None:
        path = ("contact",)
        self.keys(value, path, CONTACT_KEYS)
        name = self.text(value["name"], path + ("name",))
        role = value["role"]
        self.keys(role, path + ("role",), LANGUAGES)
        roles = {language: self.text(role[language], path + ("role", language)) for language in LANGUAGES}
        typed = self.text(value["phone"], path + ("phone",))
        forms = phone_forms(typed)
        if forms is None:
            self.note(path + ("phone",),
                            f"'{typed}' ei ole suomalainen puhelinnumero. Kirjoita numero niin kuin se soitetaan "
                            "Suomesta, esimerkiksi 0400 578 743, tai kansainvälisesti, esimerkiksi +358 400 578 743.",
                            f"'{typed}' is not a Finnish phone number. Write it as dialled in Finland, such as "
                            "0400 578 743, or internationally, such as +358 400 578 743.")
        email = self.text(value["email"], path + ("email",))
        if not EMAIL.fullmatch(email):
            self.note(path + ("email",),
                            f"'{email}' ei ole sähköpostiosoite. Kirjoita se muodossa nimi@metodi.fi, ilman "
                            "välilyöntejä ja ilman sanaa mailto.",
                            f"'{email}' is not an e-mail address. Write it as name@metodi.fi, with no spaces.")
        if forms is None or not EMAIL.fullmatch(email):
            return None  # both mistakes are noted; nothing is shown from half-checked details
        shown, uri = forms
        return {"organisation": organisation_name, "name": name, "role": roles, "phone": shown, "phone_uri": uri,
                "email": email}

    def languages(self, value: Any) -> tuple[str, ...]:
        if value in (None, "", []):
            return ()
        if not isinstance(value, list):
            self.note(("languages",), "tähän kuuluu luettelo kielikoodeista, jokainen omalla rivillään merkeillä "
                      "'- ', esimerkiksi '- fi' ja '- sv'.", "expected a list of language codes, such as '- fi'.")
            return ()
        codes = []
        known = Locale.parse("fi").languages
        for index, code in enumerate(value):
            code = str(code).strip().lower()
            if code not in known or len(code) > 3:
                self.note(("languages", index),
                          f"'{code}' ei ole kielikoodi. Kirjoita kieli kahdella kirjaimella: fi (suomi), sv "
                          "(ruotsi), en (englanti).",
                          f"'{code}' is not a language code. Use two letters: fi, sv, en.")
                continue
            codes.append(code)
        return tuple(codes)


def read_organisation(text: str, source: str = DATA_FILE, docs_dir: Path | None = None) -> tuple[Organisation | None, list[Problem]]:
    """The checked facts (None if the contact details cannot be used) and every mistake found."""
    try:
        tree, lines = staff_yaml.read(text, source)
    except StaffError as error:
        return None, [error.problem]
    if tree is None:
        return None, [Problem(source, None, f"{source} on tyhjä. Palauta sen sisältö gitistä.",
                              f"{source} is empty. Restore its contents from git.")]
    reader = OrganisationReader(source, lines, docs_dir)
    organisation = reader.organisation(tree)
    return organisation, reader.problems


def load_organisation(project: Path, docs_dir: Path | None = None) -> tuple[Organisation | None, list[Problem]]:
    path = project / DATA_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(DATA_FILE, None,
                              f"{DATA_FILE} puuttuu. Yhteystiedot ja yrityksen tiedot tulevat siitä: palauta se gitistä.",
                              f"{DATA_FILE} is missing. The contact details come from it: restore it from git.")]
    return read_organisation(text, DATA_FILE, docs_dir)


# --------------------------------------------------------------------------- on the pages


def fact_sentence(organisation: Organisation, key: str, language: str) -> str:
    """The fact in a sentence, or the interim words while it is empty ('' where none are needed)."""
    filled, interim = SENTENCES[language][key]
    if key == "provider" or key == "controller":
        value = organisation.identification(language)
    else:
        value = organisation.value(key, language)
    return filled.format(value=value) if value else interim


FACT_NAMES = tuple(key for key in SENTENCES["fi"] if key not in ("provider", "controller", "business_id"))


def renderers(organisation: Organisation, language: str) -> dict[str, Renderer]:
    def fact(code: Shortcode) -> str:
        if len(code.args) != 1 or code.args[0] not in FACT_NAMES:
            known = ", ".join(FACT_NAMES)
            raise ShortcodeError(
                f"<!-- md:fact --> tarvitsee yhden tiedon nimen tiedostosta {DATA_FILE}, esimerkiksi "
                f"<!-- md:fact service_area -->. Tiedot: {known}.",
                f"<!-- md:fact --> needs one fact's name from {DATA_FILE}, such as <!-- md:fact service_area -->: {known}.",
            )
        return fact_sentence(organisation, code.args[0], language)

    return {
        "fact": fact,
        "provider": lambda code: fact_sentence(organisation, "provider", language),
        "controller": lambda code: fact_sentence(organisation, "controller", language),
    }
