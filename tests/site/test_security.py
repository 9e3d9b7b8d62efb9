"""The built site's security policies and security.txt (hooks/website/security.py).

Layer: reads the shared strict build. In Chromium: tests/browser/test_csp.py.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from harness import SITE_URL
from website import security

HEAD_START = re.compile(r"<head\b[^>]*>\s*(?:<meta charset=\"utf-8\">)?")


def html_files(site):
    return sorted(path for path in site.rglob("*.html"))


def test_every_page_template_and_the_cms_has_its_policy_first_in_its_head(built_site):
    files = html_files(built_site)
    assert built_site / "404.html" in files and built_site / "admin" / "index.html" in files
    assert len(files) > 40
    for path in files:
        html = path.read_text(encoding="utf-8")
        start = HEAD_START.search(html)
        assert start, path
        meta = security.policy_meta(security.policy_of(html) or "") + security.referrer_meta()
        assert html[start.end() :].startswith(meta), f"{path}: the policy is not first in <head>"
        assert html.count("Content-Security-Policy") == 1, path


def test_each_policy_allows_exactly_the_inline_scripts_of_its_page(built_site):
    for path in html_files(built_site):
        html = path.read_text(encoding="utf-8")
        directives = security.ADMIN_DIRECTIVES if path.parent.name == "admin" else security.PAGE_DIRECTIVES
        hashes = security.inline_script_hashes(html)
        # Only the redirect pages of other addresses (website.redirects) work without a script.
        redirect = '<meta http-equiv="refresh"' in html
        assert bool(hashes) != redirect, f"{path}: inline scripts {len(hashes)}, redirect page {redirect}"
        style_hashes = security.inline_style_hashes(html)
        assert security.policy_of(html) == security.policy(hashes, directives, style_hashes), path
        assert "unsafe-eval" not in security.policy_of(html)
        script_src = re.search(r"script-src ([^;]*)", security.policy_of(html))[1]
        assert "unsafe-inline" not in script_src, path


def test_no_page_needs_inline_styles(built_site):
    """The pages' policy allows no inline style but their <style> elements, by hash: the built pages
    have no style attribute and no event-handler attribute (those would need 'unsafe-inline' or
    'unsafe-hashes'), and style-src lists exactly the hashes of the page's <style> elements."""
    for path in html_files(built_site):
        if path.parent.name == "admin":
            continue
        text = path.read_text(encoding="utf-8")
        html = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.DOTALL)
        assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=|javascript:", html, re.IGNORECASE), path
        style_src = re.search(r"style-src ([^;]*)", security.policy_of(text))[1]
        assert style_src.split() == ["'self'", *security.inline_style_hashes(text)], path
        assert "unsafe-inline" not in style_src, path


def test_security_txt_names_the_contact_and_expires_in_the_future(built_site, contact):
    text = (built_site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = [line.split(": ", 1) for line in text.splitlines() if line and not line.startswith("#")]
    contacts = [value for name, value in fields if name == "Contact"]
    assert contacts == [f"mailto:{contact['email']}", f"tel:{contact['phone_uri']}"]
    (expires,) = [value for name, value in fields if name == "Expires"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", expires)
    left = datetime.strptime(expires, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)
    assert 300 < left.days <= 366, "RFC 9116 advises an Expires less than a year ahead; the build renews it"
    assert ("Preferred-Languages", "fi, en") in [tuple(field) for field in fields]
    assert ("Canonical", SITE_URL.rstrip("/") + "/.well-known/security.txt") in [tuple(field) for field in fields]
