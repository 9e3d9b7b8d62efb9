"""Publish the CMS: the folder ``admin/`` at the project root becomes ``/admin/`` of the site.

``admin/`` holds Sveltia CMS (its pinned bundle, licence and Finnish strings, see
scripts/update_cms.py), its page and its configuration. It is kept out of ``docs/``, the staff's page
folder, on purpose: there every Markdown file is a page (a README would be published as one), the
CMS's own page collections read that folder, and the i18n plugin would decide per language whether
to copy it. Copied after the build, it is published once, at ``/admin/`` only, never under ``/en/``,
and no page, menu, sitemap or search index knows of it. ``README.md`` (notes for developers) stays
out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FOLDER = "admin"
NOT_PUBLISHED = ("README.md",)


def publish_admin(project_dir: Path, site_dir: Path) -> None:
    source = project_dir / FOLDER
    if source.is_dir():
        shutil.copytree(
            source, site_dir / FOLDER, ignore=shutil.ignore_patterns(*NOT_PUBLISHED), dirs_exist_ok=True
        )


def on_post_build(config):
    # site_dir is the staging folder of hooks/safe_output.py during a build, so this is swapped in
    # with the rest of the site.
    publish_admin(Path(config.config_file_path).parent, Path(config.site_dir))
