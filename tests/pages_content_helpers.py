"""Shared by the layers of tests/*/test_pages_content.py."""

from __future__ import annotations


from website.pages import LANGUAGES  # noqa: F401  (the site's languages, from the page model)
# Slug of each page (its folder in the built site; "" is the home page).
PAGES = (
    "",
    "neuropsykiatrinen-valmennus",
    "maksajille",
    "valmennuksen-jalkeen",
    "ammatillinen-tukihenkilotoiminta",
)
