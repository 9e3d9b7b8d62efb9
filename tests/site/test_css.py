"""The generated CSS (``python3 scripts/dev.py css``, scripts/css.py) is up to date: made from today's
Material stylesheets, safelist and PurgeCSS, split from today's material.css and site.css, and keeping
a rule for every class the built pages use that Material styles.

Layer: the shared strict build.
"""

from __future__ import annotations

import re

import css
from website import stylesheets

RUN = f"Run `{css.COMMAND}` and commit what it writes (overrides/assets/stylesheets/)"


def selector_classes(text: str) -> set[str]:
    """The class names in a stylesheet's selectors (what comes before each ``{``)."""
    selectors = " ".join(re.findall(r"([^{}]*)\{", re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)))
    selectors = re.sub(r"url\([^)]*\)|\"[^\"]*\"|'[^']*'", "", selectors)
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selectors))


def test_material_css_is_made_from_todays_material_and_safelist():
    recorded = stylesheets.recorded_inputs(css.PURGED.read_text(encoding="utf-8"))
    assert recorded == css.purged_inputs(), (
        f"{css.PURGED.name} was made from another Material version, safelist or PurgeCSS. {RUN}."
    )


def test_the_first_screen_split_is_made_from_todays_material_css_and_site_css():
    wanted = stylesheets.split_inputs(css.PURGED.read_text(encoding="utf-8"), css.SITE_CSS.read_text(encoding="utf-8"))
    for path in (css.CRITICAL, css.REST):
        assert stylesheets.recorded_inputs(path.read_text(encoding="utf-8")) == wanted, (
            f"{path.name} is older than site.css or material.css, so every page waits for the whole "
            f"stylesheet again. {RUN}."
        )


def test_every_class_the_pages_use_keeps_its_material_rules(built_site):
    """A class in the built HTML that Material's own stylesheets style must be in material.css."""
    material = selector_classes("\n".join(path.read_text(encoding="utf-8") for path in css.material_stylesheets()))
    kept = selector_classes(css.PURGED.read_text(encoding="utf-8"))
    missing: dict[str, str] = {}
    for path in sorted(built_site.rglob("*.html")):
        if "admin" in path.parts:
            continue
        html = css.without_inline_styles(path.read_text(encoding="utf-8"))
        for value in re.findall(r'\sclass="([^"]*)"', html):
            for name in value.split():
                if name in material and name not in kept:
                    missing.setdefault(name, path.relative_to(built_site).as_posix())
    assert not missing, (
        "The pages use classes whose Material rules material.css left out: "
        + ", ".join(f"{name} ({page})" for name, page in sorted(missing.items()))
        + f". {RUN}; if a class only appears at run time, add it to SAFELIST in scripts/css.py first."
    )


def test_rest_css_is_material_css_and_site_css_whole_in_their_order():
    """rest.css repeats the first screen's rules in their places: with a rule of rest.css that came
    before a critical rule, the inline <style> first and rest.css after would swap the two (the warning
    boxes were drawn wrong that way). Whole, the page ends styled exactly as by the two files."""
    whole = css.minified(stylesheets.combine([css.PURGED.read_text(encoding="utf-8"), css.SITE_CSS.read_text(encoding="utf-8")]))
    assert css.REST.read_text(encoding="utf-8").split("\n", 1)[1].strip() == whole, RUN


def test_critical_css_has_only_rules_of_the_two():
    """critical.css adds nothing: every class selector in it is in material.css or site.css."""
    inputs = selector_classes(css.PURGED.read_text(encoding="utf-8") + css.SITE_CSS.read_text(encoding="utf-8"))
    assert selector_classes(css.CRITICAL.read_text(encoding="utf-8")) <= inputs, RUN


def test_focus_rings_need_no_script():
    """Material's script, and the focus-visible polyfill in it, load at the first touch: the rings must
    come from the browser's own :focus-visible, or a keyboard user's first Tab stops show none."""
    assert css.native_focus_visible(".md-header__button:not(.focus-visible){outline:none}.md-typeset a.focus-visible{x}") == (
        ".md-header__button:not(:focus-visible){outline:none}.md-typeset a:focus-visible{x}"
    )
    for path in (css.PURGED, css.CRITICAL, css.REST):
        assert ".focus-visible" not in path.read_text(encoding="utf-8").split("*/", 1)[1], f"{path.name}: {RUN}."
