"""The privacy notice, the accessibility statement and the guide's framing, read from the strict build.

What these pages may say is limited by what is known (shared/FACTS.md, the content review items 6–11,
20–21, 25–26, 53, 55): the host (GitHub Pages) is named with its own processing and the transfer
outside the EU/EEA; enquiries by email and phone have their own section; the accessibility statement
says "partially" until a screen-reader test and a full manual evaluation have been done, and both
languages name the same kinds of checks; the guide says whom it was written for and credits its
source; questions only the owner can answer are listed in OWNER-QUESTIONS.md, permission for the
guide first.

HTML is read with the standard library only, and only the page's own <article> is looked at.

Layer: the shared strict build.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from harness import LANGUAGE_PREFIXES as PREFIX
from website.pages import LANGUAGES
GITHUB_PRIVACY = "https://docs.github.com/en/site-policy/privacy-policies/github-general-privacy-statement"


class Page(HTMLParser):
    """The meta description, the skip link and the <article>: its text, headings with ids, links and
    the text of each section (from one heading to the next)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.description = ""
        self.skip_link = ""
        self.text: list[str] = []
        self.headings: list[tuple[str, str | None, str]] = []  # (tag, id, text)
        self.links: list[str] = []
        self.sections: dict[str, list[str]] = {}
        self.blocks: dict[str, list[str]] = {}  # per section: the tags of its paragraphs and list items
        self._article = 0
        self._in_skip = False
        self._skip_text: list[str] = []
        self._heading: list | None = None
        self._section: list[str] | None = None
        self._section_id = ""
        self._ignored = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content") or ""
        if tag == "a" and "md-skip" in (attributes.get("class") or "").split():
            self._in_skip = True
        if tag == "article":
            self._article += 1
        if not self._article:
            return
        if tag in {"script", "style", "svg"}:
            self._ignored += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, attributes.get("id"), []]
        elif tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in {"p", "li"} and self._section is not None:
            self.blocks[self._section_id].append(tag)

    def handle_endtag(self, tag):
        if tag == "a" and self._in_skip:
            self._in_skip = False
            self.skip_link = squash("".join(self._skip_text))
        if not self._article:
            return
        if tag == "article":
            self._article -= 1
        elif tag in {"script", "style", "svg"}:
            self._ignored = max(0, self._ignored - 1)
        elif self._heading is not None and tag == self._heading[0]:
            level, heading_id, parts = self._heading
            self.headings.append((level, heading_id, squash("".join(parts))))
            self._section_id = heading_id or ""
            self._section = self.sections.setdefault(self._section_id, [])
            self.blocks.setdefault(self._section_id, [])
            self._heading = None

    def handle_data(self, data):
        if self._in_skip:
            self._skip_text.append(data)
        if not self._article or self._ignored:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading[2].append(data)
        elif self._section is not None:
            self._section.append(data)

    @property
    def article_text(self) -> str:
        return squash("".join(self.text))

    def section(self, heading_id: str) -> str:
        assert heading_id in self.sections, f"no heading with id {heading_id!r}: {[h[1] for h in self.headings]}"
        return squash("".join(self.sections[heading_id]))

    @property
    def heading_ids(self) -> list[str | None]:
        return [heading_id for _, heading_id, _ in self.headings]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]


@pytest.fixture(scope="module")
def page(built_site):
    cache: dict[tuple[str, str], Page] = {}

    def read(slug: str, language: str) -> Page:
        key = (slug, language)
        if key not in cache:
            path = built_site / PREFIX[language] / slug / "index.html"
            assert path.is_file(), f"{path} was not built"
            parsed = Page()
            parsed.feed(path.read_text(encoding="utf-8"))
            parsed.close()
            cache[key] = parsed
        return cache[key]

    return read


def assert_says(text: str, phrases, where: str) -> None:
    lowered = text.lower()
    missing = [phrase for phrase in phrases if phrase.lower() not in lowered]
    assert not missing, f"{where} does not say {missing}"


HOST = {
    "fi": ["GitHub Pages", "GitHub, Inc.", "Yhdysvallat", "IP-osoit", "EU:n ja ETA:n ulkopuolelle",
           "Data Privacy Framework", "6 artiklan 1 kohdan f"],
    "en": ["GitHub Pages", "GitHub, Inc.", "USA", "IP address", "outside the EU and the EEA",
           "Data Privacy Framework", "Article 6(1)(f)"],
}
NO_THIRD_PARTIES = ("kolmansien osapuolten", "third-party services")


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_notice_names_github_pages_as_the_host(page, language):
    notice = page("tietosuoja", language)
    assert_says(notice.section("lokitiedot"), HOST[language], f"the hosting section ({language})")
    assert GITHUB_PRIVACY in notice.links, "no link to GitHub's privacy statement"
    assert "GitHub" in notice.description, "the description should say where the site is published"


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_notice_does_not_deny_third_parties(page, language):
    notice = page("tietosuoja", language)
    for where, text in (("description", notice.description), ("page", notice.article_text)):
        for phrase in NO_THIRD_PARTIES:
            assert phrase not in text.lower(), (
                f"the {where} says {phrase!r}, but GitHub hosts the site and collects visitors' IP addresses"
            )


ENQUIRIES = {
    "fi": ["sähköpost", "puhelin", "6 artiklan 1 kohdan b", "6 artiklan 1 kohdan f", "terveystietoja"],
    "en": ["email", "phone", "Article 6(1)(b)", "Article 6(1)(f)", "health information"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_notice_has_a_section_on_enquiries(page, language):
    notice = page("tietosuoja", language)
    assert "yhteydenotot" in notice.heading_ids, "no section on enquiries by email and phone"
    assert_says(notice.section("yhteydenotot"), ENQUIRIES[language], f"the enquiries section ({language})")


# Content review 2 M11: what people say in enquiries may include health and children's data; and in a
# service a county buys, the county is normally the controller of the client records (FACTS.md).
SENSITIVE = {
    "fi": ["lapsesi tilanteesta", "arkaluonteisia", "vain sen, mikä on välttämätöntä", "poistamme",
           "rekisterinpitäjä on yleensä hyvinvointialue", "sen puolesta"],
    "en": ["your child's situation", "sensitive", "only what we need", "delete",
           "the county is normally the controller", "on the county's behalf"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_notice_covers_sensitive_enquiries_and_county_client_records(page, language):
    notice = page("tietosuoja", language)
    assert_says(notice.section("yhteydenotot"), SENSITIVE[language], f"the enquiries section ({language})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_notice_names_the_controller_without_placeholders(page, language):
    notice = page("tietosuoja", language)
    controller = notice.section("rekisterinpitaja")
    assert "Metodi" in controller
    assert any(href.startswith("mailto:") for href in notice.links), "no email link for privacy questions"
    placeholders = re.findall(r"\[[^\]]*\]|\bX+\b|\.\.\.|…", notice.article_text)
    assert not placeholders, f"placeholders on the privacy notice: {placeholders}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_notice_names_the_supervisory_authority(page, language):
    notice = page("tietosuoja", language)
    name = "tietosuojavaltuutetun toimisto" if language == "fi" else "Office of the Data Protection Ombudsman"
    assert_says(notice.section("valitus"), [name], f"the complaints section ({language})")
    assert any(href.startswith("https://tietosuoja.fi/") for href in notice.links)


def test_both_privacy_notices_have_the_same_sections(page):
    # The H1's id follows its wording; the sections below it share their ids across the languages.
    fi, en = page("tietosuoja", "fi"), page("tietosuoja", "en")
    assert fi.heading_ids[1:] == en.heading_ids[1:]
    for heading_id in fi.heading_ids[1:]:
        assert fi.blocks[heading_id] == en.blocks[heading_id], f"section {heading_id!r} differs between the languages"


PARTIAL = {"fi": "osittain", "en": "partially"}
# Words with which a sentence would claim conformance.
CLAIMS = {"fi": ("täyttää", "noudatamme", "noudattaa"), "en": ("meets", "conforms", "complies", "follow")}
CHECKS = {
    "fi": ["axe-core", "HTML_CodeSniffer", "Nu Html Checker", "näppäimistö", "320 pikselin", "kuvakaappauks"],
    "en": ["axe-core", "HTML_CodeSniffer", "Nu Html Checker", "keyboard", "320 px", "screenshots"],
}
NO_SCREEN_READER = {"fi": "ei ole testattu ruudunlukijalla", "en": "not been tested with a screen reader"}
NO_FULL_AUDIT = {"fi": "arvioitu kattavasti käsin", "en": "full manual evaluation"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_says_partially_and_claims_no_full_conformance(page, language):
    statement = page("saavutettavuusseloste", language)
    assert PARTIAL[language] in statement.section("tila")
    for text in (statement.description, statement.article_text):
        for sentence in sentences(text):
            if "WCAG" in sentence and any(claim in sentence.lower() for claim in CLAIMS[language]):
                assert PARTIAL[language] in sentence.lower(), f"a full-conformance claim: {sentence!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_names_the_checks_and_the_gaps(page, language):
    statement = page("saavutettavuusseloste", language)
    assert_says(statement.section("puutteet"), [NO_SCREEN_READER[language], NO_FULL_AUDIT[language]],
                f"the known shortcomings ({language})")
    checks = " ".join(statement.section(heading_id) for heading_id in statement.heading_ids
                      if heading_id in {"testaus", "automaattiset-testit", "nappaimistotestit", "mukautuvuus",
                                        "kuvakaappaukset"})
    assert_says(checks, CHECKS[language], f"the evaluation section ({language})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_names_the_real_skip_link(page, language):
    statement = page("saavutettavuusseloste", language)
    assert statement.skip_link, "the page has no skip link"
    assert statement.skip_link in statement.section("nappaimistotestit"), (
        f"the keyboard tests should name the skip link as the site shows it: {statement.skip_link!r}"
    )


def test_both_accessibility_statements_have_the_same_structure(page):
    fi, en = page("saavutettavuusseloste", "fi"), page("saavutettavuusseloste", "en")
    assert fi.heading_ids[1:] == en.heading_ids[1:], "the two languages should have the same sections"
    for heading_id in fi.heading_ids[1:]:
        # The same paragraphs and list items in the same order: one language has nothing the other lacks.
        assert fi.blocks[heading_id] == en.blocks[heading_id], (
            f"section {heading_id!r}: Finnish {fi.blocks[heading_id]}, English {en.blocks[heading_id]}"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_gives_the_right_reason_the_act_does_not_apply(page, language):
    statement = page("saavutettavuusseloste", language)
    text = statement.section("valvontaviranomainen")
    assert "306/2019" in text and "Traficom" in text
    assert_says(text, ["yksityinen yritys" if language == "fi" else "private company"], "the supervision section")
    assert ("mikroyritys" if language == "fi" else "micro-enterprise") not in statement.article_text.lower()


@pytest.mark.parametrize("language", LANGUAGES)
def test_accessibility_statement_has_no_tallies(page, language):
    """Counts of pages, checks or errors go stale with the next page; the statement names kinds of checks."""
    text = page("saavutettavuusseloste", language).article_text
    tallies = re.findall(r"\b\d+ (?:sivua|sivulla|tarkistusta|virhettä|pages|checks|errors|violations)\b", text)
    assert not tallies, f"tallies in the statement: {tallies}"


GUIDE_FOR = {
    "fi": ["sosiaalialan ammattilaisille", "asumisen sosiaalityö", "sosiaaliseen kuntoutukseen", "Vantaa",
           "ei käsittele neuropsykiatrisia piirteitä"],
    "en": ["social care professionals", "housing social work", "social rehabilitation", "Vantaa",
           "does not deal with neuropsychiatric traits"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_says_whom_it_was_written_for_and_credits_its_source(page, language):
    guide = page("toipumisorientaatio", language)
    opening = guide.section(guide.heading_ids[0])  # the text between the H1 and the first H2
    assert_says(opening, GUIDE_FOR[language], f"the guide's opening ({language})")
    assert_says(guide.article_text, ["Ristolainen", "2021", "Laurea", "Vantaa", "Theseus"], "the guide's credit")


def test_no_civil_rights_movement_in_the_english_guide(built_site):
    pages = sorted((built_site / "en" / "toipumisorientaatio").rglob("index.html"))
    assert len(pages) > 1, "the English guide was not built"
    for path in pages:
        parsed = Page()
        parsed.feed(path.read_text(encoding="utf-8"))
        assert "civil rights movement" not in parsed.article_text.lower(), (
            f"{path.relative_to(built_site)}: 'kansalaisliike' is a social (grassroots) movement"
        )
