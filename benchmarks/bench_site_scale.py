"""How `archlex build` scales: a full build (`--no-cache`) of the synthetic models, beside the
same build by a baseline archlex in the same round, and where one build spends its time.

    python benchmarks/bench_site_scale.py --sizes 1000,10000 --baseline /path/to/main/src

Each round builds every size with the baseline (its `src` folder first on PYTHONPATH), then
with this checkout, so each ratio compares builds made under the same load. The stage times
come from `profile_site.py` (one build of this checkout, in one language). Targets (issue
#19): at 10k entities at least 5x faster than the 311 s measured before, and no slower than
StrictDoc's HTML export of the same requirements (the peers' section of RESULTS.md measures
that side by side). Writes RESULTS-site-scale.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from models import prepare_model

HERE = Path(__file__).resolve().parent
BEFORE_10K = 311.0  # seconds: the 10k build when issue #19 was written
TARGET_SPEEDUP = 5.0
NOTES = "\n<!-- notes: kept when the figures above are measured again -->\n"


def build_seconds(
    model: Path, src: Path | None, timeout: float, languages: tuple[str, ...] = ()
) -> float | None:
    """One full build of `model` (None: it failed or timed out); `languages`: more options of
    the build (`--one-language`)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "archlex", "build", str(model), "--out", f"{out}/site"]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [*command, "--no-cache", "--as-of", "2026-01-01", *languages],
                env=env,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return None
        return time.perf_counter() - start if done.returncode == 0 else None


def stages(model: Path) -> list[str]:
    """The stage times of one build of this checkout, in the model's language."""
    script = HERE / "profile_site.py"
    done = subprocess.run(
        [sys.executable, str(script), str(model), "--one-language"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.splitlines() if done.returncode == 0 else [done.stderr[-500:]]


def _cell(values: list[float | None]) -> str:
    kept = [v for v in values if v is not None]
    if not kept:
        return "failed"
    return f"{statistics.median(kept):.1f}" + ("" if len(kept) == len(values) else " (some failed)")


def main() -> None:
    """Measure, then write RESULTS-site-scale.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--baseline", type=Path, default=None, help="a baseline's src folder")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--profile", type=int, default=1000, help="the size profiled (0: none)")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS-site-scale.md")
    parser.add_argument(
        "--one-language",
        action="store_true",
        help="build the model's language only (as the 311 s of the issue was measured)",
    )
    args = parser.parse_args()
    languages = ("--one-language",) if args.one_language else ()
    sizes = [int(s) for s in args.sizes.split(",")]
    models = {size: prepare_model(size).folder for size in sizes}
    loads = [os.getloadavg()[0]]
    times: dict[tuple[int, str], list[float | None]] = {}
    for _ in range(args.repeat):
        for size in sizes:
            for name, src in (("baseline", args.baseline), ("this", None)):
                if name == "baseline" and src is None:
                    continue
                seconds = build_seconds(models[size], src, args.timeout, languages)
                times.setdefault((size, name), []).append(seconds)
    loads.append(os.getloadavg()[0])
    profile = stages(prepare_model(args.profile).folder) if args.profile else []
    report = "\n".join(_report(args, sizes, times, loads, profile)) + "\n"
    args.out.write_text(report + _notes(args.out))


def _notes(results: Path) -> str:
    """What follows the notes marker in the results written before (kept as written)."""
    earlier = results.read_text(encoding="utf-8") if results.is_file() else ""
    return NOTES + earlier.split(NOTES, 1)[1] if NOTES in earlier else ""


def _report(
    args: argparse.Namespace,
    sizes: list[int],
    times: dict[tuple[int, str], list[float | None]],
    loads: list[float],
    profile: list[str],
) -> list[str]:
    """The results as Markdown."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    built = "one language: `--one-language`" if args.one_language else "both languages"
    lines = [
        "# Benchmark: the site build at scale",
        "",
        f"- Date: {dt.date.today()}; commit {commit}; {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}",
        f"- Command: `python benchmarks/bench_site_scale.py --sizes {args.sizes} "
        f"--repeat {args.repeat}"
        + (" --one-language" if args.one_language else "")
        + (" --baseline SRC`" if args.baseline else "`"),
        f"- 1-minute load average at the start and the end: {loads[0]:.2f} and {loads[1]:.2f} "
        "(2 cores: above 2, other work competed for the CPU)",
        f"- `archlex build MODEL --no-cache` ({built}), median seconds of the rounds",
        f"- Target (issue #19): 10k at most {BEFORE_10K / TARGET_SPEEDUP:.0f} s "
        f"({TARGET_SPEEDUP:.0f}x faster than {BEFORE_10K:.0f} s), and no slower than "
        "StrictDoc's HTML export of the same requirements",
        "",
        "| entities | baseline s | this s | baseline / this |",
        "|---:|---:|---:|---:|",
    ]
    for size in sizes:
        base, this = times.get((size, "baseline"), []), times.get((size, "this"), [])
        kept_base = [v for v in base if v is not None]
        kept_this = [v for v in this if v is not None]
        ratio = (
            f"{statistics.median(kept_base) / statistics.median(kept_this):.2f}"
            if kept_base and kept_this
            else "-"
        )
        lines.append(f"| {size:,} | {_cell(base) if base else '-'} | {_cell(this)} | {ratio} |")
    if profile:
        lines += ["", f"Stages of one build at {args.profile:,} entities, one language:", ""]
        lines += ["```", *profile, "```"]
    return lines


if __name__ == "__main__":
    main()
