"""Shared by the layers of tests/*/test_search.py."""

from __future__ import annotations

import json
import re


# Words only one language's pages have (checked against the built indexes below).
FINNISH_WORD = "irtisanomisaika"
ENGLISH_WORD = "coachee"
# A word from a page, and the page.
OWN_PAGE = {"fi": ("irtisanomisaika", "/palveluehdot/"), "en": ("cancellation", "/en/palveluehdot/")}
# Inflection: the base form, absent from the content as a word, and an inflected form that is there.
# "sudenkuoppa" is not a prefix of either form, so only stemming can find them.
BASE_FORM, INFLECTED_FORMS = "sudenkuoppa", {"sudenkuoppiin", "sudenkuopat"}


def index_words(built_site, language: str) -> dict[str, set[str]]:
    """page path → lower-case words in the built search index of ``language``."""
    prefix = "" if language == "fi" else "en/"
    index = json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, set[str]] = {}
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
        path = "/" + prefix + doc["location"].split("#")[0]
        pages.setdefault(path, set()).update(re.findall(r"[\wåäö]+", text))
    return pages


# Issue 21: search that forgives and helps.
# Typed without ä/ö, and a compound typed whole: the page each should find.
FOLDED = {
    "fi": [("tukihenkilo", "/ammatillinen-tukihenkilotoiminta/"), ("tukihenkilotoiminta", "/ammatillinen-tukihenkilotoiminta/"),
           ("sahkoposti", "/yhteystiedot/"), ("lahtotilanne", "/yhteystiedot/")],
}
# The words people use to find the contact page, in each language: it comes first for each.
CONTACT_WORDS = {
    "fi": ["yhteys", "yhteystiedot", "ota yhteyttä", "soita", "puhelin", "sähköposti", "sahkoposti"],
    "en": ["contact", "call", "phone", "e-mail", "email", "get in touch"],
}
CONTACT_PAGE = {"fi": "/yhteystiedot/", "en": "/en/yhteystiedot/"}
# A word in one page's "Lyhyesti" / "In brief" box that another page has in its body text only, and
# ranks first without the box's weight (measured): the box's page comes first.
BRIEF_WORDS = {"fi": ("kirjallisen", "/palveluehdot/"), "en": ("begins", "/en/palveluehdot/")}
# Words no page has.
NOTHING = {"fi": "peruutuskäytäntö", "en": "refundability"}


def brief_and_body_pages(built_site, language: str, word: str) -> tuple[set[str], set[str]]:
    """(pages whose brief box has ``word`` or a longer form, pages that have it in body text only)."""
    import json as _json

    prefix = "" if language == "fi" else "en/"
    index = _json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    brief, body = set(), set()
    for doc in index["docs"]:
        path = "/" + prefix + doc["location"].split("#")[0]
        if word in doc.get("brief", "").lower():
            brief.add(path)
        elif word in re.sub(r"<[^>]+>", " ", doc["text"]).lower() and word not in doc["title"].lower():
            body.add(path)
    return brief, body - brief
