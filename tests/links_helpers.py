"""Shared by the layers of tests/*/test_links.py."""

from __future__ import annotations

from website.pages import link_names

PAGES = link_names(
    ["index.fi.md", "index.en.md", "hinnat.fi.md", "hinnat.en.md", "yhteystiedot.fi.md", "yhteystiedot.en.md",
     "toipumisorientaatio/yhteys.fi.md", "toipumisorientaatio/yhteys.en.md", "assets/logo.svg"]
)
