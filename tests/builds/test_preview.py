"""The staff's live preview (`mkdocs serve`, as `dev.py serve` runs it, with live reload) follows the price file."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from harness import mkdocs_env, python_environment


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def preview(project_copy, request):
    for name, text in getattr(request, "param", {}).items():
        (project_copy / "docs" / name).write_text(text, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env=mkdocs_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield project_copy, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_price_change_shows_in_the_running_preview(preview):
    project, address = preview
    page = f"{address}/hinnat/"
    assert wait_for(lambda: fetch(page) is not None, 60), "the preview did not start"
    prices = project / "data" / "prices.yml"
    text = prices.read_text(encoding="utf-8")
    first = re.search(r"^(\s*price:\s*)(\d+)(?:\.\d+)?\s*$", text, flags=re.MULTILINE)
    new_price = int(first[2]) + 7
    prices.write_text(text[: first.start()] + f"{first[1]}{new_price}.00" + text[first.end() :], encoding="utf-8")
    shown = f"{new_price},00\N{NO-BREAK SPACE}€"
    assert wait_for(lambda: shown in (fetch(page) or ""), 60), f"{shown} never appeared on {page}"


NEW_PAGE = {
    "uusi-sivu.fi.md": "---\ndescription: Uusi sivu.\n---\n\n# Uusi sivu\n\nTeksti.\n",
    "uusi-sivu.en.md": "---\ndescription: A new page.\n---\n\n# A new page\n\nText.\n",
}


@pytest.mark.parametrize("preview", [NEW_PAGE], indirect=True)
def test_a_new_page_not_yet_in_the_menu_shows_in_the_preview(preview):
    """The strict build stops on a page outside the menu; the preview shows it while it is written."""
    _, address = preview
    assert wait_for(lambda: "Uusi sivu" in (fetch(f"{address}/uusi-sivu/") or ""), 60)


@contextlib.contextmanager
def staff_preview(project: Path):
    """`dev.py serve` in ``project``, with the environment running the tests linked in; yields the lines
    it prints (a list that grows), and stops the preview afterwards."""
    (project / ".venv").symlink_to(python_environment(), target_is_directory=True)
    server = subprocess.Popen(
        [sys.executable, "scripts/dev.py", "serve", "-a", f"127.0.0.1:{free_port()}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(server.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        yield lines
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def test_the_staff_preview_says_when_it_was_not_updated_and_when_it_is_again(project_copy):
    """`dev.py serve`: a mistake gives the message and "not updated"; the fix gives "Valmis" again."""
    with staff_preview(project_copy) as lines:
        assert wait_for(lambda: any(line.startswith("Valmis: esikatselu") for line in lines), 60), lines
        prices = project_copy / "data" / "prices.yml"
        good = prices.read_text(encoding="utf-8")
        prices.write_text(re.sub(r"(price:\s*\d+)\.(\d\d)", r"\1,\2", good, count=1), encoding="utf-8")
        assert wait_for(lambda: any(line.startswith("Esikatselua ei päivitetty: 1 ongelma.") for line in lines), 60), lines
        prices.write_text(good, encoding="utf-8")
        assert wait_for(lambda: sum(line.startswith("Valmis: esikatselu") for line in lines) == 2, 60), lines
    assert not [line for line in lines if line.startswith("INFO") or "An error happened" in line], lines


def test_the_staff_preview_never_says_done_while_a_page_lacks_its_pair(project_copy):
    """A Finnish page without its English pair shows in the preview, and the closing line counts it."""
    (project_copy / "docs" / "saavutettavuusseloste.en.md").unlink()  # outside the menu: only the pair is missing
    with staff_preview(project_copy) as lines:
        assert wait_for(lambda: any(line.startswith("Esikatselu päivitetty, mutta 1 ongelma") for line in lines), 60), lines
    assert not [line for line in lines if line.startswith("Valmis")], lines
