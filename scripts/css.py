#!/usr/bin/env python3
"""Only the CSS the site uses, and the first screen's CSS inline in every page.

    python3 scripts/dev.py css     build the site, purge Material's CSS, find the first screen's CSS

Writes two files, both committed (a test fails with the command above when they are stale):

- ``overrides/assets/stylesheets/material.css``: Material's main and palette stylesheets (from the
  installed package) without the rules the site cannot use. PurgeCSS (npm, the version pinned in
  ``scripts/purgecss/``) keeps a rule when every class, id, tag and attribute in its selector occurs
  somewhere in the content: every built page, Material's JavaScript bundle (what it adds at run
  time: search results, tooltips, the palette toggle), our templates and our scripts; and whatever
  ``SAFELIST`` names, for markup that only appears in some builds or states. Custom properties, font
  faces and keyframes nothing uses go too. ``overrides/main.html`` links this file instead of
  Material's two; ``site.css`` is ours and is kept whole.
- ``overrides/assets/stylesheets/critical.css``: the rules of ``material.css`` and ``site.css`` that
  the first screen needs. Every page of both languages is opened in Chromium at 360 and 1366 px, light
  and dark; every element that starts within the first screen (and every element that is not drawn:
  hidden, closed or off-screen, whose hiding rules must be there from the start) gives its tag, id,
  classes and attributes, and PurgeCSS keeps the rules those can match. The hook inlines it in every
  page's ``<head>`` (its hash goes into the page's style-src) and loads the whole stylesheet without
  blocking the first paint (``hooks/website/stylesheets.py``).

The first line of each file records what it was made from (``stamp``); tests/site/test_css.py
compares it with the current inputs and every class the built pages use with the selectors kept.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import ROOT, build_site, launch_chromium, page_paths, serve_from
from website.stylesheets import combine, digest, recorded_inputs, split_inputs

STYLESHEETS = ROOT / "overrides" / "assets" / "stylesheets"
PURGED = STYLESHEETS / "material.css"
CRITICAL = STYLESHEETS / "critical.css"
REST = STYLESHEETS / "rest.css"
SITE_CSS = STYLESHEETS / "site.css"
PURGECSS = ROOT / "scripts" / "purgecss"
COMMAND = "python3 scripts/dev.py css"

#: Material's markup that a build of this site may not show today but that the site uses at run time,
#: or that a feature being added will bring. Regular expressions over one class, id, tag or attribute
#: value (PurgeCSS's "standard" safelist: each part of a selector must be in the content or match).
SAFELIST = (
    # search: the dialog, results, highlighting, the "no results" and "more" lines
    r"^md-search", r"^md-search-result", r"^md-typeset$",
    # the drawer and the menus, the overlay, the toggles
    r"^md-nav", r"^md-sidebar", r"^md-toggle", r"^md-overlay", r"^md-drawer", r"^md-container", r"^md-main",
    # tooltips, the palette toggle and the language selector, back-to-top
    r"^md-tooltip$", r"^md-tooltip__", r"^md-option", r"^md-header", r"^md-select", r"^md-top", r"^md-icon",
    r"^md-ellipsis", r"^md-skip", r"^md-dialog",
    # footer, tabs
    r"^md-footer", r"^md-copyright", r"^md-tabs", r"^md-content", r"^md-grid", r"^md-button",
    # admonitions and collapsible boxes (the types and aliases come from the pages: a page with a new
    # type fails tests/site/test_css.py until this command runs again)
    r"^admonition", r"^details$", r"^summary$",
    # tables (Material's wrapper), task lists, headers' permalinks
    r"^md-typeset__", r"^task-list", r"^headerlink$", r"^md-input",
    # states Material's script sets (data-md-* attributes come with its script, which is content)
    r"^hidden$", r"^focus-visible$",
)

#: Material's features this site does not enable (mkdocs.yml: theme.features, markdown_extensions),
#: whose class names Material's script mentions, so that the script as content would keep their rules:
#: content tabs, grids and cards, tags, code blocks (highlighting, annotations, copy button), improved
#: tooltips, the repository link, versions, the announcement bar, social links, breadcrumbs, page
#: statuses, footnotes, maths, critic marks, diagrams, keys. Enabling one means taking it out here.
BLOCKLIST = (
    r"^tabbed", r"^md-tag", r"^highlight", r"^md-code", r"^md-annotation",
    r"^md-clipboard", r"^md-tooltip2", r"^md-source", r"^md-version", r"^md-banner", r"^md-social",
    r"^md-path", r"^md-status", r"^footnote", r"^arithmatex$", r"^critic", r"^mermaid$", r"^keys$",
)

#: What every first screen may show, whatever today's pages put there, so that a page whose first
#: screen gains a list or a heading does not paint unstyled: the text elements Material styles.
CRITICAL_ALWAYS = (
    "html body main article header nav footer section div span p a strong em b i small abbr ul ol li "
    "h1 h2 h3 h4 hr img svg path code kbd mark "
    "md-typeset md-content md-content__inner md-main md-main__inner md-grid md-container admonition "
    "admonition-title abstract"
)

#: Attributes Material's script sets only for a moment while the page starts, so that no first screen
#: shows them: while it applies the palette, data-md-color-switching turns transitions off.
CRITICAL_ATTRIBUTES = ("data-md-color-switching",)

#: Collects, in the page, the tags, ids, classes and attributes of every element drawn within the
#: first screen, and of the outermost element of everything that is not drawn there (display: none,
#: closed, off-screen), whose rules hide it from the start; what Material's script added is there too.
FIRST_SCREEN = """() => {
  const height = window.innerHeight, width = window.innerWidth;
  const found = {tags: new Set(), classes: new Set(), ids: new Set(), names: new Set(), values: new Set()};
  const away = element => {
    const box = element.getBoundingClientRect();
    const drawn = box.width > 0 || box.height > 0;
    return !drawn || box.right <= 0 || box.left >= width || box.bottom <= 0;
  };
  for (const element of document.querySelectorAll("*")) {
    if (element.getBoundingClientRect().top >= height && !away(element)) continue;
    if (away(element) && element.parentElement && away(element.parentElement)) continue;
    found.tags.add(element.localName);
    if (element.id) found.ids.add(element.id);
    for (const name of element.classList) found.classes.add(name);
    for (const attribute of element.attributes) {
      if (attribute.name === "style") continue;
      found.names.add(attribute.name);
      if (attribute.value.length < 100) found.values.add(attribute.value);
      for (const word of attribute.value.split(/\\s+/)) if (word) found.values.add(word);
    }
  }
  return Object.fromEntries(Object.entries(found).map(([key, set]) => [key, [...set]]));
}"""


# --------------------------------------------------------------------------- inputs


def material_stylesheets() -> list[Path]:
    """Material's main and palette stylesheets, from the installed package, in the order pages link them."""
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return [next(folder.glob("main.*.min.css")), next(folder.glob("palette.*.min.css"))]


def material_javascript() -> list[Path]:
    import material

    return sorted((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))


def our_sources() -> list[Path]:
    """Our templates and scripts: classes they may print in some build or add at run time."""
    overrides = ROOT / "overrides"
    return sorted([*overrides.rglob("*.html"), *overrides.rglob("*.js")])


def template_text(text: str) -> str:
    """A template or script as content, without Jinja comments and the defaults of Jinja's ``d()``
    filter (Material's palette partial names ``d("indigo")``, a palette the site does not use)."""
    return re.sub(r"\|\s*d\([^)]*\)", "", re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL))


def used_variables(texts: list[str]) -> list[str]:
    """Material's custom properties that our CSS, templates and scripts name (kept whatever PurgeCSS thinks)."""
    return sorted({name for text in texts for name in re.findall(r"--md-[a-z0-9-]+", text)})


def purged_inputs() -> str:
    """What material.css is made from, as a digest: Material's stylesheets, the safelist, the tool."""
    return digest(
        *(path.read_bytes() for path in material_stylesheets()),
        json.dumps([SAFELIST, BLOCKLIST]),
        (PURGECSS / "package-lock.json").read_bytes(),
        (PURGECSS / "purge.cjs").read_bytes(),
    )


def stamp(kind: str, inputs: str) -> str:
    return f"/* {kind}, written by `{COMMAND}` (scripts/css.py); do not edit. inputs {inputs} */\n"


def without_inline_styles(html: str) -> str:
    """A page without its <style> elements: the critical CSS in them is not content."""
    return re.sub(r"<style\b.*?</style>", "", html, flags=re.DOTALL | re.IGNORECASE)


# --------------------------------------------------------------------------- PurgeCSS


def purgecss_installed() -> list[str]:
    """``node purge.cjs``, installing the pinned PurgeCSS with ``npm ci`` first if its lock file changed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        sys.exit("PurgeCSS runs on Node.js: install Node.js 20 or newer with npm (`sudo apt-get install nodejs npm`).")
    stamp_file = PURGECSS / "node_modules" / f".installed-{digest((PURGECSS / 'package-lock.json').read_bytes())}"
    if not stamp_file.exists():
        print("Installing PurgeCSS (npm ci, scripts/purgecss/package-lock.json) …", flush=True)
        result = subprocess.run(
            [npm, "ci", "--prefix", str(PURGECSS), "--ignore-scripts", "--no-audit", "--no-fund"],
            capture_output=True, text=True,
        )
        if result.returncode != 0:
            sys.exit(f"`npm ci` could not install PurgeCSS:\n{result.stdout}{result.stderr}")
        stamp_file.touch()
    return [node, str(PURGECSS / "purge.cjs")]


def purge(css: str, content: list[tuple[str, str]], safelist: dict, split: bool = False, blocklist: tuple = ()) -> dict:
    """PurgeCSS's answer for ``css``: ``css`` kept, ``rejected`` selectors, ``rejectedCss`` (with
    ``split``: the rules left out, the rest of the input), ``version``. ``content``: (text, extension) pairs."""
    request = {
        "css": [{"name": "input.css", "raw": css}],
        "content": [{"name": str(number), "raw": text, "extension": extension} for number, (text, extension) in enumerate(content)],
        "safelist": safelist,
        "blocklist": list(blocklist),
        "split": split,
    }
    result = subprocess.run(purgecss_installed(), input=json.dumps(request), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"PurgeCSS failed:\n{result.stderr}")
    answer = json.loads(result.stdout)
    return {**answer["css"][0], "version": answer["version"]}


# --------------------------------------------------------------------------- the two files


FOCUS_VISIBLE_CLASS = re.compile(r"\.focus-visible(?![\w-])")


def native_focus_visible(css: str) -> str:
    """Material's rules for the ``focus-visible`` class, which the polyfill in its script sets, on the
    browser's own ``:focus-visible`` instead. Its script loads at the visitor's first touch: a keyboard
    user's first Tab stops would otherwise have no ring at all (Material's ``:not(.focus-visible)``
    rules take it away), and the polyfill misses the key press that loaded it."""
    return FOCUS_VISIBLE_CLASS.sub(":focus-visible", css)


def write_purged(site: Path) -> None:
    sources = our_sources()
    content = [(without_inline_styles(path.read_text(encoding="utf-8")), "html") for path in sorted(site.rglob("*.html"))]
    content += [(path.read_text(encoding="utf-8"), "js") for path in material_javascript()]
    texts = {path: path.read_text(encoding="utf-8") for path in sources}
    content += [(template_text(texts[path]), path.suffix.lstrip(".")) for path in sources]
    variables = used_variables([SITE_CSS.read_text(encoding="utf-8"), *texts.values()])
    css = combine([path.read_text(encoding="utf-8") for path in material_stylesheets()])
    answer = purge(css, content, {"standard": list(SAFELIST), "variables": variables}, blocklist=BLOCKLIST)
    names = " and ".join(path.name for path in material_stylesheets())
    header = stamp(f"Material's {names} through PurgeCSS {answer['version']}", purged_inputs())
    PURGED.write_text(header + native_focus_visible(answer["css"]).strip() + "\n", encoding="utf-8")
    print(f"{PURGED.relative_to(ROOT)}: {len(css) // 1024} KiB -> {PURGED.stat().st_size // 1024} KiB "
          f"({len(answer['rejected'])} selectors left out)")


def first_screen_tokens(site: Path) -> dict[str, set[str]]:
    """The tags, classes, ids, attribute names and values of the first screens of every page, at 360
    and 1366 px, light and dark."""
    import harness
    from playwright.sync_api import sync_playwright

    tokens: dict[str, set[str]] = {key: set() for key in ("tags", "classes", "ids", "names", "values")}
    with sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except RuntimeError as problem:
            sys.exit(str(problem))
        for viewport in ({"width": 360, "height": 740}, {"width": 1366, "height": 768}):
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                context.route("**/*", serve_from(site))
                page = context.new_page()
                for path in page_paths():
                    page.goto(harness.SITE_ORIGIN + path, wait_until="load")
                    for key, found in page.evaluate(FIRST_SCREEN).items():
                        tokens[key].update(found)
                context.close()
        browser.close()
    return tokens


def write_critical(site: Path) -> None:
    """critical.css: the rules of material.css and site.css the first screens need, in their order;
    rest.css: the two whole again, in their order.

    rest.css repeats the critical rules on purpose. It loads after the inline <style>, so a rule of its
    own that came before a critical rule in the original order would come after it and win where it
    lost before (the warning boxes were drawn wrong that way). With every rule in rest.css in its
    original place, the page once rest.css has loaded is styled exactly as by the two files linked."""
    found = first_screen_tokens(site)
    always = CRITICAL_ALWAYS.split()
    found["tags"] |= {word for word in always if not word.startswith("md-") and "-" not in word}
    found["classes"] |= {word for word in always if word.startswith("md-") or "-" in word or word in {"admonition", "abstract"}}
    found["names"] |= set(CRITICAL_ATTRIBUTES)
    tokens = {
        "tags": sorted(found["tags"]), "classes": sorted(found["classes"]), "ids": sorted(found["ids"]),
        "attributes": {"names": sorted(found["names"]), "values": sorted(found["values"])}, "undetermined": [],
    }
    material, site_css = PURGED.read_text(encoding="utf-8"), SITE_CSS.read_text(encoding="utf-8")
    css = combine([material, site_css])
    answer = purge(css, [(json.dumps(tokens), "tokens")], {}, split=True)
    inputs = split_inputs(material, site_css)
    what = f"from material.css and site.css by PurgeCSS {answer['version']}"
    critical = checkable(minified(answer["css"]))
    CRITICAL.write_text(stamp(f"The first screen's CSS, {what}", inputs) + critical + "\n", encoding="utf-8")
    REST.write_text(stamp("material.css and site.css whole, loaded after the first paint", inputs) + minified(css) + "\n", encoding="utf-8")
    for path in (CRITICAL, REST):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB, {len(gzip.compress(path.read_bytes(), 6)) // 1024} KiB gzip")


#: What the W3C HTML checker (tests/site/test_html_valid.py) refuses in a page's <style>, though
#: browsers know it: left out of critical.css (rest.css, a file of its own, still has it).
UNCHECKABLE_DECLARATIONS = ("scrollbar-gutter",)
UNCHECKABLE_BLOCKS = ("@supports",)


def checkable(css: str) -> str:
    """Minified CSS without the declarations and blocks the HTML checker refuses (and rules left empty)."""
    for name in UNCHECKABLE_DECLARATIONS:
        css = re.sub(rf"(?<=[{{;]){re.escape(name)}:[^;}}]*;?", "", css)
    for keyword in UNCHECKABLE_BLOCKS:
        while (start := css.find(keyword)) >= 0:
            depth, end = 0, css.index("{", start)
            for end in range(end, len(css)):
                depth += {"{": 1, "}": -1}.get(css[end], 0)
                if depth == 0:
                    break
            css = css[:start] + css[end + 1 :]
    return re.sub(r"(?<=[{}])[^{}@]+\{\}", "", css).replace(";}", "}")


def minified(css: str) -> str:
    """Comments and the whitespace around braces, semicolons, commas and child combinators out, outside
    quoted strings (the text is inlined in every page)."""
    parts = re.split(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')", re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL))
    for index in range(0, len(parts), 2):  # the even parts are outside strings
        part = re.sub(r"\s*([{};,>])\s*", r"\1", parts[index])
        parts[index] = re.sub(r"\s+", " ", part).replace(";}", "}")
    return "".join(parts).strip()


def main() -> int:
    if not PURGED.exists():  # the build links it: start from Material's own stylesheets
        PURGED.write_text("\n".join(path.read_text(encoding="utf-8") for path in material_stylesheets()), encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="metodi-css-") as folder:
        build = build_site(Path(folder) / "site")
        if build.returncode != 0:
            sys.exit(f"The build failed:\n{build.output}")
        write_purged(build.site)
        # The first screens are measured on the site as it will be, with the new material.css.
        build = build_site(Path(folder) / "site-purged")
        if build.returncode != 0:
            sys.exit(f"The build failed:\n{build.output}")
        write_critical(build.site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
