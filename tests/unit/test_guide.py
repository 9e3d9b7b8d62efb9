"""The recovery-orientation guide (docs/toipumisorientaatio/), read from the strict build.

Every page of the section exists in Finnish and English and is in the navigation of every other page
of the section; each process page has its pitfalls, tips, key idea, quote and elements; the
self-reflection page has its two checklists (7 and 10 boxes) and a note that Metodi cannot see the
ticks (but anyone on a shared device can); every page credits the source; the
five-processes page cites Leamy et al. (2011) with its DOI and links the CHIME figure to the pages.
"""

from __future__ import annotations

from harness import ROOT


def test_checklist_script_is_self_contained():
    script = (ROOT / "overrides/assets/javascripts/checklist.js").read_text(encoding="utf-8")
    for forbidden in ("fetch(", "XMLHttpRequest", "import ", "http://", "https://", "sendBeacon"):
        assert forbidden not in script, f"checklist.js must not use {forbidden!r}"
    assert "localStorage" in script and "try" in script


def test_guide_css_defines_both_admonition_types_for_both_schemes():
    css = (ROOT / "overrides/assets/stylesheets/site.css").read_text(encoding="utf-8")
    for name in ("pitfall", "key"):
        assert f"--md-admonition-icon--{name}:" in css
        assert f".md-typeset .admonition.{name}" in css
    assert '[data-md-color-scheme="default"]' in css and '[data-md-color-scheme="slate"]' in css
    assert "@media print" in css
