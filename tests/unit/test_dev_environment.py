"""scripts/dev.py makes the project importable in its own virtual environment (a .pth file), and only
in its own: a copy of the project that borrows the environment through a link (as the tests' copies
do) must leave it pointing at the real project."""

from __future__ import annotations

import dev


def test_a_borrowed_environment_is_left_as_it_is(tmp_path, monkeypatch):
    real = tmp_path / "real-venv"
    real.mkdir()
    borrowed = tmp_path / "copy" / ".venv"
    borrowed.parent.mkdir()
    borrowed.symlink_to(real, target_is_directory=True)
    calls = []
    monkeypatch.setattr(dev, "VENV", borrowed)
    monkeypatch.setattr(dev.subprocess, "run", lambda *args, **kwargs: calls.append(args))
    dev.add_project_to_path()
    assert calls == [] and list(real.iterdir()) == []


def test_its_own_environment_gets_the_project_on_its_path(tmp_path, monkeypatch):
    venv = tmp_path / ".venv"
    site = venv / "lib" / "site-packages"
    site.mkdir(parents=True)

    class Done:
        stdout = f"{site}\n"

    monkeypatch.setattr(dev, "VENV", venv)
    monkeypatch.setattr(dev.subprocess, "run", lambda *args, **kwargs: Done())
    dev.add_project_to_path()
    assert (site / "metodi-site.pth").read_text(encoding="utf-8") == f"{dev.ROOT / 'hooks'}\n{dev.ROOT / 'scripts'}\n"
