"""Page weight: the first view of every page within the budget, measured in Chromium by
scripts/budget.py (``python3 scripts/dev.py budget`` prints the figures and the build time).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import pytest

import budget
from browsing import PATHS, first_views

LIMIT = budget.LIMIT_GZIP_BYTES
GOAL = budget.BUDGET_GZIP_BYTES


@pytest.fixture(scope="module")
def loads(browser, built_site):
    return first_views(browser, built_site)


def over(loads, limit: int) -> list[str]:
    pages = []
    for path in PATHS:
        load = loads[path]
        if load.gzip > limit:
            heaviest = sorted(load.responses, key=lambda response: -response.gzip)[:4]
            detail = ", ".join(f"{response.url.rsplit('/', 1)[-1] or 'page'} {response.gzip / 1024:.1f}" for response in heaviest)
            pages.append(f"  {path}: {load.gzip / 1024:.1f} KiB gzip, {len(load.responses)} requests (heaviest: {detail})")
    return pages


def test_no_first_view_grows_past_the_limit(loads):
    """The measured figures after issue 23 plus a small margin (budget.LIMIT_GZIP_BYTES)."""
    found = over(loads, LIMIT)
    assert not found, f"{len(found)} page(s) over {LIMIT / 1024:.0f} KiB gzip on first view:\n" + "\n".join(found)


# Issue 23's goal is not met: Material's script (34.2 KiB gzip, 36.5 with the estimator) is on every
# first view, and the first screen's CSS is inline (11 KiB) before rest.css (16.5 KiB), which repeats
# it so that the cascade keeps its order. Strict: once every page is within 64 KiB this XPASSes, which
# fails – then remove the mark and LIMIT_GZIP_BYTES.
@pytest.mark.xfail(strict=True, reason="issue 23's 64 KiB goal: heaviest first view 76.8 KiB gzip")
def test_every_first_view_is_within_the_byte_budget(loads):
    found = over(loads, GOAL)
    assert not found, f"{len(found)} page(s) over the {GOAL / 1024:.0f} KiB gzip budget on first view:\n" + "\n".join(found)


def test_the_measurement_counts_every_kind_of_response(loads):
    load = loads["/"]
    kinds = load.by_kind()
    for kind in ("html", "css", "js", "data", "image"):
        assert kinds[kind][0] > 0, (kind, kinds)
    assert load.gzip == sum(response.gzip for response in load.responses)
    assert all(0 < response.gzip for response in load.responses if response.raw)


def test_the_report_prints_every_page(loads, capsys):
    budget.report(list(loads.values()), verbose=False)
    printed = capsys.readouterr().out
    assert all(f"\n{path} " in printed for path in PATHS)
    assert "Heaviest first view" in printed
