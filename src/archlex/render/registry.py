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
from archlex.registry import Registry


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
# Run in `order`: the concept document embeds what the others drew, so it comes last.
PRODUCTS: Registry[Renderer] = Registry("product", "archlex.render")
RENDERERS = PRODUCTS.entries


def renderer(name: str, order: int) -> Callable[[Renderer], Renderer]:
    """Register the function that renders one product (`order`: when it runs)."""
    return PRODUCTS.register(name, order)


def product_names() -> list[str]:
    """Every product, in the order they run."""
    return PRODUCTS.names()


def load_renderers(products: list[str] | None = None) -> dict[str, Renderer]:
    """The renderers of these products (default: all), in the order they run."""
    every = PRODUCTS.load()
    return {name: every[name] for name in every if not products or name in products}
