"""The small hooks' pure functions, and the one source of the contact details: the parts that build
their own copy of the project (the rest, and what is checked and why: tests/unit/test_hooks.py).

Layer: each test builds its own copy of the project.
"""

from __future__ import annotations

from harness import build_site
from hooks_helpers import footer


def content(html: str) -> str:
    return html[html.index('class="md-content"') : html.index('class="md-footer"')]


def test_contact_page_and_footer_share_one_source(built_site, project_copy, tmp_path):
    for page in ("yhteystiedot/index.html", "en/yhteystiedot/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert 'href="tel:+358400578743"' in content(html) and 'href="tel:+358400578743"' in footer(html)
        assert "toni.kataja@metodi.fi" in content(html) and "toni.kataja@metodi.fi" in footer(html)

    data = project_copy / "data" / "organisation.yml"
    text = data.read_text(encoding="utf-8")
    assert "  phone: 0400 578 743\n" in text and "  email: toni.kataja@metodi.fi\n" in text
    text = text.replace("  phone: 0400 578 743\n", "  phone: 040 111 2222\n").replace(
        "  email: toni.kataja@metodi.fi\n", "  email: uusi.osoite@metodi.fi\n"
    )
    data.write_text(text, encoding="utf-8")
    build = build_site(tmp_path / "out", cwd=project_copy)
    assert build.returncode == 0, build.output
    for page in ("yhteystiedot/index.html", "en/yhteystiedot/index.html", "index.html", "en/hinnat/index.html"):
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert "toni.kataja" not in html and "578743" not in html.replace(" ", ""), page
        assert 'href="tel:+358401112222"' in footer(html), page
        assert "uusi.osoite@metodi.fi" in footer(html), page
    contact_page = (tmp_path / "out/yhteystiedot/index.html").read_text(encoding="utf-8")
    assert 'href="tel:+358401112222"' in content(contact_page)
    assert "uusi.osoite@metodi.fi" in content(contact_page)
