"""Shared by the layers of tests/*/test_workflows.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from harness import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PR_NUMBER = "${{ github.event.pull_request.number }}"


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def running(job: dict, command: str) -> dict:
    """The one step of ``job`` whose whole `run:` is ``command``."""
    found = [step for step in job["steps"] if step.get("run", "").strip() == command]
    assert len(found) == 1, f"expected one step that runs `{command}`, found {len(found)}"
    return found[0]


def with_env(value: str, workflow: dict) -> str:
    """``value`` with the workflow-level ``${{ env.NAME }}`` expressions filled in."""
    return re.sub(r"\$\{\{\s*env\.(\w+)\s*\}\}", lambda match: str(workflow["env"][match[1]]), str(value))


def preview_build_env() -> dict[str, str]:
    """The environment of pr.yml's build step, for pull request 7."""
    workflow = load("pr.yml")
    build = running(workflow["jobs"]["check"], "python3 scripts/dev.py build")
    return {name: with_env(value, workflow).replace(PR_NUMBER, "7") for name, value in build["env"].items()}


class Head(HTMLParser):
    """The page's <meta name=robots> values and its absolute addresses for search engines."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.robots: list[str] = []
        self.addresses: list[str] = []
        self.feed(html)

    @property
    def noindex(self) -> bool:
        return any("noindex" in (rule.strip().lower() for rule in robots.split(",")) for robots in self.robots)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("name") or "").lower() == "robots":
            self.robots.append(attrs.get("content") or "")
        elif tag == "link" and attrs.get("rel") in {"canonical", "alternate"}:
            if attrs["rel"] == "canonical" or attrs.get("hreflang"):
                self.addresses.append(attrs["href"])
        elif tag == "meta" and attrs.get("property") == "og:url":
            self.addresses.append(attrs["content"])


def sitemap_addresses(site: Path) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
