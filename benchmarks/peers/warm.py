"""The peers' second comparison: a re-run after one file was edited, each tool's cache kept.

The cold comparison (every file read anew) stays the measure of issue #19's goals. This one
shows the edit-and-recheck loop as each tool offers it: archlex `check` with its cache folder
(the parse cache and the last check), StrictDoc's JSON export with its pickle cache
(`_cache` in its output folder: a file whose size and time are unchanged is
taken from it). Both get the same edit each round, a requirement's title changed (a different
title each round, so neither finds the edit in its cache), in one file: one of archlex's
requirements files, StrictDoc's requirements.sdoc (where every requirement of the workload
is). Doorstop keeps no cache: its re-run is its cold run.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

from child import ChildRun, run_child
from cold_cache import cold_env
from peers.strictdoc_docs import write_strictdoc
from peers.workload import Workload
from stats import Series, ratio, spread, times

STEPS = ("archlex check, cache kept", "strictdoc export --formats json, cache kept")


def edit_archlex(text: bytes, round_number: int) -> bytes:
    """The first requirement's title, another each round."""
    return re.sub(rb'(\n    title: ")', rb"\g<1>Edited %d " % round_number, text, count=1)


def edit_strictdoc(text: bytes, round_number: int) -> bytes:
    """The first requirement's TITLE, another each round."""
    pattern = rb"(\[REQUIREMENT\]\nUID: [^\n]*\nTITLE: )"
    return re.sub(pattern, rb"\g<1>Edited %d " % round_number, text, count=1)


def warm_section(
    args: argparse.Namespace,
    model: Path,
    workload: Workload,
    scratch: Path,
    archlex: list[str],
    strictdoc: Path,
) -> list[str]:
    """Time both tools' re-runs after an edit, round by round, and report them."""
    copy = scratch / "warm-model"  # edited here, never in the cached model
    shutil.copytree(model, copy)
    edited = sorted(copy.glob("*/requirements-*.yaml"))[0]
    sdoc, runs_in = scratch / "warm-strictdoc", scratch / "warm-strictdoc-run"
    write_strictdoc(workload, sdoc)
    runs_in.mkdir()
    requirements = sdoc / "requirements.sdoc"
    originals = (edited.read_bytes(), requirements.read_bytes())
    check = [*archlex, "check", str(copy)]
    env = cold_env(scratch / "warm-cache")  # a cache folder of its own, all of it used
    export = [str(strictdoc), "export", "--formats", "json", "--output-dir", "out", str(sdoc)]
    primed = run_child(check, env=env, timeout=args.timeout)  # fills both caches, untimed
    run_child(export, cwd=runs_in, timeout=args.timeout)
    series = {name: Series() for name in STEPS}
    same = True
    for round_number in range(args.peer_repeat):
        edited.write_bytes(edit_archlex(originals[0], round_number))
        run = _timed(series[STEPS[0]], run_child(check, env=env, timeout=args.timeout))
        same = same and run.stdout == primed.stdout
        requirements.write_bytes(edit_strictdoc(originals[1], round_number))
        _timed(series[STEPS[1]], run_child(export, cwd=runs_in, timeout=args.timeout))
    cached = any((runs_in / "out" / "_cache").rglob("*.sdoc_*"))
    return _report(series, same, cached)


def _timed(found: Series, run: ChildRun) -> ChildRun:
    """Add a run that succeeded (archlex's check exits 1 on the generated models' gaps)."""
    if run.timed_out or run.returncode not in (0, 1):
        found.failure = f"exited {run.returncode}: {run.stderr_tail.strip()[-200:]}"
    elif not found.failure:
        found.add(run.seconds, run.peak_rss_mb, run.cpu_seconds)
    print(f"    warm: {run.seconds:.2f} s, CPU {run.cpu_seconds:.2f} s", flush=True)
    return run


def _report(series: dict[str, Series], same: bool, cached: bool) -> list[str]:
    lines = [
        "#### Extra: re-run after one file edited, each tool's cache kept (not the goals' measure)",
        "",
        "- Each round the first requirement's title is changed (another title each round) in "
        "one file: one of archlex's requirements files; StrictDoc's requirements.sdoc (every "
        "requirement of the workload). archlex: `check` with its cache folder (parse cache, "
        "last check), filled by one untimed check; StrictDoc: `export --formats json` run in "
        "the same folder each time, so its pickle cache (`_cache` in its output folder) is "
        "kept, filled by one untimed export. Doorstop keeps no cache: its re-run is its cold "
        "run above.",
        f"- archlex's report after each edit identical to the unedited model's: "
        f"{'yes' if same else 'NO'}; StrictDoc's cache folder written: "
        f"{'yes' if cached else 'NO'}",
        "",
        "| step | runs | wall seconds, median (min-max) | CPU seconds, median (min-max) |",
        "|---|---:|---:|---:|",
    ]
    for name, found in series.items():
        shown = found.failure if found.failure and not found.seconds else spread(found.seconds)
        lines.append(f"| {name} | {len(found.seconds)} | {shown} | {spread(found.cpu)} |")
    mine, theirs = series[STEPS[0]], series[STEPS[1]]
    wall = ratio(theirs.median, mine.median)
    cpu = ratio(theirs.cpu_median, mine.cpu_median)
    lines += ["", f"StrictDoc ÷ archlex after the edit: {times(wall)} wall, {times(cpu)} CPU.", ""]
    return lines
