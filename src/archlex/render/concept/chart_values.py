"""The charts the concept's summary shows: each picture the charts product drew, its caption,
and the table of its numbers beside it."""

from __future__ import annotations

from typing import Any

from archlex.i18n import translator
from archlex.render.charts.figures import all_charts
from archlex.render.charts.tables import chart_table, table_caption
from archlex.render.registry import RenderContext


def chart_values(context: RenderContext) -> list[dict[str, Any]]:
    """Per chart: the caption, the PNG relative to the concept folder (None when not drawn),
    the table's headings, rows and caption."""
    tr = translator(context.language)
    values = []
    for chart in all_charts(context.report, tr):
        image = f"charts/{chart.name}.png"
        head, rows = chart_table(chart, tr)
        values.append(
            {
                "caption": chart.title,
                "image": f"../{image}" if (context.out / image).is_file() else None,
                "head": head,
                "rows": rows,
                "table_caption": table_caption(chart, tr),
            }
        )
    return values
