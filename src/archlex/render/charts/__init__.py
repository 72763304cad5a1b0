"""The charts product: coverage, findings and budget as accessible stacked bar charts."""

from archlex.render.charts.product import render_charts

__all__ = ["render_charts"]
