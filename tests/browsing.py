"""Helpers for the browser tests: the list of pages, long-lived browser contexts on the built site,
keyboard walking and Material's search.

The conftest fixtures open a fresh context per test; the sweeps over every page (axe, network, page
weight) instead keep one context per configuration and navigate it from page to page, which is what
keeps the whole suite fast.
"""

from __future__ import annotations

import json
from pathlib import Path

from first_view import measure_pages
from harness import ROOT, LANGUAGE_PREFIXES, SITE_ORIGIN, SITE_URL, page_paths, page_slugs, serve_from

LANGUAGES = LANGUAGE_PREFIXES  # {"fi": "", "en": "en/"}
SLUGS = page_slugs()
PATHS = page_paths()  # "/", "/maksajille/", …, "/en/", …

# axe-core's rule sets this site is held to, and a readable account of what axe found.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def describe(violations: list[dict], path: str, config) -> str:
    lines = [f"{len(violations)} axe violation(s) on {path} ({config[0]} scheme, {config[1]} px wide):"]
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']} – {violation['url']}")
        for node in violation["nodes"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    at {node['target']}: {summary}")
    return "\n".join(lines)

SKIP_LINK_TEXT = {"fi": "Siirry sisältöön", "en": "Skip to content"}

# HTML_CodeSniffer at WCAG2AA, as pa11y runs it (its built HTMLCS.js is kept in tests/vendor/htmlcs/):
# RUN_HTMLCS, evaluated after add_htmlcs(page), gives its errors.
HTMLCS = (ROOT / "tests" / "vendor" / "htmlcs" / "HTMLCS.js").read_text(encoding="utf-8")
RUN_HTMLCS = """() => new Promise((resolve) => {
  HTMLCS.process('WCAG2AA', document, () => {
    resolve(HTMLCS.getMessages().filter((message) => message.type === HTMLCS.ERROR).map((message) => ({
      code: message.code, message: message.msg,
      element: message.element && message.element.outerHTML ? message.element.outerHTML.slice(0, 160) : String(message.element),
    })));
  });
})"""


# Transitions only delay what the tests look at (a drawer sliding in, a menu fading in); the end
# state is what they check.
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# The pages' content security policy (hooks/website/security.py) blocks <style> and <script> elements
# added to a page, Playwright's add_style_tag and add_script_tag too (they raise). What the tests add
# goes in the ways a policy does not govern, so that every test sees the pages under their real
# policy and no context needs bypass_csp: a constructed stylesheet, scripts evaluated through the
# DevTools protocol (HTML_CodeSniffer here, axe-core with add_init_script).
ADOPT_STYLESHEET = """(css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""


def hold_still(page) -> None:
    """Transitions and animations off on the loaded page (NO_MOTION)."""
    page.evaluate(ADOPT_STYLESHEET, NO_MOTION)


def add_htmlcs(page) -> None:
    """HTML_CodeSniffer on the loaded page, ready for RUN_HTMLCS."""
    page.evaluate(HTMLCS)


def path_of(language: str, slug: str) -> str:
    return "/" + LANGUAGES[language] + slug


def url_of(language: str, slug: str) -> str:
    return SITE_ORIGIN + path_of(language, slug)


def language_of(path: str) -> str:
    return next((language for language, prefix in LANGUAGES.items() if prefix and path.startswith("/" + prefix)), "fi")


def new_context(browser, site: Path, **options):
    context = browser.new_context(**options)
    context.route("**/*", serve_from(site))
    return context


def open_page(context, path: str, *, still: bool = True):
    """A page of ``context`` on ``path``, loaded, optionally with transitions turned off."""
    page = context.new_page()
    page.goto(SITE_ORIGIN + path, wait_until="load")
    if still:
        hold_still(page)
    return page


# --------------------------------------------------------------------------- first views

_first_views: dict[str, dict] = {}


def first_views(browser, site: Path) -> dict:
    """path → first_view.PageLoad: every page opened once in a fresh context, everything it loaded.

    Measured once per build and shared by the network and page-weight tests.
    """
    key = str(site)
    if key not in _first_views:
        _first_views[key] = {load.path: load for load in measure_pages(browser, site, PATHS)}
    return _first_views[key]


# --------------------------------------------------------------------------- keyboard

# What the focused element shows. Material's colour-scheme toggle is a pair of visually hidden radio
# buttons: their focus shows on the one visible icon label.
FOCUS_STATE = r"""() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  const shown = focused.matches("input.md-option")
    ? focused.form.querySelector(":scope > label:not([hidden])") || focused
    : focused;
  const box = shown.getBoundingClientRect();
  const style = getComputedStyle(shown);
  let opacity = 1;
  for (let node = shown; node && node.nodeType === 1; node = node.parentElement) opacity *= +getComputedStyle(node).opacity;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
    || (style.boxShadow !== "none" && /[1-9]\d*(\.\d+)?px/.test(style.boxShadow));
  // The ring is drawn around the element, on what is behind it: the nearest opaque background.
  const rgba = (colour) => (colour.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b]
    .map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  let behind = [255, 255, 255];
  for (let node = shown.parentElement; node; node = node.parentElement) {
    const [r, g, b, a = 1] = rgba(getComputedStyle(node).backgroundColor);
    if (a >= 0.9) { behind = [r, g, b]; break; }
  }
  const ringColour = rgba(style.outlineStyle !== "none" ? style.outlineColor : (style.boxShadow.match(/rgba?\([^)]*\)/) || ["rgb(0,0,0)"])[0]);
  const [l1, l2] = [luminance(ringColour), luminance(behind)].sort((a, b) => b - a);
  const contrast = (l1 + 0.05) / (l2 + 0.05);
  const describe = (element) => element.tagName.toLowerCase()
    + (element.id ? "#" + element.id : "")
    + [...element.classList].filter((name) => name !== "focus-visible").map((name) => "." + name).join("");
  return {
    element: describe(focused),
    name: (focused.getAttribute("aria-label") || focused.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40),
    on_screen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
    opaque: opacity > 0.5 && style.visibility === "visible",
    on_top: !!hit && (hit === shown || shown.contains(hit) || hit.contains(shown)),
    covered_by: hit ? describe(hit) : null,
    ring,
    contrast: Math.round(contrast * 100) / 100,
    behind: `rgb(${behind.join(", ")})`,
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow ${style.boxShadow}`,
  };
}"""


def focus_state(page) -> dict | None:
    return page.evaluate(FOCUS_STATE)


def focus_problems(state: dict) -> list[str]:
    problems = []
    if not state["ring"]:
        problems.append(f"no focus ring ({state['outline']})")
    elif state["contrast"] < 3:
        problems.append(f"focus ring {state['contrast']}:1 against {state['behind']}, below 3:1 ({state['outline']})")
    if not state["on_screen"]:
        problems.append("off screen")
    if not state["opaque"]:
        problems.append("transparent or hidden")
    if state["on_screen"] and not state["on_top"]:
        problems.append(f"covered by {state['covered_by']}")
    return problems


def tab_until(page, selector: str, limit: int = 60) -> int:
    """Press Tab until the focused element matches ``selector``; returns the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => !!document.activeElement && document.activeElement.matches(selector)", selector):
            return presses
    raise AssertionError(f"{limit} Tab presses did not reach {selector} on {page.url}")


# --------------------------------------------------------------------------- search

def search_texts(page) -> dict:
    config = json.loads(page.inner_text("#__config"))
    return config["translations"]


def wait_until_search_is_ready(page) -> None:
    """Material shows "Initializing search" until its worker has the index; typing before that is lost."""
    placeholder = search_texts(page)["search.result.placeholder"]
    page.wait_for_function(
        "(text) => (document.querySelector('.md-search-result__meta') || {}).textContent.trim() === text",
        arg=placeholder,
    )


def search_results(page, query: str) -> list[str]:
    """Types ``query`` into the open search box; returns the result page paths (no duplicates)."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.keyboard.type(query)
    page.wait_for_function(
        """(query) => {
          const meta = document.querySelector('.md-search-result__meta');
          return document.querySelector('input.md-search__input').value === query && meta
            && (document.querySelector('.md-search-result__item') || meta.textContent.trim() !== '');
        }""",
        arg=query,
    )
    # Results arrive from a worker: wait until two reads agree.
    previous = None
    for _ in range(20):
        current = page.evaluate(
            "[...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]"
            ".map(link => new URL(link.href).pathname)"
        )
        if current == previous:
            break
        previous = current
        page.wait_for_timeout(100)
    return list(dict.fromkeys(previous or []))


__all__ = [
    "LANGUAGES", "SLUGS", "PATHS", "SKIP_LINK_TEXT", "NO_MOTION", "SITE_ORIGIN", "SITE_URL", "AXE_OPTIONS", "describe",
    "path_of", "url_of", "language_of", "new_context", "open_page", "first_views", "focus_state", "focus_problems",
    "tab_until", "search_texts", "wait_until_search_is_ready", "search_results", "hold_still", "add_htmlcs",
    "AXE_SCHEMES", "AXE_WIDTHS", "AXE_CONFIGS", "axe_config_id", "axe_results", "assert_axe_found_nothing",
]


# --------------------------------------------------------------------------- axe sweeps

AXE_SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme → Material's data-md-color-scheme
AXE_WIDTHS = (375, 1280)
AXE_CONFIGS = [(scheme, width) for scheme in AXE_SCHEMES for width in AXE_WIDTHS]

# Started without waiting, so the next page loads while axe checks this one; read back later.
START_AXE = """(options) => {
  window.__axe_result = axe.run(document, options).then((results) => results.violations.map((violation) => ({
    id: violation.id, impact: violation.impact, help: violation.help, url: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({ target: node.target.join(" "), summary: node.failureSummary })),
  })));
}"""
START_MATERIAL = "() => window.dispatchEvent(new Event('pointerdown'))"
SETTLE = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
READ_AXE = "() => window.__axe_result.then((violations) => ({violations, scheme: document.body.getAttribute('data-md-color-scheme')}))"


def axe_config_id(config) -> str:
    return f"{config[0]}-{config[1]}px"


def axe_results(browser, site: Path, paths: list[str]) -> dict:
    """axe-core on ``paths`` in every configuration: {(scheme, width): {path: result}}.

    One context per colour scheme, so Material picks the scheme from prefers-color-scheme as on a
    first visit. Each page is loaded once per scheme and checked at both widths (the viewport is
    resized between the two runs: Material's layout follows the width through CSS media queries).
    The two schemes run side by side: each page starts axe before the other's result is read. (More
    pages at once were slower on two cores.) The first run of each page sees it as it loads, before
    Material's script, which waits for a touch (overrides/main.html); the second after a touch has
    started it. The width order alternates from page to page, so each width sees both states.
    """
    from axe_playwright_python.sync_playwright import Axe

    contexts = {
        scheme: new_context(browser, site, viewport={"width": AXE_WIDTHS[0], "height": 800}, color_scheme=scheme)
        for scheme in AXE_SCHEMES
    }
    for context in contexts.values():
        context.add_init_script(script=Axe().axe_script)
    pages = {scheme: context.new_page() for scheme, context in contexts.items()}
    results: dict = {config: {} for config in AXE_CONFIGS}
    widths = list(AXE_WIDTHS)
    try:
        for path in paths:
            for page in pages.values():
                page.goto(SITE_ORIGIN + path, wait_until="load")
                hold_still(page)  # a resize starts transitions; axe checks end states
            for width in widths:
                for page in pages.values():
                    if width == widths[1]:  # the second run: after a touch has started Material's script
                        page.evaluate(START_MATERIAL)
                        page.wait_for_function("() => !!window.document$")
                    if page.viewport_size["width"] != width:
                        page.set_viewport_size({"width": width, "height": 800})
                        page.evaluate(SETTLE)
                    page.evaluate(START_AXE, AXE_OPTIONS)
                for scheme, page in pages.items():
                    results[(scheme, width)][path] = page.evaluate(READ_AXE)
            widths.reverse()  # the next page loads at the width this one ended with
    finally:
        for context in contexts.values():
            context.close()
    return results


def assert_axe_found_nothing(result: dict, config, path: str) -> None:
    """One page in one configuration of a sweep: Material shows the scheme asked for, and axe found nothing."""
    assert result["scheme"] == AXE_SCHEMES[config[0]], (
        f"{path}: Material shows data-md-color-scheme={result['scheme']!r} for prefers-color-scheme: {config[0]}"
    )
    assert not result["violations"], describe(result["violations"], path, config)
