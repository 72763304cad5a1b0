"""Where `archlex build` spends its time: the wall time of each stage of one build.

Not the benchmark (bench_site_scale.py is): a quick look used while making the build scale.

    python benchmarks/profile_site.py MODEL [--one-language] [--cache DIR]

Prints the load, then each stage (as the build reports it to its progress bar) with its wall
time, the stages nested as they run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from archlex.api import check_model
from archlex.i18n import LANGUAGES
from archlex.progress import Advance, Progress
from archlex.site.build import build_site


class Timings(Progress):
    """Prints every stage with its wall time when it ends."""

    def __init__(self) -> None:
        self.depth = 0

    @contextmanager
    def _stage(self, description: str) -> Iterator[Advance]:
        start = time.perf_counter()
        self.depth += 1
        try:
            yield lambda _done: None
        finally:
            self.depth -= 1
            elapsed = time.perf_counter() - start
            print(f"{'  ' * self.depth}{elapsed:8.2f} s  {description}", flush=True)

    def stage(self, description: str, total: int | None = None) -> AbstractContextManager[Advance]:
        """A timed stage."""
        return self._stage(description)


def main() -> None:
    """Build the model's site once and print the stages' times."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--one-language", action="store_true")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}")
    day = dt.date(2026, 1, 1)
    start = time.perf_counter()
    timings = Timings()
    report = check_model(args.model, Path.cwd(), today=day, progress=timings)
    others = () if args.one_language else LANGUAGES
    with tempfile.TemporaryDirectory() as out:
        built = build_site(report, Path(out) / "site", day, progress=timings, cache=args.cache,
                           others=others)  # fmt: skip
    total = time.perf_counter() - start
    print(f"{total:8.2f} s  total, {built.pages} pages; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
