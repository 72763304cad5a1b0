"""What the technical architecture costs the exports: the example exported as it is, and with
its networks, nodes and connections taken away, in one run (a ratio, not a timing target).

    .venv/bin/python benchmarks/bench_export.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from archlex.api import load
from archlex.export.archimate import archimate_xml
from archlex.export.structurizr import structurizr_dsl
from archlex.model import Model

EXAMPLE = Path(__file__).parent.parent / "model"


def _seconds(export: Callable[[Model], str], model: Model, repeat: int) -> float:
    """The median wall time of one export."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        export(model)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the median times and the ratio with and without the technical architecture."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    model = load(EXAMPLE).model
    bare = dataclasses.replace(model, networks=[], nodes=[], connections=[])
    print(f"load average {os.getloadavg()[0]:.2f}, median of {repeat}")
    for name, export in (("archimate", archimate_xml), ("structurizr", structurizr_dsl)):
        with_tech = _seconds(export, model, repeat)
        without = _seconds(export, bare, repeat)
        print(
            f"{name}: {with_tech:.3f} s with, {without:.3f} s without: {with_tech / without:.2f}x"
        )


if __name__ == "__main__":
    main()
