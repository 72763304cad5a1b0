"""Render into a temporary folder and move it into place, so a failed render loses nothing."""

from __future__ import annotations

from pathlib import Path

from archlex.outcome import Report
from archlex.progress import QUIET, Progress
from archlex.render.registry import PRODUCTS, RenderContext, load_renderers
from archlex.toolkit.staging import MARKER, staged_output

__all__ = ["MARKER", "render_products"]


def render_products(
    report: Report,
    out: Path,
    products: list[str] | None = None,
    force: bool = False,
    progress: Progress = QUIET,
) -> list[Path]:
    """Write the products (default: all) into `out`, replacing what archlex wrote there before.

    `out` must be new, empty, or an earlier archlex output (it carries a marker file), and
    not the model's folder; `force` also allows a folder of other files, which are kept.
    """
    for product in products or []:
        PRODUCTS.get(product)  # an unknown product is an error that names the others
    renderers = load_renderers(products)
    chosen = list(renderers)

    def keep(path: str) -> bool:  # a single product keeps the others already rendered
        return bool(products) and path.split("/", 1)[0] not in chosen

    written: list[Path] = []
    with staged_output(
        out, report.project.manifest_path.parent, force, "archlex render", keep
    ) as staging:
        context = RenderContext(report, staging)
        for name in chosen:
            with progress.stage(f"Rendering the {name}"):
                written += [out / p.relative_to(staging) for p in renderers[name](context)]
    return sorted(written)
