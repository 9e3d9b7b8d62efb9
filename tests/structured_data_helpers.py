"""Shared by the layers of tests/*/test_structured_data.py."""

from __future__ import annotations

import pytest

from schemaorg import Vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary()
