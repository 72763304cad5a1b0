"""The stage "Generating the pages" alone: its time, and a digest of every page it writes.

Not the benchmark (bench_site_scale.py is): the check that a faster page generator writes the
same Markdown, byte for byte, as an earlier one, and the time of each.

    python benchmarks/pages_digest.py MODEL --docs DIR --baseline SRC [--repeat N]
    python benchmarks/pages_digest.py MODEL --docs DIR [--digest FILE] [--repeat N] [--profile]
    PYTHONPATH=/path/to/baseline/src python benchmarks/pages_digest.py MODEL --docs DIR ...
    python benchmarks/pages_digest.py --compare A.json B.json

The products (diagrams, matrix, roadmap; not the DOCX) are written into DIR/docs once, as
`archlex build` writes them (`write_project`), and kept there: later runs, by this archlex or
a baseline's, generate the pages from the same files. Prints the load and the stage's wall and
CPU time (best of `--repeat`); `--digest` writes the SHA-256 of every page (the generated ones
and the products' pages as the site shows them) to a JSON file; `--compare` lists the pages
that differ between two digests (exit code 1 if any). With `--baseline SRC` (a checkout's
`src`, its `model/` beside it for the bundled library), each round runs the baseline and this
archlex, each in a fresh interpreter, prints their times and the ratio, and compares every
page of the two (exit code 1 if any differs).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AS_OF = dt.date(2026, 1, 1)


def main() -> None:
    """Generate the pages (products first if not yet written); print the times."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path, nargs="?")
    parser.add_argument("--docs", type=Path, help="where the products are kept")
    parser.add_argument("--digest", type=Path, help="write the pages' SHA-256 here")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--compare", type=Path, nargs=2)
    parser.add_argument("--baseline", type=Path, help="a baseline's src folder")
    args = parser.parse_args()
    if args.compare:
        sys.exit(_compare(*args.compare))
    if args.baseline:
        sys.exit(_rounds(args.model, args.docs, args.baseline, args.repeat))
    from archlex.api import check_model
    from archlex.localized import in_language

    report = in_language(check_model(args.model, Path.cwd(), today=AS_OF))
    docs = args.docs / "docs"
    if not docs.exists():
        _write_products(report, docs)
    pages, best = _generate(report, docs, args.repeat, args.profile)
    load = os.getloadavg()[0]
    print(f"{best[0]:8.2f} s wall {best[1]:8.2f} s CPU  {len(pages)} pages; load {load:.2f}")
    if args.digest:
        digest = {p: hashlib.sha256(t.encode()).hexdigest() for p, t in sorted(pages.items())}
        args.digest.write_text(json.dumps(digest, indent=0), encoding="utf-8")


def _write_products(report: object, docs: Path) -> None:
    """The products as `write_project` writes them, without the concept's DOCX."""
    from archlex.render.concept.product import DOCX_LATER, DOCX_SETTING
    from archlex.render.diagrams.product import PNG_DOCUMENTS, PNG_SETTING
    from archlex.render.output import render_products

    settings = {PNG_SETTING: PNG_DOCUMENTS, DOCX_SETTING: DOCX_LATER}
    render_products(report, docs, settings=settings)  # type: ignore[arg-type]


def _generate(
    report: object, docs: Path, repeat: int, profile: bool
) -> tuple[dict[str, str], tuple[float, float]]:
    """Every page (generated and products'), and the best wall and CPU time of `repeat` runs."""
    from archlex.i18n import translator
    from archlex.site.build import CONCEPT_DOCX
    from archlex.site.links import SiteMap
    from archlex.site.pages import PRODUCT_PAGES, product_index, product_page, site_pages

    assets = frozenset(
        p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*")) if p.is_file()
    ) | {CONCEPT_DOCX}
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        profiler = cProfile.Profile() if profile else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        pages = site_pages(report, AS_OF, assets, docs)  # type: ignore[arg-type]
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    model = report.model  # type: ignore[attr-defined]
    site, tr = SiteMap.build(model), translator(model.manifest.language)
    for path in PRODUCT_PAGES:
        if path in assets:
            original = (docs / path).read_text(encoding="utf-8")
            pages[product_index(path)] = product_page(path, original, assets, site, tr)
    return pages, best


def _rounds(model: Path, docs: Path, baseline: Path, repeat: int) -> int:
    """Each round the baseline, then this archlex, in fresh interpreters; the times, the ratio
    of the best CPU times, and whether every page is the same."""
    folder = Path(tempfile.mkdtemp(prefix="pages-digest-"))
    if not (docs / "docs").exists():  # the products, written once, not timed
        _run(model, docs, folder / "products.json", None)
    times: dict[str, list[tuple[float, float]]] = {"baseline": [], "this": []}
    for number in range(1, repeat + 1):
        for name, src in (("baseline", baseline), ("this", None)):
            wall, cpu, load = _run(model, docs, folder / f"{name}.json", src)
            times[name].append((wall, cpu))
            print(f"round {number} {name:8}  {wall:7.2f} s wall {cpu:7.2f} s CPU  load {load}")
    base, this = (min(t[1] for t in times[name]) for name in ("baseline", "this"))
    print(f"best CPU: baseline {base:.2f} s, this {this:.2f} s: {base / this:.2f}x")
    return _compare(folder / "baseline.json", folder / "this.json")


def _run(model: Path, docs: Path, digest: Path, src: Path | None) -> tuple[float, float, str]:
    """One generation in a fresh interpreter (`src` first on the path): wall, CPU, load."""
    env = {**os.environ, "PYTHONPATH": str(src.resolve())} if src else dict(os.environ)
    command = [sys.executable, __file__, str(model), "--docs", str(docs), "--digest", str(digest)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    words = done.stdout.split()
    return float(words[0]), float(words[3]), words[-1]


def _compare(first: Path, second: Path) -> int:
    """Print the pages that differ or are only in one digest; 1 if any."""
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    differ = sorted(p for p in a.keys() | b.keys() if a.get(p) != b.get(p))
    for path in differ[:50]:
        print(f"differs: {path}")
    print(f"{len(a)} and {len(b)} pages, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    main()
