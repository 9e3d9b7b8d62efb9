"""Shared by the layers of tests/*/test_prices.py."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from harness import ROOT
from website.price_file import load_price_file, prices_on

DATA = ROOT / "data" / "prices.yml"
# Known figures for the tests that need them or that break a file on purpose. Staff change DATA; the
# tests of the built site read DATA for their expected figures, so an ordinary price change passes.
FIXTURE = ROOT / "tests" / "fixtures" / "prices.yml"
NBSP = "\N{NO-BREAK SPACE}"


@pytest.fixture(scope="module")
def data(build_epoch):
    """The live price file, as the session's build shows it: one price a length."""
    return prices_on(load_price_file(DATA), datetime.fromtimestamp(build_epoch, timezone.utc).date())
