"""`python3 scripts/dev.py owner`: which of the owner's facts in data/organisation.yml are still empty,
each with the question of OWNER-QUESTIONS.md that it answers. In Finnish, for the staff and the owner.
Exits with 1 if the file has a mistake (the same message as the build's), 0 otherwise.
"""

from __future__ import annotations

import sys

from harness import ROOT
from website.organisation import DATA_FILE, OWNER_FACTS, OWNER_QUESTIONS, TITLES, load_organisation


def report(organisation, problems) -> tuple[str, int]:
    if organisation is None or problems:
        lines = [f"Tiedostossa {DATA_FILE} on virhe, joka pysäyttää sivuston rakentamisen:"]
        lines += [f"- {problem.finnish}" for problem in problems]
        return "\n".join(lines), 1
    missing = organisation.missing()
    if not missing:
        return f"Kaikki omistajan {len(OWNER_FACTS)} tietoa on kirjoitettu tiedostoon {DATA_FILE}.", 0
    lines = [f"Omistajan tiedoista puuttuu vielä {len(missing)}/{len(OWNER_FACTS)} (tiedosto {DATA_FILE}):"]
    for key in missing:
        lines.append(f"- {key}: {TITLES[key][0]} (OWNER-QUESTIONS.md, kysymys {OWNER_QUESTIONS[key]})")
    lines.append(
        "Kun omistaja on vahvistanut tiedon, kirjoita se selaimessa Yrityksen tiedot -lomakkeelle tai suoraan "
        f"tiedostoon {DATA_FILE}. Siihen asti sivuilla lukee 'kysy meiltä' tai ei mitään."
    )
    return "\n".join(lines), 0


def main() -> int:
    text, code = report(*load_organisation(ROOT, ROOT / "docs"))
    print(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
