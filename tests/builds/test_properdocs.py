"""The fallback engine: ProperDocs, a fork of MkDocs 1.6, builds this very mkdocs.yml (Material,
mkdocs-static-i18n, the hook) into the same site as MkDocs, byte for byte. If MkDocs 1.6 or Material
stops working on a future Python, or after Material's end of life (5 May 2027), the switch in
README.md ("Maintenance outlook") is then a change of command, not a port.

Layer: each test runs its own builds (of the project, into temporary folders).
"""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest

from website import output
from harness import MKDOCS_ENV, PREVIEW_VARIABLES, ROOT

ENGINES = {
    "mkdocs": ["-m", "mkdocs", "build", "--strict"],
    # -f: ProperDocs looks for properdocs.yml first and only falls back to mkdocs.yml (with a notice).
    "properdocs": ["-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
}


def pinned(requirements: Path, package: str) -> str | None:
    found = re.search(rf"^{re.escape(package)}==(\S+)$", requirements.read_text(encoding="utf-8"), re.MULTILINE)
    return found and found[1]


def differences(first: Path, second: Path) -> list[str]:
    """Every path under either folder that is not the same file, byte for byte, in the other, with why."""
    found = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"{prefix}{name}: only in {first.name}" for name in comparison.left_only)
        found.extend(f"{prefix}{name}: only in {second.name}" for name in comparison.right_only)
        found.extend(f"{prefix}{name}: not a file in both" for name in comparison.common_funny)
        files = comparison.common_files
        _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, files, shallow=False)
        found.extend(f"{prefix}{name}: bytes differ" for name in mismatch)
        found.extend(f"{prefix}{name}: could not be read" for name in errors)
        for name, sub in sorted(comparison.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(first, second, ignore=[], hide=[]), "")
    return sorted(found)


def test_properdocs_is_pinned_for_the_tests_only_and_installed():
    version = pinned(ROOT / "requirements-test.txt", "properdocs")
    assert version, "requirements-test.txt should pin properdocs==<version>"
    assert not pinned(ROOT / "requirements.txt", "properdocs"), "the site is built with MkDocs; ProperDocs is the fallback"
    assert metadata.version("properdocs") == version
    # Every dependency of ProperDocs is pinned already (a fallback that pulls in something unpinned is not ready).
    pins = {
        re.split(r"[=<>\[; ]", line, maxsplit=1)[0].lower().replace("_", "-")
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    for requirement in metadata.requires("properdocs") or []:
        name, _, marker = requirement.partition(";")
        if "extra ==" in marker or "python_version < " in marker or "platform_system == " in marker:
            continue
        name = re.split(r"[=<>\[ (!~]", name.strip(), maxsplit=1)[0].lower().replace("_", "-")
        assert name in pins, f"properdocs needs {requirement}, which requirements.txt does not pin"


def test_properdocs_builds_the_same_site_as_mkdocs_byte_for_byte(tmp_path):
    environment = {
        **{name: value for name, value in os.environ.items() if name not in PREVIEW_VARIABLES},
        **MKDOCS_ENV,
        # The same build day for both (VAT rates and dated prices follow it, and the gzip header of
        # sitemap.xml.gz holds it).
        "SOURCE_DATE_EPOCH": str(int(time.time())),
    }
    sites = {engine: tmp_path / f"site-{engine}" for engine in ENGINES}
    # Both at once: the hook stages each build beside its own --site-dir, so they share nothing.
    running = {
        engine: subprocess.Popen(
            [sys.executable, *ENGINES[engine], "--site-dir", str(sites[engine])],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for engine in ENGINES
    }
    logs = {engine: process.communicate(timeout=300)[0] for engine, process in running.items()}
    for engine, process in running.items():
        assert process.returncode == 0, f"{engine} build failed:\n{logs[engine]}"
        assert "WARNING" not in logs[engine], f"{engine} warned:\n{logs[engine]}"
        # The hook swapped its staging folder in and left nothing beside the site.
        assert not output.staging_dir(sites[engine]).exists()
        assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(sites[engine].name)) == [
            sites[engine].name
        ]
    pages = sorted(sites["properdocs"].rglob("*.html"))
    assert len(pages) >= 2 * 9 and (sites["properdocs"] / "en" / "index.html").is_file()
    assert (sites["properdocs"] / "sitemap.xml.gz").is_file() and (sites["properdocs"] / "search").is_dir()
    different = differences(sites["mkdocs"], sites["properdocs"])
    files = sum(1 for path in sites["mkdocs"].rglob("*") if path.is_file())
    assert not different, f"{len(different)} of {files} paths differ between MkDocs and ProperDocs:\n" + "\n".join(
        different
    )


def test_python_m_properdocs_is_properdocs_itself():
    """The command the test and README run is ProperDocs' own, at the pinned version (MkDocs is installed
    beside it, because Material and mkdocs-static-i18n require it)."""
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "--version"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    version = re.escape(metadata.version("properdocs"))
    assert re.match(rf"python -m properdocs, version {version} from \S+/properdocs ", result.stdout), result.stdout


def test_under_properdocs_a_link_to_a_missing_section_is_explained_in_plain_words(project_copy, tmp_path):
    """ProperDocs logs its warnings as properdocs.structure.*: the hook listens under both engines' names
    (website.links.engine_loggers), so the staff get the same plain words under either engine."""
    page = project_copy / "docs" / "index.fi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Hinnat](hinnat.md#ei-tallaista-kohtaa)\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, *ENGINES["properdocs"], "--site-dir", str(tmp_path / "site")],
        cwd=project_copy,
        env={**{n: v for n, v in os.environ.items() if n not in PREVIEW_VARIABLES}, **MKDOCS_ENV},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "'#ei-tallaista-kohtaa', mutta sivulla ei ole sen nimistä kohtaa" in result.stdout + result.stderr


def test_the_comparison_names_every_path_that_differs(tmp_path):
    first, second = tmp_path / "site-mkdocs", tmp_path / "site-properdocs"
    for site in (first, second):
        (site / "en" / "deep").mkdir(parents=True)
        (site / "index.html").write_bytes(b"<p>same</p>")
        (site / "en" / "deep" / "page.html").write_bytes(b"<p>one</p>")
    assert differences(first, second) == []
    (second / "en" / "deep" / "page.html").write_bytes(b"<p>one </p>")
    (first / "only.txt").write_text("x")
    (second / "en" / "new.js").write_text("y")
    assert differences(first, second) == [
        "en/deep/page.html: bytes differ",
        "en/new.js: only in site-properdocs",
        "only.txt: only in site-mkdocs",
    ]
