"""The owner's facts filled in data/organisation.yml show wherever they are needed, with no other edit:
the contact page, every footer, the privacy notice's controller, the purchasers' quick facts, the
structured data and the printed sheets (issue 20). The empty file's interim words: tests/site/.

Layer: builds its own copy of the project.
"""

from __future__ import annotations

import json
import re

from harness import build_site

FILLED = {
    'legal_name: ""': 'legal_name: "Metodi Oy"',
    'business_id: ""': 'business_id: "0737546-2"',
    'address: ""': 'address: "Esimerkkikatu 1, 20100 Turku"',
    'soteri_registration: ""': 'soteri_registration: "palveluyksikkö Metodi, Turku"',
    "languages: []": "languages: [fi, sv]",
}


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])


def test_a_filled_fact_shows_everywhere_it_is_needed(project_copy, tmp_path):
    path = project_copy / "data" / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    for empty, filled in FILLED.items():
        assert empty in text
        text = text.replace(empty, filled)
    path.write_text(text.replace('phone_hours:\n  fi: ""\n  en: ""', 'phone_hours:\n  fi: "arkisin klo 9–16"\n  en: "weekdays 9 am to 4 pm"'), encoding="utf-8")
    build = build_site(tmp_path / "site", cwd=project_copy)
    assert build.returncode == 0, build.output
    site = build.site

    def page(path: str) -> str:
        return (site / path / "index.html").read_text(encoding="utf-8")

    identification = "Metodi Oy, Y-tunnus 0737546-2, Esimerkkikatu 1, 20100 Turku"
    for path in ("", "hinnat", "toipumisorientaatio/yhteys"):
        footer = page(path)[page(path).index("<footer"):]
        assert f'<p class="site-footer__provider">{identification}</p>' in footer, path
        assert "Puhelinaika: arkisin klo 9–16" in footer
    assert "business ID 0737546-2" in page("en/hinnat")[page("en/hinnat").index("<footer"):]
    assert f"Rekisterinpitäjä on {identification}." in page("tietosuoja")
    assert "The controller is Metodi Oy, business ID 0737546-2" in page("en/tietosuoja")
    contact = page("yhteystiedot")
    assert f"Palveluntuottaja: {identification}." in contact and "Palvelemme näillä kielillä: suomi ja ruotsi." in contact
    purchasers = page("maksajille")
    assert "Soteri): palveluyksikkö Metodi, Turku." in purchasers and "Kysy meiltä Soteri" not in purchasers
    # Printed: every sheet's running line (the colophon at the end is for browsers without attr()).
    assert re.search(r'<html [^>]*data-print-header="Metodi Oy, Y-tunnus 0737546-2, [^"]* · Hinnat · Hinnasto on voimassa', page("hinnat"))
    assert f"Palveluntuottaja: {identification}" in page("palveluehdot").split('class="print-colophon"')[1]
    organisation = json_ld(page(""))
    assert organisation["legalName"] == "Metodi Oy" and organisation["taxID"] == "0737546-2"
    assert organisation["address"] == "Esimerkkikatu 1, 20100 Turku"
    assert organisation["contactPoint"]["availableLanguage"] == ["fi", "sv"]
    assert json_ld(page("en"))["url"] == organisation["url"] == "https://www.metodi.fi/"
