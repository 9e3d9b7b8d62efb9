"""Shared by the layers of tests/*/test_estimator.py."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import pytest

from harness import ROOT
from website.price_file import load_price_file, prices_on, rate_in_force

PAGES = {"fi": "/hinnat/", "en": "/en/hinnat/"}


@pytest.fixture(scope="module")
def data():
    return load_price_file(ROOT / "data" / "prices.yml")


@pytest.fixture(scope="module")
def rate(data, build_epoch):
    return rate_in_force(data.vat_rates, datetime.fromtimestamp(build_epoch, timezone.utc).date())


@pytest.fixture(scope="module")
def service(data, build_epoch):
    """The service as the pages show it on the build date: one price a length (a dated row that has
    not started is left out)."""
    return prices_on(data, datetime.fromtimestamp(build_epoch, timezone.utc).date()).services["support-person"]


def embedded_json(html: str) -> dict:
    block = html.split('data-cost-estimator="', 1)[1]
    return json.loads(re.search(r'<script type="application/json">(.*?)</script>', block, re.DOTALL)[1])
