"""Content of the main pages – home, coaching, purchasers, after coaching, support-person work – in both
languages, checked on the real strict build (``built_site`` from conftest.py).

HTML is read with the standard library only. Only the page's own ``<article>`` is looked at, so the
navigation, header and footer (which link everywhere) do not hide a missing link or section.

Layer: the shared strict build.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from harness import ROOT
from pages_content_helpers import LANGUAGES, PAGES
from site_pages import article_html, page_file


from harness import LANGUAGE_PREFIXES as PREFIX
PLACEHOLDER_DESCRIPTIONS = {"luonnos.", "draft."}
SPACES = "[ \u00a0\u202f]"


class Article(HTMLParser):
    """Headings, sections, links, tables and text of one page's main ``<article>``."""

    HEADINGS = {f"h{level}" for level in range(1, 7)}
    SKIPPED = {"svg", "script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        # One entry per heading: [level, heading text, list of body text pieces up to the next heading].
        self.sections: list[list] = [[0, "", []]]
        self.links: list[str] = []
        self.tables: list[dict] = []
        self.text: list[str] = []
        self._skip = 0
        self._heading: int | None = None
        self._heading_text: list[str] = []
        self._in_caption = False
        self._in_thead = False
        self._cell: list[str] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.SKIPPED:
            self._skip += 1
        elif tag in self.HEADINGS:
            self._heading, self._heading_text = int(tag[1]), []
        elif tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "table":
            self.tables.append({"caption": "", "thead": False, "header": [], "rows": []})
        elif tag == "caption":
            self._in_caption = True
        elif tag == "thead" and self.tables:
            self.tables[-1]["thead"] = True
            self._in_thead = True
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in {"th", "td"} and self.tables:
            self._cell = []
            if tag == "th":
                self.tables[-1]["header"].append(
                    {"scope": attributes.get("scope"), "in_thead": self._in_thead}
                )

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in self.HEADINGS and self._heading is not None:
            title = normalise("".join(self._heading_text))
            self.headings.append((self._heading, title))
            self.sections.append([self._heading, title, []])
            self._heading = None
        elif tag == "caption":
            self._in_caption = False
        elif tag == "thead":
            self._in_thead = False
        elif tag in {"th", "td"} and self._cell is not None and self._row is not None:
            self._row.append(normalise("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            self.tables[-1]["rows"].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading_text.append(data)
            return
        self.sections[-1][2].append(data)
        if self._in_caption and self.tables:
            self.tables[-1]["caption"] += data
        if self._cell is not None:
            self._cell.append(data)

    # ---- conveniences

    def section(self, title: str) -> tuple[int, str] | None:
        """(level, body text) of the section whose heading is exactly ``title``."""
        for level, heading, body in self.sections:
            if heading == title:
                return level, normalise("".join(body))
        return None

    @property
    def plain_text(self) -> str:
        return normalise("".join(self.text))


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_html(site: Path, language: str, slug: str) -> str:
    path = page_file(site, slug, language)
    assert path.is_file(), f"{path.relative_to(site)} was not built"
    return path.read_text(encoding="utf-8")


def article(site: Path, language: str, slug: str) -> Article:
    parser = Article()
    parser.feed(article_html(read_html(site, language, slug)))
    parser.close()
    return parser


def resolve(site: Path, page: Path, href: str) -> Path | None:
    """The built file an internal link points to, or None for outbound and special links."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) or href.startswith(("#", "//")):
        return None
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    target = target.resolve()
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


every_page = pytest.mark.parametrize(
    "language,slug", [(language, slug) for slug in PAGES for language in LANGUAGES]
)


@every_page
def test_page_has_one_h1_and_no_skipped_heading_levels(built_site, language, slug):
    headings = article(built_site, language, slug).headings
    assert [level for level, _ in headings].count(1) == 1, headings
    assert headings[0][0] == 1, f"the first heading is not the H1: {headings[0]}"
    previous = 1
    for level, title in headings[1:]:
        assert level <= previous + 1, f"heading '{title}' (h{level}) skips a level after h{previous}"
        previous = level


@every_page
def test_page_has_its_own_language_and_a_real_description(built_site, language, slug):
    html = read_html(built_site, language, slug)
    assert re.search(rf'<html\b[^>]*\blang="{language}"', html), "wrong or missing lang on <html>"
    match = re.search(r'<meta name="description" content="(?P<text>[^"]*)"', html)
    assert match, "no meta description"
    description = match["text"].strip()
    assert description.lower() not in PLACEHOLDER_DESCRIPTIONS, "the description is still the placeholder"
    assert 50 <= len(description) <= 160, f"description is {len(description)} characters: {description!r}"
    other = "en" if language == "fi" else "fi"
    other_html = read_html(built_site, other, slug)
    assert f'content="{match["text"]}"' not in other_html, "both languages have the same description"


@every_page
def test_internal_links_in_the_page_reach_built_pages_in_the_same_language(built_site, language, slug):
    page = page_file(built_site, slug, language)
    english_root = (built_site / "en").resolve()
    for href in article(built_site, language, slug).links:
        target = resolve(built_site, page, href)
        if target is None:
            continue
        assert target.is_file(), f"link {href!r} points to {target}, which was not built"
        if target.suffix == ".html":
            in_english = english_root in target.parents
            assert in_english == (language == "en"), f"link {href!r} leads to the other language"


@every_page
def test_no_shortcode_is_left_unrendered(built_site, language, slug):
    body = article_html(read_html(built_site, language, slug))
    assert "md:" not in body, "a <!-- md:... --> shortcode was not rendered"


# The landing page (issue 11): the two service cards, the purchasers' path and the guide teaser. After
# coaching and the contact page are in the menu; the home page gives the phone and email directly.
HOME_TARGETS = (
    "neuropsykiatrinen-valmennus",
    "ammatillinen-tukihenkilotoiminta",
    "maksajille",
    "palveluehdot",
    "hinnat",
    "toipumisorientaatio",
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_links_to_the_main_pages_and_shows_the_contact_card(built_site, language):
    home = page_file(built_site, "", language)
    content = article(built_site, language, "")
    targets = {resolve(built_site, home, href) for href in content.links} - {None}
    for slug in HOME_TARGETS:
        assert page_file(built_site, slug, language).resolve() in targets, f"the home page does not link to {slug}"
    assert any(href.startswith("tel:+358") for href in content.links), "no phone link on the home page"
    assert any(href.startswith("mailto:") for href in content.links), "no email link on the home page"


# The four headings that are empty in seed 000 (Tavoitteellisuus, Voimauttava, Terapeuttinen,
# Jalkautuminen) must each have body text (FACTS.md). Named as nouns, as the other headings are.
WRITTEN_SECTIONS = {
    "fi": ("Tavoitteellisuus", "Voimauttavuus", "Terapeuttisuus", "Jalkautuminen"),
    "en": ("Goal orientation", "An empowering approach", "A therapeutic approach", "Outreach"),
}
CLOSING_WORDS = {
    "fi": ("kehittyy, oppii ja kasvaa", "dialogissa"),
    "en": ("develops, learns and grows", "dialogue"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_purchasers_page_has_the_four_sections_with_body_text(built_site, language):
    content = article(built_site, language, "maksajille")
    for title in WRITTEN_SECTIONS[language]:
        found = content.section(title)
        assert found, f"no heading '{title}' on the purchasers page"
        level, body = found
        assert level == 2, f"'{title}' is h{level}, expected h2"
        sentences = [s for s in re.split(r"[.!?](?:\s|$)", body) if len(s.split()) >= 4]
        assert len(body) >= 150 and len(sentences) >= 2, f"section '{title}' has hardly any text: {body!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_purchasers_page_keeps_the_closing_lines(built_site, language):
    text = article(built_site, language, "maksajille").plain_text
    for words in CLOSING_WORDS[language]:
        assert words in text


def test_purchasers_page_has_no_seed_typos(built_site):
    text = article(built_site, "fi", "maksajille").plain_text
    for typo in ("luonnolisiin", "kumppanuus-suhde"):
        assert typo not in text
    assert "luonnollisiin" in text and "kumppanuussuhde" in text


def test_support_person_page_keeps_its_old_address(built_site):
    # Linked from elsewhere under the old site's permalink /ammatillinen-tukihenkilotoiminta/.
    content = article(built_site, "fi", "ammatillinen-tukihenkilotoiminta")
    assert content.headings[0] == (1, "Ammatillinen tukihenkilötoiminta")


@pytest.fixture(scope="session")
def vat_rate_text(build_epoch):
    """The VAT rate the session's build uses, formatted per language by the site's own code."""
    from website import price_file
    from website import prices

    data = price_file.load_price_file(ROOT / price_file.DATA_FILE)
    day = datetime.fromtimestamp(build_epoch, timezone.utc).date()
    rate = price_file.rate_in_force(data.vat_rates, day)
    return {language: prices.format_rate(rate.percent, language) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_support_person_page_has_an_accessible_price_table(built_site, language):
    content = article(built_site, language, "ammatillinen-tukihenkilotoiminta")
    assert content.tables, "no price table on the support-person page"
    table = content.tables[0]
    assert normalise(table["caption"]), "the price table has no caption"
    assert table["thead"], "the price table has no <thead> header row"
    assert len(table["header"]) >= 3 and all(
        cell["scope"] == "col" and cell["in_thead"] for cell in table["header"]
    ), f"header cells must be in <thead> with scope=col: {table['header']}"
    body_rows = table["rows"][1:]
    assert len(body_rows) >= 4, "the price table should list all four meeting lengths"
    assert all(all(cell for cell in row) for row in body_rows), "the price table has an empty cell"


@pytest.mark.parametrize("language", LANGUAGES)
def test_inline_price_matches_the_table_and_the_current_vat_rate_is_shown(
    built_site, language, vat_rate_text
):
    content = article(built_site, language, "ammatillinen-tukihenkilotoiminta")
    assert content.tables, "no price table on the support-person page"
    header, *rows = content.tables[0]["rows"]
    # The running text is read by private persons: it gives the price with VAT (VNa 553/2013 § 2).
    gross_column = next(
        i for i, title in enumerate(header) if ("alv:n kanssa" in title.lower() or "with vat" in title.lower())
    )
    shortest = next(row for row in rows if re.match(r"1[,.]5\b", row[0]))
    found = content.section("Hinnat" if language == "fi" else "Prices")
    assert found and found[0] == 2, "no h2 prices section on the support-person page"
    intro = found[1].split(normalise(content.tables[0]["caption"]))[0]
    assert normalise(shortest[gross_column]) in normalise(intro), (
        f"the running text does not give the 1.5-hour price with VAT {shortest[gross_column]!r} from the table"
    )
    assert normalise(vat_rate_text[language]) in content.plain_text, (
        f"the VAT rate in force ({vat_rate_text[language]}) is not shown on the page"
    )


OLD_RATE = re.compile(rf"(?<![\d,.])24{SPACES}?%")
PAST_MARKERS = re.compile(
    r"\b(until|before|was|previously|asti|saakka|oli|ennen|aiemmin)\b|31\.8\.2024|31 Aug(ust)? 2024",
    re.IGNORECASE,
)


@every_page
def test_my_pages_do_not_mention_24_percent(built_site, language, slug):
    text = article(built_site, language, slug).plain_text
    assert not OLD_RATE.search(text), "the page mentions 24 %, the VAT rate before 1 Sep 2024"


def test_no_page_gives_24_percent_as_the_current_vat_rate(built_site):
    """24 % may appear only as history ("until 31 Aug 2024"), never as the rate in force."""
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        parser = Article()
        parser.feed(article_html(html))
        text = parser.plain_text
        for match in OLD_RATE.finditer(text):
            window = text[max(0, match.start() - 120) : match.end() + 120]
            if not PAST_MARKERS.search(window):
                problems.append(f"{path.relative_to(built_site)}: …{window}…")
    assert not problems, "24 % given as a current VAT rate:\n" + "\n".join(problems)
