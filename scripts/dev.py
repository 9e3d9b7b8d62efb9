#!/usr/bin/env python3
"""Set up and run the site with nothing but Python 3.11+.

    python3 scripts/dev.py serve    preview at http://127.0.0.1:8000/ with live reload
    python3 scripts/dev.py test     the whole test suite (builds the site, drives Chromium)
    python3 scripts/dev.py build    the site for publishing, into site/
    python3 scripts/dev.py budget   page weight and build time figures

The first run creates .venv/ and installs the pinned dependencies; later runs reinstall only when a
requirements file has changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def requirements_for(command: str) -> Path:
    return ROOT / ("requirements.txt" if command in {"serve", "build"} else "requirements-test.txt")


def ensure_environment(requirements: Path) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv/ …", flush=True)
        venv.create(VENV, with_pip=True)
    files = [requirements, ROOT / "requirements.txt"]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()[:16]
    stamp = VENV / f".installed-{requirements.stem}-{digest}"
    if not stamp.exists():
        print(f"Installing the pinned dependencies from {requirements.name} …", flush=True)
        run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(requirements)])
        for old in VENV.glob(f".installed-{requirements.stem}-{'?' * 16}"):
            old.unlink()
        stamp.touch()


def ensure_chromium() -> None:
    """The browser tests need a Chromium; fetch Playwright's own where none is installed."""
    probe = subprocess.run(
        [str(PYTHON), "-c", "import conftest, sys; sys.exit(0 if conftest.find_chromium() else 1)"],
        cwd=ROOT / "tests",
    )
    if probe.returncode != 0:
        print("No Chromium found: installing Playwright's Chromium …", flush=True)
        subprocess.run([str(PYTHON), "-m", "playwright", "install", "chromium"], check=False)


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"serve", "test", "build", "budget"}:
        sys.exit(__doc__)
    command, rest = argv[0], argv[1:]
    ensure_environment(requirements_for(command))
    if command == "serve":
        run([str(PYTHON), "-m", "mkdocs", "serve", "--livereload", *rest])
    elif command == "build":
        run([str(PYTHON), "-m", "mkdocs", "build", "--strict", *rest])
    elif command == "budget":
        run([str(PYTHON), str(ROOT / "scripts" / "budget.py"), *rest])
    else:
        ensure_chromium()
        run([str(PYTHON), "-m", "pytest", *rest])


if __name__ == "__main__":
    main(sys.argv[1:])
