"""What GitHub Pages needs in the published folder when it serves the ``gh-pages`` branch.

The site is published from the ``gh-pages`` branch (Settings → Pages → "Deploy from a branch"), so
that the pull requests' previews under ``pr-preview/`` and the live site share one Pages site. Served
from a branch, Pages reads two files at the branch's root:

- ``CNAME``: the custom domain. With a branch source GitHub keeps the domain in this file (setting it
  under Settings → Pages commits one), so each build writes it from ``site_url`` and the domain lives
  in the repository like every other setting. Only a site at the root of its own host gets one: a
  preview's address (``…/pr-preview/pr-N/``) has a path, and a ``*.github.io`` address needs none.
- ``.nojekyll``: without it Pages runs the branch through Jekyll first, which drops files and folders
  whose names start with ``_`` and slows every publish.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs import plugins


def cname_for(site_url: str) -> str | None:
    """The custom domain to publish ``site_url`` at, or None where a CNAME file would be wrong."""
    address = urlsplit(site_url)
    host = (address.hostname or "").lower()
    if address.scheme != "https" or address.path not in {"", "/"} or "." not in host:
        return None
    if host.endswith(".github.io"):
        return None
    return host


def write_pages_files(site_dir: Path, site_url: str) -> None:
    (site_dir / ".nojekyll").write_text("", encoding="utf-8")
    domain = cname_for(site_url)
    if domain:
        (site_dir / "CNAME").write_text(domain + "\n", encoding="utf-8")


@plugins.event_priority(-200)  # with the other files written after the i18n plugin's build
def on_post_build(config):
    write_pages_files(Path(config.site_dir), config.site_url)
