#!/usr/bin/env python3
"""List the English pages whose Finnish page has changed after them: they may need translating again.

    python3 scripts/stale_translations.py            a list for people
    python3 scripts/stale_translations.py --github   the same as GitHub Actions warnings

Finnish is the source language. For every page, the last commit that touched ``name.fi.md`` is
compared with the last commit that touched ``name.en.md``, in the order of the git history (the
order ``git log`` shows, newest first), not by the clock:

- the English file changed in the same commit as the Finnish one, or later: up to date;
- the Finnish file changed later: the English page is outdated;
- a file with changes that are not committed yet counts as the newest of all;
- a commit whose message has the line ``Translation-checked: docs/name.en.md`` (or, in Finnish,
  ``Käännös-tarkistettu: docs/name.en.md``) counts as an update of that English page: someone compared
  the two after a Finnish change that needs nothing in English (a typo, a style fix, markup).

It is a reminder, not a check: it always exits with 0. It needs only Python 3.11+ and git.
"""

from __future__ import annotations

import argparse
import sys
import re
from dataclasses import dataclass
from pathlib import Path

from harness import ROOT  # first: it gives a script the hook modules (standard library only)

from last_updated import COMMIT_MARK, History, _git, parse_log, read_history  # noqa: E402  (standard library only)

SOURCE, TRANSLATION = "fi", "en"
UNCOMMITTED = -1  # newer than any commit: git log order 0 is the newest commit
CHECKED = re.compile(r"^(?:Translation-checked|Käännös-tarkistettu):\s*(?P<path>\S+)\s*$", re.MULTILINE | re.IGNORECASE)


def parse_checked(log_output: str, docs_name: str = "docs") -> dict[str, int]:
    """The newest "translation checked" mark of each page in ``git log --format=%x00%B`` output.

    Orders count every commit, newest first, as in ``git log`` without a path: the same numbering
    as the changes read with :func:`read_all_history`.
    """
    checked: dict[str, int] = {}
    for order, message in enumerate(log_output.split(COMMIT_MARK)[1:]):
        for match in CHECKED.finditer(message):
            path = match["path"].removeprefix("./").removeprefix(f"{docs_name}/")
            checked.setdefault(path, order)
    return checked


def read_all_history(docs: Path) -> tuple[History | None, dict[str, int]]:
    """The history of docs/ with every commit counted (a mark may be in a commit that changes no page)."""
    history = read_history(docs)
    if history is None:
        return None, {}
    changes = _git(docs, "log", "--format=%x00%h %cs", "--name-only", "--relative")
    messages = _git(docs, "log", "--format=%x00%B")
    history.changes = parse_log(changes or "")
    return history, parse_checked(messages or "", docs.name)


@dataclass(frozen=True)
class Stale:
    """An English page that is older than its Finnish source, or missing."""

    english: str
    finnish: str
    reason: str
    reason_fi: str = ""


def _order(path: str, history: History) -> int | None:
    """Smaller is newer. None: git knows nothing of the file."""
    if path in history.uncommitted:
        return UNCOMMITTED
    change = history.changes.get(path)
    return change.order if change else None


def _when(path: str, history: History) -> str:
    if path in history.uncommitted:
        return "changes not committed yet"
    change = history.changes.get(path)
    return f"{change.day.isoformat()}, commit {change.commit}" if change else "not in git"


def _when_fi(path: str, history: History) -> str:
    if path in history.uncommitted:
        return "muutoksia ei ole vielä tallennettu (commit)"
    change = history.changes.get(path)
    return f"{change.day.day}.{change.day.month}.{change.day.year}, muutos {change.commit}" if change else "ei gitissä"


def stale_translations(
    pages: list[str], history: History, docs_name: str = "docs", checked: dict[str, int] | None = None
) -> list[Stale]:
    """The outdated or missing English pages among ``pages`` (paths relative to the docs folder)."""
    present = set(pages)
    checked = checked or {}
    found = []
    for finnish in sorted(page for page in pages if page.endswith(f".{SOURCE}.md")):
        english = finnish[: -len(f".{SOURCE}.md")] + f".{TRANSLATION}.md"
        fi_path, en_path = f"{docs_name}/{finnish}", f"{docs_name}/{english}"
        if english not in present:
            found.append(
                Stale(en_path, fi_path, f"{en_path} is missing: translate {fi_path}.",
                      f"{en_path} puuttuu: käännä {fi_path}.")
            )
            continue
        fi_order, en_order = _order(finnish, history), _order(english, history)
        if english in checked:
            en_order = checked[english] if en_order is None else min(en_order, checked[english])
        if fi_order is None or (en_order is not None and en_order <= fi_order):
            continue
        found.append(
            Stale(
                en_path,
                fi_path,
                f"{en_path} may be out of date: {fi_path} has changed after it "
                f"(Finnish: {_when(finnish, history)}; English: {_when(english, history)}). "
                "Compare the two and update the English page. If it needs no change, say so in the commit "
                f"message with the line 'Translation-checked: {en_path}'.",
                f"{en_path} saattaa olla vanhentunut: {fi_path} on muuttunut sen jälkeen "
                f"(suomi: {_when_fi(finnish, history)}; englanti: {_when_fi(english, history)}). Vertaa sivuja ja "
                "päivitä englanninkielinen sivu. Jos se ei tarvitse muutosta, kirjoita muutoksen kuvaukseen "
                f"(commit message) rivi 'Käännös-tarkistettu: {en_path}'.",
            )
        )
    return found


def report(stale: list[Stale], github: bool) -> str:
    """Finnish for the staff, English after it for developers."""
    if not stale:
        return (
            "Kaikki englanninkieliset sivut ovat ajan tasalla suomenkielisten kanssa. "
            "(All English pages are up to date with their Finnish pages.)"
        )
    if github:
        return "\n".join(f"::warning file={item.english}::{item.reason_fi} (In English: {item.reason})" for item in stale)
    lines = [f"Englanninkieliset sivut, jotka voivat tarvita päivitystä ({len(stale)}) – "
             f"English pages that may need updating ({len(stale)}):"]
    lines += [f"  - {item.reason_fi}\n    In English: {item.reason}" for item in stale]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--github", action="store_true", help="print GitHub Actions ::warning lines")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    args = parser.parse_args(argv)
    docs = args.docs.resolve()
    history, checked = read_all_history(docs)
    if history is None:
        message = "Cannot read the git history here, so outdated translations cannot be listed."
        print(f"::warning::{message}" if args.github else message)
        return 0
    if history.shallow:
        message = "This is a shallow git clone: fetch the full history (fetch-depth: 0) for a reliable list."
        print(f"::warning::{message}" if args.github else message)
    pages = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]
    print(report(stale_translations(pages, history, docs.name, checked), args.github))
    return 0


if __name__ == "__main__":
    sys.exit(main())
