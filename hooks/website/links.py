"""A broken link between pages, or a menu entry to a missing page, explained for the staff who edit them.

MkDocs finds the broken link itself, and the strict build stops on it, but its message is technical:
"Doc file 'hinnat.fi.md' contains a link 'yhteystiedt.md', but the target is not found among
documentation files." This hook rewrites that message, as it is logged, into one in Finnish and in
English that names the file and the line as they are in the repository, says what is wrong and how to
fix it, and suggests the nearest page name:

    docs/hinnat.fi.md, rivi 9: linkki 'yhteystiedt.md' vie sivulle, jota ei ole. Tarkoititko
    'yhteystiedot.md'? ...
        In English: docs/hinnat.fi.md, line 9: the link 'yhteystiedt.md' goes to a page that does not
        exist. Did you mean 'yhteystiedot.md'? ...

The same for a link to a missing section of a page (``yhteystiedot.md#arkaluontoiset``, reported by
MkDocs with ``validation: anchors``), with the nearest section names of that page, and for a menu
entry (``nav:`` in mkdocs.yml) that names a missing page, with its line in mkdocs.yml.

It changes only the wording: MkDocs still counts the warning, so the strict build still stops. The
explained problem rides on the log record (``record.problem``), where the build's count picks it up.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from pathlib import Path
from typing import Callable, Mapping

from .pages import LANGUAGES, PageName, Source, link_names
from .problems import Problem

PAGES_LOGGER = "mkdocs.structure.pages"
NAV_LOGGER = "mkdocs.structure.nav"
#: The engines whose loggers are listened to: MkDocs, and ProperDocs (the fallback engine, README), which
#: logs the same warnings under its own name.
ENGINES = ("mkdocs", "properdocs")


def engine_loggers(name: str) -> list[str]:
    """``mkdocs.structure.pages`` under every engine's name: also ``properdocs.structure.pages``."""
    suffix = name.partition(".")[2]
    return [f"{engine}.{suffix}" if suffix else engine for engine in ENGINES]

NOT_FOUND = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']*)', but the target(?: '[^']*')? "
    r"is not found among documentation files\.(?: Did you mean '(?P<suggestion>[^']*)'\?)?$"
)
UNRECOGNIZED = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']*)', "
    r"it was left as is\.(?: Did you mean '(?P<suggestion>[^']*)'\?)?$"
)
# MkDocs 1.6, structure/pages.py: Page.validate_anchor_links.
MISSING_ANCHOR = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']*)', but (?:the doc '(?P<target>[^']+)' "
    r"does not contain an anchor '#[^']*'|there is no such anchor on this page)\."
)
# MkDocs 1.6, structure/nav.py: get_navigation.
NAV_NOT_FOUND = re.compile(
    r"^A reference to '(?P<link>[^']*)' is included in the 'nav' configuration, which is not found in "
    r"the documentation files\.$"
)

HOW_TO_LINK = (
    "Korjaa linkin tiedostonimi tai poista linkki. Linkkiin kirjoitetaan sivun tiedostonimi ilman "
    "kieliosaa: suomenkielisellä sivulla linkki [Hinnat](hinnat.md) vie sivulle docs/hinnat.fi.md, "
    "englanninkielisellä sivulle docs/hinnat.en.md.",
    "Correct the file name in the link, or remove the link. A link names the page's file without "
    "the language part: [Hinnat](hinnat.md) links to docs/hinnat.fi.md on a Finnish page and to "
    "docs/hinnat.en.md on an English one.",
)
HOW_TO_NAME_A_SECTION = (
    "Otsikon perässä oleva merkintä {#nimi} antaa kohdalle nimen, esimerkiksi '## Arkaluonteiset "
    "tiedot {#arkaluonteiset}'. Jos nimeä on muutettu otsikossa, palauta se ennalleen: muut sivut "
    "linkittävät siihen.",
    "A section is named by writing {#name} after its heading, as in '## Sensitive information "
    "{#arkaluonteiset}'. If the name was changed in the heading, change it back: other pages link to it.",
)


def nearest_page(page: str, link: str, pages: list[str]) -> str | None:
    """The link, relative to ``page``, of the page whose name is closest to ``link``."""
    path, hash_mark, anchor = link.partition("#")
    folder = posixpath.dirname(page)
    candidates = {posixpath.relpath(target, folder or "."): target for target in pages}
    match = difflib.get_close_matches(path, list(candidates), n=1, cutoff=0.6)
    return match[0] + hash_mark + anchor if match else None


def line_of_link(text: str, link: str) -> int | None:
    """The first line of a page's Markdown source that has ``link`` as a link target, counted from 1."""
    patterns = [f"]({link})", f"]({link} ", f"]( {link}", f"<{link}>", f'"{link}"', link]
    for pattern in patterns:
        at = text.find(pattern)
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return None


def line_of_nav_entry(config_text: str, link: str) -> int | None:
    """The line of the menu entry for ``link`` under 'nav:' in mkdocs.yml, counted from 1."""
    nav = re.search(r"^nav:", config_text, flags=re.MULTILINE)
    if not nav:
        return None
    entry = re.compile(rf"(?:^\s*-\s+|:\s+)['\"]?{re.escape(link)}['\"]?\s*(?:#.*)?$")
    first = config_text.count("\n", 0, nav.start()) + 1
    for number, line in enumerate(config_text.splitlines(), 1):
        if number > first and entry.search(line):
            return number
    return None


def _quoted(names: list[str], conjunction: str) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" {conjunction} " + quoted[-1]


def explain(
    message: str,
    pages: list[str],
    source_of: Callable[[str], str | None] = lambda page: None,
    anchors: Mapping[str, set[str]] | None = None,
    config_text: str = "",
) -> Problem | None:
    """A plain explanation of MkDocs' broken-link message, or None if it is about something else.

    ``source_of(page)`` gives a page's Markdown (to find the line), ``anchors`` the section names
    (ids) of each page, ``config_text`` the text of mkdocs.yml.
    """
    nav = NAV_NOT_FOUND.match(message)
    if nav:
        return _explain_nav(nav["link"], pages, config_text)
    missing = MISSING_ANCHOR.match(message)
    if missing:
        return _explain_anchor(missing["page"], missing["link"], missing["target"], source_of, anchors or {})
    found = NOT_FOUND.match(message) or UNRECOGNIZED.match(message)
    if not found:
        return None
    return missing_page_problem(found["page"], found["link"], pages, source_of(found["page"]), found["suggestion"])


def missing_page_problem(
    page: str, link: str, pages: list[str], source: str | None, suggestion: str | None = None
) -> Problem:
    """The link ``link`` on ``page`` goes to no page; ``source`` is the page's Markdown (for the line)."""
    suggestion = suggestion or nearest_page(page, link, pages)
    hint_fi = f" Tarkoititko '{suggestion}'?" if suggestion and suggestion != link else ""
    hint_en = f" Did you mean '{suggestion}'?" if suggestion and suggestion != link else ""
    return Problem.at(
        f"docs/{page}",
        line_of_link(source, link) if source else None,
        f"linkki '{link}' vie sivulle, jota ei ole.{hint_fi} {HOW_TO_LINK[0]}",
        f"the link '{link}' goes to a page that does not exist.{hint_en} {HOW_TO_LINK[1]}",
    )


def _explain_anchor(
    page: str, link: str, target: str | None, source_of: Callable[[str], str | None], anchors: Mapping[str, set[str]]
) -> Problem:
    target = target or page
    anchor = link.partition("#")[2]
    names = sorted(name for name in anchors.get(target, set()) if not name.startswith("__"))
    close = difflib.get_close_matches(anchor, names, n=3, cutoff=0.6)
    source = source_of(page)
    line = line_of_link(source, link) if source else None
    if close:
        hint_fi = f" Tarkoititko {_quoted(['#' + name for name in close], 'vai')}?"
        hint_en = f" Did you mean {_quoted(['#' + name for name in close], 'or')}?"
    elif names:
        shown = ["#" + name for name in names[:12]]
        hint_fi = f" Sivun kohtien nimet ovat: {', '.join(shown)}{' …' if len(names) > 12 else ''}."
        hint_en = f" The page's sections are named: {', '.join(shown)}{' …' if len(names) > 12 else ''}."
    else:
        hint_fi = hint_en = ""
    same = target == page
    # The mistake may be in the target instead: a section name ({#...}) changed there breaks every
    # link to it. Name that heading, so the staff restore it rather than copy the change into links.
    renamed_fi = renamed_en = ""
    target_source = source_of(target) if close else None
    heading_line = line_of_link(target_source, "{#" + close[0] + "}") if target_source else None
    if heading_line:
        renamed_fi = (
            f" Jos kohdan nimi on juuri muutettu sivulla docs/{target} (rivi {heading_line}: {{#{close[0]}}}), "
            f"palauta se muotoon {{#{anchor}}}, sillä muut sivut linkittävät siihen."
        )
        renamed_en = (
            f" If the section was just renamed in docs/{target} (line {heading_line}: {{#{close[0]}}}), "
            f"restore it to {{#{anchor}}}: other pages link to it."
        )
    return Problem.at(
        f"docs/{page}",
        line,
        f"linkki '{link}' vie "
        + ("tämän sivun" if same else f"sivun docs/{target}")
        + f" kohtaan '#{anchor}', mutta sivulla ei ole sen nimistä kohtaa.{hint_fi}{renamed_fi} Muuten korjaa "
        f"linkistä #-merkin jälkeinen osa. {HOW_TO_NAME_A_SECTION[0]}",
        f"the link '{link}' goes to the section '#{anchor}' of "
        + ("this page" if same else f"docs/{target}")
        + f", but that page has no section with that name.{hint_en}{renamed_en} Otherwise correct the part "
        f"after '#' in the link. {HOW_TO_NAME_A_SECTION[1]}",
    )


def _explain_nav(link: str, pages: list[str], config_text: str) -> Problem:
    line = line_of_nav_entry(config_text, link) if config_text else None
    name = PageName.parse(link)
    without_language = name.link_name if name and name.language in LANGUAGES else link
    if without_language != link and without_language in pages:
        language = name.language
        return Problem.at(
            "mkdocs.yml",
            line,
            f"valikossa (nav) on sivu '{link}'. Valikkoon kirjoitetaan sivun nimi ilman "
            f"kieliosaa '.{language}': kirjoita '{without_language}'. Sama rivi näyttää sivun kummankin "
            "kielen valikossa.",
            f"the menu ('nav') names the page '{link}'. The menu names a page without the "
            f"language part '.{language}': write '{without_language}'. The same line shows the page in the "
            "menu of both languages.",
        )
    close = difflib.get_close_matches(without_language, pages, n=1, cutoff=0.6)
    hint_fi = f" Tarkoititko '{close[0]}'?" if close else ""
    hint_en = f" Did you mean '{close[0]}'?" if close else ""
    return Problem.at(
        "mkdocs.yml",
        line,
        f"valikossa (nav) on sivu '{link}', jota ei ole kansiossa docs.{hint_fi} Korjaa "
        "sivun nimi valikkoon. Nimi kirjoitetaan ilman kieliosaa: sivu docs/hinnat.fi.md on valikossa "
        "'hinnat.md'.",
        f"the menu ('nav') names the page '{link}', which is not in the docs folder.{hint_en} "
        "Correct the page's name in the menu. The name is written without the language part: "
        "docs/hinnat.fi.md is 'hinnat.md' in the menu.",
    )


# --------------------------------------------------------------------------- the checking pass

# A link's target in Markdown: inline "[text](target)" and reference "[name]: target".
LINK_TARGET = re.compile(r"\]\(\s*<?(?P<inline>[^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(?P<reference>[^\s>]+)", re.MULTILINE)


def check(source: Source, pages: list[str]) -> list[Problem]:
    """Links from this page to pages that do not exist (``pages`` as links name them: ``hinnat.md``)."""
    problems = []
    folder = posixpath.dirname(source.path)
    for match in LINK_TARGET.finditer(source.text):
        link = match["inline"] or match["reference"]
        path = link.partition("#")[0]
        if not path.endswith(".md") or "://" in path or path.startswith("/"):
            continue
        if posixpath.normpath(posixpath.join(folder, path)) in pages:
            continue
        problems.append(missing_page_problem(source.path, link, pages, source.text))
    return problems


# --------------------------------------------------------------------------- the log filter


class BrokenLinkExplainer(logging.Filter):
    """Rewrites MkDocs' broken-link warnings as they are logged. One per build, made by the entry hook."""

    def __init__(self, sources: tuple[Source, ...], config_text: str) -> None:
        super().__init__()
        self.pages = link_names([source.path for source in sources])
        self.texts = {source.path: source.text for source in sources}
        self.config_text = config_text
        self.anchors: dict[str, set[str]] = {}
        # Each language's build reads the same menu: say a menu mistake once per build, not twice.
        self.said: set[str] = set()

    def source_of(self, page: str) -> str | None:
        return self.texts.get(page)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        problem = explain(message, self.pages, self.source_of, self.anchors, self.config_text)
        if not problem:
            return True
        if NAV_NOT_FOUND.match(message):
            if problem.message in self.said:
                return False
            self.said.add(problem.message)
        record.msg, record.args = problem.message, None
        record.problem = problem
        return True

    def install(self) -> None:
        for name in engine_loggers(PAGES_LOGGER) + engine_loggers(NAV_LOGGER):
            logger = logging.getLogger(name)
            for old in [item for item in logger.filters if isinstance(item, BrokenLinkExplainer)]:
                logger.removeFilter(old)
            logger.addFilter(self)

    def uninstall(self) -> None:
        for name in engine_loggers(PAGES_LOGGER) + engine_loggers(NAV_LOGGER):
            logging.getLogger(name).removeFilter(self)
