"""hooks/website/security.py: the pages' and the CMS's content security policy, the referrer policy,
security.txt.

Layer: unit (no build, no browser). The built pages: tests/site/test_security.py; in Chromium:
tests/browser/test_csp.py.
"""

from __future__ import annotations

from datetime import date

from website import security

PAGE = """<!doctype html>
<html lang="fi">
  <head>
    <meta charset="utf-8">
    <title>Sivu</title>
    <script>var a = 1;</script>
    <script type="application/ld+json">{"@context": "https://schema.org"}</script>
    <script id="__config" type="application/json">{"base": "."}</script>
    <script src="assets/bundle.js"></script>
  </head>
  <body>
    <!-- <script>var commented = 1;</script> -->
    <script type="module">import "./x.js";</script>
    <script>var a = 1;</script>
    <script type="text/javascript">if (1 < 2) document.title = "</scr" + "ipt>";</script>
  </body>
</html>
"""


def test_the_hash_is_the_one_the_csp_specification_gives():
    # CSP Level 3, "hash-source" example: alert('Hello, world.');
    assert security.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_line_breaks_are_hashed_as_the_browser_reads_them():
    assert security.script_hash("a\r\nb\rc") == security.script_hash("a\nb\nc")


def test_only_inline_scripts_that_run_are_hashed_once_each_in_order():
    scripts = security.inline_scripts(PAGE)
    assert scripts == [
        "var a = 1;",
        'import "./x.js";',
        "var a = 1;",
        'if (1 < 2) document.title = "</scr" + "ipt>";',
    ]
    assert security.inline_script_hashes(PAGE) == [security.script_hash(text) for text in dict.fromkeys(scripts)]


def test_json_data_blocks_and_scripts_with_src_need_no_hash():
    html = (
        '<head><script type="application/json">{}</script><script type="application/ld+json">{}</script>'
        '<script src="a.js"></script><script type="APPLICATION/JSON">[]</script></head>'
    )
    assert security.inline_script_hashes(html) == []


def test_the_pages_policy():
    text = security.policy(["'sha256-A'", "'sha256-B'"])
    assert text == (
        "default-src 'self'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )
    assert security.policy([]).startswith("default-src 'self'; script-src 'self'; ")


def test_no_policy_allows_inline_or_eval_scripts():
    for directives in (security.PAGE_DIRECTIVES, security.ADMIN_DIRECTIVES):
        names = [name for name, _ in directives]
        assert len(names) == len(set(names))
        sources = dict(directives)
        assert sources["script-src"] == "'self'"
        assert "unsafe" not in sources["default-src"] + sources["script-src"]
        assert sources["object-src"] == "'none'"
        assert sources["base-uri"] == "'self'" and sources["form-action"] == "'self'"
        # A <meta> policy cannot carry these; Chromium logs an error for each.
        assert not {"frame-ancestors", "report-uri", "sandbox"} & set(names)
    assert "unsafe-inline" not in dict(security.PAGE_DIRECTIVES)["style-src"]


def test_the_cms_talks_to_the_site_and_githubs_api_only():
    connect = dict(security.ADMIN_DIRECTIVES)["connect-src"].split()
    hosts = [source for source in connect if source.startswith("https:")]
    assert hosts == ["https://api.github.com"]
    assert set(connect) - set(hosts) == {"'self'", "data:", "blob:"}


def test_the_policy_comes_first_in_the_head_after_the_charset():
    html = security.with_policy(PAGE)
    head = html[html.index("<head>") :]
    assert head.startswith('<head>\n    <meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="')
    assert security.policy_of(html) == security.policy(security.inline_script_hashes(PAGE))
    assert '<meta name="referrer" content="same-origin">' in head.split("<title>")[0]


def test_without_a_charset_it_comes_right_after_head():
    html = security.with_policy("<html><head><title>x</title><script>1</script></head></html>")
    assert html.startswith('<html><head><meta http-equiv="Content-Security-Policy" ')


def test_a_second_pass_replaces_the_policy_instead_of_adding_one():
    once = security.with_policy(PAGE)
    assert security.with_policy(once) == once
    changed = once.replace("var a = 1;", "var a = 2;")
    again = security.with_policy(changed)
    assert again.count("Content-Security-Policy") == 1 and again.count('name="referrer"') == 1
    assert security.script_hash("var a = 2;") in security.policy_of(again)
    assert security.script_hash("var a = 1;") not in security.policy_of(again)


def test_the_cms_gets_its_own_policy():
    html = security.with_policy(PAGE, security.ADMIN_DIRECTIVES)
    assert "connect-src 'self' https://api.github.com" in security.policy_of(html)


def test_text_without_a_head_is_left_alone():
    assert security.with_policy("<p>no head</p>") == "<p>no head</p>"


def test_security_txt():
    contact = {"email": "toni.kataja@metodi.fi", "phone_uri": "+358400578743", "name": "Toni Kataja"}
    text = security.security_txt(contact, "https://www.metodi.fi/", date(2026, 12, 2))
    assert text == (
        "Contact: mailto:toni.kataja@metodi.fi\n"
        "Contact: tel:+358400578743\n"
        "Expires: 2027-12-02T00:00:00Z\n"
        "Preferred-Languages: fi, en\n"
        "Canonical: https://www.metodi.fi/.well-known/security.txt\n"
    )


def test_security_txt_of_a_preview_names_its_own_address():
    text = security.security_txt({"email": "a@b.fi"}, "https://www.metodi.fi/pr-preview/pr-3", date(2027, 1, 1))
    assert "Canonical: https://www.metodi.fi/pr-preview/pr-3/.well-known/security.txt\n" in text
    assert "tel:" not in text
