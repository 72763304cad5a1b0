"""The documents a build writes besides diagrams and pages (matrix, roadmap, charts, the
concept DOCX), at scale, this checkout beside a baseline archlex in the same round.

    python benchmarks/bench_documents.py --sizes 2800,10000 --baseline /path/to/main/src

Each round runs every size with the baseline (its `src` folder first on PYTHONPATH), then with
this checkout, each in a fresh interpreter: the matrix, the roadmap (with rsvg-convert's PNG)
and the charts as `archlex render` writes them, then the concept's Markdown and its DOCX (the
concept's own figures are not drawn: the diagrams are the other helpers' stage, and the DOCX
writer's cost is its tables). Prints each stage's wall and CPU time (the process and its
children) and whether both wrote the same concept.docx, byte for byte. The load average is
printed beside the numbers: on the shared 2-core machine read the ratios, not the seconds.
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from models import prepare_model

PRODUCTS = ("matrix", "roadmap", "charts")
HERE = Path(__file__).resolve().parent
NOTES = "\n<!-- notes: kept when the figures above are measured again -->\n"


def _cpu() -> float:
    """CPU seconds of this process and its finished children (rsvg-convert, Graphviz)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def _timed(times: dict[str, list[float]], name: str) -> Iterator[None]:
    wall, cpu = time.perf_counter(), _cpu()
    yield
    times[name] = [time.perf_counter() - wall, _cpu() - cpu]


def child(model: Path, out: Path) -> None:
    """One run in this interpreter: prints the stages' [wall, cpu] as JSON."""
    from archlex.api import check_model
    from archlex.localized import in_language
    from archlex.render.concept import product
    from archlex.render.concept.docx_writer import markdown_to_docx
    from archlex.render.concept.templates import environment
    from archlex.render.output import render_products
    from archlex.render.registry import RenderContext
    from archlex.toolkit.escape import md_cell

    times: dict[str, list[float]] = {}
    with _timed(times, "check"):
        report = check_model(model, Path.cwd(), today=dt.date(2026, 1, 1))
    for name in PRODUCTS:
        with _timed(times, name):
            render_products(report, out / name, [name])
    context = RenderContext(in_language(report), out / "concept")
    folder = context.folder("concept")
    with _timed(times, "concept text"):
        env = environment(report.project.root, context.language, md_cell)
        values = product.concept_values(context)
        fill: Callable[..., str] = product._fill
        parts = [fill(env, f"concept/{name}.md.j2", values) for name in product.SECTIONS]
        text = "\n".join(part.strip("\n") + "\n" for part in parts)
    with _timed(times, "concept docx"):
        settings = product.docx_settings(context, values["document"])
        markdown_to_docx(text, folder, folder / "concept.docx", settings)
    print(json.dumps(times))


def run(model: Path, src: Path | None, out: Path) -> dict[str, list[float]]:
    """One run in a fresh interpreter, with `src` first on PYTHONPATH when given."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    command = [sys.executable, __file__, "--child", str(model), str(out)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    times: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return times


def main() -> None:
    """Every size, baseline then this checkout, `--repeat` rounds; writes RESULTS-documents.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2800,10000")
    parser.add_argument("--baseline", type=Path, default=None, help="a baseline's src folder")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    lines: list[str] = []
    for size in (int(s) for s in args.sizes.split(",")):
        for round_ in range(args.repeat):
            lines += one_round(size, round_, args.baseline)
    results = HERE / "RESULTS-documents.md"
    notes = results.read_text(encoding="utf-8").partition(NOTES)[2] if results.is_file() else ""
    command = " ".join(["python benchmarks/bench_documents.py", *sys.argv[1:]])
    text = [
        "# Benchmark: the documents of a site build at scale",
        "",
        f"`{command}` on {dt.date.today()} ({os.cpu_count()} cores); each stage's wall and CPU",
        "seconds (CPU: the process and its children, e.g. rsvg-convert), baseline then this",
        "checkout in the same round:",
        "",
        "```",
        *lines,
        "```",
    ]
    results.write_text("\n".join(text) + "\n" + NOTES + notes, encoding="utf-8")


def one_round(size: int, round_: int, baseline: Path | None) -> list[str]:
    """One round at one size: both sides' stage times (printed as they come)."""
    sides = [("baseline", baseline), ("this", None)] if baseline else [("this", None)]
    model = prepare_model(size).folder
    lines = [f"{size} entities, round {round_ + 1}, load {os.getloadavg()[0]:.2f}"]
    print(lines[-1], flush=True)
    with tempfile.TemporaryDirectory() as work:
        outs = {name: Path(work) / name for name, _ in sides}
        for name, src in sides:
            times = run(model, src, outs[name])
            cells = "  ".join(f"{k} {w:.2f}/{c:.2f}" for k, (w, c) in times.items())
            lines.append(f"  {name:8} wall/cpu s: {cells}")
            print(lines[-1], flush=True)
        if baseline:
            docx = [(outs[n] / "concept" / "concept" / "concept.docx").read_bytes()
                    for n, _ in sides]  # fmt: skip
            lines.append(f"  concept.docx byte-identical: {docx[0] == docx[1]}")
    lines.append(f"  load at the end {os.getloadavg()[0]:.2f}")
    print("\n".join(lines[-2:]), flush=True)
    return lines


if __name__ == "__main__":
    main()
