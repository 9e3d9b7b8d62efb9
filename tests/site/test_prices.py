"""The price hook: money arithmetic, VAT dates, formatting, bad input, and the built pages: the parts
read from the shared strict build (the rest, and what is checked and why:
tests/unit/test_prices.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from website.price_file import rate_in_force
from website.formats import format_hours, format_money, format_rate
from website.prices import price_row
from prices_helpers import data


def expected_rows(data, day, language):
    rate = rate_in_force(data.vat_rates, day)
    return [
        [
            format_hours(row.minutes, language),
            format_money(row.gross, language),
            format_money(row.vat, language),
            format_money(row.net, language),
        ]
        for row in (price_row(d, rate.percent) for d in data.services["support-person"].durations)
    ]


def table_rows(html: str, caption_part: str) -> list[list[str]]:
    for table in re.findall(r"<table\b[^>]*>.*?</table>", html, re.DOTALL):
        if caption_part in table:
            return [
                [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td\b[^>]*>(.*?)</td>", row)]
                for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
                if "<td" in row
            ]
    raise AssertionError(f"no table with {caption_part!r}")


@pytest.mark.parametrize(
    "page, language, caption",
    [
        ("ammatillinen-tukihenkilotoiminta/index.html", "fi", "hinta tapaamisen pituuden mukaan"),
        ("en/ammatillinen-tukihenkilotoiminta/index.html", "en", "price by length of meeting"),
        ("hinnat/index.html", "fi", "hinta tapaamisen pituuden mukaan"),
        ("en/hinnat/index.html", "en", "price by length of meeting"),
    ],
)
def test_built_tables_show_what_the_data_implies(built_site, build_epoch, data, page, language, caption):
    html = (built_site / page).read_text(encoding="utf-8")
    day = datetime.fromtimestamp(build_epoch, timezone.utc).date()
    assert table_rows(html, caption) == expected_rows(data, day, language)
    rate = format_rate(rate_in_force(data.vat_rates, day).percent, language)
    assert rate in html


def test_the_price_with_vat_is_the_first_price_column(built_site):
    for page, label in (("hinnat/index.html", "Hinta alv:n kanssa"), ("en/hinnat/index.html", "Price with VAT")):
        html = (built_site / page).read_text(encoding="utf-8")
        headers = re.findall(r'<th scope="col">(.*?)</th>', html[html.index("<table") :])[:4]
        assert headers[1] == label, headers
        assert not any("tunti" in header.lower() or "per hour" in header.lower() for header in headers)
