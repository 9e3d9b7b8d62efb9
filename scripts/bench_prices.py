#!/usr/bin/env python3
"""What the price work costs in a build: reading and checking the price file, the whole checking
pass, and rendering every page's shortcodes, each measured in-process on the real sources.

    .venv/bin/python scripts/bench_prices.py [--repeat N]

Figures are printed, never asserted: timings vary with the machine. (``dev.py budget`` times whole
builds.)
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from harness import project_context
from website import checks, render
from website.price_file import DATA_FILE, load_price_file
from website.shortcodes import find_shortcodes

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(action, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="runs of each measurement")
    args = parser.parse_args()

    context = project_context()
    load = median_seconds(lambda: load_price_file(ROOT / DATA_FILE), args.repeat)
    check = median_seconds(lambda: checks.check_site(context), args.repeat)
    codes = sum(len(find_shortcodes(source.text)) for source in context.sources)

    def render_all():
        for source in context.sources:
            render.render_markdown(context, source.text, source.path)

    rendering = median_seconds(render_all, args.repeat)
    print(f"read and check {DATA_FILE}:            {load * 1000:7.2f} ms (median of {args.repeat})")
    print(f"the checking pass over {len(context.sources)} pages:     {check * 1000:7.2f} ms (median of {args.repeat})")
    print(f"render {codes} shortcodes in {len(context.sources)} pages:   {rendering * 1000:7.2f} ms (median of {args.repeat})")


if __name__ == "__main__":
    main()
