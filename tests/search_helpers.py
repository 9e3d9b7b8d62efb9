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
