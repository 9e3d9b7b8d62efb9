"""Shared fixtures: one strict build of the real site per test session, and a real headless Chromium.

The browser serves the built files at the site's own origin (taken from ``site_url``) through
Playwright's request routing, so absolute links in the pages (canonical, hreflang) stay same-origin and
any request to another origin is caught as third-party.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from harness import NO_CHROMIUM, ROOT, SITE_ORIGIN, Build, build_site, launch_chromium, serve_from

#: The layers, one folder each; every test gets its folder's marker (see pytest.ini).
LAYERS = ("unit", "site", "browser", "builds")

def pytest_collection_modifyitems(config, items):
    """The folder's layer marker on every test. (Under xdist, `dev.py test` sends each module whole to
    one worker with `--dist loadfile`, so a module's sweep over every page (axe, HTML_CodeSniffer,
    printing) runs once. `--dist loadgroup` with xdist_group marks spread a module's tests over both
    workers in pytest-xdist 3.8.0, measured: the axe sweep ran twice.)"""
    tests = Path(__file__).resolve().parent
    for item in items:
        folder = item.path.resolve().relative_to(tests).parts[0]
        if folder in LAYERS:
            item.add_marker(getattr(pytest.mark, folder))


@pytest.fixture(scope="session")
def build_epoch() -> int:
    """The build date used for the session's build, so tests can compute the same VAT rate."""
    return int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))


@pytest.fixture(scope="session")
def contact() -> dict:
    """The contact person of data/organisation.yml, as the site shows it (phone in both forms)."""
    from website.organisation import load_organisation

    organisation, problems = load_organisation(ROOT, ROOT / "docs")
    assert organisation is not None and problems == [], problems
    return organisation.contact


@pytest.fixture(scope="session")
def prices_in_force(build_epoch):
    """The live price data and the VAT rate in force on the session's build date."""
    from website.context import build_date
    from website.price_file import load_price_file, prices_on, rate_in_force

    day = build_date({"SOURCE_DATE_EPOCH": str(build_epoch)})
    data = prices_on(load_price_file(ROOT / "data" / "prices.yml"), day)  # one price a length, as shown today
    return data, rate_in_force(data.vat_rates, day)


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


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except RuntimeError:
            pytest.fail(NO_CHROMIUM, pytrace=False)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """What one browser context asked for and what went wrong."""

    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


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
