"""Shared by the layers of tests/*/test_hooks.py."""

from __future__ import annotations


def footer(html: str) -> str:
    return html[html.index('class="md-footer"') :]
