"""The charts product: coverage per regulation, open findings by rule and the budget by year
and funding source, as SVG (and PNG for documents when rsvg-convert is installed).

Written directly as SVG rather than with a plotting library: the charts are three stacked bar
charts, and archlex's own writer starts in no time, installs nothing, keeps text as text in the
output language, and gives the same bytes for the same model (matplotlib would add about 40 MB,
half a second of import and a hash salt and date to pin).
"""

from __future__ import annotations

from pathlib import Path

from archlex.files import write_text_atomic
from archlex.i18n import translator
from archlex.render.charts.figures import all_charts
from archlex.render.charts.svg import chart_svg
from archlex.render.registry import RenderContext, renderer
from archlex.render.roadmap.gantt import write_png

# Twice the SVG's pixels: the DOCX places a chart at about its drawn size, and print wants
# about 200 dots an inch.
PNG_ZOOM = 2.0


@renderer("charts", order=35)
def render_charts(context: RenderContext) -> list[Path]:
    """`<name>.svg` and `<name>.png` for every chart the model has numbers for."""
    folder = context.folder("charts")
    written = []
    for chart in all_charts(context.report, translator(context.language)):
        svg = folder / f"{chart.name}.svg"
        write_text_atomic(svg, chart_svg(chart, translator(context.language)))
        written.append(svg)
        if write_png(svg, svg.with_suffix(".png"), zoom=PNG_ZOOM):
            written.append(svg.with_suffix(".png"))
    return written
