"""How long the `archlex` command makes people wait before it does anything: start-up.

The real console script in a subprocess, cases interleaved in one run, each as a ratio to
`python -c pass` measured in the same round (the interpreter floor): `archlex --version`,
`archlex --help`, `archlex rules`, and `archlex check model/` on the worked example with a
warm cache: with the report cache holding the report (nothing changed since the last check),
with only the parse cache (the report cache emptied before each run), and after one file
changed (a comment added to `data.yaml` before each run: that file is read and validated
again, the report made anew). Targets (issue #19): --version and --help within 6x of the
floor; the warm check under 0.35 s, whether or not the report is cached.

archlex's modules are compiled to bytecode first, as installing archlex from a wheel does:
an editable install run with PYTHONDONTWRITEBYTECODE=1 would compile every module it imports
from source on every run (about a fifth of a check's start-up).
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

from machine import compile_archlex

REPO = Path(__file__).resolve().parents[1]
RATIO_TARGET = 6.0
CHECK_TARGET = 0.35  # seconds, on the 2-core machine
FLOOR = "python -c pass (floor)"
TYPER = "python -c 'import typer' (for reference)"
VERSION = "archlex --version"
HELP = "archlex --help"
RULES = "archlex rules"
CHECK = "archlex check model/, warm cache (report cached)"
PARSED = "archlex check model/, parse cache only (report not cached)"
EDITED = "archlex check model/, one file changed (report not cached)"
TARGETS = {VERSION: f"<= {RATIO_TARGET:g}x floor", HELP: f"<= {RATIO_TARGET:g}x floor"}
TARGETS[CHECK] = TARGETS[PARSED] = TARGETS[EDITED] = f"< {CHECK_TARGET} s"
EDITED_FILE = "model/data.yaml"


def _archlex() -> list[str]:
    """The installed console script beside this interpreter, else `python -m archlex`."""
    script = Path(sys.executable).parent / "archlex"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "archlex"]


def _wall(command: list[str], cwd: Path, cache: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, "ARCHLEX_CACHE_DIR": str(cache)},
        stdout=subprocess.DEVNULL,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # check exits 1 on findings; anything else is broken
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}")
    return elapsed


def measure(repeat: int, work: Path) -> dict[str, list[float]]:
    """Seconds per case, `repeat` rounds, the cases interleaved in each round."""
    project = work / "project"
    shutil.copytree(REPO / "model", project / "model")
    cache = work / "cache"
    archlex = _archlex()
    commands = {
        FLOOR: [sys.executable, "-c", "pass"],
        TYPER: [sys.executable, "-c", "import typer"],  # what --help cannot go below
        VERSION: [*archlex, "--version"],
        HELP: [*archlex, "--help"],
        RULES: [*archlex, "rules"],
        CHECK: [*archlex, "check", "model/"],
        PARSED: [*archlex, "check", "model/"],
        EDITED: [*archlex, "check", "model/"],
    }
    compile_archlex()
    for command in commands.values():  # warm the cache and the OS's file cache
        _wall(command, project, cache)
    times: dict[str, list[float]] = {case: [] for case in commands}
    for round_ in range(repeat):
        for case, command in commands.items():
            if case == PARSED:  # the parse cache stays; the report is made again
                shutil.rmtree(cache / "reports", ignore_errors=True)
            if case == EDITED:  # text never seen before: the file is read and validated again
                with (project / EDITED_FILE).open("a", encoding="utf-8") as stream:
                    stream.write(f"# edit {round_}\n")
            times[case].append(_wall(command, project, cache))
    return times


def _met(case: str, wall: float, ratio: float) -> bool:
    return wall < CHECK_TARGET if case in (CHECK, PARSED, EDITED) else ratio <= RATIO_TARGET


def report(times: dict[str, list[float]], repeat: int, load: tuple[float, float]) -> str:
    """RESULTS-startup.md: median seconds, and the median of each round's ratio to the floor."""
    machine = platform.processor() or platform.machine()
    lines = [
        "# Benchmark: `archlex` start-up",
        "",
        f"- Date: {dt.date.today().isoformat()}; machine: {machine}, "
        f"{os.cpu_count()} cores, {platform.system()} {platform.release()}; Python "
        f"{platform.python_version()}",
        f"- Command: `python benchmarks/bench_startup.py --repeat {repeat}`: the installed "
        "console script in a subprocess, from a copy of the worked example, the cases "
        "interleaved in each round; archlex's modules compiled to bytecode first (as a "
        "wheel's installation does)",
        f"- 1-minute load average at the start and the end: {load[0]:.2f} and {load[1]:.2f} "
        "(2 cores: above 2, other work competed for the CPU)",
        f"- Targets (issue #19): --version and --help within {RATIO_TARGET:g}x of "
        f"`python -c pass`; the warm check under {CHECK_TARGET} s",
        "- `/ floor`: the median over the rounds of the case's time divided by the floor's "
        "time in the same round",
        "",
        "| case | median s | min-max s | / floor | target | met in rounds |",
        "|---|---:|---:|---:|---|---:|",
    ]
    floors = times[FLOOR]
    for case, walls in times.items():
        ratios = [wall / floor for wall, floor in zip(walls, floors, strict=True)]
        met = sum(_met(case, w, r) for w, r in zip(walls, ratios, strict=True))
        lines.append(
            f"| {case} | {statistics.median(walls):.3f} | {min(walls):.3f}-{max(walls):.3f} "
            f"| {statistics.median(ratios):.2f} | {TARGETS.get(case, '')} "
            f"| {f'{met}/{len(walls)}' if case in TARGETS else ''} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Measure and write the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "RESULTS-startup.md")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="archlex-bench-startup-") as work:
        times = measure(args.repeat, Path(work))
    text = report(times, args.repeat, (load_before, os.getloadavg()[0]))
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
