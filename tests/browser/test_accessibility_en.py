"""axe-core on every English page in both colour schemes and two widths: the sweep of
tests/browser/test_accessibility.py (which has the Finnish pages and the rest), in a module of its own so
that under xdist both languages' sweeps run at once, one on each worker.

Layer: Chromium on the built site.
"""

from __future__ import annotations

import pytest

from browsing import AXE_CONFIGS, PATHS, assert_axe_found_nothing, axe_config_id, axe_results, language_of

ENGLISH = [path for path in PATHS if language_of(path) == "en"]


@pytest.fixture(scope="module")
def axe_sweep(browser, built_site):
    return axe_results(browser, built_site, ENGLISH)


@pytest.mark.parametrize("config", AXE_CONFIGS, ids=axe_config_id)
@pytest.mark.parametrize("path", ENGLISH)
def test_axe_finds_no_violations(axe_sweep, config, path):
    assert_axe_found_nothing(axe_sweep[config][path], config, path)
