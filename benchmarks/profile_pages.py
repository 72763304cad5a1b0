"""Where a page's time goes in mkdocs' part of the build, per page, at one size or another.

Not the benchmark (bench_site_scale.py is): a look used while making the pages scale.

    python benchmarks/profile_pages.py MODEL [--sample N] [--profile] [--folder F]
    python benchmarks/profile_pages.py - --project DIR [--build]

Writes the mkdocs project of the model (one language, without the diagrams and the concept,
so that a 10k model takes a minute rather than half an hour; with `--keep DIR` it stays there
for `--project DIR`), reads every page as the build does,
then renders a sample of the pages of each folder in this process and prints the CPU time per
page of each step: Markdown, the theme as mkdocs renders it (material's template) and the theme
as archlex writes it (`site/page_shell.py`: a shell per shape, filled; the same HTML, checked
here page by page); with `--profile`, the functions that took the most time.
`--build` builds a kept project whole as `archlex build` does, once with every page rendered
as mkdocs renders it and once as archlex does (page shells, one Python-Markdown instance, the
search entries from the fast split): wall and CPU time of each, the two sites compared file by
file.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import os
import pstats
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

from archlex.api import check_model
from archlex.outcome import Report
from archlex.render.output import render_products
from archlex.site import build

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def main() -> None:
    """Write the project, read it, render a sample per folder; print the times."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--sample", type=int, default=60, help="pages per folder")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--folder", help="only the pages of this folder (e.g. requirements)")
    parser.add_argument("--keep", type=Path, help="write the project here and keep it")
    parser.add_argument("--build", action="store_true", help="build the whole project")
    parser.add_argument("--project", type=Path, help="an mkdocs project already written")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}")
    if args.project and args.build:
        _build(args.project)
        return
    if args.project:
        project = args.project
        _measure(project / "mkdocs.yml", project / "site", args.sample, args.profile, args.folder)
        return
    day = dt.date(2026, 1, 1)
    report = check_model(args.model, Path.cwd(), today=day)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        start = time.process_time()
        with mock.patch.object(build, "render_products", _cheap_products):
            count = build.write_project(report, work, day)
        print(f"{time.process_time() - start:8.2f} s  generating and writing {count} pages")
        _measure(work / "mkdocs.yml", work / "site", args.sample, args.profile, args.folder)
    print(f"load average {os.getloadavg()[0]:.2f}")


def _cheap_products(report: Report, out: Path, **_: object) -> list[Path]:
    """The products but the diagrams and the concept (a one-line concept page instead)."""
    written = render_products(report, out, ["matrix", "roadmap", "charts"])
    (out / "concept").mkdir(exist_ok=True)
    (out / "concept" / "concept.md").write_text("# Concept\n\nNot rendered here.\n")
    return written


def _build(project: Path) -> None:
    """Build the whole kept project as `archlex build` does, with every page rendered as mkdocs
    renders it (Markdown instance, template, search plugin's parser) and as archlex does now,
    one after the other; print wall and CPU time of each and compare the two sites."""
    from archlex.site.build import run_mkdocs

    with tempfile.TemporaryDirectory() as work:
        for way in ("mkdocs", "archlex"):
            with _as_mkdocs() if way == "mkdocs" else contextlib.nullcontext():
                wall, cpu = time.perf_counter(), _cpu()
                run_mkdocs(project / "mkdocs.yml", Path(work) / way)
                wall, cpu = time.perf_counter() - wall, _cpu() - cpu
            load = os.getloadavg()[0]
            print(f"{wall:8.2f} s  pages as {way} renders them (CPU {cpu:.2f} s; load {load:.1f})")
        one, two = Path(work) / "mkdocs", Path(work) / "archlex"
        files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
        differ = [f for f in files if (one / f).read_bytes() != (two / f).read_bytes()]
        print(f"{len(files)} files, {len(differ)} different {differ[:5]}")


@contextlib.contextmanager
def _as_mkdocs() -> Iterator[None]:
    """Pages rendered as mkdocs renders them: no shells, no kept Markdown instance, the search
    plugin's own parser."""
    from archlex.site import page_markdown, page_search, page_shell

    def own_render(self: Any, page: Page, files: Files) -> None:
        page.render(self.config, files)

    with (
        mock.patch.object(page_shell, "_shape", return_value=None),
        mock.patch.object(page_markdown.PageMarkdown, "render", own_render),
        mock.patch.object(page_search.PageSearch, "__enter__", lambda self: self),
    ):
        yield


def _cpu() -> float:
    """CPU time of this process and its finished children."""
    usage = os.times()
    return usage.user + usage.system + usage.children_user + usage.children_system


def _measure(
    config_file: Path, site: Path, sample: int, profile: bool, only: str | None = None
) -> None:
    """Read every page, then render `sample` pages of each folder, timing each step."""
    from mkdocs.config import load_config

    from archlex.site.mkdocs_build import _read_pages

    config = load_config(str(config_file), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    start = time.process_time()
    files, nav, _, _ = _read_pages(config, None)
    pages = files.documentation_pages()
    read = time.process_time() - start
    print(f"{read:8.2f} s  reading {len(pages)} pages ({1000 * read / len(pages):.2f} ms a page)")
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    by_folder: dict[str, list[Page]] = defaultdict(list)
    for file in pages:
        if file.page is not None and file.page.content is None:
            folder, _, name = file.src_uri.rpartition("/")
            by_folder[f"{folder}/{name}" if name == "index.md" else folder].append(file.page)
    profiler = cProfile.Profile() if profile else None
    print("  CPU ms a page: Markdown (mkdocs / kept instance), theme (template / shell)")
    for folder, chosen in sorted(by_folder.items(), key=lambda kv: -len(kv[1])):
        if not only or folder == only:
            times = _render(chosen[:sample], (config, files, nav, env), profiler)
            n = min(sample, len(chosen))
            size = sum(len(page.markdown or "") for page in chosen[:sample]) // n
            each = "{:7.2f} / {:6.2f}, {:7.2f} / {:6.2f}".format(*(1000 * t / n for t in times))
            print(f"  {folder or '.':24} {len(chosen):6} pages of {size:6} chars: {each}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)


def _render(
    pages: list[Page], build: tuple[Any, Files, Any, Any], profiler: cProfile.Profile | None
) -> list[float]:
    """CPU time of the pages' Markdown (new instance, kept), theme (template, shell)."""
    from mkdocs.commands.build import _build_page

    from archlex.site.page_markdown import PageMarkdown
    from archlex.site.page_search import PageSearch
    from archlex.site.page_shell import PageShells, write_page

    config, files, nav, env = build
    documentation = files.documentation_pages()
    shells, kept, search = PageShells(config), PageMarkdown(config), PageSearch(config)
    times = [0.0, 0.0, 0.0, 0.0]
    for page in pages:
        config._current_page = page
        if profiler:
            profiler.enable()
        clock = [time.process_time()]
        page.render(config, files)
        clock.append(time.process_time())
        kept.render(page, files)
        page.content = config.plugins.on_page_content(
            page.content or "", page=page, config=config, files=files
        )
        clock.append(time.process_time())
        content = page.content
        _build_page(page, config, documentation, nav, env)
        clock.append(time.process_time())
        assert page.file.abs_dest_path is not None
        expected = Path(page.file.abs_dest_path).read_bytes()
        page.content = content
        with search:
            write_page(page, config, documentation, nav, env, shells)
        clock.append(time.process_time())
        if profiler:
            profiler.disable()
        assert Path(page.file.abs_dest_path).read_bytes() == expected, page.file.src_uri
        times = [total + b - a for total, a, b in zip(times, clock, clock[1:], strict=False)]
    return times


if __name__ == "__main__":
    main()
