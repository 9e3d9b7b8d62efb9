"""The site's one MkDocs hook: every event once, in the order MkDocs calls them, top to bottom.

The work is done by the feature modules in ``hooks/website/``; this file only connects them to
MkDocs. It makes one build context per build (``website.context``), runs the one checking pass
(``website.checks``) before anything is written, and reports every problem at once
(``website.problems``). See ARCHITECTURE.md for the whole pipeline.

Two things about MkDocs shape this file:

- The i18n plugin builds the other language by calling MkDocs' ``build`` again from its own
  ``on_post_build``, with the same configuration. So ``on_config``, ``on_pre_build`` and
  ``on_post_build`` run once per language: the context is made for the first and reused by the
  second, and the writers after the build run once, when the outermost build ends (``_Build.depth``).
- MkDocs loads a hook once per process, and ``mkdocs serve`` rebuilds with a new configuration each
  time, so the state of the running build (``_build``) is replaced at each rebuild.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from website import (
    checks,
    config_warnings,
    contact,
    estimator,
    language_switch,
    last_updated,
    links,
    output,
    prices,
    printed,
    problems,
    redirects,
    render,
    search,
    security,
    seo,
    structured_data,
    stylesheets,
    tables,
    task_lists,
    translations,
    valid_html,
)
from website.context import BuildContext, build_context
from website.formats import script_text
from website.pages import DEFAULT, LANGUAGES, language_of, prefix, slugs, split_url_path, url_path
from website.problems import Problem

log = logging.getLogger(problems.LOGGER)

#: Where scripts/dev.py asks for the build's problems, to count them (a JSON file).
REPORT_VARIABLE = "STAFF_REPORT"


class _ProblemRecorder(logging.Handler):
    """Counts every warning MkDocs logs during a build as a problem, with its place where known."""

    def __init__(self, found: list[Problem]):
        super().__init__(level=problems.PREVIEW_WARNING)
        self.found = found
        self.ignored: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == problems.LOGGER or record.getMessage() in self.ignored:
            return  # the checking pass's own problems, already counted
        self.found.append(getattr(record, "problem", None) or Problem(None, None, record.getMessage(), record.getMessage()))


@dataclass
class _Build:
    """One run of ``mkdocs build`` or one rebuild of ``mkdocs serve``."""

    config: object
    context: BuildContext
    explainer: links.BrokenLinkExplainer
    preview_filter: translations.PreviewFilter
    recorder: _ProblemRecorder
    problems: list[Problem] = field(default_factory=list)
    depth: int = 0  # builds under way: 2 while the i18n plugin builds the second language
    failed: bool = False
    #: page location → the ranking fields its search entry gets (website.search.page_fields)
    search_fields: dict[str, dict[str, str]] = field(default_factory=dict)
    #: page location → (its file in the site, its headings), for the language switch's pairs
    outlines: dict[str, tuple[str, list]] = field(default_factory=dict)


class _ConfigWarnings(logging.Filter):
    """MkDocs warns about mkdocs.yml before any event, while this hook is already loaded: the warning is
    explained in Finnish with its line (website.config_warnings) and reported for scripts/dev.py."""

    def __init__(self, config_file: Path):
        super().__init__()
        self.config_file = config_file
        self.found: list[Problem] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            text = self.config_file.read_text(encoding="utf-8") if self.config_file.is_file() else ""
            problem = config_warnings.explain(record.getMessage(), text)
            if problem:
                record.msg, record.args = problem.message, None
                self.found.append(problem)
                problems.write_report(os.environ.get(REPORT_VARIABLE), self.found)
        return True


def _explain_config_warnings() -> None:
    explainer = _ConfigWarnings(Path(__file__).resolve().parent.parent / "mkdocs.yml")
    for name in links.engine_loggers("mkdocs.config"):
        logger = logging.getLogger(name)
        if not any(isinstance(item, _ConfigWarnings) for item in logger.filters):
            logger.addFilter(explainer)


_explain_config_warnings()

_command: dict = {"name": "build", "dirty": False, "site": None, "staging": None, "failed": False}
_build: _Build | None = None


def _loggers_for(build: _Build) -> list[tuple[logging.Logger, logging.Filter | logging.Handler]]:
    loggers = [(logging.getLogger(name), build.preview_filter) for name in links.engine_loggers(links.NAV_LOGGER)]
    loggers += [(logging.getLogger(name), build.preview_filter) for name in links.engine_loggers(links.PAGES_LOGGER)]
    return loggers + [(logging.getLogger(name), build.recorder) for name in links.engine_loggers("mkdocs")]


def _attach(build: _Build) -> None:
    # The preview's filter reads MkDocs' own words, so it comes before the explainer rewrites them.
    for logger, item in _loggers_for(build):
        logger.addHandler(item) if isinstance(item, logging.Handler) else logger.addFilter(item)
    build.explainer.install()


def _detach(build: _Build) -> None:
    build.explainer.uninstall()
    for logger, item in _loggers_for(build):
        logger.removeHandler(item) if isinstance(item, logging.Handler) else logger.removeFilter(item)


def _write_report(build: _Build) -> None:
    schedule = build.context.schedule
    summary = prices.today_in_brief(schedule) if schedule else ""
    problems.write_report(os.environ.get(REPORT_VARIABLE), build.problems, summary)


# --------------------------------------------------------------------------- MkDocs events


def on_startup(command, dirty):
    _command.update(name=command, dirty=dirty, site=None, staging=None, failed=False)


def on_config(config):
    global _build
    if _build is not None and _build.config is config:
        return config  # the i18n plugin's build of the second language
    if _build is not None:
        _detach(_build)
    _build = _new_build(config)
    _attach(_build)
    # A publishing build writes into a staging folder, swapped in at shutdown only if all went well.
    if _command["name"] == "build" and not _command["dirty"] and _command["site"] is None:
        _command["site"] = Path(config.site_dir)
        _command["staging"] = output.staging_dir(config.site_dir)
        output.discard(_command["staging"])
        config.site_dir = str(_command["staging"])
    return config


def _new_build(config) -> _Build:
    project = Path(config.config_file_path).parent
    config_text = Path(config.config_file_path).read_text(encoding="utf-8")
    logo = config.theme.get("logo") or ""
    i18n = config.plugins.get("i18n")
    context = build_context(
        project=project,
        docs_dir=Path(config.docs_dir),
        site_url=config.site_url,
        serving=_command["name"] == "serve",
        config_text=config_text,
        nav=config.nav,
        left_out=lambda path: bool(config.not_in_nav and config.not_in_nav.match_file(path)),
        menu_translations={
            language.locale: language.nav_translations or {}
            for language in (i18n.config.languages if i18n else [])
            if not language.default and language.build
        },
        logo=config.site_url.rstrip("/") + "/" + logo if logo and (Path(config.docs_dir) / logo).is_file() else "",
    )
    found: list[Problem] = []
    return _Build(
        config=config,
        context=context,
        explainer=links.BrokenLinkExplainer(context.sources, config_text),
        preview_filter=translations.PreviewFilter(set()),
        recorder=_ProblemRecorder(found),
        problems=found,
    )


def on_pre_build(config):
    _build.depth += 1
    if _build.depth > 1:
        return
    context = _build.context
    found = checks.check_site(context)
    _build.problems.extend(found)
    if problems.stops(found, serving=context.serving):
        text = problems.messages([problem for problem in found if not problem.warning])
        _build.recorder.ignored.add(text)
        _write_report(_build)
        raise PluginError(text)
    # The preview goes on: what it tolerates is shown once, as warnings.
    for problem in found:
        problems.warn_in_preview(log, problem.message)
    context.in_one_language = translations.pages_in_one_language(context.sources) if context.serving else {}
    _build.preview_filter.stems = {pair.stem for pair in context.in_one_language.values()}


def on_page_markdown(markdown, page, config, files):
    if estimator.needs_script(markdown):
        page.meta[estimator.SCRIPT_FLAG] = True
    return render.render_markdown(_build.context, markdown, page.file.src_uri)


def on_page_content(html, page, config, files):
    _build.explainer.anchors[page.file.src_uri] = set(page.present_anchor_ids or ())
    html = search.with_spaces(task_lists.label_task_items(tables.render_html(html)))
    source = next((item for item in _build.context.sources if item.path == page.file.src_uri), None)
    _build.search_fields[page.url] = search.page_fields(html, search.keywords_of(source) if source else [])
    _build.outlines[page.url] = (page.file.dest_uri, language_switch.outline(html))
    return html


def on_env(env, config, files):
    # The templates' language and its folder come from the page model; a page's own language is set
    # in on_page_context, and templates that are not pages (the 404 page) get their build's language.
    env.globals["page_language"] = config.theme["language"] if config.theme["language"] in LANGUAGES else DEFAULT
    env.globals["language_prefixes"] = {language: prefix(language) for language in LANGUAGES}
    build = _build.context
    env.globals["contact"] = build.contact
    env.globals["staff_preview"] = seo.noindex_requested(os.environ)  # a pull request's preview
    env.filters["contact_card"] = lambda language: (
        contact.render_contact(build.contact, language, build.templates, "footer-contact") if build.contact else ""
    )
    env.filters["role_in_sentence"] = lambda language: contact.role_in_sentence(build.contact, language)
    env.filters["provider_line"] = lambda language: build.organisation.identification(language) if build.organisation else ""
    env.globals["not_found_addresses"] = redirects.not_found_addresses(build.sources)
    titles = search.menu_titles(build.nav, build.menu_translations)
    env.globals["search_help"] = {
        language: search.no_results_help(build.contact, language, build.templates, titles[language]) for language in LANGUAGES
    } if build.contact else {}
    return env


def on_page_context(context, page, config, nav):
    build = _build.context
    src_uri = page.file.src_uri
    language = language_of(src_uri)
    context.update(seo.page_context(page.url, config.site_url))
    day = last_updated.last_updated(src_uri, build.history, build.today)
    context["page_updated"] = last_updated.format_updated(day, language)
    data = None
    if build.prices is not None and build.organisation is not None:
        data = structured_data.structured_data(
            src_uri,
            title=page.title or "",
            description=str(page.meta.get("description") or "").strip(),
            url=page.canonical_url or "",
            organisation=build.organisation,
            site_url=config.site_url,
            data=build.prices,
            rate=build.vat,
            logo=build.logo,
            schedule=build.schedule,
        )
    context["structured_data"] = script_text(data) if data else ""
    return context


def _stylesheet_folders(config) -> list[Path]:
    """Where a page's stylesheets come from: the theme's folders (overrides/ first), then docs/."""
    return [Path(folder) for folder in config.theme.dirs] + [Path(config.docs_dir)]


def on_post_page(output_html, page, config):
    html = valid_html.fix_material_markup(output_html)
    if seo.noindex_requested(os.environ):
        html = seo.with_noindex(html)
    folders = _stylesheet_folders(config)
    page_dir = os.path.dirname(page.file.dest_uri)
    html = stylesheets.inline_critical(html, page_dir, folders, _build.context.bundles)
    html = stylesheets.bundle_page(html, page_dir, Path(config.site_dir), folders, _build.context.bundles)
    src_uri, language = page.file.src_uri, language_of(page.file.src_uri)
    title = "" if page.is_homepage else (page.title or "")
    html = printed.with_print_lines(
        html,
        printed.header_text(_build.context, src_uri, language, title),
        printed.footer_text(_build.context, src_uri, language, page.canonical_url or ""),
    )
    return security.with_policy(html)  # last: its hashes are of the page's final scripts


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    html = valid_html.fix_material_markup(output_content)
    if seo.noindex_requested(os.environ):
        html = seo.with_noindex(html)  # the 404 page is a template, not a page
    folders = _stylesheet_folders(config)
    html = stylesheets.inline_critical(html, "", folders, _build.context.bundles)
    html = security.with_policy(html)  # last: its hashes are of the page's final scripts
    if template_name == output.NOT_FOUND_PAGE:
        _build.context.not_found_pages[config.theme["language"]] = html
    return html


@event_priority(-200)  # after the i18n plugin's own on_post_build, which builds the other language
def on_post_build(config):
    _build.depth -= 1
    if _build.depth > 0:
        return  # the second language's build ends inside the first one's; write once, at the end
    context, site_dir = _build.context, Path(config.site_dir)
    if DEFAULT in context.not_found_pages:
        (site_dir / output.NOT_FOUND_PAGE).write_text(context.not_found_pages[DEFAULT], encoding="utf-8")
    output.split_search_index(site_dir, lambda index: search.with_fields(index, _build.search_fields))
    _pair_sections(site_dir)
    for path, html in redirects.redirect_pages(context.sources, config.site_url, context.templates).items():
        (site_dir / path).mkdir(parents=True, exist_ok=True)
        (site_dir / path / "index.html").write_text(security.with_policy(html), encoding="utf-8")
    noindex = seo.noindex_requested(os.environ)
    seo.write_sitemaps(site_dir, slugs([source.path for source in context.sources]), config.site_url, noindex=noindex)
    output.write_pages_files(site_dir, config.site_url)
    output.publish_admin(context.project, site_dir, lambda html: security.with_policy(html, security.ADMIN_DIRECTIVES))
    security.write_security_txt(site_dir, context.contact, config.site_url, context.today)
    if context.schedule:
        log.info(prices.today_in_brief(context.schedule))
    _write_report(_build)


def _pair_sections(site_dir: Path) -> None:
    """Each page's language switch learns the other page's matching headings (website.language_switch)."""
    for url, (dest, own) in _build.outlines.items():
        language, slug = split_url_path(url)
        other = next(item for item in LANGUAGES if item != language)
        theirs = _build.outlines.get(url_path(slug, other))
        page_file = site_dir / dest
        if theirs and page_file.is_file():
            found = language_switch.pairs(own, theirs[1])
            page_file.write_text(language_switch.with_pairs(page_file.read_text(encoding="utf-8"), found), encoding="utf-8")


def on_build_error(error):
    _command["failed"] = True
    if _build is not None:
        _build.depth = 0
        _write_report(_build)


def on_shutdown():
    if _build is not None:
        _detach(_build)
    staging, site = _command.get("staging"), _command.get("site")
    if staging is None:
        return
    if _command.get("failed") or not staging.is_dir():
        output.discard(staging)
    else:
        output.publish(staging, site)
