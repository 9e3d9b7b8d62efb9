"""The content security policy in Chromium (hooks/website/security.py): every page, the 404 page and the
CMS load and work without a single violation, and a script injected into a page does not run.

Every context here is an ordinary one: never ``bypass_csp``, which would switch the policy off. (No
test of the suite needs it: the measuring tools go into pages the ways a policy does not govern, see
``hold_still`` and ``add_htmlcs`` in tests/browsing.py.) Violations are caught twice: the
``securitypolicyviolation`` events of every document (an init script, which the policy does not
govern, hands them to Python through an exposed binding) and the console errors Chromium writes for
each.

Layer: Chromium on the built site.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError

from browsing import PATHS, SITE_ORIGIN, new_context, open_page, search_results, wait_until_search_is_ready
from cms_helpers import FINNISH, open_admin, open_test_repository
from estimator_helpers import PAGES as ESTIMATOR
from search_helpers import OWN_PAGE

HOME = {"fi": "/", "en": "/en/"}
CHECKLIST = {"fi": "/toipumisorientaatio/itsearviointi/", "en": "/en/toipumisorientaatio/itsearviointi/"}

WATCH = """document.addEventListener("securitypolicyviolation", (event) => window.__cspViolation({
  page: location.pathname, directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample,
}), true);"""


def watch(context):
    """Collects the context's violations and CSP console errors in ``context.violations``."""
    context.violations = []
    context.expose_binding("__cspViolation", lambda source, violation: context.violations.append(violation))
    context.add_init_script(WATCH)
    context.on("page", lambda page: _watch_console(context, page))
    return context


def _watch_console(context, page) -> None:
    page.on(
        "console",
        lambda message: message.type == "error"
        and "Content Security Policy" in message.text
        and context.violations.append({"page": page.url, "console": message.text}),
    )


@pytest.fixture
def watched(browser, built_site):
    contexts = []

    def make(**options):
        context = watch(new_context(browser, built_site, **options))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def settled(page) -> None:
    """Violations are reported asynchronously: one more round trip lets the last ones arrive."""
    page.wait_for_timeout(50)
    page.evaluate("() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))")


def policy(page) -> str | None:
    return page.evaluate(
        """() => document.querySelector('head > meta[http-equiv="Content-Security-Policy"]')?.content ?? null"""
    )


def test_every_page_and_the_404_page_load_without_a_violation(watched):
    context = watched(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    for path in [*PATHS, "/no-such-page/", "/en/no-such-page/"]:
        page.goto(SITE_ORIGIN + path, wait_until="load")
        settled(page)
        assert policy(page) and "script-src 'self' 'sha256-" in policy(page), f"{path}: no policy"
        assert page.evaluate("document.querySelector('head > meta[name=referrer]').content") == "same-origin"
    assert "/" in PATHS and "/en/" in PATHS
    assert not context.violations, context.violations


@pytest.mark.parametrize("language", ["fi", "en"])
def test_search_raises_no_violation_and_finds(watched, language):
    context = watched(viewport={"width": 1280, "height": 800})
    page = open_page(context, HOME[language])
    page.focus("input.md-search__input")  # opens the lazily loaded search: index, worker, stemmer
    wait_until_search_is_ready(page)
    word, own_page = OWN_PAGE[language]
    assert own_page in search_results(page, word)
    settled(page)
    assert not context.violations, context.violations


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_estimator_raises_no_violation_and_updates(watched, language):
    context = watched(viewport={"width": 1280, "height": 800})
    page = open_page(context, ESTIMATOR[language])
    page.wait_for_selector(".cost-estimator:not([hidden])")  # its script ran and read its JSON figures
    count = page.locator('[data-value="count"]')
    per_week = int(page.input_value("#cost-estimator-per-week"))
    page.fill("#cost-estimator-weeks", "")
    page.keyboard.type("12")
    page.wait_for_function(
        "(expected) => document.querySelector('[data-value=\"count\"]').textContent === expected", arg=str(per_week * 12)
    )
    assert count.text_content() == str(per_week * 12)
    settled(page)
    assert not context.violations, context.violations


@pytest.mark.parametrize("language", ["fi", "en"])
def test_a_checklist_raises_no_violation_and_keeps_a_tick(watched, language):
    context = watched(viewport={"width": 1280, "height": 800})
    page = open_page(context, CHECKLIST[language])
    box = page.locator('.checklist input[type="checkbox"]').first
    box.check()
    assert box.is_checked()
    assert page.evaluate("Object.keys(localStorage).some((key) => key.startsWith('metodi:checklist:'))")
    settled(page)
    assert not context.violations, context.violations


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_language_switch_and_the_palette_toggle_raise_no_violation(watched, language):
    other = "en" if language == "fi" else "fi"
    context = watched(viewport={"width": 1280, "height": 800})
    page = open_page(context, HOME[language] + "maksajille/")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    before = scheme()
    page.click("form[data-site-palette] label:not([hidden])")
    page.wait_for_function("(before) => document.body.getAttribute('data-md-color-scheme') !== before", arg=before)
    with page.expect_navigation():
        page.click(f".site-language__link[hreflang={other}]")
    assert page.url == SITE_ORIGIN + HOME[other] + "maksajille/"
    assert scheme() != before, "the chosen colour scheme is kept on the other language's page"
    settled(page)
    assert not context.violations, context.violations


def test_the_cms_sign_in_page_raises_no_violation(browser_context):
    context = watch(browser_context(viewport={"width": 360, "height": 780}))
    page = open_admin(context)
    assert "connect-src 'self' https://api.github.com" in policy(page)
    sign_in = page.get_by_role("button", name=FINNISH["sign_in_using_access_token"])
    sign_in.wait_for()
    sign_in.click()
    page.get_by_label(FINNISH["personal_access_token"]).wait_for()
    page.wait_for_timeout(500)  # the CMS's late requests
    settled(page)
    assert not context.violations, context.violations


def test_the_cms_editor_raises_no_violation(browser_context):
    """Sveltia's test backend with our configuration: the price form, and a page with its preview (a
    frame Sveltia makes as a blob: document)."""
    context, page, _ = open_test_repository(browser_context, prepare=watch)
    save = page.get_by_role("button", name=FINNISH["save"], exact=True)
    page.goto(SITE_ORIGIN + "/admin/#/collections/prices/entries/prices")
    save.wait_for()
    page.goto(SITE_ORIGIN + "/admin/#/collections/pages/entries/hinnat")
    save.wait_for()
    page.wait_for_function("() => [...document.querySelectorAll('iframe')].some((frame) => frame.src.startsWith('blob:'))")
    page.wait_for_timeout(500)
    settled(page)
    assert not context.violations, context.violations


INJECTED = (
    '<script>window.__injected = "inline"; document.documentElement.dataset.injected = "yes";</script>'
    '<script src="https://cdn.example.com/tracker.js"></script>'
    '<img src="https://images.example.com/pixel.gif" alt="">'
)


def test_a_script_injected_into_a_built_page_is_blocked_and_reported(watched, built_site):
    context = watched(viewport={"width": 1280, "height": 800})
    page_file = built_site / "maksajille" / "index.html"
    # As if a compromised host or a proxy added it: the built HTML with a script before </body>.
    context.route(
        f"{SITE_ORIGIN}/maksajille/",
        lambda route: route.fulfill(
            body=page_file.read_text(encoding="utf-8").replace("</body>", INJECTED + "</body>"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        ),
    )
    page = context.new_page()
    page.goto(SITE_ORIGIN + "/maksajille/", wait_until="load")
    settled(page)
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("document.documentElement.dataset.injected") is None
    directives = {(violation.get("directive"), violation.get("blocked")) for violation in context.violations}
    assert ("script-src-elem", "inline") in directives, context.violations
    assert ("script-src-elem", "https://cdn.example.com/tracker.js") in directives, context.violations
    assert ("img-src", "https://images.example.com/pixel.gif") in directives, context.violations
    # The page's own scripts still ran: Material's storage script, our palette and header scripts,
    # and Material's bundle, added by our loader at the first touch.
    assert page.evaluate("typeof window.__md_get === 'function'")
    assert page.get_attribute("[data-site-palette] label:not([hidden])", "for")
    assert page.get_attribute('[data-site-toggle="__drawer"]', "aria-expanded") == "false"
    page.mouse.click(5, 400)
    page.wait_for_function("() => !!window.document$")


def test_a_script_added_after_load_is_blocked_and_reported(watched):
    context = watched(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(SITE_ORIGIN + "/", wait_until="load")
    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.__added = true;")
    page.evaluate("""() => { const script = document.createElement("script");
      script.textContent = "window.__appended = true;"; document.body.append(script); }""")
    page.evaluate("""() => { const button = document.createElement("button");
      button.setAttribute("onclick", "window.__clicked = true"); button.id = "injected"; document.body.append(button); button.click(); }""")
    settled(page)
    assert page.evaluate("[window.__added, window.__appended, window.__clicked]") == [None, None, None]
    inline = [violation for violation in context.violations if violation.get("blocked") == "inline"]
    assert {violation["directive"] for violation in inline} == {"script-src-elem", "script-src-attr"}, context.violations
    assert len(inline) == 3, context.violations
