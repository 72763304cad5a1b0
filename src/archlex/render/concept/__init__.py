"""The concept product; importing it registers `render_concept` (see archlex.render.registry)."""

from archlex.render.concept.product import render_concept

__all__ = ["render_concept"]
