"""The roadmap product; importing it registers `render_roadmap` (see archlex.render.registry)."""

from archlex.render.roadmap.product import render_roadmap

__all__ = ["render_roadmap"]
