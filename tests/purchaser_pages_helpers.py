"""Shared by the layers of tests/*/test_purchaser_pages.py."""

from __future__ import annotations


SLUGS = ["palveluehdot", "hinnat", "yhteystiedot", "saavutettavuusseloste", "tietosuoja"]
from harness import LANGUAGE_PREFIXES as LANGUAGES
