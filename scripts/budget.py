#!/usr/bin/env python3
"""Page weight and build time.

    python3 scripts/dev.py budget              build, measure every page, time 5 builds
    python3 scripts/dev.py budget --builds 9   time 9 builds (the median is reported)
    python3 scripts/dev.py budget --verbose    also list every response of every page

Page weight is measured in Chromium, not estimated from files: every page of both languages is
opened in a fresh browser context (empty cache, as on a first visit) with the built site served at
its real origin, and every response is recorded until the network is idle – HTML, CSS, scripts,
images, fonts, and what the scripts fetch afterwards: the search worker, the search index, the lunr
language files and the sitemaps Material reads for the language selector. Sizes are given raw and
gzipped (gzip level 6, what web servers and CDNs commonly use; GitHub Pages compresses similarly).

Targets: at most 100 KiB gzipped on the first view of every page (tests/test_budget.py asserts
it), and a full build of both languages in under 3 s (reported only: timings depend on the machine
and are never asserted).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import conftest  # noqa: E402  (the tests' build, Chromium and static-host helpers)

BUDGET_GZIP_BYTES = 100 * 1024
BUILD_TARGET_SECONDS = 3.0
GZIP_LEVEL = 6
LANGUAGE_PREFIXES = {"fi": "", "en": "en/"}

# Resource kinds as the budget reports them, from Chromium's resource type and the file name.
KINDS = ("html", "css", "js", "data", "image", "font", "other")


def page_slugs(docs: Path = ROOT / "docs") -> list[str]:
    """Every page's address without language ("" is the home page), from the Finnish sources."""
    slugs = []
    for path in sorted(docs.rglob("*.fi.md")):
        stem = path.relative_to(docs).as_posix()[: -len(".fi.md")]
        slugs.append("" if stem == "index" else stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    return slugs


def page_paths() -> list[str]:
    """URL paths of every page in both languages: "/", "/maksajille/", …, "/en/", "/en/maksajille/", …"""
    return ["/" + prefix + slug for prefix in LANGUAGE_PREFIXES.values() for slug in page_slugs()]


def kind_of(url: str, resource_type: str) -> str:
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    if resource_type == "document" or name.endswith(".html") or name == "":
        return "html"
    if resource_type == "stylesheet" or name.endswith(".css"):
        return "css"
    if resource_type == "script" or name.endswith(".js"):
        return "js"
    if resource_type == "font" or name.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "font"
    if resource_type == "image" or name.endswith((".svg", ".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".ico")):
        return "image"
    if name.endswith((".json", ".xml", ".txt")):
        return "data"
    return "other"


@dataclass
class Response:
    url: str
    status: int
    kind: str
    raw: int
    gzip: int


@dataclass
class PageLoad:
    """Everything one first view of a page loaded, and what went wrong on the way."""

    path: str
    responses: list[Response] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    cookies: list[dict] = field(default_factory=list)

    @property
    def raw(self) -> int:
        return sum(response.raw for response in self.responses)

    @property
    def gzip(self) -> int:
        return sum(response.gzip for response in self.responses)

    def by_kind(self) -> dict[str, tuple[int, int, int]]:
        """kind → (requests, raw bytes, gzip bytes)."""
        totals = {kind: (0, 0, 0) for kind in KINDS}
        for response in self.responses:
            count, raw, packed = totals[response.kind]
            totals[response.kind] = (count + 1, raw + response.raw, packed + response.gzip)
        return totals


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def _start(browser, site: Path, path: str):
    """Open ``path`` in a fresh context and start recording; returns (context, page, load)."""
    context = browser.new_context()
    context.route("**/*", conftest.serve_from(site))
    load = PageLoad(path)
    pending = []

    def on_request(request):
        load.requests.append(request.url)
        url = urlsplit(request.url)
        if url.scheme in {"http", "https"} and f"{url.scheme}://{url.netloc}" != conftest.SITE_ORIGIN:
            load.foreign.append(request.url)

    def on_response(response):
        if response.status >= 400:
            load.failed.append(f"{response.status} {response.url}")
        pending.append(response)

    context.on("request", on_request)
    context.on("requestfailed", lambda request: load.failed.append(f"{request.failure} {request.url}"))
    context.on("response", on_response)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and load.console_errors.append(message.text))
    page.on("pageerror", lambda error: load.console_errors.append(str(error)))
    page.goto(conftest.SITE_ORIGIN + path, wait_until="commit")
    return context, page, load, pending


def _finish(context, page, load: PageLoad, pending: list, sizes: dict) -> PageLoad:
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")
    for response in pending:
        # A static file is the same bytes on every page: read each address's body from Chromium once.
        key = (response.url, response.status)
        if key not in sizes:
            try:
                body = response.body()
            except Exception:  # a redirect or an aborted response has no body
                body = b""
            sizes[key] = (len(body), gzip_size(body) if body else 0)
        raw, packed = sizes[key]
        load.responses.append(
            Response(response.url, response.status, kind_of(response.url, response.request.resource_type), raw, packed)
        )
    load.cookies = context.cookies()
    context.close()
    return load


def measure_pages(browser, site: Path, paths: list[str], parallel: int = 4) -> list[PageLoad]:
    """First view of every path, each in a fresh context; ``parallel`` pages load at a time."""
    loads, sizes = [], {}
    for start in range(0, len(paths), parallel):
        started = [_start(browser, site, path) for path in paths[start : start + parallel]]
        loads += [_finish(*state, sizes) for state in started]
    return loads


def build_times(builds: int) -> list[float]:
    """Seconds of ``builds`` full strict builds of both languages, one after another."""
    times = []
    with tempfile.TemporaryDirectory(prefix="metodi-budget-") as folder:
        for number in range(builds):
            build = conftest.build_site(Path(folder) / f"site-{number}")
            if build.returncode != 0:
                sys.exit(f"The build failed:\n{build.output}")
            times.append(build.seconds)
    return times


def kib(size: int) -> str:
    return f"{size / 1024:7.1f}"


def report(loads: list[PageLoad], verbose: bool) -> None:
    print("First view of every page (KiB; raw / gzip; requests):")
    header = f"{'page':<48} {'req':>4} {'raw':>7} {'gzip':>7}   " + "  ".join(f"{kind:>13}" for kind in KINDS[:-1])
    print(header)
    for load in loads:
        kinds = load.by_kind()
        cells = "  ".join(f"{kinds[kind][1] / 1024:6.1f}/{kinds[kind][2] / 1024:5.1f}" for kind in KINDS[:-1])
        flag = "  OVER BUDGET" if load.gzip > BUDGET_GZIP_BYTES else ""
        print(f"{load.path:<48} {len(load.responses):>4} {kib(load.raw)} {kib(load.gzip)}   {cells}{flag}")

    print("\nEvery response body (KiB raw / gzip); pages that load it:")
    seen: dict[str, tuple[Response, int]] = {}
    for load in loads:
        for response in load.responses:
            path = urlsplit(response.url).path
            seen[path] = (response, seen.get(path, (response, 0))[1] + 1)
    shared = sorted(seen.items(), key=lambda item: -item[1][0].gzip)
    for path, (response, count) in shared:
        if verbose or count > 1:
            print(f"  {kib(response.raw)} {kib(response.gzip)}  {count:>3}  {path}")
    if not verbose:
        single = [item for item in shared if item[1][1] == 1]
        print(f"  … and {len(single)} responses loaded by one page each (the pages themselves, their "
              f"sitemaps); --verbose lists them")

    worst = max(loads, key=lambda load: load.gzip)
    most = max(loads, key=lambda load: len(load.responses))
    print(f"\nHeaviest first view: {worst.path} {worst.gzip / 1024:.1f} KiB gzip ({worst.raw / 1024:.1f} KiB raw), "
          f"{len(worst.responses)} requests; most requests: {most.path} {len(most.responses)}")
    print(f"Budget: {BUDGET_GZIP_BYTES // 1024} KiB gzip per first view – "
          + ("all pages within it." if worst.gzip <= BUDGET_GZIP_BYTES else "OVER on some pages."))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--builds", type=int, default=5, help="how many builds to time (default 5)")
    parser.add_argument("--verbose", action="store_true", help="list every response of every page")
    arguments = parser.parse_args(argv)

    chromium = conftest.find_chromium()
    if chromium is None:
        sys.exit("No Chromium found: install Debian's chromium or run `python -m playwright install chromium`.")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="metodi-budget-") as folder:
        build = conftest.build_site(Path(folder) / "site")
        if build.returncode != 0:
            sys.exit(f"The build failed:\n{build.output}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=conftest.CHROMIUM_ARGS)
            loads = measure_pages(browser, build.site, page_paths())
            browser.close()
    report(loads, arguments.verbose)

    if arguments.builds > 0:
        times = build_times(arguments.builds)
        median = statistics.median(times)
        print(f"\nFull build of both languages, {len(times)} runs: median {median:.2f} s "
              f"(min {min(times):.2f} s, max {max(times):.2f} s); target under {BUILD_TARGET_SECONDS:.0f} s – "
              + ("met." if median < BUILD_TARGET_SECONDS else "NOT met."))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
