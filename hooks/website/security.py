"""The content security policy and the referrer policy of every page, and ``security.txt``.

GitHub Pages sends no headers of ours, so both policies are ``<meta>`` elements, written first in each
page's ``<head>`` (after ``<meta charset>`` where that comes first: it must stay within the first
1024 bytes, and it is not a resource). A policy in a ``<meta>`` governs only what comes after it.

**The pages' policy** (``PAGE_DIRECTIVES``): everything from the site itself and nothing else.

- Scripts: the site's own files, and the inline ``<script>`` elements that are on that page when it is
  written, each allowed by the sha256 of its text (``inline_script_hashes``), computed from the final
  HTML, so it is the last change made to a page. Never ``'unsafe-inline'`` or ``'unsafe-eval'``: a
  script injected into a page, by anyone, does not run. Material's inline scripts (its storage
  helpers with the page's own relative ``__md_scope``, the palette and the tabs), and ours in
  ``overrides/main.html`` (lazy search, the header's toggles, two keyboard fixes), differ from page to
  page, so every page has its own list. JSON data blocks (``application/json``: Material's
  ``__config``, the estimator's figures; ``application/ld+json``) are not run and need no hash:
  Chromium neither runs them nor reports them (tests/browser/test_csp.py).
- Styles: the site's own files, and the page's ``<style>`` elements by the sha256 of their text
  (``inline_style_hashes``): the first screen's CSS, inlined by website.stylesheets. Never
  ``'unsafe-inline'``: no page has a ``style`` attribute. Material's script sets positions and sizes
  through the CSSOM (``element.style.top = …``, ``style.setProperty``), which a policy does not govern.
- Images: the site's files and ``data:``: Material's stylesheet draws its icons with ``data:`` SVGs.
- Search: Material's worker is a file of the site (``worker-src`` falls back to ``script-src``,
  ``'self'``) and fetches the index from the site (``connect-src`` is ``default-src``, ``'self'``).
  Nothing needs ``blob:``.
- Not set here because a ``<meta>`` policy ignores them (and Chromium logs an error for each):
  ``frame-ancestors``, ``report-uri``, ``sandbox``.

**The CMS's policy** (``ADMIN_DIRECTIVES``), added as ``admin/`` is copied to ``/admin/``: the page keeps a
GitHub token in the browser, so it may talk to the site and to GitHub's API only. See there for each
source and why.

**security.txt** (RFC 9116): whom to tell about a security problem, from ``extra.contact`` in mkdocs.yml,
with an ``Expires`` a year after the build, so that each build renews it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date, datetime, time, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

#: Sends the address of the page only to the site itself: another site a visitor follows a link to
#: does not learn that they came from a page about neuropsychiatric coaching (or from this site).
#: Stricter than the browsers' default, ``strict-origin-when-cross-origin``.
REFERRER_POLICY = "same-origin"

PAGE_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + the page's inline scripts' hashes
    ("style-src", "'self'"),  # + the page's <style> elements' hashes
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

ADMIN_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    # The bundle and the page's two inline scripts (their hashes). Sveltia can load code from
    # unpkg.com for extras (HEIC photos decoded in a blob: worker, a WebP encoder where the browser
    # has none); they stay blocked (and worker-src is 'self'): no code from a CDN runs next to the
    # token. A HEIC photo then cannot be uploaded; staff upload JPEG or PNG.
    ("script-src", "'self'"),
    # 'unsafe-inline' for styles, because Sveltia truly needs it: it is a Svelte app that adds <style>
    # elements of its own (component styles, the editor preview's raw style registered by index.html)
    # and writes style attributes (its templates have 36); with style-src 'self' alone Chromium
    # blocked dozens of both on the sign-in page and in the editor, measured. blob: the page preview's
    # frame links its stylesheets as blob: URLs Sveltia makes. Styles cannot run code; scripts stay
    # hash-only.
    ("style-src", "'self' 'unsafe-inline' blob:"),
    # data: Sveltia's own icons and default logo; blob: previews of images (files read through the
    # API and images just picked for upload are shown as object URLs); avatars.githubusercontent.com:
    # the signed-in user's and the commits' authors' avatars, whose addresses GitHub's API returns.
    ("img-src", "'self' data: blob: https://avatars.githubusercontent.com"),
    # https://api.github.com: the GitHub backend, its REST API and its GraphQL endpoint
    # (api.github.com/graphql), the only other host the CMS talks to. data: Sveltia fetches its
    # built-in logo, a data: URL, before it has read config.yml (seen on the sign-in page). blob:
    # it reads back the object URL of a file picked for upload to learn its type. Neither reaches
    # another host. ('self': config.yml, the Finnish strings, our logo, the home page for the
    # preview's stylesheet.) Its version check (unpkg.com) and GitHub's status page are not asked
    # (index.html), and would be blocked here.
    ("connect-src", "'self' https://api.github.com data: blob:"),
    # blob: the editor's preview of a page is a frame whose document Sveltia makes itself, as a blob:
    # URL (it inherits this policy). Nothing from another host is framed.
    ("frame-src", "'self' blob:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

JAVASCRIPT_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/jscript",
}
HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.IGNORECASE)
OUR_META = re.compile(
    r"\s*<meta\s+(?:http-equiv=\"Content-Security-Policy\"|name=\"referrer\")[^>]*>", re.IGNORECASE
)


# --------------------------------------------------------------------------- the policy


class _InlineScripts(HTMLParser):
    """The text of each inline script the browser would run, and of each ``<style>`` element, as the
    HTML parser reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "style":
            self._text = []
        if tag != "script":
            return
        attributes = {name: (value or "") for name, value in attrs}
        runs = "src" not in attributes and attributes.get("type", "").strip().lower() in JAVASCRIPT_TYPES
        self._text = [] if runs else None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._text is not None:
            (self.scripts if tag == "script" else self.styles).append("".join(self._text))
            self._text = None


def _parsed(html: str) -> _InlineScripts:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser


def inline_scripts(html: str) -> list[str]:
    """The texts of the page's inline scripts that run: no ``src``, a JavaScript type or none."""
    return _parsed(html).scripts


def inline_styles(html: str) -> list[str]:
    """The texts of the page's ``<style>`` elements."""
    return _parsed(html).styles


def script_hash(text: str) -> str:
    """The CSP source that allows a script or style element with this text (browsers read CR LF and CR as LF)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _hashes(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(script_hash(text) for text in texts))


def inline_script_hashes(html: str) -> list[str]:
    """One hash per distinct inline script of the page, in the page's order."""
    return _hashes(inline_scripts(html))


def inline_style_hashes(html: str) -> list[str]:
    """One hash per distinct ``<style>`` element of the page, in the page's order."""
    return _hashes(inline_styles(html))


def policy(
    hashes: list[str], directives: tuple[tuple[str, str], ...] = PAGE_DIRECTIVES, style_hashes: list[str] = ()
) -> str:
    """The policy text: the directives in order, ``script-src`` followed by ``hashes``, ``style-src``
    by ``style_hashes``."""
    parts = []
    for name, sources in directives:
        extra = hashes if name == "script-src" else style_hashes if name == "style-src" else ()
        # A hash would switch 'unsafe-inline' off (CSP 3), so none goes beside it (the CMS's styles).
        if extra and "'unsafe-inline'" not in sources:
            sources = " ".join([sources, *extra])
        parts.append(f"{name} {sources}")
    return "; ".join(parts)


def policy_meta(text: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{text}">'


def referrer_meta() -> str:
    return f'<meta name="referrer" content="{REFERRER_POLICY}">'


def with_policy(html: str, directives: tuple[tuple[str, str], ...] = PAGE_DIRECTIVES) -> str:
    """The page with its policy and the referrer policy first in its head (any earlier ones replaced).

    The hashes are of the page as given, so this is the page's last change. A text with no ``<head>``
    is returned as it is.
    """
    html = OUR_META.sub("", html)
    if not HEAD.search(html):
        return html
    parsed = _parsed(html)  # once: the page is read for its scripts and its styles together
    metas = policy_meta(policy(_hashes(parsed.scripts), directives, _hashes(parsed.styles))) + referrer_meta()
    return HEAD.sub(lambda match: match[0] + metas, html, count=1)


def policy_of(html: str) -> str | None:
    """The content of the page's policy ``<meta>``, or None."""
    match = re.search(r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"', html, re.IGNORECASE)
    return match[1] if match else None


# --------------------------------------------------------------------------- security.txt

SECURITY_TXT = ".well-known/security.txt"
EXPIRES_AFTER = timedelta(days=365)


def security_txt(contact: dict, site_url: str, today: date) -> str:
    """RFC 9116: the contacts from ``extra.contact`` (email, then phone), an ``Expires`` a year from
    ``today`` (the build date), the languages, and where the file is published."""
    lines = []
    if contact.get("email"):
        lines.append(f"Contact: mailto:{contact['email']}")
    phone = str(contact.get("phone_uri") or "").replace(" ", "")
    if phone:
        lines.append(f"Contact: tel:{phone}")
    expires = datetime.combine(today + EXPIRES_AFTER, time(0, 0), tzinfo=timezone.utc)
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append("Preferred-Languages: fi, en")
    lines.append(f"Canonical: {site_url.rstrip('/')}/{SECURITY_TXT}")
    return "\n".join(lines) + "\n"


def write_security_txt(site_dir: Path, contact: dict, site_url: str, today: date) -> None:
    """Writes ``/.well-known/security.txt``. Pages serves the folder although its name starts with a
    dot: the site has ``.nojekyll`` (website.output)."""
    target = site_dir / SECURITY_TXT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(security_txt(contact, site_url, today), encoding="utf-8")
