"""The purchaser pages: service terms, prices, contact, accessibility statement and privacy notice.

Each page must exist in Finnish and English, and each service term must be stated as a concrete fact in
both languages. Parsed with the standard library only (html.parser), from the strict build of the site.

Layer: the shared strict build.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from harness import ROOT
from purchaser_pages_helpers import LANGUAGES, SLUGS
from site_pages import page_html


class PageParser(HTMLParser):
    """Collects the text of the page's <article>, its headings (with ids) and its tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article_depth = 0
        self.text: list[str] = []
        self.headings: list[tuple[str, str | None, str]] = []  # (tag, id, text)
        self._heading: list | None = None
        self.tables: list[dict] = []
        self._table: dict | None = None
        self._cell: list | None = None
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag == "article":
            self.article_depth += 1
        if not self.article_depth:
            return
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = [tag, attributes.get("id"), []]
        elif tag == "table":
            self._table = {"caption": None, "thead": False, "th": [], "rows": []}
        elif self._table is not None:
            if tag == "thead":
                self._table["thead"] = True
            elif tag == "caption":
                self._cell = ["caption", {}, []]
            elif tag == "tr":
                self._table["rows"].append([])
            elif tag in {"th", "td"}:
                self._cell = [tag, attributes, []]

    def handle_endtag(self, tag):
        if self.article_depth and self._heading is not None and tag == self._heading[0]:
            self.headings.append((tag, self._heading[1], _squash("".join(self._heading[2]))))
            self._heading = None
        if self._table is not None and self._cell is not None and tag == self._cell[0]:
            kind, attributes, parts = self._cell
            text = _squash("".join(parts))
            if kind == "caption":
                self._table["caption"] = text
            else:
                if kind == "th":
                    self._table["th"].append((text, attributes.get("scope")))
                if self._table["rows"]:
                    self._table["rows"][-1].append(text)
            self._cell = None
        if tag == "table" and self._table is not None:
            self.tables.append(self._table)
            self._table = None
        if tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data):
        if not self.article_depth:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading[2].append(data)
        if self._cell is not None:
            self._cell[2].append(data)


def _squash(text: str) -> str:
    """Collapse all whitespace, including no-break spaces, to single ordinary spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def parse(built_site: Path, slug: str, language: str) -> PageParser:
    path = built_site / f"{LANGUAGES[language]}{slug}/index.html"
    assert path.is_file(), f"{path} is missing from the build"
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def article_text(built_site: Path, slug: str, language: str) -> str:
    return _squash("".join(parse(built_site, slug, language).text))


def assert_phrases(text: str, phrases: list[str], where: str) -> None:
    lowered = text.lower()
    missing = [phrase for phrase in phrases if phrase.lower() not in lowered]
    assert not missing, f"{where} does not say: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_page_exists_with_one_h1_in_its_language(built_site, slug, language):
    page = parse(built_site, slug, language)
    assert page.lang and page.lang.startswith(language), f"{slug} ({language}) has lang={page.lang!r}"
    h1s = [heading for heading in page.headings if heading[0] == "h1"]
    assert len(h1s) == 1, f"{slug} ({language}) should have exactly one h1, has {h1s}"
    levels = [int(tag[1]) for tag, _, _ in page.headings]
    for previous, current in zip(levels, levels[1:]):
        assert current <= previous + 1, f"{slug} ({language}) skips a heading level: {levels}"


TERMS = {
    "fi": [
        "kirjallinen sopimus",
        "kevät- tai syyskaudeksi",
        "ilman irtisanomisaikaa",
        "kalenterikuukausi",
        "2,5 tuntia",
        "toimintasuunnitelma",
        "aloituspalaveri",
        "väliraportti",
        "kuukausittain",
        "joka kuukausi",
        "puhelimitse tai sähköpostitse",
        "verkostotapaamisiin",
        "kerran viikossa",
        "kerran tai kaksi kertaa viikossa",
        "tunnista muutamaan tuntiin",
        "sosiaali- ja terveysalan ammattilaisia",
        "Metodin itse kouluttamia",
        "lasten, nuorten tai perheiden",
        "koulutus ja tausta",
        "Hyvinvointialueet voivat ostaa",
        "lastensuojelun avohuollon",
        "ostopalveluna",
        "Sopimuskausi",
        "valvoa ja seurata jatkuvasti",
        "keksimään, oppimaan ja osaamaan",
        "luottamukseen ja vuorovaikutukseen",
        "pitävät työstään",
        "mukautua erilaisiin tilanteisiin",
        "myönteistä asennetta",
    ],
    "en": [
        "written contract",
        "spring or an autumn term",
        "no notice period",
        "calendar month",
        "2.5 hours",
        "action plan",
        "initial meeting",
        "interim report",
        "monthly",
        "every month",
        "by phone or email",
        "network meetings",
        "once a week",
        "once or twice a week",
        "from an hour to a few hours",
        "trained social and health care professionals",
        "support persons trained by Metodi",
        "children, young people or families",
        "training and background",
        "Wellbeing services counties can buy",
        "child-welfare open-care support (support for a child or family living at home)",
        "as a purchased service",
        "Contract period",
        "supervise and follow",
        "work things out, learn and master them themselves",
        "trust and interaction",
        "enjoy their work",
        "adapt to different situations",
        "a positive attitude",
        "our social care services manager",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_service_terms_state_every_term(built_site, language):
    assert_phrases(article_text(built_site, "palveluehdot", language), TERMS[language], f"palveluehdot ({language})")


ROWS = {
    "fi": {"period": "Sopimuskausi", "notice": "Irtisanomisaika ensimmäisen kuukauden jälkeen",
           "term": "kevät- tai syyskausi", "month": "yksi kokonainen kalenterikuukausi", "contract": "sovitaan sopimuksessa"},
    "en": {"period": "Contract period", "notice": "Notice period after the first month",
           "term": "spring or an autumn term", "month": "one full calendar month", "contract": "agreed in the contract"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_contract_period_and_notice_period_rows_say_only_what_the_seed_says(built_site, language):
    words = ROWS[language]
    rows = {row[0]: row[1:] for row in parse(built_site, "palveluehdot", language).tables[0]["rows"][1:]}
    support, coaching = (cell.lower() for cell in rows[words["period"]])
    assert words["term"] in support  # seed 001: "vähintään joko kevät- tai syyskaudeksi"
    assert coaching == words["contract"]  # the seed gives no contract period for coaching
    support, coaching = (cell.lower() for cell in rows[words["notice"]])
    assert coaching == words["month"]  # seed 001, coaching: "yksi kokonainen kalenterikuukausi"
    # The seed gives no notice period after the first month for support-person work: never copy coaching's.
    assert "month" not in support and "kuukau" not in support, f"invented notice period: {support!r}"
    text = article_text(built_site, "palveluehdot", language).lower()
    first_month, no_notice = (
        ("ensimmäisen toimintakuukauden aikana", "ilman irtisanomisaikaa")
        if language == "fi"
        else ("during the first month", "no notice period")
    )
    assert first_month in text and no_notice in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_service_terms_open_with_an_accessible_comparison_table(built_site, language):
    page = parse(built_site, "palveluehdot", language)
    assert page.tables, "palveluehdot has no comparison table"
    table = page.tables[0]
    assert table["caption"], "the comparison table has no <caption>"
    assert table["thead"], "the comparison table has no <thead>"
    headers = table["th"]
    assert len(headers) == 3, f"expected one header row of three cells, got {headers}"
    # The support-person terms are those of the purchased service (seed 001), not of support after coaching.
    purchased = "ostopalvelu" if language == "fi" else "purchased service"
    assert purchased in headers[1][0].lower(), f"the support-person column does not say it is the purchased service: {headers[1]}"
    assert all(scope == "col" for _, scope in headers), f'header cells need scope="col": {headers}'
    body_rows = [row for row in table["rows"][1:]]
    assert body_rows, "the comparison table has no rows"
    for row in body_rows:
        assert len(row) == 3, f"row {row} should have three cells"
        assert all(cell for cell in row), f"row {row} has an empty cell"
        assert not any(
            cell.lower() in {"ei määritelty", "not specified", "-", "–"} for cell in row
        ), f"row {row} fills a gap instead of leaving the row out"
    # The table comes before the details: its section is the first h2 on the page.
    first_h2 = next(heading for heading in page.headings if heading[0] == "h2")
    assert first_h2[1] == "lyhyesti"


@pytest.mark.parametrize("language", LANGUAGES)
def test_service_terms_link_to_prices_and_contact(built_site, language):
    html = (built_site / f"{LANGUAGES[language]}palveluehdot/index.html").read_text(encoding="utf-8")
    assert 'href="../hinnat/"' in html
    assert 'href="../yhteystiedot/"' in html


BRIEF_TITLE = {"fi": "Lyhyesti", "en": "In brief"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", ["palveluehdot", "hinnat"])
def test_long_purchaser_pages_open_with_a_summary_and_end_with_the_next_step(built_site, slug, language):
    html = (built_site / f"{LANGUAGES[language]}{slug}/index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    after_h1 = re.split(r"</h1>", article, maxsplit=1)[1].lstrip()
    assert after_h1.startswith('<div class="admonition abstract">'), f"{slug} ({language}) does not open with the summary box"
    box = after_h1.split("</div>", 1)[0]
    assert f'<p class="admonition-title">{BRIEF_TITLE[language]}</p>' in box
    sentences = re.findall(r"[.!?](?:\s|<|$)", re.sub(r'<p class="admonition-title">.*?</p>', "", box))
    assert 3 <= len(sentences) <= 5, f"the summary box of {slug} ({language}) has {len(sentences)} sentences"
    page = parse(built_site, slug, language)
    assert page.headings[-1][1] == "next-step", f"{slug} ({language}) does not end with the next-step box"
    assert article.rstrip().count('class="next-step"') == 1


@pytest.mark.parametrize(
    "language, phrases",
    [
        ("fi", ["37–38 §", "Soteri", "omavalvontasuunnitelma", "kirjalliseen sopimukseen", "asiakassuunnitelma",
                "yksityishenkilö", "kokonaishinta", "tarjous", "kuka palvelun maksaa", "perushintoja",
                "sovitaan erikseen", "ei riipu siitä, kuka palvelun maksaa", "kysy meiltä"]),
        ("en", ["37–38", "Soteri", "self-monitoring plan", "written contract", "client plan",
                "private person", "total price", "we will give you a quote", "who pays", "base prices",
                "agreed separately", "does not depend on who pays", "ask us"]),
    ],
)
def test_prices_explain_vat_and_quotes(built_site, language, phrases):
    page = parse(built_site, "hinnat", language)
    text = _squash("".join(page.text))
    assert_phrases(text, phrases, f"hinnat ({language})")
    ids = {heading_id for _, heading_id, _ in page.headings}
    assert {"tukihenkilotoiminta", "valmennus", "tarjous", "arvonlisavero"} <= ids
    # Every shortcode rendered: no comment is left behind in the page.
    html = (built_site / f"{LANGUAGES[language]}hinnat/index.html").read_text(encoding="utf-8")
    assert "md:" not in html.split("<article", 1)[1].split("</article>", 1)[0]
    # The plain-words VAT section names the rate in force, rendered from the shortcode.
    rate = r"Verokanta on \d+(?:,\d+)? %" if language == "fi" else r"The rate is \d+(?:\.\d+)?%"
    assert re.search(rate, text), f"hinnat ({language}) does not name the VAT rate in its VAT section"


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_page_has_the_card_and_the_email_caution(built_site, language):
    html = (built_site / f"{LANGUAGES[language]}yhteystiedot/index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    assert "Toni Kataja" in article
    assert 'href="tel:' in article and 'href="mailto:' in article
    page = parse(built_site, "yhteystiedot", language)
    assert "arkaluonteiset" in {heading_id for _, heading_id, _ in page.headings}
    assert 'class="contact-actions"' in article, "no call and email buttons on the contact page"


CONTACT_WORDS = {
    "fi": {"families": "Myös perheet", "end_to_end": "päästä päähän", "privacy": "Tietosuojaseloste",
           "promise": r"turvallisesti|turvallinen kanava|salattu yhteys", "hours": r"\bklo\b|arkisin|arkipäiv|vuorokau"},
    "en": {"families": "Families and clients are welcome", "end_to_end": "end to end", "privacy": "Privacy notice",
           "promise": r"\bsafely\b|\bsecure\b", "hours": r"\bweekdays?\b|\bwithin \d|\bhours?\b.*\d|\d+\s*(?:am|pm)\b"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_page_helps_a_first_time_caller_without_promises(built_site, language):
    words = CONTACT_WORDS[language]
    html = (built_site / f"{LANGUAGES[language]}yhteystiedot/index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    text = article_text(built_site, "yhteystiedot", language)
    assert words["families"] in text
    # What happens after you get in touch: a numbered list of at least three steps.
    section = article.split('id="mita-tapahtuu"', 1)[1].split("<h2", 1)[0]
    steps = re.search(r"<ol>(.*?)</ol>", section, re.DOTALL)
    assert steps and steps.group(1).count("<li>") >= 3, "no numbered steps after 'what happens'"
    # Email: not encrypted end to end; no secure channel promised; no invented phone hours or reply times.
    assert words["end_to_end"] in text
    assert not re.search(words["promise"], text, re.IGNORECASE), "the page promises a secure channel"
    assert not re.search(words["hours"], text, re.IGNORECASE), "the page states phone hours or reply times"
    # Counties first among the purchasers; the privacy page under its own name.
    purchasing = text.split("Palvelun ostaminen." if language == "fi" else "Purchasing a service.", 1)[1]
    assert purchasing.lstrip().startswith("Hyvinvointialueet" if language == "fi" else "Wellbeing services counties")
    assert re.search(r"\bkunn|\bmunicipal", text, re.IGNORECASE) is None
    assert f'>{words["privacy"]}</a>' in article


STATEMENT_SECTIONS = ["soveltamisala", "tila", "puutteet", "testaus", "palaute", "valvontaviranomainen", "paivamaarat"]


@pytest.mark.parametrize(
    "language, phrases",
    [
        ("fi", ["osittain", "axe-core", "HTML_CodeSniffer", "320 pikselin", "400 %", "22.11.2026", "306/2019",
                "yksityinen yritys", "saavutettavuusvaatimukset.fi"]),
        ("en", ["partially", "axe-core", "HTML_CodeSniffer", "320 px", "400%", "22 November 2026", "306/2019",
                "private company", "saavutettavuusvaatimukset.fi"]),
    ],
)
def test_accessibility_statement_has_its_sections_and_date(built_site, language, phrases):
    page = parse(built_site, "saavutettavuusseloste", language)
    ids = [heading_id for _, heading_id, _ in page.headings]
    missing = [section for section in STATEMENT_SECTIONS if section not in ids]
    assert not missing, f"saavutettavuusseloste ({language}) lacks sections {missing}"
    text = _squash("".join(page.text))
    assert_phrases(text, phrases, f"saavutettavuusseloste ({language})")
    assert "mikroyritys" not in text and "micro-enterprise" not in text


@pytest.mark.parametrize(
    "language, phrases",
    [
        ("fi", ["ei käytä evästeitä", "local storage", "paikalliseen tallennustilaan", "Tyhjennä rastit",
                "IP-osoit", "GitHub Pages", "hakusanoja ei lähetetä", "tietosuojavaltuutetun toimistolle"]),
        ("en", ["no cookies", "local storage", "Clear ticks", "IP address", "GitHub Pages",
                "search words are not sent", "Office of the Data Protection Ombudsman"]),
    ],
)
def test_privacy_notice_says_no_cookies_and_local_storage(built_site, language, phrases):
    text = article_text(built_site, "tietosuoja", language)
    assert_phrases(text, phrases, f"tietosuoja ({language})")
    html = (built_site / f"{LANGUAGES[language]}tietosuoja/index.html").read_text(encoding="utf-8")
    assert 'href="https://tietosuoja.fi/' in html


# --------------------------------------------------------------------------- issue 20: the quick facts

QUICK_FACTS = {
    "fi": ("Palvelut", "Tukihenkilötoiminnan perushinnat tapaamiselta", "Neuropsykiatrinen valmennus", "Arvonlisävero",
           "Ehdot", "Tapaamisen peruminen ja lisäkulut", "Näin tilaat", "Yhteyshenkilö", "Palveluntuottaja",
           "Toiminta-alue ja kielet"),
    "en": ("Services", "Base prices of support-person work, per meeting", "Neuropsychiatric coaching", "VAT", "Terms",
           "Cancelled meetings and extra costs", "How to order", "Contact person", "Service provider", "Area and languages"),
}
INTERIM = {
    "fi": ("Kysy meiltä, miten tapaamisen voi perua.", "Kysy meiltä Soteri-rekisteröinnistä ja omavalvontasuunnitelmasta.",
           "Yrityksen virallisen nimen, Y-tunnuksen ja osoitteen saat yhteyshenkilöltämme."),
    "en": ("Ask us how to cancel a meeting.", "Ask us about the Soteri registration and the self-monitoring plan.",
           "Ask our contact person for the company's legal name, business ID and address."),
}


def plain(html: str) -> str:
    from html import unescape

    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).replace(" .", ".").replace(" ,", ",").strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_purchasers_page_opens_with_quick_facts_for_both_services(built_site, prices_in_force, language):
    from website.formats import format_money
    from website.prices import price_row

    data, rate = prices_in_force
    html = page_html(built_site, "maksajille", language)
    article = html[html.index("<article"):]
    box = article[article.index('class="admonition abstract"'):]
    box = box[: box.index("</div>")]
    assert article.index('class="admonition abstract"') < article.index("<h2"), "the box comes first"
    assert re.findall(r"<dt>(.*?)</dt>", box) == list(QUICK_FACTS[language])
    text = plain(box)
    for duration in data.services["support-person"].durations:  # every price, with and without VAT
        row = price_row(duration, rate.percent)
        for figure in (row.net, row.gross):
            assert format_money(figure, language).replace("\xa0", " ") in text
    assert ("Hinnasto on voimassa" if language == "fi" else "Price list valid from") in text
    assert "tel:+358" in box and "mailto:" in box
    for words in INTERIM[language]:  # the owner's facts are still empty: honest interim words
        assert words in text, words
    for link in ("palveluehdot/", "hinnat/", "hinnat/#arvonlisavero", "hinnat/#tarjous"):
        assert f'href="../{link}"' in box or f'href="../../{link}"' in box, link


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_price_list_says_from_when_it_is_valid_from_the_price_file(built_site, build_epoch, language):
    from website.context import build_date
    from website.price_file import load_price_file
    from website.prices import Schedule, validity_sentence

    data = load_price_file(ROOT / "data" / "prices.yml")
    schedule = Schedule(data, build_date({"SOURCE_DATE_EPOCH": str(build_epoch)}))
    sentence = validity_sentence(schedule, language)
    assert schedule.valid_from == max(rate.effective for rate in data.vat_rates if rate.effective <= schedule.today)
    html = page_html(built_site, "hinnat", language)
    # On the page and on every printed sheet (<html data-print-header>).
    assert re.search(r'<html [^>]*data-print-header="Metodi · [^"]*' + re.escape(sentence), html)
    assert sentence in plain(page_html(built_site, "maksajille", language))
    assert sentence in re.search(r'data-print-header="([^"]*)"', page_html(built_site, "palveluehdot", language))[1]
    # A page without prices carries the provider and its title only.
    assert re.search(r'data-print-header="Metodi · [^"·]*"', page_html(built_site, "toipumisorientaatio/yhteys", language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_vat_note_is_a_list_of_every_condition_with_its_sources(built_site, language):
    html = page_html(built_site, "hinnat", language)
    lists = re.findall(r'<ul class="price-note">(.*?)</ul>', html, re.S)
    assert lists and all(len(re.findall(r"<li>", items)) == 5 for items in lists)
    assert ("Verohallinnon ohje" if language == "fi" else "Tax Administration's guidance") in plain(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_email_is_a_full_alternative_to_calling(built_site, language):
    for slug in ("", "yhteystiedot", "ammatillinen-tukihenkilotoiminta"):
        html = page_html(built_site, slug, language)
        actions = re.findall(r'<div class="contact-actions">(.*?)</div>', html, re.S)
        assert actions, slug
        for block in actions:
            call, email = re.findall(r'<a class="([^"]*)"', block)
            assert call.split()[:2] == email.split()[:2] == ["md-button", "md-button--primary"], "equal weight"
            assert ("Sinun ei tarvitse soittaa" if language == "fi" else "You do not have to call") in block
