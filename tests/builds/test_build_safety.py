"""Bad input stops the build before anything is written, with a plain message; the last good site stays."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from harness import ROOT, build_site

# The tests break a price file of their own, never the live one: staff change the live prices.
FIXTURE_PRICES = ROOT / "tests" / "fixtures" / "prices.yml"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def good_site(project_copy, tmp_path):
    (project_copy / "data" / "prices.yml").write_text(FIXTURE_PRICES.read_text(encoding="utf-8"), encoding="utf-8")
    site = tmp_path / "site"
    build = build_site(site, cwd=project_copy)
    assert build.returncode == 0, build.output
    return site


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKAGES = {
    "price file": (
        lambda root: replace_in(root / "data/prices.yml", "price: 90.00", "price: 90,00"),
        ["data/prices.yml, line", "'90,00' is not a number", "Use a dot"],
    ),
    "unknown service in a shortcode": (
        lambda root: replace_in(
            root / "docs/hinnat.en.md", "<!-- md:price-table support-person -->", "<!-- md:price-table support -->"
        ),
        ["docs/hinnat.en.md, line", "names the service 'support'", "The services are: coaching, support-person"],
    ),
    "misspelled shortcode": (
        lambda root: replace_in(
            root / "docs/hinnat.fi.md", "<!-- md:price-table support-person -->", "<!-- md:prices-table support-person -->"
        ),
        ["docs/hinnat.fi.md, line", "is not one the site knows", "Check the spelling"],
    ),
    "VAT rate missing on the build date": (
        lambda root: (
            replace_in(root / "data/prices.yml", "from: 2013-01-01", "from: 2098-01-01"),
            replace_in(root / "data/prices.yml", "from: 2024-09-01", "from: 2099-01-01"),
        ),
        ["no VAT rate is in force on the build date 2026-01-01", "Add a row under 'vat_rates'"],
    ),
}


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_a_failed_build_keeps_the_last_good_site(project_copy, good_site, case):
    before = snapshot(good_site)
    breakage, expected = BREAKAGES[case]
    breakage(project_copy)
    build = build_site(good_site, cwd=project_copy, env={"SOURCE_DATE_EPOCH": "1767225600"})  # 2026-01-01
    assert build.returncode != 0
    for words in expected:
        assert words in build.output, build.output
    assert "Traceback" not in build.output
    assert snapshot(good_site) == before
    assert not good_site.with_name("site.building").exists()


def test_a_good_build_replaces_the_site(project_copy, good_site):
    replace_in(project_copy / "data/prices.yml", "price: 90.00", "price: 91.00")
    build = build_site(good_site, cwd=project_copy)
    assert build.returncode == 0, build.output
    assert "91,00\N{NO-BREAK SPACE}€" in (good_site / "hinnat/index.html").read_text(encoding="utf-8")
    assert not good_site.with_name("site.building").exists()
    assert not good_site.with_name("site.previous").exists()
