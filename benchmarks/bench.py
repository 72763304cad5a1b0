"""`make bench`: archlex's steps against the floor of parsing the same YAML, and against peers.

Every step runs as a child process, the way a user runs it: the real `archlex` command line,
and the parse floor as a small Python script. Steps are interleaved round by round, so each
ratio compares figures taken under the same load. Writes (or updates one section of)
benchmarks/RESULTS.md; see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import machine
from child import ChildRun, run_child
from cold_cache import cold_env, honest
from models import ModelInfo, prepare_model
from stats import Series, merge_section, ratio, spread, times, verdict

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
ARCHLEX = [sys.executable, "-m", "archlex"]
BUILD_MAX = 10_000  # the site is built for the sizes up to this one
TARGET_SIZE = 100_000
LINEAR_SLACK = 1.25  # "linear": time grows at most this much faster than the model's size
HEADER = """# Benchmark results

Written by `make bench` (`benchmarks/bench.py`); how it measures is in
[README.md](README.md). Each section says when, on which machine and at which commit it was
measured: a partial run (`--only archlex` or `--only peers`) replaces only its own section.
"""
STEPS = (
    "parse",
    "validate",
    "check cold",
    "check warm",
    "check warm, value edited",
    "check warm, status edited",
    "check warm, allocation edited",
    "check warm, citation edited",
    "check warm, delivery edited",
    "check warm, flow end edited",
    "render matrix",
    "build",
)


def other_value(key: str, value: str, instead: str) -> Callable[[bytes, int], bytes]:
    """An edit of the first `key: ...` in a file: to `value`, or to `instead` if it is `value`
    (the same edit each round)."""
    wanted, fallback = f"{key}: {value}".encode(), f"{key}: {instead}".encode()

    def edit(text: bytes, round_number: int) -> bytes:
        del round_number
        return re.sub(
            key.encode() + rb": (\w+)",
            lambda m: fallback if m.group(1) == value.encode() else wanted,
            text,
            count=1,
        )

    return edit


# The first requirement's priority (to `must`, or `should` if it is `must`) and status (to
# `proposed`, or `agreed` if it is).
other_priority = other_value("priority", "must", "should")
other_status = other_value("status", "proposed", "agreed")


def turned_around(key: str) -> Callable[[bytes, int], bytes]:
    """The first list of `key` in the other order (one item: written twice)."""

    def edit(text: bytes, round_number: int) -> bytes:
        del round_number  # the same edit each round

        def turned(match: re.Match[bytes]) -> bytes:
            items = [i.strip() for i in match.group(1).split(b",")]
            items = items[::-1] if len(items) > 1 else items * 2
            return key.encode() + b": [" + b", ".join(items) + b"]"

        return re.sub(key.encode() + rb": \[([^\]]+)\]", turned, text, count=1)

    return edit


# The first requirement's `allocated_to`, its `satisfies`; the first work package's `delivers`.
other_allocation = turned_around("allocated_to")
other_citations = turned_around("satisfies")
other_deliveries = turned_around("delivers")


def swapped_ends(text: bytes, round_number: int) -> bytes:
    """The first flow's `from` and `to` swapped (the same edit each round)."""
    del round_number
    return re.sub(
        rb"\n(\s+)from: (\S+)\n(\s+)to: (\S+)\n",
        lambda m: b"\n%sfrom: %s\n%sto: %s\n" % (m[1], m[4], m[3], m[2]),
        text,
        count=1,
    )


# What each warm step writes into the edited file before it runs (restored after).
WARM_EDITS = {
    "check warm": lambda text, round_number: text + f"# edit {round_number}\n".encode(),
    # A changed value that no rule and not the coverage reads: the last check is kept.
    "check warm, value edited": other_priority,
    # A changed value that only the coverage reads: the findings are kept, the coverage
    # worked out again.
    "check warm, status edited": other_status,
    # A changed value that rules and the coverage read, each for the edited requirement alone:
    # those rules run again over it, the coverage from what the last check kept.
    "check warm, allocation edited": other_allocation,
    # Changed values that rules and the coverage read across entities (the obligations a
    # requirement traces, the requirements a work package delivers): those rules run again
    # over the entities the edit reaches, the coverage of those worked out again.
    "check warm, citation edited": other_citations,
    "check warm, delivery edited": other_deliveries,
    # A flow's ends (between two national systems): the flow rules run again over the flow
    # and the systems at its ends, orphan-system over those (archlex.check.flow_links).
    "check warm, flow end edited": swapped_ends,
}
# The file each warm step edits (the first of the glob): a requirements file unless named here.
EDITED_FILES = {
    "check warm, delivery edited": "*/roadmap.yaml",
    "check warm, flow end edited": "*/flows-national.yaml",
}
# The warm steps whose edit changes a value: compared with the cold report, then the restored
# file checked again, untimed, so that the next round's comment finds a last check of it.
VALUE_EDITS = (
    "check warm, value edited",
    "check warm, status edited",
    "check warm, allocation edited",
    "check warm, citation edited",
    "check warm, delivery edited",
    "check warm, flow end edited",
)


def library_folder() -> Path:
    """The bundled `eu` library archlex reads beside every model (installed or in the checkout)."""
    from archlex.load.libraries import library_manifest

    manifest = library_manifest("eu")
    if manifest is None:
        raise SystemExit("bench.py: archlex's bundled eu library is missing")
    return manifest.parent


@dataclass
class SizeRun:
    """The figures of one model size."""

    model: ModelInfo
    steps: dict[str, Series] = field(default_factory=dict)
    load: tuple[float, float] = (0.0, 0.0)
    warm_same_output: bool | None = None
    value_same_output: bool | None = None  # a title is in no finding: the same report

    def median(self, step: str) -> float | None:
        """The step's median seconds, if measured."""
        series = self.steps.get(step)
        return series.median if series else None


class StepFailedError(Exception):
    """A command did not do its job; its figures would measure an error path."""


def checked(run: ChildRun, what: str, ok: Sequence[int] = (0,)) -> ChildRun:
    """The run, or StepFailedError when it timed out or exited with an unexpected code."""
    if run.timed_out:
        raise StepFailedError(f"> timeout ({run.seconds:.0f} s)")
    if run.returncode not in ok:
        tail = run.stderr_tail.strip().splitlines()[-3:]
        raise StepFailedError(f"{what} exited {run.returncode}: {' / '.join(tail)}")
    return run


def measure_size(model: ModelInfo, repeat: int, build_repeat: int, timeout: float) -> SizeRun:
    """Run every step `repeat` times, round by round (the build `build_repeat` times)."""
    result = SizeRun(model, {name: Series() for name in STEPS})
    folder = str(model.folder)
    edited_files = {
        name: sorted(model.folder.glob(EDITED_FILES.get(name, "*/requirements-*.yaml")))[0]
        for name in WARM_EDITS
    }
    originals = {path: path.read_bytes() for path in edited_files.values()}
    load_before = machine.load_average()
    with tempfile.TemporaryDirectory(prefix="archlex-bench-") as scratch:
        cache_env = {**os.environ, "ARCHLEX_CACHE_DIR": str(Path(scratch) / "cache")}
        cold_folder = Path(scratch) / "cold-cache"  # archlex's own data only (cold_cache)
        cold = cold_env(cold_folder)
        out = Path(scratch) / "out"
        commands: dict[str, tuple[list[str], dict[str, str] | None, tuple[int, ...]]] = {
            "parse": ([sys.executable, str(HERE / "parse_only.py"), folder, str(library_folder())],
                      None, (0,)),
            "validate": ([*ARCHLEX, "validate", folder, "--no-cache"], cold, (0,)),
            "check cold": ([*ARCHLEX, "check", folder, "--no-cache"], cold, (0, 1)),
            "check warm": ([*ARCHLEX, "check", folder], cache_env, (0, 1)),
            "check warm, value edited": ([*ARCHLEX, "check", folder], cache_env, (0, 1)),
            "check warm, status edited": ([*ARCHLEX, "check", folder], cache_env, (0, 1)),
            "check warm, allocation edited": ([*ARCHLEX, "check", folder], cache_env, (0, 1)),
            "check warm, citation edited": ([*ARCHLEX, "check", folder], cache_env, (0, 1)),
            "check warm, delivery edited": ([*ARCHLEX, "check", folder], cache_env, (0, 1)),
            "check warm, flow end edited": ([*ARCHLEX, "check", folder], cache_env, (0, 1)),
            "render matrix": ([*ARCHLEX, "render", "matrix", folder, "--out", str(out / "r"),
                               "--no-cache"], cold, (0,)),
            "build": ([*ARCHLEX, "build", folder, "--out", str(out / "site"), "--no-cache",
                       "--as-of", "2026-01-01"], cold, (0,)),
        }  # fmt: skip
        if model.entities > BUILD_MAX:
            del commands["build"]
            result.steps["build"].failure = f"not measured above {BUILD_MAX:,} entities"
        # Fill the cache once, untimed: the warm runs then find every file but the edited one;
        # and the cold runs' folder with the validators (as bytecode is compiled beforehand).
        checked(
            run_child(commands["check warm"][0], env=cache_env, timeout=timeout), "prime", (0, 1)
        )
        checked(run_child(commands["check cold"][0], env=cold, timeout=timeout), "prime", (0, 1))
        cold_output = b""
        try:
            for round_number in range(repeat):
                for name, (argv, env, ok) in commands.items():
                    series = result.steps[name]
                    if series.failure or (name == "build" and round_number >= build_repeat):
                        continue
                    if name in WARM_EDITS:  # one file changed since the cache was filled
                        edited = edited_files[name]
                        edited.write_bytes(WARM_EDITS[name](originals[edited], round_number))
                    try:
                        run = checked(run_child(argv, env=env, timeout=timeout), name, ok)
                    except StepFailedError as failure:
                        series.failure = str(failure)
                        continue
                    finally:
                        _restore(originals)
                    series.add(run.seconds, run.peak_rss_mb)
                    if name == "check cold":
                        cold_output = run.stdout
                    if name == "check warm":
                        same = run.stdout == cold_output
                        result.warm_same_output = same and result.warm_same_output is not False
                    if name in VALUE_EDITS:
                        # No such edit changes the generated model's report (its first
                        # requirement's obligations stay traced, and as covered, by others).
                        same = run.stdout == cold_output
                        result.value_same_output = same and result.value_same_output is not False
                        checked(run_child(argv, env=env, timeout=timeout), "prime", (0, 1))
                    print(f"    {name}: {run.seconds:.2f} s, {run.peak_rss_mb:.0f} MB", flush=True)
                    shutil.rmtree(out, ignore_errors=True)
            wrote = honest(cold_folder)
            for name, (_argv, env, _ok) in commands.items():
                if wrote and env is cold:
                    result.steps[name].failure = wrote
        finally:
            _restore(originals)
    result.load = (load_before, machine.load_average())
    return result


def _restore(originals: dict[Path, bytes]) -> None:
    """The edited files as they were."""
    for path, text in originals.items():
        path.write_bytes(text)


def size_table(run: SizeRun) -> list[str]:
    """One size's table: each step's seconds, its ratio to the parse, its peak RSS."""
    parse = run.median("parse")
    m = run.model
    rows = [
        f"### {m.entities:,} entities ({m.files} files, {m.megabytes:.1f} MB; "
        f"load {run.load[0]:.1f} before, {run.load[1]:.1f} after)",
        "",
        "| step | runs | seconds, median (min-max) | ÷ parse (medians) | peak RSS MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in STEPS:
        series = run.steps[name]
        if series.failure and not series.seconds:
            rows.append(f"| {name} | 0 | {series.failure} | n/a | n/a |")
            continue
        rss = f"{series.peak_rss:.0f}" if series.peak_rss is not None else "n/a"
        note = f" ({series.failure})" if series.failure else ""
        rows.append(
            f"| {name} | {len(series.seconds)} | {spread(series.seconds)}{note} "
            f"| {times(ratio(series.median, parse))} | {rss} |"
        )
    if run.warm_same_output is not None:
        same = "identical to" if run.warm_same_output else "DIFFERENT from"
        rows += ["", f"The warm check's report was {same} the cold check's."]
    if run.value_same_output is not None:
        same = "identical to" if run.value_same_output else "DIFFERENT from"
        rows += ["", f"The report after the value edits was {same} the cold check's."]
    return rows


def targets(runs: Sequence[SizeRun]) -> list[str]:
    """The issue's targets beside what this run measured, and whether each is met."""
    by_size = {r.model.entities: r for r in runs}
    big, mid = by_size.get(TARGET_SIZE), by_size.get(10_000)
    cold = ratio(big.median("check cold"), big.median("parse")) if big else None
    warm = ratio(big.median("check warm"), big.median("parse")) if big else None
    rss = None
    if big:
        peaks = [s.peak_rss for n, s in big.steps.items() if n != "parse" and s.peak_rss]
        rss = max(peaks) if peaks else None
    growth = size_ratio = None
    if big and mid:
        growth = ratio(big.median("check cold"), mid.median("check cold"))
        size_ratio = big.model.megabytes / mid.model.megabytes
    linear = ratio(growth, size_ratio)
    rows = [
        "| target (issue 8) | measured | |",
        "|---|---:|---|",
        f"| cold `check` ≤ 1.0x parse at 100k | {times(cold)} | {verdict(cold, 1.0)} |",
        f"| warm `check`, one file changed, ≤ 0.1x parse at 100k | {times(warm)} "
        f"| {verdict(warm, 0.1)} |",
        *[
            f"| warm `check`, {edit}, ≤ 0.1x parse at 100k | {times(edited)} "
            f"| {verdict(edited, 0.1)} |"
            for edit, edited in _edited_ratios(big)
        ],
        f"| peak RSS < 1 GB at 100k (highest archlex step) "
        f"| {'n/a' if rss is None else f'{rss:.0f} MB'} | {verdict(rss, 1024)} |",
    ]
    if growth is not None and size_ratio is not None:
        rows.append(
            f"| linear: cold check 100k ÷ 10k within {LINEAR_SLACK}x of the size ratio "
            f"| {growth:.1f} for {size_ratio:.1f}x the MB ({times(linear)}) "
            f"| {verdict(linear, LINEAR_SLACK)} |"
        )
    else:
        rows.append("| linear: cold check 100k ÷ 10k vs the size ratio | n/a | not measured |")
    return rows


def _edited_ratios(big: SizeRun | None) -> list[tuple[str, float | None]]:
    """The value-edit steps' ratios to the parse at 100k (none when it was not measured)."""
    if big is None:
        return []
    steps = [(name.removeprefix("check warm, "), big.median(name)) for name in VALUE_EDITS]
    return [(edit, ratio(seconds, big.median("parse"))) for edit, seconds in steps if seconds]


def provenance(command: str) -> list[str]:
    """When, where and with what a section was measured."""
    return [
        f"- Written: {machine.now()}, when its measurements ended; commit {machine.commit()}",
        f"- Machine: {machine.machine()}",
        f"- Software: {machine.software()}",
        f"- Command: `{command}`",
    ]


def archlex_section(runs: Sequence[SizeRun], args: argparse.Namespace, command: str) -> str:
    """The archlex section of RESULTS.md."""
    lines = [
        "## archlex against parsing the same YAML",
        "",
        *provenance(command),
        f"- Models: `benchmarks/generate.py`, {args.states} states, seed {args.seed}; "
        f"{args.repeat} rounds, the build {args.build_repeat} (it is long), steps interleaved "
        "round by round",
        "- Every step is a child process, timed wall-clock from start to exit, peak RSS its own "
        "(wait4): `parse` is `python benchmarks/parse_only.py` (PyYAML's CSafeLoader on the "
        "manifest, every included file and the bundled `eu` library, nothing else); the others "
        "are the real CLI, `python -m archlex ...`, so they include the interpreter's start and "
        "archlex's imports, as a user sees them",
        "- `validate`, `check cold`, `render matrix` and `build` run with `--no-cache`, with a "
        "cache folder of their own that holds only the kept validators of archlex's model "
        "classes (filled by one untimed run, as bytecode is compiled beforehand; no model data: "
        "checked after the rounds); `check warm` runs with the cache in a fresh temporary "
        "ARCHLEX_CACHE_DIR, filled by one untimed check, after appending a comment to one "
        "requirements file (restored afterwards); "
        "`check warm, value edited` the same after changing the priority of its first "
        "requirement (a field nothing reads: the last check is kept), `check warm, status "
        "edited` after changing its status (only the coverage reads it: worked out again from "
        "what the last check kept), `check warm, allocation edited` after turning its "
        "`allocated_to` around (rules that read it check that requirement alone: they run "
        "again over it, the coverage from what the last check kept), `check warm, citation "
        "edited` after turning its `satisfies` around and `check warm, delivery edited` after "
        "turning the first work package's `delivers` around (in its roadmap file; rules that "
        "read them run again over the obligations and requirements the edit reaches, the "
        "coverage of those obligations worked out again), `check warm, flow end edited` after "
        "swapping `from` and `to` of the first flow of the first national flows file (the flow "
        "rules and `orphan-system` run again over the flow and the systems at its ends)",
        "- ÷ parse is the ratio of the medians in this run; load is the 1-minute load average "
        "(2 cores, shared: above 2, other work competed and the spread widens)",
        "",
        *targets(runs),
        "",
    ]
    for run in runs:
        lines += [*size_table(run), ""]
    return "\n".join(lines)


def write_section(out: Path, name: str, body: str) -> None:
    """Replace one section of the results file, keeping the others."""
    existing = out.read_text(encoding="utf-8") if out.is_file() else ""
    out.write_text(merge_section(existing, HEADER, name, body), encoding="utf-8")
    print(f"wrote the {name} section of {out}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000", help="entity counts")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size")
    parser.add_argument("--build-repeat", type=int, default=1, help="rounds of the site build")
    parser.add_argument("--only", choices=("archlex", "peers"), help="run one section only")
    parser.add_argument(
        "--peer-sizes", default="1000,10000", help="N of the peers' 2xN-item workloads"
    )
    parser.add_argument(
        "--peer-size", type=int, default=10_000, help="model of the peers' own workload (0: none)"
    )
    parser.add_argument("--peer-repeat", type=int, default=1, help="rounds of the peer steps")
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds per command")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file")
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument("--states", type=int, default=31, help="states in the model")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure the chosen sections and write them into the results file."""
    args = parse_args(argv)
    given = sys.argv[1:] if argv is None else list(argv)
    command = " ".join(["python benchmarks/bench.py", *given])
    machine.compile_archlex()  # as a wheel's installation would have: see machine.compile_archlex
    if args.only in (None, "archlex"):
        runs = []
        for size in [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]:
            print(f"{size:,} entities:", flush=True)
            model = prepare_model(size, args.seed, args.states)
            runs.append(measure_size(model, args.repeat, args.build_repeat, args.timeout))
            write_section(args.out, "archlex", archlex_section(runs, args, command))
    if args.only in (None, "peers"):
        from peers.run import peers_section

        body = peers_section(args, lambda: provenance(command))
        write_section(args.out, "peers", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
