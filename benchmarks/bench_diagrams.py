"""The diagram stage of a build at scale: CPU and wall time of drawing a model's diagrams, every
PNG (`archlex render diagrams`) against only the PNGs a document prints (what `archlex build`
draws), and the diagram stages of a build in both languages (`languages`: each language's
diagrams drawn in turn, one store of drawings for both, as `archlex build` does), in the same
round.

    python benchmarks/bench_diagrams.py MODEL [--repeat N] [--baseline SRC]
        [--ways all,documents,languages]

Each round draws the model's diagrams once per way (a fresh interpreter each, the model
checked first and not timed), interleaved, so the ratios compare drawings made under the same
load. With `--baseline SRC` a round also draws both ways with that checkout's `src` (first on
PYTHONPATH), each just before this checkout's. Prints the load average, then per way the wall
time, the CPU of the interpreter and of Graphviz, the diagrams and PNGs written, and the PNGs'
megapixels; then this checkout over the baseline per way. Not part of `make test`.
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

WAYS = {"all": {}, "documents": {"png": "documents"}, "languages": {"png": "documents"}}
BOTH = "languages"  # the way that draws every language's diagrams, as a build of each


def child(model: Path, way: str) -> None:
    """Draw the diagrams of `model` one way; print what it cost as JSON."""
    from archlex.api import check_model
    from archlex.i18n import LANGUAGES
    from archlex.localized import in_language
    from archlex.render.output import render_products
    from archlex.toolkit.drawings import drawings_shared

    report = check_model(model, Path.cwd(), today=dt.date(2026, 1, 1))
    settings = WAYS.get(way, {})
    languages = LANGUAGES if way == BOTH else (None,)
    with tempfile.TemporaryDirectory() as out, drawings_shared():
        whom = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        before = [resource.getrusage(who) for who in whom]
        start = time.perf_counter()
        for code in languages:  # as `archlex build` draws: each language's products in turn
            folder = Path(out) / (code or "o")
            render_products(
                in_language(report, code), folder, ["diagrams"], settings=dict(settings)
            )
        wall = time.perf_counter() - start
        after = [resource.getrusage(who) for who in whom]
        cpu = [
            a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
            for a, b in zip(after, before, strict=True)
        ]
        svgs = len(list(Path(out).glob("*/diagrams/*.svg")))
        pngs = sorted(Path(out).glob("*/diagrams/*.png"))
        pixels = sum(_pixels(png) for png in pngs) / 1e6
    got = {"wall": wall, "python": cpu[0], "graphviz": cpu[1], "svg": svgs, "png": len(pngs)}
    got["mpx"] = pixels
    print(json.dumps(got))


def _pixels(png: Path) -> int:
    """Width times height of a PNG, from its header."""
    header = png.read_bytes()[16:24]
    return int.from_bytes(header[:4], "big") * int.from_bytes(header[4:], "big")


def measure(model: Path, way: str, src: Path | None) -> dict[str, float]:
    """One drawing in a fresh interpreter."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    command = [sys.executable, __file__, str(model), "--child", way]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{way} ({src or 'this checkout'}) failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Draw the model's diagrams each way, `--repeat` rounds, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument(
        "--ways", default=",".join(WAYS), help="all (every PNG), documents, languages"
    )
    parser.add_argument("--child", default=None)
    args = parser.parse_args()
    if args.child:
        child(args.model, args.child)
        return
    chosen = [way for way in WAYS if way in args.ways.split(",")]
    ways = [(way, None) for way in chosen]
    if args.baseline is not None:  # each way drawn by the baseline, then by this checkout
        ways = [(way, src) for way in chosen for src in (args.baseline, None)]
    print(f"{args.model}: {os.cpu_count()} cores")
    times: dict[tuple[str, bool], list[dict[str, float]]] = {}
    for round_ in range(args.repeat):
        for way, src in ways:
            load = os.getloadavg()[0]
            got = measure(args.model, way, src)
            times.setdefault((way, src is None), []).append(got)
            name = f"{way}{' baseline' if src is not None else ''}"
            print(
                f"round {round_ + 1} {name:19} wall {got['wall']:7.1f} s  CPU python "
                f"{got['python']:6.1f} s + graphviz {got['graphviz']:7.1f} s  "
                f"{got['svg']:.0f} SVG {got['png']:.0f} PNG {got['mpx']:7.1f} Mpx  load {load:.1f}",
                flush=True,
            )
    if args.baseline is not None:
        _ratios(times, chosen)


def _ratios(times: dict[tuple[str, bool], list[dict[str, float]]], ways: list[str]) -> None:
    """This checkout over the baseline per way: wall, Graphviz CPU and PNG pixels (sums)."""
    for way in ways:
        this, base = times[(way, True)], times[(way, False)]
        parts = [
            f"{key} {sum(t[key] for t in this) / sum(b[key] for b in base):.2f}x"
            for key in ("wall", "graphviz", "mpx")
            if sum(b[key] for b in base)
        ]
        print(f"{way}: this / baseline  " + "  ".join(parts))


if __name__ == "__main__":
    main()
