"""Shared by the layers of tests/*/test_front_door.py."""

from __future__ import annotations

from harness import LANGUAGE_PREFIXES, ROOT
from website.price_file import load_price_file, prices_on, rate_in_force
from website.context import build_date
from website.formats import format_money
from website.prices import price_row

HOME = {language: "/" + prefix for language, prefix in LANGUAGE_PREFIXES.items()}


def prices_with_vat(language: str) -> list[str]:
    data = prices_on(load_price_file(ROOT / "data" / "prices.yml"), build_date())
    rate = rate_in_force(data.vat_rates, build_date())
    return [
        format_money(price_row(duration, rate.percent).gross, language)
        for service in data.services.values()
        for duration in service.durations
    ]
