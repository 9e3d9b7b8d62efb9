"""Page weight: the first view of every page within the budget, measured in Chromium by
scripts/budget.py (``python3 scripts/dev.py budget`` prints the figures and the build time)."""

from __future__ import annotations

import budget


def test_gzip_size_is_deterministic():
    body = b"<p>Metodi</p>" * 100
    assert budget.gzip_size(body) == budget.gzip_size(body) < len(body)
