"""The products written from a checked model: diagrams, matrix, roadmap, charts, concept.

Each product is a subpackage whose `product` module registers one function with
`@renderer(name)` (archlex.render.registry); `archlex.render.output` writes them together.
"""

from archlex.render.registry import (
    PRODUCTS,
    RENDERERS,
    RenderContext,
    Renderer,
    load_renderers,
    product_names,
    renderer,
)

__all__ = [
    "PRODUCTS",
    "RENDERERS",
    "RenderContext",
    "Renderer",
    "load_renderers",
    "product_names",
    "renderer",
]
