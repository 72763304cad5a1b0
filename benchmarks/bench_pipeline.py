"""Benchmark the rest of the pipeline: `check` against the libyaml parse, `render` per product,
and the latency of `archlex catalog` as a user types it."""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from archlex.api import check_model
from archlex.render import PRODUCTS
from archlex.render.output import render_products
from bench_validate import (
    REPO,
    included_files,
    library_manifest,
    parse_all,
    peak_rss_mb,
    prepare_model,
    spread,
    timed,
    versions,
)

CHECK_TARGET = 2.5
CATALOG_TARGET = 0.5


def _files(model: Path) -> list[Path]:
    files = included_files(model / "archlex.yaml")
    library = library_manifest()
    return files + (included_files(library) if library else [])


def check_ratio(model: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Parse and check times, interleaved in this process."""
    files = _files(model)
    parses, checks = [], []
    for _ in range(repeat):
        parses.append(timed(lambda: parse_all(files))[0])
        checks.append(timed(lambda: check_model(model, model))[0])
    return parses, checks


def render_times(model: Path) -> dict[str, float]:
    """Seconds to render each product once, after one check."""
    report = check_model(model, model)
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for product in PRODUCTS:
            start = time.perf_counter()
            render_products(report, Path(folder) / "out", [product])
            times[product] = time.perf_counter() - start
    return times


def build_time(model: Path) -> tuple[float, int]:
    """Seconds to build the site once after one check, and how many pages it has."""
    from archlex.site.build import build_site  # mkdocs is imported only for this

    report = check_model(model, model)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        built = build_site(report, Path(folder) / "site", dt.date(2026, 1, 1))
        return time.perf_counter() - start, built.pages


def catalog_latency(repeat: int) -> dict[str, list[float]]:
    """Wall time of the real command, from a shell's point of view, inside the example."""
    commands = {
        'catalog show "2019/818 Art 22"': ["catalog", "show", "2019/818 Art 22"],
        'catalog search "manual verification"': ["catalog", "search", "manual verification"],
        "validate model/": ["validate", "model"],
    }
    results: dict[str, list[float]] = {}
    for name, arguments in commands.items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "archlex", *arguments],
                cwd=REPO,
                capture_output=True,
                check=False,
            )
            times.append(time.perf_counter() - start)
        results[name] = times
    return results


def report(args: argparse.Namespace) -> str:
    """Run everything and return RESULTS-pipeline.md."""
    lines = [
        "# Benchmark: check, render and catalog",
        "",
        f"- Software: {versions()}",
        f"- Command: `python benchmarks/bench_pipeline.py {' '.join(sys.argv[1:])}`".rstrip(),
        f"- Targets: check/parse <= {CHECK_TARGET} at 100k entities; catalog under "
        f"{CATALOG_TARGET} s",
        "",
        "## check against the parse (cold, no cache)",
        "",
        "| entities | parse s, median (min-max) | check s, median (min-max) | check/parse |",
        "|---:|---:|---:|---:|",
    ]
    for size in args.check_sizes:
        parses, checks = check_ratio(prepare_model(size, args.seed, args.states), args.repeat)
        ratio = statistics.median(checks) / statistics.median(parses)
        lines.append(f"| {size:,} | {spread(parses)} | {spread(checks)} | {ratio:.2f} |")
    lines += [
        "",
        "## render, one product at a time (seconds, one run after one check)",
        "",
        "| entities | " + " | ".join(PRODUCTS) + " | total |",
        "|---:|" + "---:|" * (len(PRODUCTS) + 1),
    ]
    for size in args.render_sizes:
        times = render_times(prepare_model(size, args.seed, args.states))
        lines.append(
            f"| {size:,} | "
            + " | ".join(f"{times[p]:.2f}" for p in PRODUCTS)
            + f" | {sum(times.values()):.2f} |"
        )
    lines += [
        "",
        "## build: the site (seconds, one run after one check)",
        "",
        "| entities | pages | build s |",
        "|---:|---:|---:|",
    ]
    for size in args.build_sizes:
        seconds, pages = build_time(prepare_model(size, args.seed, args.states))
        lines.append(f"| {size:,} | {pages:,} | {seconds:.1f} |")
    lines += [
        "",
        "## the command line, inside the worked example (seconds, wall time)",
        "",
        "| command | median (min-max) |",
        "|---|---:|",
    ]
    for name, walls in catalog_latency(args.repeat).items():
        lines.append(f"| `archlex {name}` | {spread(walls)} |")
    lines += ["", f"Peak RSS of this process: {peak_rss_mb():.0f} MB.", ""]
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, run, write the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check-sizes", type=_sizes, default=[1_000, 10_000, 100_000])
    parser.add_argument("--render-sizes", type=_sizes, default=[1_000, 10_000])
    parser.add_argument("--build-sizes", type=_sizes, default=[1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--states", type=int, default=31)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("RESULTS-pipeline.md"))
    args = parser.parse_args(argv)
    text = report(args)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
