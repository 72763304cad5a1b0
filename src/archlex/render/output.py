"""Render into a temporary folder and move it into place, so a failed render loses nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from archlex.errors import ArchlexError
from archlex.outcome import Report
from archlex.progress import QUIET, Progress
from archlex.render import PRODUCTS, RenderContext, load_renderers

MARKER = ".archlex-output"


def render_products(
    report: Report, out: Path, products: list[str] | None = None, progress: Progress = QUIET
) -> list[Path]:
    """Write the products (default: all) into `out`, replacing what archlex wrote there before.

    `out` must be new, empty, or an earlier archlex output (it carries a marker file): archlex
    never replaces a folder of someone else's files.
    """
    unknown = [p for p in products or [] if p not in PRODUCTS]
    if unknown:
        raise ArchlexError(f"no product {', '.join(unknown)}", "products: " + ", ".join(PRODUCTS))
    renderers = load_renderers(products)
    chosen = list(renderers)
    if products and set(chosen) != set(products):
        raise ArchlexError(f"no renderer registered for {', '.join(set(products) - set(chosen))}")
    _check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; the output is for readers
    try:
        if out.exists() and products:  # a single product keeps the others already rendered
            shutil.copytree(out, staging, dirs_exist_ok=True)
        context = RenderContext(report, staging)
        written: list[Path] = []
        for name in chosen:
            shutil.rmtree(staging / name, ignore_errors=True)
            with progress.stage(f"Rendering the {name}"):
                written += renderers[name](context)
        (staging / MARKER).write_text("Written by archlex render; replaced on every render.\n")
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(out / p.relative_to(staging) for p in written)


def _check_replaceable(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ArchlexError(f"{out} is a file, not a folder", "choose another --out folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ArchlexError(
            f"{out} holds files that archlex did not write", "choose a new or empty --out folder"
        )


def _swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames; the old output is deleted last."""
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
