#!/usr/bin/env python3
"""Screenshots for a reviewer: phone and desktop, both languages, both colour schemes.

    .venv/bin/python scripts/screenshots.py            build the site, write screenshots/*.png
    .venv/bin/python scripts/screenshots.py --full     whole pages instead of the first screen

Pages: the home page, the coaching page and the prices page (add more with --page /path/). Widths:
360 px (a phone, 360×740) and 1366 px (a laptop, 1366×768). Files are named
``<page>-<language>-<width>-<scheme>.png`` in ``screenshots/`` (not kept in git).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import harness
from harness import LANGUAGE_PREFIXES as LANGUAGES
from harness import ROOT, build_site, launch_chromium, serve_from

PAGES = ["", "neuropsykiatrinen-valmennus/", "hinnat/"]
VIEWPORTS = {360: {"width": 360, "height": 740}, 1366: {"width": 1366, "height": 768}}
SCHEMES = ("light", "dark")
OUTPUT = ROOT / "screenshots"


def shot_name(slug: str, language: str, width: int, scheme: str) -> str:
    page = slug.strip("/").replace("/", "-") or "home"
    return f"{page}-{language}-{width}-{scheme}.png"


def take_screenshots(site: Path, browser, pages: list[str], output: Path, full_page: bool) -> list[Path]:
    output.mkdir(exist_ok=True)
    written = []
    for width, viewport in VIEWPORTS.items():
        for scheme in SCHEMES:
            context = browser.new_context(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
            context.route("**/*", serve_from(site))
            page = context.new_page()
            for slug in pages:
                for language, prefix in LANGUAGES.items():
                    page.goto(harness.SITE_ORIGIN + "/" + prefix + slug, wait_until="load")
                    path = output / shot_name(slug, language, width, scheme)
                    page.screenshot(path=str(path), full_page=full_page)
                    written.append(path)
            context.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="whole pages, not only the first screen")
    parser.add_argument("--page", action="append", help="a page path such as /palveluehdot/ (repeatable)")
    args = parser.parse_args()
    pages = [page.strip("/") + "/" if page.strip("/") else "" for page in args.page] if args.page else PAGES
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        build = build_site(Path(folder) / "site")
        if build.returncode != 0:
            sys.exit(build.output)
        with sync_playwright() as playwright:
            try:
                browser = launch_chromium(playwright)
            except RuntimeError as problem:
                sys.exit(str(problem))
            written = take_screenshots(build.site, browser, pages, OUTPUT, args.full)
            browser.close()
    print(f"{len(written)} screenshots in {OUTPUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
