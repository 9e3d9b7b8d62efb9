"""The cost estimator on /hinnat/ and /en/hinnat/ (hooks/website/estimator.py,
assets/javascripts/estimator.js): the parts read from the shared strict build (the rest, and what is
checked and why: tests/browser/test_estimator.py).

Layer: the shared strict build.
"""

from __future__ import annotations

import gzip
import re
from decimal import Decimal
from html import unescape

import pytest

from website import estimator
from harness import ROOT
from website.formats import format_rate
from website.prices import price_row, render_cost_example
from estimator_helpers import PAGES, data, embedded_json, rate, service

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "estimator.js"


def built_page(built_site, language: str) -> str:
    return (built_site / PAGES[language].lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", PAGES)
def test_the_built_page_embeds_the_price_file(built_site, service, rate, language):
    html = built_page(built_site, language)
    data = embedded_json(html)
    assert data == estimator.estimator_data(service, rate, language)
    # And independently of the estimator module: the price file through the price tables' function.
    assert [(d["minutes"], Decimal(d["net"]) / 100, Decimal(d["vat"]) / 100) for d in data["durations"]] == [
        (row.minutes, row.net, row.vat) for row in (price_row(d, rate.percent) for d in service.durations)
    ]
    assert data["rateLabel"] == format_rate(rate.percent, language)
    assert re.search(r'<div class="cost-estimator" data-cost-estimator="support-person" hidden>', html)
    # The worked example stays, above the estimator, for visitors without JavaScript.
    example = render_cost_example(service.duration(120), 4, rate, language)
    text = unescape(re.sub(r"<[^>]+>", "", html))
    assert example in text
    assert text.index(example) < text.index(estimator.TEXTS[language]["heading"])


def test_the_script_loads_deferred_on_the_prices_pages_only_and_is_small(built_site):
    tag = re.compile(r'<script src="[^"]*assets/javascripts/estimator\.js" defer></script>')
    with_script = sorted(
        str(path.relative_to(built_site)) for path in built_site.rglob("*.html") if tag.search(path.read_text(encoding="utf-8"))
    )
    assert with_script == ["en/hinnat/index.html", "hinnat/index.html"]
    built = (built_site / "assets" / "javascripts" / "estimator.js").read_bytes()
    assert built == SCRIPT.read_bytes()
    size = len(gzip.compress(built, 9))
    assert size <= 3 * 1024, f"estimator.js is {size} bytes gzip, over the 3 KiB budget"
