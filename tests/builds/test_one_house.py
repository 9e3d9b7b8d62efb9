"""The house keeps its shape: one hook, each module loaded once, each source read once per build,
and every staff mistake of a build reported at once (code review 2, moves 1 and 3)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import yaml

from harness import ROOT, build_site

# Builds the site in this process's own interpreter, counting what the build reads and which
# modules it loads; prints the figures as JSON.
INSTRUMENTED_BUILD = textwrap.dedent(
    """
    import builtins, collections, io, json, os, pathlib, sys
    reads = collections.Counter()
    real_open = builtins.open
    def counting_open(file, mode="r", *args, **kwargs):
        if "r" in mode and isinstance(file, (str, os.PathLike)):
            reads[os.path.realpath(file)] += 1
        return real_open(file, mode, *args, **kwargs)
    builtins.open = counting_open
    io.open = counting_open
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config = load_config("mkdocs.yml", site_dir=sys.argv[1])
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    project = os.path.realpath(".")
    files = collections.Counter()
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and os.path.realpath(path).startswith(os.path.join(project, "hooks") + os.sep):
            files[os.path.relpath(os.path.realpath(path), project)] += 1
    print(json.dumps({
        "reads": {os.path.relpath(path, project): count for path, count in reads.items() if path.startswith(project + os.sep)},
        "modules": files,
    }))
    """
)


def instrumented_build(tmp_path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", INSTRUMENTED_BUILD, str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_mkdocs_yml_registers_one_hook():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["hooks"] == ["hooks/main.py"]


def test_a_build_loads_each_module_once_and_reads_each_source_at_most_twice(tmp_path):
    figures = instrumented_build(tmp_path)
    loaded_twice = {path: count for path, count in figures["modules"].items() if count > 1}
    assert not loaded_twice, f"modules loaded as two module objects: {loaded_twice}"
    assert "hooks/main.py" in figures["modules"]
    reads = figures["reads"]
    assert reads.get("data/prices.yml") == 1, reads.get("data/prices.yml")
    pages = {path: count for path, count in reads.items() if path.startswith("docs/") and path.endswith(".md")}
    assert len(pages) >= 40
    # Once for the build context, once by MkDocs when it renders the page in its language's build.
    assert max(pages.values()) <= 2, {path: count for path, count in pages.items() if count > 2}


def test_four_mistakes_in_four_files_come_back_from_one_build(tmp_path, project_copy):
    docs = project_copy / "docs"
    mistakes = {
        "hinnat.fi.md": "<!-- md:prise support-person 90 -->",
        "palveluehdot.fi.md": "Hinta on 95 €.",
        "yhteystiedot.en.md": "| a | b |\n|---|---|\n| 1 | 2 |",
        "maksajille.en.md": "<!-- md:cost-estimator nobody -->",
    }
    lines = {}
    for name, mistake in mistakes.items():
        text = (docs / name).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        lines[name] = text.count("\n") + 1
        (docs / name).write_text(text + mistake + "\n", encoding="utf-8")
    build = build_site(tmp_path / "site", cwd=project_copy)
    assert build.returncode != 0
    for name, line in lines.items():
        assert f"docs/{name}, rivi {line}:" in build.output, name
        assert f"docs/{name}, line {line}:" in build.output, name
    assert not (tmp_path / "site").exists(), "a failed build wrote a site"
