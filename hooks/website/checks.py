"""The one checking pass: every mistake staff can make in the sources, found before anything is written.

``check_site`` reads nothing itself: the build context holds every source, read once. It returns
every problem at once, so a staff member who made four mistakes in four files learns of all four from
one build. What the problems then do (stop the build, or show in the preview) is ``problems.stops``.

Only what a built page shows can tell is left to MkDocs' own checks during the build: a link to a
section (``#name``) that the target page does not have, explained by ``links.BrokenLinkExplainer``.
"""

from __future__ import annotations

from . import links, price_history, prices, redirects, search, shortcodes, structure, structured_data, tables, translations
from .context import BuildContext
from .pages import link_names
from .problems import Problem
from .render import KNOWN_SHORTCODES, page_renderers


def page_problems(context: BuildContext, pages: list[str]) -> list[Problem]:
    """The mistakes inside each page: shortcodes, hand-typed prices, table captions and links."""
    problems = []
    for source in context.sources:
        problems += shortcodes.check(source, page_renderers(context, source.path), KNOWN_SHORTCODES)
        problems += prices.hand_typed_price_problems(source)
        problems += tables.check(source)
        if not context.serving:
            # The preview renders every page, and MkDocs reports the same links there itself.
            problems += links.check(source, pages)
    return problems


def check_site(context: BuildContext) -> list[Problem]:
    paths = [source.path for source in context.sources]
    problems = list(context.problems)
    problems += structure.check(paths, context.nav, context.left_out, context.menu_translations, context.config_text)
    problems += translations.check(context.sources, context.serving)
    problems += search.check(context.sources)
    problems += redirects.check(context.sources)
    problems += page_problems(context, link_names(paths))
    problems += structured_data.service_page_problems(context.sources, context.prices)
    problems += price_history.check(context.base_price_file, context.price_file, context.today)
    return problems
