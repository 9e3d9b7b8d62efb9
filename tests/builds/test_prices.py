"""The price hook: money arithmetic, VAT dates, formatting, bad input, and the built pages: the parts
that build their own copy of the project (the rest, and what is checked and why:
tests/unit/test_prices.py).

Layer: each test builds its own copy of the project.
"""

from __future__ import annotations

from harness import build_site
from prices_helpers import FIXTURE, NBSP


def test_changing_a_price_changes_the_built_page(project_copy, tmp_path):
    data_file = project_copy / "data" / "prices.yml"
    data_file.write_text(FIXTURE.read_text(encoding="utf-8").replace("price: 70.00", "price: 72.40"), encoding="utf-8")
    build = build_site(tmp_path / "out", cwd=project_copy, env={"SOURCE_DATE_EPOCH": "1735689600"})  # 2025-01-01
    assert build.returncode == 0, build.output
    html = (tmp_path / "out/ammatillinen-tukihenkilotoiminta/index.html").read_text(encoding="utf-8")
    assert f"72,40{NBSP}€" in html and f"90,86{NBSP}€" in html  # 72.40 + 18.46 VAT
    assert f"70,00{NBSP}€" not in html
    html_en = (tmp_path / "out/en/ammatillinen-tukihenkilotoiminta/index.html").read_text(encoding="utf-8")
    assert "€90.86" in html_en


def test_a_build_before_the_change_uses_the_old_rate(project_copy, tmp_path):
    (project_copy / "data" / "prices.yml").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    build = build_site(tmp_path / "out", cwd=project_copy, env={"SOURCE_DATE_EPOCH": "1725148799"})  # 2024-08-31
    assert build.returncode == 0, build.output
    html = (tmp_path / "out/ammatillinen-tukihenkilotoiminta/index.html").read_text(encoding="utf-8")
    assert f"86,80{NBSP}€" in html  # 70 + 24 %
    assert f"24{NBSP}%" in html


def test_a_hand_typed_price_stops_the_build_with_the_shortcode_to_use(project_copy, tmp_path):
    page = project_copy / "docs" / "ammatillinen-tukihenkilotoiminta.fi.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(8, "Kahden tunnin tapaaminen maksaa noin 95,00 €.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = build_site(tmp_path / "site", cwd=project_copy)
    assert build.returncode != 0
    assert "docs/ammatillinen-tukihenkilotoiminta.fi.md, rivi 9: sivulle on kirjoitettu käsin hinta" in build.output
    assert "<!-- md:price-with-vat support-person 120 -->" in build.output and "Traceback" not in build.output
