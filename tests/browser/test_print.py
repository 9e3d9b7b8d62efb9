"""Printing for purchasers: /hinnat/ and /palveluehdot/ printed to A4 PDF by Chromium, in both
languages. The prices page fits on three sheets; both pages print whole, with the contact person,
the page's address and its last-updated date, and none of the site's header, menus, search,
language selector, "back to top" or footer links. On the prices page the estimator's current result
prints, after its controls have been changed.
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest
import yaml

from harness import LANGUAGE_PREFIXES, ROOT, SITE_ORIGIN, serve_from
from website.price_file import DATA_FILE, load_price_file, rate_in_force
from website.context import build_date
from website.formats import format_hours, format_money
from website.prices import price_row

LANGUAGES = {language: "/" + prefix for language, prefix in LANGUAGE_PREFIXES.items()}
# Issue 20: each purchaser page prints on at most three A4 sheets.
PRINTED_PAGES = ("hinnat", "palveluehdot", "maksajille")
MAX_SHEETS = {slug: 3 for slug in PRINTED_PAGES}
ESTIMATOR_LABELS = {
    "fi": ("Tapaamisen kesto", "Tapaamisia viikossa", "Viikkoja"),
    "en": ("Meeting length", "Meetings per week", "Weeks"),
}
ESTIMATOR_PLAN = (2, 12)  # meetings a week, weeks: not the estimator's defaults
A4_POINTS = (595, 842)

# Everything printable of the site's frame, read from the page on screen: its words must not print.
FRAME_LABELS = """() => {
  const found = new Set();
  const add = (text) => { text = (text || "").replace(/\\s+/g, " ").trim(); if (text.length > 2) found.add(text); };
  const frame = ".md-header a, .md-header button, .md-header label, .md-header input, .md-header__topic,"
    + " .md-tabs a, .md-sidebar a, .md-sidebar label, .md-search input, .md-top, .md-select a,"
    + " .md-footer__link, .site-footer__links a, .site-footer__emergency, .site-footer__edit a,"
    + " .site-footer__copyright, .site-footer__heading, .md-skip";
  document.querySelectorAll(frame).forEach((element) => {
    add(element.textContent);
    ["aria-label", "placeholder", "title"].forEach((name) => add(element.getAttribute(name)));
  });
  return [...found];
}"""

# The printed article, as Chromium lays it out for print: its text, headings and table cells.
PRINTED_ARTICLE = """() => {
  const article = document.querySelector("article");
  const shown = (element) => element.getClientRects().length > 0;
  const texts = (selector) => [...article.querySelectorAll(selector)].filter(shown)
    .map((element) => element.innerText.trim()).filter(Boolean);
  const blocks = [...article.querySelectorAll("h2, h3, p, li")]
    .filter((element) => shown(element) && !element.closest(".print-colophon"));
  return {
    text: article.innerText,
    headings: texts("h1, h2, h3"),
    cells: texts("th, td, caption"),
    last_heading: texts("h2").pop(),
    last_block: blocks.length ? blocks[blocks.length - 1].innerText.trim() : null,
    before_contact: (() => {
      const contact = article.querySelector(".next-step") || article.querySelector(".print-colophon");
      const before = blocks.filter((element) => !element.closest(".next-step")
        && (element.compareDocumentPosition(contact) & Node.DOCUMENT_POSITION_FOLLOWING));
      return before.length ? before[before.length - 1].innerText.trim() : null;
    })(),
    contact_start: (() => {
      const step = article.querySelector(".next-step h2");
      return step ? step.innerText.trim() : null;
    })(),
    title: document.querySelector("h1").innerText.trim(),
    print_header: document.documentElement.getAttribute("data-print-header"),
    print_footer: document.documentElement.getAttribute("data-print-footer"),
    details_closed: article.querySelectorAll("details:not([open])").length,
    details_text: texts("details > :not(summary)"),
    updated: (article.querySelector(".page-updated") || {}).innerText,
    canonical: document.querySelector('link[rel="canonical"]').href,
    colours: [...new Set([...article.querySelectorAll("h1, h2, h3, p, li, th, td, caption, output, strong, a")]
      .filter(shown).map((element) => getComputedStyle(element).color))],
  };
}"""


def squash_spaces(text: str) -> str:
    return text.replace("\N{NO-BREAK SPACE}", " ").replace("\N{NARROW NO-BREAK SPACE}", " ")


def squash(text: str) -> str:
    """Text without any white space: PDF text breaks lines where the page did, and keeps or drops
    no-break spaces as it likes."""
    return re.sub(r"\s+", "", squash_spaces(text))


def set_plan(page, language: str, service, rate) -> list[str]:
    """Choose the longest meeting and ESTIMATOR_PLAN in the estimator; the figures it must show."""
    length, per_week, weeks = (page.get_by_label(label, exact=True) for label in ESTIMATOR_LABELS[language])
    duration = service.durations[-1]
    options = length.locator("option").all_inner_texts()
    assert squash(options[-1]) == squash(format_hours(duration.minutes, language)), options
    length.select_option(index=len(options) - 1)
    per_week.fill(str(ESTIMATOR_PLAN[0]))
    weeks.fill(str(ESTIMATOR_PLAN[1]))
    count = ESTIMATOR_PLAN[0] * ESTIMATOR_PLAN[1]
    row = price_row(duration, rate.percent)
    return [str(count)] + [format_money(amount * count, language) for amount in (row.net, row.vat, row.gross)]


@pytest.fixture(scope="module")
def printed(browser, built_site, prices_in_force):
    """Each page printed once: (PDF reader, PDF text, what the page showed, estimator figures)."""
    data, rate = prices_in_force
    results = {}
    for language, prefix in LANGUAGES.items():
        # The English pages print from the dark colour scheme: paper is white and text black anyway.
        context = browser.new_context(color_scheme="dark" if language == "en" else "light")
        context.route("**/*", serve_from(built_site))
        for slug in PRINTED_PAGES:
            page = context.new_page()
            page.goto(f"{SITE_ORIGIN}{prefix}{slug}/", wait_until="load")
            figures = []
            if slug == "hinnat":
                figures = set_plan(page, language, data.services["support-person"], rate)
                shown = squash(page.locator(".cost-estimator output").inner_text())
                assert all(squash(figure) in shown for figure in figures), (figures, shown)
            frame = page.evaluate(FRAME_LABELS)
            page.emulate_media(media="print")
            article = page.evaluate(PRINTED_ARTICLE)
            pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
            text = "\n".join(sheet.extract_text() for sheet in pdf.pages)
            results[language, slug] = (pdf, text, frame, article, figures)
            page.close()
        context.close()
    return results


CASES = [(language, slug) for language in LANGUAGES for slug in PRINTED_PAGES]


@pytest.mark.parametrize("language, slug", CASES)
def test_prints_on_a4_within_the_page_limit(printed, language, slug):
    pdf, *_ = printed[language, slug]
    for sheet in pdf.pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == A4_POINTS
    if slug in MAX_SHEETS:
        assert len(pdf.pages) <= MAX_SHEETS[slug], f"{LANGUAGES[language]}{slug}/ prints on {len(pdf.pages)} A4 sheets"


@pytest.mark.parametrize("language, slug", CASES)
def test_prints_whole(printed, language, slug):
    _, text, _, article, _ = printed[language, slug]
    pdf_text = squash(text)
    assert article["headings"] and article["cells"] or slug != "palveluehdot", "the terms page has its table"
    for piece in article["headings"] + article["cells"] + article["details_text"]:
        assert squash(piece) in pdf_text, f"{LANGUAGES[language]}{slug}/: '{piece}' is not on paper"
    assert squash(article["last_heading"]) in pdf_text
    assert squash(article["last_block"]) in pdf_text, f"the page's last paragraph does not print: {article['last_block']}"
    # Every word the printed article holds is in the PDF: nothing cut off at an edge or a break.
    words = set(re.findall(r"\w+", squash_spaces(article["text"])))
    missing = words - set(re.findall(r"\w+", squash_spaces(text)))
    assert not missing, f"{LANGUAGES[language]}{slug}/: words missing from the PDF: {sorted(missing)[:20]}"
    assert article["colours"] == ["rgb(0, 0, 0)"], "all text prints black"


@pytest.mark.parametrize("language, slug", CASES)
def test_prints_contact_address_and_date(printed, contact, language, slug):
    _, text, _, article, _ = printed[language, slug]
    pdf_text = squash(text)
    for value in (contact["name"], contact["role"][language], contact["phone"][language], contact["email"]):
        assert squash(value).lower() in pdf_text.lower(), f"{LANGUAGES[language]}{slug}/: the contact detail '{value}' does not print"
    assert article["canonical"] == f"{SITE_ORIGIN}{LANGUAGES[language]}{slug}/"
    assert squash(article["canonical"]) in pdf_text, "the page's address does not print"
    assert article["updated"] and re.search(r"\d{4}", article["updated"])
    assert squash(article["updated"]) in pdf_text, f"the last-updated date '{article['updated']}' does not print"


@pytest.mark.parametrize("language, slug", CASES)
def test_prints_no_header_menus_search_or_footer(printed, language, slug):
    _, text, frame, article, _ = printed[language, slug]
    pdf_text, content = squash(text), squash(article["text"])
    # A label that is also a word of the content (a link to "Palveluehdot", say) cannot tell.
    # Nor can one that the sheet's own running lines carry on purpose (the provider's name).
    margins = squash(article["print_header"] + article["print_footer"])
    checked = [label for label in frame if squash(label) not in content and squash(label) not in margins]
    assert len(checked) >= 10, f"too few labels of the site's frame to check: {checked}"
    printed_labels = [label for label in checked if squash(label) in pdf_text]
    assert printed_labels == [], f"{LANGUAGES[language]}{slug}/ prints the site's frame: {printed_labels}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_estimators_current_result_prints(printed, language):
    _, text, _, article, figures = printed[language, "hinnat"]
    assert len(figures) == 4
    pdf_text = squash(text)
    for figure in figures:
        assert squash(figure) in pdf_text, f"the estimator's figure {figure} does not print"
    # The figures are those of the plan that was set (24 meetings of the longest length), not the defaults.
    assert figures[0] == str(ESTIMATOR_PLAN[0] * ESTIMATOR_PLAN[1])


@pytest.mark.parametrize("language, slug", CASES)
def test_every_sheet_names_the_provider_the_page_its_date_address_contact_and_number(printed, contact, language, slug):
    """A sheet separated from the others still says whose it is, what it is, when it was updated and whom
    to call (purchaser review 2, F8): the running lines in its top and bottom margins."""
    pdf, _, _, article, _ = printed[language, slug]
    header, footer = article["print_header"], article["print_footer"]
    validity = "Hinnasto on voimassa" if language == "fi" else "Price list valid from"
    assert header.startswith("Metodi · ") and article["title"] in header and validity in header, header
    for value in (article["updated"], article["canonical"], contact["name"], contact["phone"][language], contact["email"]):
        assert squash(value) in squash(footer), (value, footer)
    for number, sheet in enumerate(pdf.pages, start=1):
        text = squash(sheet.extract_text())
        assert squash(header) in text, f"{LANGUAGES[language]}{slug}/ sheet {number} lacks its top line"
        assert squash(footer) in text, f"{LANGUAGES[language]}{slug}/ sheet {number} lacks its bottom line"
        assert f"{number}/{len(pdf.pages)}" in text, f"sheet {number} lacks its number"


@pytest.mark.parametrize("language, slug", CASES)
def test_the_contact_block_never_falls_alone_onto_a_sheet(printed, language, slug):
    """The next-step box ends the article: if it began a new sheet, that sheet would hold nothing else
    (purchaser review 2: the English prices' third sheet held only the colophon). No sheet is empty
    but for its margins either."""
    pdf, _, _, article, _ = printed[language, slug]
    margins = squash(article["print_header"]) , squash(article["print_footer"])
    sheets = [squash(sheet.extract_text()) for sheet in pdf.pages]
    bodies = [re.sub(r"\d+/\d+", "", text.replace(margins[0], "").replace(margins[1], "")) for text in sheets]
    assert all(len(body) > 40 for body in bodies), f"{LANGUAGES[language]}{slug}/: a sheet with margins only"
    assert article["contact_start"] and article["before_contact"], "the page ends with a next-step box"
    start = next(index for index, text in enumerate(bodies) if squash(article["contact_start"]) in text)
    assert squash(article["before_contact"])[-30:] in bodies[start], (
        f"{LANGUAGES[language]}{slug}/: the contact block begins sheet {start + 1} alone"
    )
