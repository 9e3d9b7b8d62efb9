"""The critical facts of the purchaser pages, checked on the strict build in both languages.

- VAT: beside every price table stand all four conditions of the social-welfare exemption
  (Arvonlisäverolaki 37–38 §), in conditional words, from ``data/prices.yml``; the prices page says
  them once; no page says that Metodi is registered in Soteri (the owner has not confirmed it).
- The first price column is the price with VAT, the price a private person pays (VNa 553/2013 § 2),
  and the prices page leads with such a price.
- Child welfare is bought by the wellbeing services counties (since 1 Jan 2023), not municipalities.
- The contact person's English title is not "Head of social services".
- The service terms say that the binding terms are in the written contract.

Figures and texts are read from the data file through the hook's own functions, never copied here.

Layer: the shared strict build.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from website.price_file import rate_in_force
from website.formats import format_day, format_money, format_rate
from website.prices import price_row
from content_facts_helpers import CONDITION_TERMS, LANGUAGES, data, squash

PRICE_PAGES = ("hinnat", "ammatillinen-tukihenkilotoiminta")


def text_of(html: str) -> str:
    return squash(re.sub(r"<[^>]+>", " ", html))


def article(built_site: Path, language: str, slug: str) -> str:
    html = (built_site / LANGUAGES[language] / slug / "index.html").read_text(encoding="utf-8")
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def every_article(built_site: Path):
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "<article" in html:
            yield path.relative_to(built_site), html.split("<article", 1)[1].split("</article>", 1)[0]


def price_tables(html: str) -> list[tuple[list[str], list[list[str]], str]]:
    """Each price table: its header cells, its body rows, and the text beside it (up to the next heading)."""
    found = []
    for match in re.finditer(r'<div class="price-table">(.*?)</div>(.*?)(?=<h[1-6]\b|$)', html, re.DOTALL):
        table, beside = match.groups()
        headers = [text_of(cell) for cell in re.findall(r"<th\b[^>]*>(.*?)</th>", table, re.DOTALL)]
        rows = [
            [text_of(cell) for cell in re.findall(r"<td\b[^>]*>(.*?)</td>", row, re.DOTALL)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
            if "<td" in row
        ]
        found.append((headers, rows, text_of(beside)))
    return found


@pytest.fixture(scope="module")
def rate(data, build_epoch):
    return rate_in_force(data.vat_rates, datetime.fromtimestamp(build_epoch, timezone.utc).date())


def note(data, rate, language: str, key: str) -> str:
    """A note under the price tables as the build renders it."""
    return squash(
        re.sub(r"(?m)^- ", "", data.texts[language][key]).format(
            rate=format_rate(rate.percent, language), date=format_day(rate.effective, language)
        )
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PRICE_PAGES)
def test_every_condition_stands_beside_every_price_table(built_site, data, rate, slug, language):
    tables = price_tables(article(built_site, language, slug))
    assert tables, f"{slug} ({language}) has no price table"
    for _, _, beside in tables:
        assert note(data, rate, language, "vat_free") in beside, f"{slug} ({language}): the VAT note is not beside the table"
        missing = [name for name, term in CONDITION_TERMS[language].items() if term.lower() not in beside.lower()]
        assert not missing, f"{slug} ({language}): beside a price table the conditions {missing} are missing"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_prices_page_states_the_conditions_once(built_site, language):
    """The conditions come from the data file only: no second, different wording on the page."""
    html = article(built_site, language, "hinnat")
    text = text_of(html).lower()
    tables = len(price_tables(html))
    for term in ("Soteri", "self-monitoring plan" if language == "en" else "omavalvontasuunnitelma"):
        count = text.count(term.lower())
        assert count == tables, f"hinnat ({language}) names '{term}' {count} times for {tables} price table(s)"


def test_no_page_says_metodi_is_registered_in_soteri(built_site):
    problems = []
    for path, html in every_article(built_site):
        for sentence in re.split(r"(?<=[.!?])\s+", text_of(html)):
            if "soteri" not in sentence.lower():
                continue
            if re.search(r"\bMetodi\w*\b|\b(?:olemme|meidät|we are|we have|our)\b", sentence, re.IGNORECASE):
                problems.append(f"{path}: {sentence}")
    assert not problems, "Soteri registration stated for Metodi (the owner has not confirmed it):\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PRICE_PAGES)
def test_the_first_price_column_is_the_price_with_vat(built_site, data, rate, slug, language):
    service = data.services["support-person"]
    first = price_row(service.durations[0], rate.percent)
    for headers, rows, beside in price_tables(article(built_site, language, slug)):
        gross_words = "alv:n kanssa" if language == "fi" else "with vat"
        assert gross_words in headers[1].lower(), f"{slug} ({language}): first price column is {headers[1]!r}"
        assert rows[0][1] == squash(format_money(first.gross, language)), (
            f"{slug} ({language}): the first row's first price is {rows[0][1]!r}, not the price with VAT"
        )
        # The notes name the columns as the table does.
        assert f"{headers[1]}" in note(data, rate, language, "vat_added"), "vat_added names another column"
        assert f"{headers[-1]}" in note(data, rate, language, "vat_free"), "vat_free names another column"
        assert note(data, rate, language, "vat_added") in beside


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_prices_page_leads_with_a_price_with_vat(built_site, data, rate, language):
    text = text_of(article(built_site, language, "hinnat"))
    money = r"\d[\d  ]*,\d\d €" if language == "fi" else r"€\d[\d,]*\.\d\d"
    first_amount = re.search(money, text)
    assert first_amount, f"hinnat ({language}) shows no price"
    grosses = {
        squash(format_money(price_row(duration, rate.percent).gross, language))
        for service in data.services.values()
        for duration in service.durations
    }
    assert first_amount[0] in grosses, f"the first price on hinnat ({language}) is {first_amount[0]}, not a price with VAT"


MUNICIPAL = {
    "fi": r"\bkun(?:ta|taa|nat|tien|nan|nille|nissa|nilta|nalle|nallis\w*)\b|sosiaalitoim\w*",
    "en": r"\bmunicipal\w*",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_terms_name_wellbeing_services_counties_not_municipalities(built_site, language):
    text = text_of(article(built_site, language, "palveluehdot"))
    county = "hyvinvointialue" if language == "fi" else "wellbeing services count"
    assert county in text.lower(), f"palveluehdot ({language}) does not name the wellbeing services counties"
    found = re.findall(MUNICIPAL[language], text, re.IGNORECASE)
    assert not found, f"palveluehdot ({language}) names municipalities: {found}"
    child_welfare = "lastensuojelun avohuollon" if language == "fi" else "child-welfare open-care"
    sentence = next((s for s in re.split(r"(?<=[.!?])\s+", text) if child_welfare in s and county in s.lower()), None)
    assert sentence, f"palveluehdot ({language}) does not say who buys child-welfare support"


def test_no_page_says_head_of_social_services(built_site):
    pages = [
        str(path.relative_to(built_site))
        for path in built_site.rglob("*.html")
        if "head of social services" in path.read_text(encoding="utf-8").lower()
    ]
    assert not pages, f"'Head of social services' (a council post in British English) on: {pages}"


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("fi", "Sitovat ehdot sovitaan kirjallisessa sopimuksessa."),
        ("en", "The binding terms are set out in the written contract."),
    ],
)
def test_the_terms_say_the_contract_is_binding(built_site, language, sentence):
    assert sentence in text_of(article(built_site, language, "palveluehdot"))
