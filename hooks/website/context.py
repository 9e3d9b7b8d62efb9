"""The build context: everything a build needs to know, read once per build.

``hooks/main.py`` makes one ``BuildContext`` when a build starts (the i18n plugin's second-language
build reuses it) from plain values it takes out of MkDocs' configuration, so nothing below the entry
hook depends on MkDocs. Reading never stops: a mistake in the price file, the contact details or the
build date becomes a problem in ``problems``, which the checking pass reports with all the others.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment

from . import fragments
from .organisation import Organisation, load_organisation
from .last_updated import History, git, read_history
from .pages import Source, read_sources
from .price_file import DATA_FILE, PriceData, VatRate, load_price_file, read_price_file
from .prices import Schedule
from .problems import Problem, StaffError


@dataclass
class BuildContext:
    project: Path
    docs_dir: Path
    site_url: str
    serving: bool
    today: date
    sources: tuple[Source, ...]
    config_text: str
    nav: Any
    left_out: Callable[[str], bool]
    menu_translations: dict[str, dict]
    contact: dict  # the contact person, from the organisation's facts ({} if they cannot be used)
    organisation: Organisation | None = None
    templates: Environment | None = None  # the site's HTML fragments (fragments.py)
    logo: str = ""
    #: The prices as the pages show them: in force on the build date, with every later change announced.
    schedule: Schedule | None = None
    base_price_file: PriceData | None = None  # the price file as the change found it (base_version)
    history: History = field(default_factory=History)
    problems: list[Problem] = field(default_factory=list)  # found while reading the inputs
    #: Pages the preview shows in one language only, by file name (``translations.MissingPair``).
    in_one_language: dict = field(default_factory=dict)
    #: Stylesheet bundles made in this build, and the critical/rest split read once (``stylesheets``).
    bundles: dict = field(default_factory=dict)
    #: The 404 page as each language's build rendered it.
    not_found_pages: dict[str, str] = field(default_factory=dict)

    @property
    def price_file(self) -> PriceData | None:
        """Every row of data/prices.yml, dated ones too."""
        return self.schedule.file if self.schedule else None

    @property
    def prices(self) -> PriceData | None:
        """The prices in force on the build date, one a length."""
        return self.schedule.now if self.schedule else None

    @property
    def vat(self) -> VatRate | None:
        """The VAT rate in force on the build date."""
        return self.schedule.rate if self.schedule else None


def build_date(environ: dict[str, str] = os.environ) -> date:
    """Today in UTC, or the day of ``SOURCE_DATE_EPOCH`` so that builds are reproducible."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(timezone.utc).date()
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise StaffError(
            Problem(
                None,
                None,
                f"SOURCE_DATE_EPOCH on '{epoch}', mikä ei ole aika. Anna se sekunteina 1.1.1970 (UTC) "
                "alkaen (esimerkiksi `date +%s`), tai poista se, niin sivusto rakennetaan tämän päivän "
                "päivämäärällä.",
                f"SOURCE_DATE_EPOCH is '{epoch}', which is not a time. Set it to whole seconds since "
                "1970-01-01 UTC (for example `date +%s`), or unset it to build with today's date.",
                stops_preview=True,
            )
        ) from None


def build_context(
    *,
    project: Path,
    docs_dir: Path,
    site_url: str,
    serving: bool,
    config_text: str,
    nav: Any,
    left_out: Callable[[str], bool],
    menu_translations: dict[str, dict],
    logo: str = "",
    environ: dict[str, str] = os.environ,
) -> BuildContext:
    problems: list[Problem] = []
    try:
        today = build_date(environ)
    except StaffError as error:
        problems.append(error.problem)
        today = datetime.now(timezone.utc).date()
    organisation, found = load_organisation(project, docs_dir)
    if organisation is None:  # nothing can be rendered from unusable contact details, not even in the preview
        found = [replace(problem, stops_preview=True) for problem in found]
    problems += found
    context = BuildContext(
        project=project,
        docs_dir=docs_dir,
        site_url=site_url,
        serving=serving,
        today=today,
        sources=read_sources(docs_dir),
        config_text=config_text,
        nav=nav,
        left_out=left_out,
        menu_translations=menu_translations,
        contact=organisation.contact if organisation else {},
        organisation=organisation,
        templates=fragments.environment(project),
        logo=logo,
        history=read_history(docs_dir) or History(),
        problems=problems,
    )
    try:
        schedule = Schedule(load_price_file(project / DATA_FILE), today)
        schedule.rate  # noqa: B018  (a file with no rate in force on the day is a problem now, not later)
        context.schedule = schedule
        context.base_price_file = base_price_file(project, environ)
    except StaffError as error:
        # Without the prices no price can be shown, so even the preview stops.
        problems.append(replace(error.problem, stops_preview=True))
        context.schedule = None
    return context


def base_version(project: Path, environ: dict[str, str]) -> str | None:
    """The git revision this build's change is based on: a pull request's base branch; on a push to
    `main`, what `main` was before the push (a push of several commits is compared as a whole, not
    only its last commit); for a staff member's own build, `main` (or, on `main` itself, the last
    commit, so that uncommitted edits count). None where there is nothing to compare with."""
    if environ.get("GITHUB_BASE_REF"):
        return f"origin/{environ['GITHUB_BASE_REF']}"
    if environ.get("GITHUB_ACTIONS") == "true":
        return (pushed_over(environ) or "HEAD^") if environ.get("GITHUB_EVENT_NAME") == "push" else None
    branch = (git(project, "rev-parse", "--abbrev-ref", "HEAD") or "").strip()
    if not branch:
        return None
    if branch == "main":
        return "HEAD"
    return "main" if git(project, "rev-parse", "--verify", "--quiet", "main") else "origin/main"


def pushed_over(environ: dict[str, str]) -> str | None:
    """The commit a push replaced (the event's "before"), or None: no event file, or a new branch."""
    try:
        before = json.loads(Path(environ["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8")).get("before")
    except (KeyError, OSError, ValueError):
        return None
    if isinstance(before, str) and re.fullmatch(r"[0-9a-f]{40}", before) and before.strip("0"):
        return before
    return None


def base_price_file(project: Path, environ: dict[str, str]) -> PriceData | None:
    revision = base_version(project, environ)
    text = git(project, "show", f"{revision}:{DATA_FILE}") if revision else None
    try:
        return read_price_file(text, DATA_FILE) if text else None
    except StaffError:
        return None  # a base that does not read is no base to compare with
