"""Shared by the layers of tests/*/test_cms.py."""

from __future__ import annotations

import json
import re

import yaml

from website import price_file
from harness import ROOT

import update_cms

ADMIN = ROOT / "admin"
DOCS = ROOT / "docs"
PRICES = ROOT / price_file.DATA_FILE
CONFIG = yaml.safe_load((ADMIN / "config.yml").read_text(encoding="utf-8"))
NOTE = json.loads((ADMIN / update_cms.NOTE).read_text(encoding="utf-8"))
FINNISH = json.loads((ADMIN / "locales/fi.json").read_text(encoding="utf-8"))
FRONT_MATTER = re.compile(r"^---\n(?P<head>.*?)\n---\n(?P<body>.*)$", re.DOTALL)


def collection(name: str) -> dict:
    return next(item for item in CONFIG["collections"] if item["name"] == name)


def page_files() -> list[str]:
    return sorted(path.relative_to(ROOT).as_posix() for path in DOCS.rglob("*.md"))


def split_page(path: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match((ROOT / path).read_text(encoding="utf-8"))
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match["head"]) or {}, match["body"]
