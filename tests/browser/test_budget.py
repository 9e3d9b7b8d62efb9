"""Page weight: the first view of every page within the budget, measured in Chromium by
scripts/budget.py (``python3 scripts/dev.py budget`` prints the figures and the build time).

Layer: Chromium on the built site.
"""

from __future__ import annotations

import pytest

import budget
from browsing import PATHS, first_views

LIMIT = budget.BUDGET_GZIP_BYTES


@pytest.fixture(scope="module")
def loads(browser, built_site):
    return first_views(browser, built_site)


# The site does not meet the target yet: every first view is 104–111 KiB gzip, because Material
# 9.8.x downloads its search (worker 12 KiB, index ~20 KiB, lunr Finnish ~4 KiB) on every first view,
# and its own script and stylesheet are 56 KiB more. The options are in the issue #6 report. Strict:
# once every page is within the budget this test XPASSes, which fails – then remove the mark.
def test_every_first_view_is_within_the_byte_budget(loads):
    over = []
    for path in PATHS:
        load = loads[path]
        if load.gzip > LIMIT:
            heaviest = sorted(load.responses, key=lambda response: -response.gzip)[:4]
            detail = ", ".join(f"{response.url.rsplit('/', 1)[-1] or 'page'} {response.gzip / 1024:.1f}" for response in heaviest)
            over.append(f"  {path}: {load.gzip / 1024:.1f} KiB gzip, {len(load.responses)} requests (heaviest: {detail})")
    assert not over, f"{len(over)} page(s) over the {LIMIT / 1024:.0f} KiB gzip budget on first view:\n" + "\n".join(over)


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
