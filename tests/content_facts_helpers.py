"""Shared by the layers of tests/*/test_content_facts.py."""

from __future__ import annotations

from datetime import datetime, timezone

import re
from html import unescape

import pytest

from harness import ROOT
from website.price_file import DATA_FILE, load_price_file, prices_on

from harness import LANGUAGE_PREFIXES as LANGUAGES

# One key term from each of the four conditions (the first condition has two parts).
# The VAT exemption's conditions (FACTS.md: all must hold, and the service must itself be social welfare).
CONDITION_TERMS = {
    "fi": {
        "Soteri-rekisteri": "Soteri",
        "viranomaisten valvonta": "valvo",
        "sosiaalihuoltoa sisällöltään": "sisällöltään sosiaalihuoltoa",
        "päätös tai sopimus": "päätökseen tai asiakkaan kanssa tehtyyn kirjalliseen sopimukseen",
        "suunnitelma": "palvelu- tai asiakassuunnitelma",
        "omavalvonta": "omavalvontasuunnitelma",
    },
    "en": {
        "Soteri register": "Soteri",
        "supervision": "supervis",
        "social welfare in content": "social welfare in content",
        "decision or contract": "decision or on a written contract with the client",
        "plan": "service or client plan",
        "self-monitoring": "self-monitoring plan",
    },
}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unescape(text).replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def data(build_epoch):
    """The price file as the session's build shows it: one price a length."""
    return prices_on(load_price_file(ROOT / DATA_FILE), datetime.fromtimestamp(build_epoch, timezone.utc).date())
