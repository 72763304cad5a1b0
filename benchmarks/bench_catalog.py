"""How long `archlex catalog` makes an architect wait, as the real command in a subprocess.

Measured interleaved in one run, against the floor of any Python command (the interpreter
starting with typer imported): the answer from the stored index (the usual case), after a
model file changed (index rebuilt, parsed files from the cache), and with an empty cache (the
first run ever). Target: under half a second for the usual case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 0.5
ARCHLEX = [sys.executable, "-m", "archlex"]
SHOW = [*ARCHLEX, "catalog", "show", "2019/818 Art 22"]
SEARCH = [*ARCHLEX, "catalog", "search", "manual", "verification"]


def _wall(command: list[str], cwd: Path, cache: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, "ARCHLEX_CACHE_DIR": str(cache)},
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def measure(repeat: int, work: Path) -> dict[str, list[float]]:
    """Seconds per case, `repeat` runs each, interleaved."""
    project = work / "project"
    shutil.copytree(REPO / "model", project / "model", ignore=shutil.ignore_patterns("eu"))
    edited = project / "model" / "processes.yaml"
    warm_cache = work / "cache"
    _wall(SHOW, project, warm_cache)  # fills the parse cache and the index
    floor = [sys.executable, "-c", "import typer"]
    times: dict[str, list[float]] = {
        "python -c 'import typer' (floor)": [],
        'catalog show "2019/818 Art 22", index stored': [],
        'catalog search "manual verification", index stored': [],
        "catalog show after a model file changed": [],
        "catalog show, empty cache (first run)": [],
    }
    cases = list(times)
    for run in range(repeat):
        times[cases[0]].append(_wall(floor, project, warm_cache))
        times[cases[1]].append(_wall(SHOW, project, warm_cache))
        times[cases[2]].append(_wall(SEARCH, project, warm_cache))
        edited.write_text(edited.read_text() + f"\n# edit {run}\n")
        times[cases[3]].append(_wall(SHOW, project, warm_cache))
        times[cases[4]].append(_wall(SHOW, project, work / f"empty-{run}"))
    return times


def report(times: dict[str, list[float]], repeat: int) -> str:
    """RESULTS-catalog.md."""
    floor = statistics.median(next(iter(times.values())))
    machine = platform.processor() or platform.machine()
    lines = [
        "# Benchmark: `archlex catalog` latency",
        "",
        f"- Date: {dt.date.today().isoformat()}; machine: {machine}, "
        f"{os.cpu_count()} cores, {platform.system()} {platform.release()}; Python "
        f"{platform.python_version()}",
        f"- Command: `python benchmarks/bench_catalog.py --repeat {repeat}`: the real command "
        "in a subprocess, from a copy of the worked example, cases interleaved",
        f"- 1-minute load average at the end: {os.getloadavg()[0]:.2f} (2 cores: above 2, other "
        "work competed for the CPU)",
        f"- Target: under {TARGET} s when the index is stored (the usual case)",
        "",
        "| case | median s | min-max s | p90 s | / floor | under target |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for case, walls in times.items():
        ordered = sorted(walls)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        under = sum(w < TARGET for w in walls)
        lines.append(
            f"| {case} | {statistics.median(walls):.3f} | {ordered[0]:.3f}-{ordered[-1]:.3f} "
            f"| {p90:.3f} | {statistics.median(walls) / floor:.2f} | {under}/{len(walls)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Measure and write the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "RESULTS-catalog.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="archlex-bench-catalog-") as work:
        text = report(measure(args.repeat, Path(work)), args.repeat)
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
