"""Shared by the layers of tests/*/test_cms.py."""

from __future__ import annotations

import json
import re

import yaml

from website import price_file
from harness import ROOT, SITE_ORIGIN

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


# --------------------------------------------------------------------------- the CMS in Chromium


def open_admin(context, config: str | None = None):
    if config is not None:
        # Registered last, so it answers before the site's own route (Playwright's order).
        context.route(
            f"{SITE_ORIGIN}/admin/config.yml*",
            lambda route, request: route.fulfill(body=config, headers={"Content-Type": "text/yaml; charset=utf-8"}),
        )
    page = context.new_page()
    # The CMS is a 2 MB single-page app: on a loaded two-core machine it can take longer than
    # Playwright's 30 s default to parse and draw (seen once in a full run). Waits, not sleeps.
    page.set_default_timeout(120_000)
    page.console = []
    page.on("console", lambda message: page.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: page.console.append(f"pageerror: {error}"))
    page.goto(SITE_ORIGIN + "/admin/", wait_until="load")
    return page


SEED = """async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle("sveltia-cms-test", {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split("/");
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""


def open_test_repository(browser_context, prepare=lambda context: None):
    """The CMS with the real configuration but Sveltia's test backend, seeded with our files."""
    config = re.sub(r"(?m)^backend:\n(?:  .*\n)+", "backend:\n  name: test-repo\n", (ADMIN / "config.yml").read_text(encoding="utf-8"))
    assert "name: test-repo" in config
    data_files = [price_file.DATA_FILE, "data/organisation.yml"]
    files = {path: (ROOT / path).read_text(encoding="utf-8") for path in page_files() + data_files}
    context = browser_context(viewport={"width": 1366, "height": 900})
    prepare(context)  # e.g. tests/browser/test_csp.py's watch, before the first page
    page = open_admin(context, config)
    page.evaluate(SEED, files)
    page.reload(wait_until="load")
    page.get_by_role("button", name=FINNISH["work_with_test_repo"]).click()
    return context, page, files
