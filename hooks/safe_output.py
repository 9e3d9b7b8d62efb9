"""Keep the last good site when a build fails.

``mkdocs build`` empties the output folder before it renders the pages, so a mistake found while
rendering (a broken link, a bad shortcode) would leave a half-written or empty site. This hook makes
the build write into a staging folder beside the real one and swaps it in only when the whole build,
both languages, has succeeded. ``mkdocs serve`` builds into a temporary folder of its own and is left
alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

STAGING_SUFFIX = ".building"
PREVIOUS_SUFFIX = ".previous"

_run: dict = {}


def staging_dir(site_dir: str | Path) -> Path:
    site = Path(site_dir)
    return site.with_name(site.name + STAGING_SUFFIX)


def publish(staging: Path, site: Path) -> None:
    """Replace ``site`` with ``staging`` in two renames, so the site is never half-written."""
    previous = site.with_name(site.name + PREVIOUS_SUFFIX)
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)


def on_startup(command, dirty):
    _run.clear()
    _run["active"] = command == "build" and not dirty


def on_config(config):
    # The i18n plugin builds every language with the same config object, so redirect only once.
    if _run.get("active") and "site" not in _run:
        site = Path(config.site_dir)
        _run["site"] = site
        _run["staging"] = staging_dir(site)
        shutil.rmtree(_run["staging"], ignore_errors=True)
        config.site_dir = str(_run["staging"])
    return config


def on_build_error(error):
    _run["failed"] = True


def on_shutdown():
    if "site" not in _run:
        return
    if _run.get("failed") or not _run["staging"].is_dir():
        shutil.rmtree(_run["staging"], ignore_errors=True)
    else:
        publish(_run["staging"], _run["site"])
    _run.clear()
