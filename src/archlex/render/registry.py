"""The registry of products: each registers one function with `@renderer(name)`.

The function writes under `context.out / name` and returns the files it wrote;
`archlex.render.output.render_products` writes every product into a fresh temporary folder and
moves it into place only when all succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archlex.outcome import Report


@dataclass(frozen=True)
class RenderContext:
    """What a renderer reads (the checked report) and the folder it writes into."""

    report: Report
    out: Path

    @property
    def language(self) -> str:
        """The language of generated documents (the manifest's `language`)."""
        return self.report.model.manifest.language

    def folder(self, product: str) -> Path:
        """The product's own folder inside the output, created on first use."""
        folder = self.out / product
        folder.mkdir(parents=True, exist_ok=True)
        return folder


Renderer = Callable[[RenderContext], list[Path]]
# In the order they run: the concept document embeds what the others drew.
RENDERERS: dict[str, Renderer] = {}
PRODUCTS = ("diagrams", "matrix", "roadmap", "concept")


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Register the function that renders one product."""

    def register(function: Renderer) -> Renderer:
        RENDERERS[name] = function
        return function

    return register


def load_renderers(products: list[str] | None = None) -> dict[str, Renderer]:
    """The renderers of these products (default: all), in the order they run; importing a
    product's module registers it."""
    import importlib

    for product in products or PRODUCTS:
        try:
            importlib.import_module(f"archlex.render.{product}")
        except ModuleNotFoundError as error:
            if error.name != f"archlex.render.{product}":
                raise
    wanted = products or PRODUCTS
    return {name: RENDERERS[name] for name in PRODUCTS if name in RENDERERS and name in wanted}
