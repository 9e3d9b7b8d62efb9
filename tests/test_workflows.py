"""The GitHub Actions workflows: they parse, run when they should, and run the README's own commands."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
DEV_COMMAND = re.compile(r"^python3 scripts/dev\.py \w+")
VERSION_TAG = re.compile(r"^v\d+(\.\d+){0,2}$")


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads a bare `on` key as the boolean True.
    on = workflow.get("on", workflow.get(True))
    return {on: None} if isinstance(on, str) else {name: None for name in on} if isinstance(on, list) else on


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines(workflow: dict) -> list[str]:
    """Every command line in the workflow's `run:` blocks, with continuation lines joined."""
    lines = []
    for step in steps(workflow):
        for line in step.get("run", "").replace("\\\n", " ").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def dev_commands(lines: list[str]) -> list[str]:
    return [DEV_COMMAND.match(line)[0] for line in lines if DEV_COMMAND.match(line)]


def readme_commands() -> set[str]:
    """`python3 scripts/dev.py ...` lines in the README's fenced code blocks, without comments."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", readme, flags=re.DOTALL | re.MULTILINE)
    commands = set()
    for block in blocks:
        for line in block.splitlines():
            command = line.split("#", 1)[0].strip()
            if DEV_COMMAND.match(command):
                commands.add(command)
    return commands


ALL = sorted(path.name for path in WORKFLOWS.glob("*.yml"))


def test_the_workflows_exist():
    assert {"pr.yml", "deploy.yml"} <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_workflow_parses_and_has_jobs_with_steps(name):
    workflow = load(name)
    assert isinstance(workflow, dict) and workflow.get("name")
    assert triggers(workflow)
    assert workflow["jobs"] and all(job.get("steps") and job.get("runs-on") for job in workflow["jobs"].values())


def test_readme_has_the_commands_the_workflows_need():
    assert {
        "python3 scripts/dev.py test",
        "python3 scripts/dev.py build",
        "python3 scripts/dev.py serve",
    } <= readme_commands()


@pytest.mark.parametrize("name", ALL)
def test_workflows_run_only_the_readme_commands(name):
    commands = dev_commands(run_lines(load(name)))
    assert commands, f"{name} runs no `python3 scripts/dev.py` command"
    for command in commands:
        assert command in readme_commands(), f"{name} runs `{command}`, which README.md does not show"
    # ... and exactly as written: no extra arguments that the README does not have.
    for line in run_lines(load(name)):
        if DEV_COMMAND.match(line):
            assert line in readme_commands(), f"{name}: `{line}` differs from the README's command"


def test_pull_requests_are_tested_built_and_previewed():
    workflow = load("pr.yml")
    assert set(triggers(workflow)) == {"pull_request"}
    lines = run_lines(workflow)
    commands = dev_commands(lines)
    assert commands == ["python3 scripts/dev.py test", "python3 scripts/dev.py build"]
    all_steps = steps(workflow)
    checkout = next(step for step in all_steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the pages' dates need the whole git history"
    python = next(step for step in all_steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert str(python["with"]["python-version"]) == "3.11"
    assert any("apt-get install" in line and "chromium" in line for line in lines)
    upload = next(step for step in all_steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert "preview" in upload["with"]["name"]
    # The stale-translation reminder runs, as GitHub warnings, and can never fail the check.
    stale = next(step for step in all_steps if "stale_translations.py" in step.get("run", ""))
    assert shlex.split(stale["run"]) == ["python3", "scripts/stale_translations.py", "--github"]
    assert (ROOT / "scripts" / "stale_translations.py").is_file()


def test_the_site_is_published_on_push_daily_and_by_hand():
    workflow = load("deploy.yml")
    on = triggers(workflow)
    assert set(on) == {"push", "schedule", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    cron = on["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[2:] == ["*", "*", "*"], "the schedule must run every day"
    assert dev_commands(run_lines(workflow)) == ["python3 scripts/dev.py build"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]
    used = [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in used
    checkout = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


@pytest.mark.parametrize("name", ALL)
def test_every_action_is_pinned_to_a_version(name):
    for step in steps(load(name)):
        if "uses" in step:
            action, _, version = step["uses"].partition("@")
            assert VERSION_TAG.match(version) or re.fullmatch(r"[0-9a-f]{40}", version), (
                f"{name}: '{step['uses']}' is not pinned to a version tag such as @v4"
            )
