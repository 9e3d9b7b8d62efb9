"""The first view of a page as a visitor's browser loads it: every response, its size raw and gzipped.

Each page opens in a fresh Chromium context (empty cache, as on a first visit) with the built site
served at its real origin, and every response is recorded until the network is idle. Used by
scripts/budget.py (the printed figures) and by the tests (tests/browsing.py ``first_views``).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import harness
from harness import serve_from

GZIP_LEVEL = 6

# Resource kinds as the budget reports them, from Chromium's resource type and the file name.
KINDS = ("html", "css", "js", "data", "image", "font", "other")


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
    context.route("**/*", serve_from(site))
    load = PageLoad(path)
    pending = []

    def on_request(request):
        load.requests.append(request.url)
        url = urlsplit(request.url)
        if url.scheme in {"http", "https"} and f"{url.scheme}://{url.netloc}" != harness.SITE_ORIGIN:
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
    page.goto(harness.SITE_ORIGIN + path, wait_until="commit")
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
