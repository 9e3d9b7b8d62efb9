#!/usr/bin/env python3
"""Set up and run the site with nothing but Python (the version in .python-version, or newer).

    python3 scripts/dev.py serve    preview at http://127.0.0.1:8000/ with live reload
    python3 scripts/dev.py test     the whole test suite, in parallel (builds the site, drives Chromium)
    python3 scripts/dev.py test --fast   only the unit and built-site layers (well under a minute)
    python3 scripts/dev.py build    the site for publishing, into site/
    python3 scripts/dev.py budget   page weight and build time figures
    python3 scripts/dev.py css      rewrite the site's generated CSS (after editing site.css or templates)
    python3 scripts/dev.py stale    English pages older than their Finnish page (a reminder)
    python3 scripts/dev.py owner    the owner's facts still empty in data/organisation.yml (in Finnish)

The first run creates .venv/ and installs the pinned dependencies; later runs reinstall only when a
requirements file has changed.

`build` and `serve` show the staff what matters: the messages about their edits, and one closing line
("Valmis: ..."). MkDocs' own progress lines and the theme's notices are hidden; add --verbose to see
everything MkDocs prints.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from harness import MKDOCS_ENV  # standard library only, like this script

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# The one place that names the Python version: CI's setup-python reads this file (python-version-file),
# and it is the oldest Python this script accepts.
PYTHON_VERSION_FILE = ROOT / ".python-version"


def minimum_python() -> tuple[int, int]:
    """The Python version in .python-version, as (major, minor)."""
    major, minor = PYTHON_VERSION_FILE.read_text(encoding="utf-8").strip().split(".")[:2]
    return int(major), int(minor)


def requirements_for(command: str) -> Path:
    return ROOT / ("requirements.txt" if command in {"serve", "build", "owner"} else "requirements-test.txt")


def ensure_environment(requirements: Path) -> None:
    if sys.version_info[:2] < minimum_python():
        wanted = ".".join(map(str, minimum_python()))
        sys.exit(f"Python {wanted} or newer is needed (.python-version); this is {sys.version.split()[0]}.")
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
    add_project_to_path()


def add_project_to_path() -> None:
    """hooks/ (the package ``website``) and scripts/ (the harness) importable in the virtual
    environment, for the scripts and the tests alike, without any sys.path edits in them. Only in an
    environment of this project's own: a copy of the project that borrows one through a link (the
    tests' copies do) must not point it at itself."""
    if VENV.is_symlink():
        return
    purelib = subprocess.run(
        [str(PYTHON), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True
    ).stdout.strip()
    if purelib:
        pth = Path(purelib) / "metodi-site.pth"
        wanted = f"{ROOT / 'hooks'}\n{ROOT / 'scripts'}\n"
        if not pth.exists() or pth.read_text(encoding="utf-8") != wanted:
            pth.write_text(wanted, encoding="utf-8")


def ensure_chromium() -> None:
    """The browser tests need a Chromium; fetch Playwright's own where none is installed."""
    probe = subprocess.run([str(PYTHON), str(ROOT / "scripts" / "harness.py"), "chromium"], cwd=ROOT)
    if probe.returncode != 0:
        print("No Chromium found: installing Playwright's Chromium …", flush=True)
        subprocess.run([str(PYTHON), "-m", "playwright", "install", "chromium"], check=False)


#: The fast layers: no browser and no build of their own (tests/unit/ and tests/site/).
FAST_LAYERS = "unit or site"


def pytest_arguments(rest: list[str]) -> list[str]:
    """`dev.py test`'s pytest options: in parallel on every core, or only the fast layers with --fast.

    Each test module goes whole to one worker (`--dist loadfile`), so a module's sweep over every page
    runs once. Options given on the command line come last, so they win: `-n 0` runs in one process,
    `-m browser` picks a layer.
    """
    fast = "--fast" in rest
    rest = [argument for argument in rest if argument != "--fast"]
    chosen = ["-m", FAST_LAYERS] if fast else []
    if not any(argument.startswith(("-n", "--numprocesses", "no:xdist")) for argument in rest):
        chosen += ["-n", "auto", "--dist", "loadfile"]
    return [*chosen, *rest]


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def check_config() -> None:
    """mkdocs.yml is read before any hook runs, so its mistakes are explained here (hooks/website/staff_yaml.py)."""
    result = subprocess.run(
        [str(PYTHON), "-m", "website.staff_yaml", "mkdocs.yml"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    )
    if result.returncode != 0:
        print(closing_line(problems=1, built=False), flush=True)
        sys.exit(1)


# MkDocs' progress lines, the theme's end-of-life box and the hint under it: not for staff.
NOISE = re.compile(r"^(INFO\b|DEBUG\b|\s*$|\x1b\[\d+m\s*│|.*To disable this warning|Aborted with \d+ (?:configuration )?warnings|Aborted with a BuildError)")
DONE = re.compile(r"^INFO\s+-\s+Documentation built in")
REBUILD_FAILED = re.compile(r"An error happened during the rebuild")
SERVING = re.compile(r"^INFO\s+-\s+\[[\d:]+\] Serving on (?P<url>\S+)")


def read_report(path: Path) -> tuple[list[dict], str]:
    """The problems the build wrote (hooks/main.py, STAFF_REPORT), one dict each, and its summary line."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        return report["problems"], report["summary"]
    except (OSError, ValueError, KeyError, TypeError):
        return [], ""


def annotation(problem: dict) -> str | None:
    """A GitHub Actions annotation for one problem (a warning for a warning), so a pull request shows
    it on its file."""
    if not problem.get("file"):
        return None
    text = f"{problem['finnish']}\n    In English: {problem['english']}"
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    line = f",line={problem['line']}" if problem.get("line") else ""
    level = "warning" if problem.get("warning") else "error"
    return f"::{level} file={problem['file']}{line}::{text}"


def closing_line(problems: int, built: bool, serving: bool = False) -> str:
    if problems == 0 and built:
        return (
            "Valmis: esikatselu päivitetty, ei virheitä. (Done: the preview is up to date, no problems.)"
            if serving
            else "Valmis: sivusto rakennettu, ei virheitä. (Done: the site was built, no problems.)"
        )
    count = f"{problems} ongelma" + ("a" if problems != 1 else "")
    if serving and not built:
        return (
            f"Esikatselua ei päivitetty: {count}. Korjaa yllä luetellut kohdat ja tallenna, niin esikatselu "
            f"päivittyy itsestään. (The preview was not updated: {problems} problem(s) above. Fix them and save.)"
        )
    if serving:
        return (
            f"Esikatselu päivitetty, mutta {count}: korjaa yllä luetellut kohdat, muuten julkaisu pysähtyy. "
            f"(The preview is up to date, but {problems} problem(s) above would stop publishing.)"
        )
    return (
        f"Ei valmis: {count}. Korjaa yllä luetellut kohdat ja rakenna uudelleen; edellinen sivusto jäi ennalleen. "
        f"(Not built: {problems} problem(s) above. Fix them and build again; the last good site is kept.)"
    )


def run_quietly(command: list[str], serving: bool) -> int:
    """Run MkDocs, pass on the staff's messages, and end each build with one closing line that counts
    the problems the build itself reported."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "problems.json"
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **MKDOCS_ENV, "STAFF_REPORT": str(report)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        try:
            for line in process.stdout:
                _pass_on(line.rstrip("\n"), report, serving)
        except KeyboardInterrupt:
            process.terminate()
        returncode = process.wait()
        if returncode != 0 and not serving:
            _close(report, built=False, serving=False)
    return returncode


def _pass_on(line: str, report: Path, serving: bool) -> None:
    serving_at = SERVING.match(line)
    if serving_at:
        print(f"Esikatselu: {serving_at['url']} (pysäytä painamalla Ctrl+C; stop with Ctrl+C)", flush=True)
    elif DONE.match(line):
        _close(report, built=True, serving=serving)
    elif REBUILD_FAILED.search(line):
        _close(report, built=False, serving=True)
    elif not NOISE.match(line):
        print(line, flush=True)


def _close(report: Path, built: bool, serving: bool) -> None:
    found, summary = read_report(report)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for note in filter(None, map(annotation, found)):
            print(note, flush=True)
    counted = [problem for problem in found if not problem.get("warning")]
    # A build that failed without a word from the hook (MkDocs itself stopped) is still one problem.
    print(closing_line(len(counted) or (0 if built else 1), built=built, serving=serving), flush=True)
    if summary and built:
        print(summary, flush=True)
    report.unlink(missing_ok=True)


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"serve", "test", "build", "budget", "stale", "css", "owner"}:
        sys.exit(__doc__)
    command, rest = argv[0], argv[1:]
    if command == "stale":  # the standard library and git only: no virtual environment needed
        stale = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "stale_translations.py"), *rest],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        )
        sys.exit(stale.returncode)
    verbose = "--verbose" in rest or "-v" in rest
    ensure_environment(requirements_for(command))
    if command in {"serve", "build"}:
        check_config()
    if command == "serve":
        # data/ is watched through mkdocs.yml's 'watch:', so a price change reloads the preview.
        mkdocs = [str(PYTHON), "-m", "mkdocs", "serve", "--livereload", *rest]
        run(mkdocs) if verbose else sys.exit(run_quietly(mkdocs, serving=True))
    elif command == "build":
        mkdocs = [str(PYTHON), "-m", "mkdocs", "build", "--strict", *rest]
        run(mkdocs) if verbose else sys.exit(run_quietly(mkdocs, serving=False))
    elif command == "owner":
        run([str(PYTHON), str(ROOT / "scripts" / "owner_facts.py"), *rest])
    elif command == "budget":
        run([str(PYTHON), str(ROOT / "scripts" / "budget.py"), *rest])
    elif command == "css":
        run([str(PYTHON), str(ROOT / "scripts" / "css.py"), *rest])
    else:
        if "--fast" not in rest:
            ensure_chromium()
        run([str(PYTHON), "-m", "pytest", *pytest_arguments(rest)])


if __name__ == "__main__":
    main(sys.argv[1:])
