"""Shared fixtures: one strict build of the real site per test session, and a real headless Chromium.

The browser serves the built files at the site's own origin (taken from ``site_url``) through
Playwright's request routing, so absolute links in the pages (canonical, hreflang) stay same-origin and
any request to another origin is caught as third-party.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


#: Environment variables that turn a build into a pull request's preview (.github/workflows/pr.yml).
#: ``build_site`` leaves them out unless a test passes them, so a shell that has them set still tests
#: the live site.
PREVIEW_VARIABLES = ("SITE_URL", "SITE_NOINDEX")


def _site_url() -> str:
    # BaseLoader keeps tags as plain values: `site_url: !ENV [SITE_URL, 'https://…/']` reads as the
    # list ['SITE_URL', 'https://…/'], whose last item is the address used when SITE_URL is unset.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    site_url = config["site_url"]
    if isinstance(site_url, list):
        site_url = site_url[-1]
    return site_url.rstrip("/")


SITE_URL = _site_url()
SITE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(SITE_URL))


@dataclass
class Build:
    site: Path
    output: str
    returncode: int
    seconds: float


def build_site(destination: Path, *, cwd: Path = ROOT, env: dict | None = None) -> Build:
    """Run the real strict MkDocs build of the project in ``cwd`` into ``destination``."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=cwd,
        env={
            **{name: value for name, value in os.environ.items() if name not in PREVIEW_VARIABLES},
            "NO_MKDOCS_2_WARNING": "1",
            **(env or {}),
        },
        capture_output=True,
        text=True,
    )
    return Build(
        destination, result.stdout + result.stderr, result.returncode, time.perf_counter() - started
    )


@pytest.fixture(scope="session")
def build_epoch() -> int:
    """The build date used for the session's build, so tests can compute the same VAT rate."""
    return int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))


@pytest.fixture(scope="session")
def contact() -> dict:
    """extra.contact of mkdocs.yml, as the staff wrote it."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["extra"]["contact"]


@pytest.fixture(scope="session")
def prices_in_force(build_epoch):
    """The live price data and the VAT rate in force on the session's build date."""
    from price_data import load_price_data, rate_in_force
    from prices import build_date

    data = load_price_data(ROOT / "data" / "prices.yml")
    return data, rate_in_force(data.vat_rates, build_date({"SOURCE_DATE_EPOCH": str(build_epoch)}))


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, build_epoch) -> Build:
    build = build_site(
        tmp_path_factory.mktemp("build") / "site", env={"SOURCE_DATE_EPOCH": str(build_epoch)}
    )
    if build.returncode != 0:
        pytest.fail(f"The strict build failed:\n{build.output}", pytrace=False)
    return build


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    """Root folder of a strict build of the real site."""
    return site_build.site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project sources, for tests that break or change input."""
    copy = tmp_path / "project"
    everywhere = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".hypothesis")
    # Build output and tooling only at the top: overrides/assets/stylesheets/site.css is a source.
    top_level = {".git", ".venv", ".cache", "site", "site.building", "site.previous", "tests", "screenshots"}

    def ignore(folder, names):
        ignored = set(everywhere(folder, names))
        if Path(folder) == ROOT:
            ignored |= top_level & set(names)
        return ignored

    shutil.copytree(ROOT, copy, ignore=ignore)
    return copy


# --------------------------------------------------------------------------- browser


def find_chromium() -> str | None:
    """A Chromium to drive: $CHROMIUM_PATH, Debian's, or one Playwright downloaded for this user."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            bundled = playwright.chromium.executable_path
        if bundled and Path(bundled).exists():
            return bundled
    except Exception:  # no Playwright browser installed: reported below
        pass
    return None


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.fail(
            "No Chromium found for the browser tests. Install one: on Debian/Ubuntu "
            "`sudo apt-get install chromium`, elsewhere `python -m playwright install chromium`, "
            "or point CHROMIUM_PATH at a Chromium binary.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """What one browser context asked for and what went wrong."""

    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def serve_from(site: Path):
    """A Playwright route handler that answers the site's origin from the built files, like a static host."""

    def handle(route, request):
        url = urlsplit(request.url)
        if f"{url.scheme}://{url.netloc}" != SITE_ORIGIN:
            route.abort()
            return
        path = unquote(url.path)
        target = (site / path.lstrip("/")).resolve()
        if site.resolve() not in target.parents and target != site.resolve():
            route.fulfill(status=403, body="")
            return
        if target.is_dir():
            if not path.endswith("/"):
                route.fulfill(status=301, headers={"Location": path + "/"})
                return
            target = target / "index.html"
        if target.is_file():
            content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if content_type.startswith("text/") or target.suffix in {".js", ".json", ".xml", ".svg"}:
                content_type += "; charset=utf-8"
            route.fulfill(status=200, body=target.read_bytes(), headers={"Content-Type": content_type})
        else:
            route.fulfill(
                status=404,
                body=(site / "404.html").read_bytes(),
                headers={"Content-Type": "text/html; charset=utf-8"},
            )

    return handle


@pytest.fixture
def browser_context(browser, built_site):
    """A fresh browser context (own storage) that serves the built site at its own origin."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        context.route("**/*", serve_from(built_site))
        context.traffic = Traffic()
        context.on("request", lambda request: _record_request(context.traffic, request))
        context.on("requestfailed", lambda request: context.traffic.failed.append(request.url))
        context.on(
            "response",
            lambda response: response.status >= 400
            and context.traffic.failed.append(f"{response.status} {response.url}"),
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def _record_request(traffic: Traffic, request) -> None:
    traffic.requests.append(request.url)
    url = urlsplit(request.url)
    if url.scheme in {"http", "https"} and f"{url.scheme}://{url.netloc}" != SITE_ORIGIN:
        traffic.foreign.append(request.url)


@pytest.fixture
def site_page(browser_context):
    """``site_page(path, **context_options)`` opens ``path`` of the built site in a new page."""
    default_context = []

    def open_page(path: str, **options):
        if options or not default_context:
            context = browser_context(**options)
            if not options:
                default_context.append(context)
        else:
            context = default_context[0]
        page = context.new_page()
        page.traffic = context.traffic
        page.on(
            "console",
            lambda message: message.type == "error" and context.traffic.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: context.traffic.console_errors.append(str(error)))
        page.goto(SITE_ORIGIN + path, wait_until="load")
        return page

    return open_page
