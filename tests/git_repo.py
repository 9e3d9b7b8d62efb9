"""A small git repository made in a test, with commits on known dates (last_updated, stale_translations)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Testi",
        "GIT_AUTHOR_EMAIL": "testi@example.invalid",
        "GIT_COMMITTER_NAME": "Testi",
        "GIT_COMMITTER_EMAIL": "testi@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout


def commit(repo: Path, files: dict[str, str], when: str) -> None:
    for name, text in files.items():
        path = repo / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"edit {', '.join(files)}", when=when)
