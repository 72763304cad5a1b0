"""The concept DOCX beside the pages: `archlex build`'s project writing (the products and the
pages' Markdown, not mkdocs) with the DOCX in a forked process against in the main process.

    python benchmarks/bench_beside.py MODEL [--repeat N]

Each round writes the model's mkdocs project both ways (a fresh interpreter each, the model
checked first and not timed), interleaved. The diagrams come from a drawings cache filled
before the rounds, so that Graphviz does not drown the difference. Prints per way the wall
time, the CPU of the main process and of its children (the forked DOCX counts there), and the
1-minute load. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WAYS = {"beside": "2", "inline": "1"}  # $ARCHLEX_BUILD_WORKERS: 1 writes the DOCX in-process


def child(model: Path, drawings: Path) -> None:
    """Write the project once; print what it cost as JSON."""
    from archlex.api import check_model
    from archlex.site.build import write_project
    from archlex.toolkit.drawings import drawings_cached_in

    report = check_model(model, Path.cwd(), today=dt.date(2026, 1, 1))
    with tempfile.TemporaryDirectory() as out, drawings_cached_in(drawings):
        whom = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        before = [resource.getrusage(who) for who in whom]
        start = time.perf_counter()
        pages = write_project(report, Path(out), dt.date(2026, 1, 1))
        wall = time.perf_counter() - start
        after = [resource.getrusage(who) for who in whom]
    pairs = zip(after, before, strict=True)
    cpu = [a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in pairs]
    print(json.dumps({"wall": wall, "main": cpu[0], "children": cpu[1], "pages": pages}))


def measure(model: Path, drawings: Path, way: str) -> dict[str, float]:
    """One project written in a fresh interpreter."""
    env = {**os.environ, "ARCHLEX_BUILD_WORKERS": WAYS[way]}
    command = [sys.executable, __file__, str(model), "--child", str(drawings)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Write the project each way, `--repeat` rounds, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--child", type=Path, default=None)
    args = parser.parse_args()
    if args.child:
        child(args.model, args.child)
        return
    with tempfile.TemporaryDirectory() as drawings:
        measure(args.model, Path(drawings), "inline")  # fills the drawings cache, not timed
        print(f"{args.model}: {os.cpu_count()} cores", flush=True)
        for round_ in range(args.repeat):
            for way in WAYS:
                load = os.getloadavg()[0]
                got = measure(args.model, Path(drawings), way)
                print(
                    f"round {round_ + 1} {way:7} wall {got['wall']:6.1f} s  CPU main "
                    f"{got['main']:6.1f} s + children {got['children']:6.1f} s  "
                    f"{got['pages']:.0f} pages  load {load:.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
