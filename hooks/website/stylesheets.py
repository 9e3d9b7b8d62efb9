"""One stylesheet request per page.

A page links Material's stylesheet, Material's palette stylesheet and the site's own ``site.css``.
On a phone each is a request that blocks the first paint; measured with Lighthouse's mobile
simulation (scripts/lighthouse.py) the three made the home page's largest paint slower than a bare
Material site's. This hook serves them as one file: the stylesheets a page links, in their order,
without comments, written once as ``bundle.<hash>.css`` beside the first of them, and one ``<link>``
in their place. The files themselves are not changed, and nothing here knows Material's file names:
whatever local stylesheets a page links are bundled. Pages that link stylesheets by absolute address
(the root 404 page) are left as they are.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

LINK = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)">\s*')
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
CHARSET = re.compile(r'@charset\s+"[^"]*";')

def local_stylesheets(html: str) -> list[str]:
    """The hrefs of the stylesheets a page links relative to itself, in order; [] if any is absolute."""
    hrefs = [match["href"] for match in LINK.finditer(html)]
    if any(href.startswith(("/", "http:", "https:", "data:")) for href in hrefs):
        return []
    return hrefs


def combine(stylesheets: list[str]) -> str:
    """The stylesheets as one, in order, without comments; a leading @charset stays first only."""
    parts = [CHARSET.sub("", COMMENT.sub("", css)).strip() for css in stylesheets]
    return '@charset "UTF-8";\n' + "\n".join(part for part in parts if part) + "\n"


def bundle_name(css: str) -> str:
    return f"bundle.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.css"


def link_bundle(html: str, bundle_href: str) -> str:
    """Replaces the page's stylesheet links with one link to the bundle, where the first one was."""
    first = True

    def replace(match: re.Match) -> str:
        nonlocal first
        if first:
            first = False
            return f'<link rel="stylesheet" href="{bundle_href}">\n'
        return ""

    return LINK.sub(replace, html)


def source_file(target: str, folders: list[Path]) -> Path:
    """Where a built file comes from: the first folder that has it, in MkDocs' own order (the
    theme's folders, overrides first, then docs/). Pages are written before MkDocs has copied every
    static file, so the sources are read rather than the output."""
    for folder in folders:
        if (folder / target).is_file():
            return folder / target
    raise FileNotFoundError(f"{target}: a page links this stylesheet, but no theme folder or docs/ has it.")


def bundle_page(
    html: str, page_dir: str, site_dir: Path, folders: list[Path], bundles: dict[tuple[str, ...], tuple[str, str]]
) -> str:
    """``page_dir`` is the page's folder inside the site (``""`` for the root, ``"en/hinnat"``); ``bundles``
    keeps each bundle made in this build, so that it is read and written once."""
    hrefs = local_stylesheets(html)
    if len(hrefs) < 2:
        return html
    targets = tuple(posixpath.normpath(posixpath.join(page_dir, href)) for href in hrefs)
    if targets not in bundles:
        css = combine([source_file(target, folders).read_text(encoding="utf-8") for target in targets])
        target = posixpath.join(posixpath.dirname(targets[0]), bundle_name(css))
        bundles[targets] = (target, css)
    target, css = bundles[targets]
    output = site_dir / target
    if not output.exists():
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(css, encoding="utf-8")
    return link_bundle(html, posixpath.relpath(target, page_dir or "."))
