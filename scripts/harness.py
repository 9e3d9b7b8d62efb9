"""What the scripts and the tests share: the strict build, Chromium, the static host and the page list.

Scripts run as ``python3 scripts/x.py`` find this module next to them; the tests find it through
``pythonpath`` in pytest.ini. Nothing here imports from tests/.
"""

from __future__ import annotations

import mimetypes
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

NO_CHROMIUM = (
    "No Chromium found. Install one: on Debian/Ubuntu `sudo apt-get install chromium`, elsewhere "
    "`python -m playwright install chromium`, or point CHROMIUM_PATH at a Chromium binary."
)

#: Environment variables that turn a build into a pull request's preview (.github/workflows/pr.yml).
#: ``build_site`` leaves them out unless the caller passes them, so a shell that has them set still
#: builds the live site.
PREVIEW_VARIABLES = ("SITE_URL", "SITE_NOINDEX")

#: MkDocs' environment: without this, Material prints a box about MkDocs 2 on every run.
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def mkdocs_env(**extra: str) -> dict[str, str]:
    """This process's environment for running MkDocs, with the MkDocs 2 notice off."""
    return {**os.environ, **MKDOCS_ENV, **extra}


def _site_url() -> str:
    import yaml  # here, not at the top: dev.py imports this module before the virtual environment exists

    # BaseLoader keeps tags as plain values: `site_url: !ENV [SITE_URL, 'https://…/']` reads as the
    # list ['SITE_URL', 'https://…/'], whose last item is the address used when SITE_URL is unset.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    site_url = config["site_url"]
    if isinstance(site_url, list):
        site_url = site_url[-1]
    return site_url.rstrip("/")


def __getattr__(name: str):
    """SITE_URL (the live address from mkdocs.yml, no trailing slash), SITE_ORIGIN and LANGUAGE_PREFIXES
    ({"fi": "", "en": "en/"}), made on first use."""
    if name == "LANGUAGE_PREFIXES":
        from website.pages import LANGUAGES, prefix

        value = {language: prefix(language) for language in LANGUAGES}
    elif name == "SITE_URL":
        value = _site_url()
    elif name == "SITE_ORIGIN":
        value = "{0.scheme}://{0.netloc}".format(urlsplit(__getattr__("SITE_URL")))
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


# --------------------------------------------------------------------------- build


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
            **MKDOCS_ENV,
            **(env or {}),
        },
        capture_output=True,
        text=True,
    )
    return Build(
        destination, result.stdout + result.stderr, result.returncode, time.perf_counter() - started
    )


def python_environment() -> Path:
    """The virtual environment running this interpreter, for a project copy's `.venv/` (dev.py runs
    `.venv/bin/python`); the repository's own `.venv/` when this interpreter is not in one."""
    return Path(sys.prefix) if sys.prefix != sys.base_prefix else ROOT / ".venv"


# --------------------------------------------------------------------------- pages
# From the site's page model, hooks/website/pages.py (imported here, not at the top: dev.py imports
# this module with a plain python3, before the virtual environment that puts hooks/ on the path).


def page_slugs(docs: Path = ROOT / "docs") -> list[str]:
    """Every page's address without language ("" is the home page), from the sources."""
    from website.pages import slugs

    return slugs([path.relative_to(docs).as_posix() for path in docs.rglob("*.md")])  # names only, no reading


def page_paths(docs: Path = ROOT / "docs") -> list[str]:
    """URL paths of every page in both languages: "/", "/maksajille/", …, "/en/", "/en/maksajille/", …"""
    from website.pages import LANGUAGES, url_path

    return ["/" + url_path(slug, language) for language in LANGUAGES for slug in page_slugs(docs)]


def project_context(project: Path = ROOT, environ: dict[str, str] | None = None):
    """The build context as hooks/main.py makes it, read from the project's mkdocs.yml without MkDocs
    (for measuring the checking pass, and for tests of it)."""
    import pathspec.gitignore
    import yaml
    from website.context import build_context

    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(config_text, Loader=yaml.BaseLoader)  # tags (!ENV) stay plain values
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    # As MkDocs reads not_in_nav: gitignore-style patterns.
    not_in_nav = pathspec.gitignore.GitIgnoreSpec.from_lines(config.get("not_in_nav", "").splitlines())
    return build_context(
        project=project,
        docs_dir=project / "docs",
        site_url=config["site_url"][-1] if isinstance(config["site_url"], list) else config["site_url"],
        serving=False,
        config_text=config_text,
        nav=config["nav"],
        left_out=not_in_nav.match_file,
        menu_translations={item["locale"]: item.get("nav_translations", {}) for item in i18n["languages"] if "default" not in item},
        **({"environ": environ} if environ is not None else {}),
    )


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
    except Exception:  # no Playwright browser installed: the caller reports NO_CHROMIUM
        pass
    return None


def launch_chromium(playwright):
    """Chromium through ``playwright`` (a started sync_playwright()), headless, with the standard flags.

    Raises RuntimeError with NO_CHROMIUM when there is none.
    """
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError(NO_CHROMIUM)
    return playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)


def serve_from(site: Path):
    """A Playwright route handler that answers the site's origin from the built files, like a static host."""
    origin = globals().get("SITE_ORIGIN") or __getattr__("SITE_ORIGIN")

    def handle(route, request):
        url = urlsplit(request.url)
        if f"{url.scheme}://{url.netloc}" != origin:
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


if __name__ == "__main__":  # `python3 scripts/harness.py chromium`: exit 0 when a Chromium is found (dev.py)
    if sys.argv[1:] == ["chromium"]:
        sys.exit(0 if find_chromium() else 1)
    sys.exit(__doc__)
