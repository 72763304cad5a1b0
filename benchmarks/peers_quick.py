"""StrictDoc's JSON export against `archlex check --no-cache` alone, interleaved: the harness's
2xN workload and cold cache folder, without Doorstop (which takes 17 minutes at 2x10,000).

For a quick ratio on a quiet machine, or beside a baseline checkout of archlex (`--baseline
SRC`: a folder made with `git archive REV src model templates docs schema`, its bytecode
compiled). The harness (`bench.py --only peers`) stays the measure of record: it runs every peer
and writes benchmarks/RESULTS.md; this prints medians and ratios only. StrictDoc must be
installed by the harness first (benchmarks/.peers/strictdoc).

    python benchmarks/peers_quick.py --size 1000 --rounds 5 [--baseline /tmp/base/src]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from child import ChildRun, run_child
from cold_cache import cold_env
from models import entities_for_requirements, prepare_model
from peers.run import ARCHLEX, venv_bin
from peers.strictdoc_docs import write_strictdoc
from peers.workload import load_workload, square


def main() -> int:
    """Time the two tools interleaved and print their medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1000, help="N of the 2xN-item workload")
    parser.add_argument("--rounds", type=int, default=3, help="StrictDoc runs (archlex: 3x)")
    parser.add_argument("--baseline", type=Path, help="another archlex's src, run beside")
    args = parser.parse_args()
    strictdoc = venv_bin("strictdoc") / "strictdoc"
    if not strictdoc.is_file():
        sys.exit("StrictDoc is not installed: run `python benchmarks/bench.py --only peers` once")
    model = prepare_model(entities_for_requirements(args.size, 31), 1, 31)
    workload = square(load_workload(model.folder), args.size)
    check = [*ARCHLEX, "check", str(model.folder), "--no-cache"]
    with tempfile.TemporaryDirectory(prefix="archlex-peers-quick-") as scratch_name:
        scratch = Path(scratch_name)
        sdoc = scratch / "strictdoc"
        write_strictdoc(workload, sdoc)
        archlex_env = cold_env(scratch / "cold")
        runs: dict[str, list[ChildRun]] = {"strictdoc": [], "archlex": []}
        envs = {"archlex": archlex_env}
        if args.baseline:
            runs["baseline"] = []
            envs["baseline"] = archlex_env | {"PYTHONPATH": str(args.baseline)}
        for env in envs.values():  # untimed: each keeps its validators and library
            run_child(check, env=env, timeout=600)
        for _ in range(args.rounds):
            work = scratch / "work"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            export = [str(strictdoc), "export", "--formats", "json", "--output-dir"]
            runs["strictdoc"].append(
                run_child([*export, str(work / "out"), str(sdoc)], cwd=work, timeout=3000)
            )
            for _ in range(3):
                for name, env in envs.items():
                    runs[name].append(run_child(check, env=env, timeout=600))
    _report(args.size, runs)
    return 0


def _report(size: int, runs: dict[str, list[ChildRun]]) -> None:
    wall = {name: statistics.median(r.seconds for r in found) for name, found in runs.items()}
    cpu = {name: statistics.median(r.cpu_seconds for r in found) for name, found in runs.items()}
    print(f"2x{size:,} items, 1-minute load average {os.getloadavg()[0]:.1f}")
    for name in runs:
        line = f"  {name}: wall {wall[name]:.3f} s, CPU {cpu[name]:.3f} s ({len(runs[name])} runs)"
        if name != "strictdoc":
            line += (
                f"; StrictDoc / {name}: {wall['strictdoc'] / wall[name]:.1f}x wall, "
                f"{cpu['strictdoc'] / cpu[name]:.1f}x CPU"
            )
        print(line)


if __name__ == "__main__":
    sys.exit(main())
