"""Search in the page's own language.

The i18n plugin writes one search index for both languages, so the English site would find Finnish
pages and the other way round. After the build this hook splits it: ``search/search_index.json`` keeps
the Finnish pages, with Finnish stop words, and ``en/search/search_index.json`` the English ones. The
English pages point the search at their own index (``overrides/main.html`` sets the search base).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs import plugins

DEFAULT_LANGUAGE = "fi"
OTHER_LANGUAGES = ("en",)
INDEX = Path("search") / "search_index.json"


def split_index(index: dict) -> dict[str, dict]:
    """One index per language; English locations become relative to ``en/``."""
    by_language: dict[str, list] = {language: [] for language in (DEFAULT_LANGUAGE, *OTHER_LANGUAGES)}
    for doc in index["docs"]:
        location = doc["location"]
        language = next((lang for lang in OTHER_LANGUAGES if location.startswith(f"{lang}/")), None)
        if language is None:
            by_language[DEFAULT_LANGUAGE].append(doc)
        else:
            by_language[language].append({**doc, "location": location[len(language) + 1 :]})
    return {
        language: {**index, "config": {**index["config"], "lang": [language]}, "docs": docs}
        for language, docs in by_language.items()
    }


def index_path(site_dir: Path, language: str) -> Path:
    return site_dir / INDEX if language == DEFAULT_LANGUAGE else site_dir / language / INDEX


@plugins.event_priority(-200)  # after the i18n plugin has merged both languages into one index
def on_post_build(config):
    site_dir = Path(config.site_dir)
    combined = index_path(site_dir, DEFAULT_LANGUAGE)
    if not combined.exists():
        return
    for language, index in split_index(json.loads(combined.read_text(encoding="utf-8"))).items():
        target = index_path(site_dir, language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
