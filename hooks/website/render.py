"""A page's Markdown, rendered: its shortcodes replaced from the build context.

The checking pass (``checks.py``) calls the same renderers on every page before anything is
written, so that here they meet only shortcodes that work.
"""

from __future__ import annotations

from . import contact, estimator, organisation, prices, tables, translations
from .context import BuildContext
from .pages import language_of
from .shortcodes import Renderer, replace_shortcodes

#: Every shortcode name the site knows, whether or not its data could be read in this build.
KNOWN_SHORTCODES = (*prices.SHORTCODE_NAMES, *estimator.SHORTCODE_NAMES, *contact.SHORTCODE_NAMES, *organisation.SHORTCODE_NAMES)


def page_renderers(context: BuildContext, path: str) -> dict[str, Renderer]:
    """The renderers of every shortcode for the page ``path`` (relative to docs/)."""
    language = language_of(path)
    renderers = contact.renderers(context.contact, language, path, context.templates) if context.contact else {}
    if context.organisation is not None:
        renderers |= organisation.renderers(context.organisation, language)
    if context.schedule is not None:
        renderers |= prices.renderers(context.schedule, language)
        renderers |= estimator.renderers(context.schedule, language, context.templates)
    return renderers


def render_markdown(context: BuildContext, markdown: str, path: str) -> str:
    pair = context.in_one_language.get(path)
    if pair:
        markdown = translations.with_preview_notice(markdown, pair)
    markdown = tables.separate_caption_lines(markdown)
    return replace_shortcodes(markdown, page_renderers(context, path))
