"""One stylesheet request per page.

A page links Material's stylesheet, Material's palette stylesheet and the site's own ``site.css``.
On a phone each is a request that blocks the first paint; measured with Lighthouse's mobile
simulation (scripts/lighthouse.py) the three made the home page's largest paint slower than a bare
Material site's. This hook serves them as one file: the stylesheets a page links, in their order,
without comments, written once as ``bundle.<hash>.css`` beside the first of them, and one ``<link>``
in their place. The files themselves are not changed, and nothing here knows Material's file names:
whatever local stylesheets a page links are bundled. Pages that link stylesheets by absolute address
(the root 404 page) are left as they are.

**The first screen first.** ``python3 scripts/dev.py css`` (scripts/css.py) splits the two stylesheets
every page links, ``material.css`` (Material's, less what the site never uses) and ``site.css``, into
``critical.css``, the rules the first screen of some page needs, and ``rest.css``, the two whole again
(the critical rules in their places too, so that the inline rules before it never win where they
lost in the original order). ``inline_critical`` puts the first in a ``<style>`` in the page (the content security
policy allows it by its hash, website.security) and loads the second without blocking the first
paint: as a ``media="print"`` stylesheet that a small script switches to ``all`` once it has loaded,
and for a browser without JavaScript as an ordinary stylesheet in ``<noscript>``. Both files record a
digest of the two they were split from (``split_inputs``); after an edit of either, until the command
is run again, a page keeps its one blocking bundle, which is always right, only slower (a test says
which command to run).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

#: The split's inputs and output, inside the theme's folders (overrides/ first).
SPLIT_FROM = ("assets/stylesheets/material.css", "assets/stylesheets/site.css")
CRITICAL = "assets/stylesheets/critical.css"
REST = "assets/stylesheets/rest.css"
#: Switches the stylesheet loaded for print to every medium once it has loaded (or at once if it has).
SWITCH_SCRIPT = (
    '!function(l){function a(){l.media="all"}l&&(l.sheet?a():l.addEventListener("load",a))}'
    '(document.getElementById("__rest-css"))'
)

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


# --------------------------------------------------------------------------- the first screen first


def digest(*parts: str | bytes) -> str:
    """A short digest of texts, to record what a generated file was made from."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()[:16]


def split_inputs(material_css: str, site_css: str) -> str:
    """The digest critical.css and rest.css record: of the two stylesheets they were split from."""
    return digest(material_css, site_css)


def recorded_inputs(text: str) -> str | None:
    """The digest a generated stylesheet records in its first line (``/* … inputs <digest> */``)."""
    match = re.search(r"inputs ([0-9a-f]{16}) \*/", text.split("\n", 1)[0])
    return match[1] if match else None


def current_split(folders: list[Path], cache: dict) -> tuple[str, str] | None:
    """(critical css without its first line, rest.css's path in the site), or None if the split is
    missing or older than material.css or site.css. Read once per build (``cache``)."""
    if "split" not in cache:
        cache["split"] = None
        try:
            material, site = (source_file(target, folders).read_text(encoding="utf-8") for target in SPLIT_FROM)
            critical = source_file(CRITICAL, folders).read_text(encoding="utf-8")
            rest = source_file(REST, folders).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        wanted = split_inputs(material, site)
        if recorded_inputs(critical) == wanted and recorded_inputs(rest) == wanted:
            cache["split"] = (critical.split("\n", 1)[1].strip(), REST)
    return cache["split"]


def inline_critical(html: str, page_dir: str, folders: list[Path], cache: dict) -> str:
    """The page with the first screen's CSS inline and the rest loaded without blocking, in place of
    its links to material.css and site.css (relative to ``page_dir``, or absolute, as the 404 page has them). A page that links other stylesheets, or a stale split:
    as it is (``bundle_page`` then makes its one bundle)."""
    split = current_split(folders, cache)
    links = list(LINK.finditer(html))
    hrefs = [link["href"] for link in links]
    if split is None or len(hrefs) != len(SPLIT_FROM):
        return html
    critical, rest = split
    if all(href.startswith("/") for href in hrefs):
        # A template that links by absolute address (the root 404 page, for every depth of a
        # missing address): the same files below the site's own path.
        base = hrefs[0][: -len(SPLIT_FROM[0])]
        if [base + target for target in SPLIT_FROM] != hrefs:
            return html
        href = base + rest
    else:
        targets = tuple(posixpath.normpath(posixpath.join(page_dir, href)) for href in hrefs)
        if targets != SPLIT_FROM:
            return html
        href = posixpath.relpath(rest, page_dir or ".")
    replacement = (
        f"<style>{critical}</style>\n"
        f'<link rel="stylesheet" href="{href}" media="print" id="__rest-css">\n'
        f"<script>{SWITCH_SCRIPT}</script>\n"
        f'<noscript><link rel="stylesheet" href="{href}"></noscript>\n'
    )
    first, last = links[0], links[-1]
    between = html[first.end() : last.start()]
    return html[: first.start()] + replacement + LINK.sub("", between) + html[last.end() :]
