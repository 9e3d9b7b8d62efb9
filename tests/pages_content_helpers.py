"""Shared by the layers of tests/*/test_pages_content.py."""

from __future__ import annotations


LANGUAGES = ("fi", "en")
# Slug of each page (its folder in the built site; "" is the home page).
PAGES = (
    "",
    "neuropsykiatrinen-valmennus",
    "maksajille",
    "valmennuksen-jalkeen",
    "ammatillinen-tukihenkilotoiminta",
)
