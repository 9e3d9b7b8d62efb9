"""One bilingual ``404.html`` at the root, framed in the default language.

Static hosts serve the root ``404.html`` for every missing address. The i18n plugin renders the theme's
404 template once per language into the same file, so the last language built would win. This hook
keeps the default language's rendering (its body is bilingual, see ``overrides/404.html``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs import plugins

DEFAULT_LANGUAGE = "fi"
TEMPLATE = "404.html"

_rendered: dict[str, str] = {}


def on_post_template(output_content, template_name, config):
    if template_name == TEMPLATE:
        _rendered[config.theme["language"]] = output_content
    return output_content


@plugins.event_priority(-200)  # after the i18n plugin has built the other languages
def on_post_build(config):
    if DEFAULT_LANGUAGE in _rendered:
        (Path(config.site_dir) / TEMPLATE).write_text(_rendered[DEFAULT_LANGUAGE], encoding="utf-8")
