"""The recovery-orientation guide (docs/toipumisorientaatio/), read from the strict build: the parts
that need no build (the rest, and what is checked and why: tests/site/test_guide.py).

Layer: unit tests, no build.
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
