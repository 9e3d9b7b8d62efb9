"""HTML fragments that the build puts into pages, written as Jinja templates beside the theme's own.

The templates are in ``overrides/partials/fragments/``, with the rest of the site's look. They are
rendered with plain Jinja2 (the same engine MkDocs uses), not through the theme, so that they do not
depend on Material. Values are escaped unless a template marks them ``safe``.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

FOLDER = Path("overrides") / "partials" / "fragments"


def environment(project: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(project / FOLDER),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )


def render(templates: Environment, name: str, **values) -> str:
    return templates.get_template(name).render(**values)
