#!/usr/bin/env python3
"""What the price hook costs: data loading and checking, shortcode rendering, and the whole build
with and without it.

    .venv/bin/python scripts/bench_prices.py [--repeat N] [--builds N]

Figures are printed, never asserted: timings vary with the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from harness import ROOT, mkdocs_env  # first: it gives a script the hook modules

import price_data  # noqa: E402  (after harness)
import prices  # noqa: E402
from shortcodes import markdown_sources  # noqa: E402

# Without the price hook its shortcodes stay as comments; the shortcode checker must go too, or it
# would (rightly) stop the build on shortcodes that no hook renders.
PRICE_HOOKS = {"hooks/prices.py", "hooks/shortcodes.py"}


def median_seconds(action, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def build_seconds(config_file: Path, builds: int) -> float:
    def build():
        with tempfile.TemporaryDirectory() as out:
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file), "-d", out],
                cwd=ROOT,
                check=True,
                env=mkdocs_env(),
                capture_output=True,
            )

    return median_seconds(build, builds)


def config_without_price_hook() -> Path:
    # MkDocs' own loader: mkdocs.yml has an !ENV tag (site_url), which yaml.safe_load rejects.
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [hook for hook in config["hooks"] if hook not in PRICE_HOOKS]
    path = ROOT / ".mkdocs-without-prices.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="runs of the in-process measurements")
    parser.add_argument("--builds", type=int, default=5, help="full builds for each median")
    args = parser.parse_args()

    data_file = ROOT / price_data.DATA_FILE
    load = median_seconds(lambda: price_data.load_price_data(data_file), args.repeat)
    data = price_data.load_price_data(data_file)
    rate = price_data.rate_in_force(data.vat_rates, prices.build_date())
    pages = list(markdown_sources(ROOT / "docs"))
    codes = sum(len(prices.find_shortcodes(text)) for _, text in pages)

    def render_all():
        for source, text in pages:
            prices.render_page(text, data, rate, prices.page_language(source))

    render = median_seconds(render_all, args.repeat)
    print(f"load and check {price_data.DATA_FILE}: {load * 1000:.2f} ms (median of {args.repeat})")
    print(f"render all shortcodes ({codes} in {len(pages)} pages): {render * 1000:.2f} ms (median of {args.repeat})")

    without = config_without_price_hook()
    try:
        with_hook = build_seconds(ROOT / "mkdocs.yml", args.builds)
        without_hook = build_seconds(without, args.builds)
    finally:
        without.unlink()
    print(f"full build with the price hook:    {with_hook:.2f} s (median of {args.builds})")
    print(f"full build without the price hook: {without_hook:.2f} s (median of {args.builds})")
    print(f"the hook's share of the build:     {(with_hook - without_hook) * 1000:+.0f} ms")


if __name__ == "__main__":
    main()
