"""Page weight: the first view of every page within the budget, measured in Chromium by: the parts that
need no build (the rest, and what is checked and why: tests/browser/test_first_views.py).

Layer: unit tests, no build.
"""

from __future__ import annotations

import budget


def test_gzip_size_is_deterministic():
    body = b"<p>Metodi</p>" * 100
    assert budget.gzip_size(body) == budget.gzip_size(body) < len(body)
