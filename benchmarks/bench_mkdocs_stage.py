"""The mkdocs stage of `archlex build` in one process, CPU per kind of page, before and after
this session's fast paths, in one run (ratios hold on a busy machine; the load is printed).

    python benchmarks/bench_mkdocs_stage.py PROJECT [--ways mkdocs,before,after]
    python benchmarks/bench_mkdocs_stage.py --model MODEL [--drawings DIR] [--ways ...]

PROJECT is an mkdocs project `archlex build` wrote (its `mkdocs.yml` and `docs/`; e.g. a 10k
model's, one language); `--model` writes MODEL's project (its manifest's language, as of
2026-01-01) into a temporary folder first, its drawings kept in DIR (default: drawn anew).
Each way builds the whole site with one worker (the pages in this process), timing each
page's render with the CPU clock:

- `mkdocs`: every page rendered as mkdocs renders it (its Markdown instance, material's
  template, the search plugin's parser);
- `before`: archlex's pages as at the start of the session of 4 December 2026 (07:00 UTC):
  page shells, the kept Markdown instance with raw block stand-ins and the simple inline step,
  the fast search split; without the block converter (`site/page_blocks.py`);
- `main`: as main at 199f83f (4 December 2026, 13:35 UTC): the block converter without the
  raw blocks, images and inline tags it takes since (pages with `<` or `![` left to
  Python-Markdown, as that converter left them);
- `after`: as `archlex build` builds now.

The sites of all the ways are compared file by file (sitemap aside); a difference fails.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock


def main() -> None:
    """Build the project each way; print the CPU per kind of page and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path, nargs="?")
    parser.add_argument("--model", type=Path, help="write this model's project first")
    parser.add_argument("--drawings", type=Path, help="the drawings kept for --model")
    parser.add_argument("--ways", default="before,after")
    args = parser.parse_args()
    if (args.project is None) == (args.model is None):
        parser.error("give a PROJECT or --model MODEL")
    os.environ["ARCHLEX_BUILD_WORKERS"] = "1"
    ways = args.ways.split(",")
    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as work:
        if args.model is not None:
            args.project = _written(args.model, Path(work) / "project", args.drawings)
        for way in ways:
            print(f"{way}: building (load average {os.getloadavg()[0]:.2f})", flush=True)
            results[way] = _build(args.project, Path(work) / way, way)
        _compare([Path(work) / way for way in ways])
    _report(results, ways)
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


def _written(model: Path, folder: Path, drawings: Path | None) -> Path:
    """MODEL's mkdocs project written into `folder`, as `archlex build` writes it."""
    import datetime as dt

    from archlex.api import check_model
    from archlex.localized import in_language
    from archlex.site.build import write_project
    from archlex.toolkit.drawings import drawings_cached_in

    print(f"writing the project of {model} (load average {os.getloadavg()[0]:.2f})", flush=True)
    with drawings_cached_in(drawings or folder.parent / "drawings"):
        pages = write_project(in_language(check_model(model)), folder, dt.date(2026, 1, 1))
    print(f"  {pages} pages", flush=True)
    return folder


def _build(project: Path, site: Path, way: str) -> dict[str, list[float]]:
    """Build the site one way; CPU seconds and pages by kind, and the stage's whole CPU."""
    from archlex.site import mkdocs_workers
    from archlex.site.build import run_mkdocs

    per: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    render = mkdocs_workers._render_one

    def timed(job: Any, uri: str) -> Any:
        start = time.process_time()
        done = render(job, uri)
        kind = per[uri.split("/")[0] if "/" in uri else uri]
        kind[0] += 1
        kind[1] += time.process_time() - start
        return done

    with _way(way), mock.patch.object(mkdocs_workers, "_render_one", timed):
        start, wall = time.process_time(), time.perf_counter()
        run_mkdocs(project / "mkdocs.yml", site)
        whole, wall = time.process_time() - start, time.perf_counter() - wall
    pages = sum(cpu for _, cpu in per.values())
    per["(the rest: reading, tags, search index, copying)"] = [0, whole - pages]
    per["(the stage)"] = [sum(n for n, _ in per.values()), whole]
    print(f"  {way}: CPU {whole:.1f} s, wall {wall:.1f} s", flush=True)
    return dict(per)


@contextlib.contextmanager
def _way(way: str) -> Iterator[None]:
    """Switch off what the way is without."""
    from archlex.site import page_blocks, page_markdown, page_search, page_shell

    with contextlib.ExitStack() as stack:
        if way == "before":
            stack.enter_context(mock.patch.object(page_markdown, "converter_for", lambda _: None))
        if way == "main":
            convert = page_blocks.BlockConverter.convert

            def subset(self: Any, source: str, link: Any) -> Any:
                return None if "<" in source or "![" in source else convert(self, source, link)

            stack.enter_context(mock.patch.object(page_blocks.BlockConverter, "convert", subset))
        if way == "mkdocs":

            def own(self: Any, page: Any, files: Any) -> None:
                page.render(self.config, files)

            stack.enter_context(mock.patch.object(page_shell, "_shape", return_value=None))
            stack.enter_context(mock.patch.object(page_markdown.PageMarkdown, "render", own))
            enter = mock.patch.object(page_search.PageSearch, "__enter__", lambda self: self)
            stack.enter_context(enter)
        yield


def _compare(sites: list[Path]) -> None:
    """Fail unless every site is the first, file by file (the sitemap aside)."""
    first = sites[0]
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files = [f for f in files if not f.name.startswith("sitemap.xml")]
    for other in sites[1:]:
        theirs = sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
        differ = [f for f in files if (first / f).read_bytes() != (other / f).read_bytes()]
        if differ or len(theirs) != len(files) + 2:  # + sitemap.xml and sitemap.xml.gz
            raise SystemExit(f"{other.name} differs from {first.name}: {differ[:5]}")
    print(f"sites identical: {len(files)} files in each of {len(sites)}")


def _report(results: dict[str, dict[str, list[float]]], ways: list[str]) -> None:
    """A table: pages, CPU per way, ms a page, and each way's ratio to the first."""
    first = results[ways[0]]
    header = "".join(f" {way:>9} s" for way in ways)
    ratios = "".join(f" {way}/{ways[0]}" for way in ways[1:])
    print(f"{'kind':48} {'pages':>6}{header}{ratios}")
    for kind, (pages, cpu) in sorted(first.items(), key=lambda kv: -kv[1][1]):
        times = [results[way].get(kind, [0, 0.0])[1] for way in ways]
        cells = "".join(f" {seconds:11.2f}" for seconds in times)
        shares = "".join(f" {seconds / cpu:10.2f}x" if cpu else "" for seconds in times[1:])
        print(f"{kind:48} {int(pages):6}{cells}{shares}")


if __name__ == "__main__":
    main()
