"""The charts of the home page: each picture the charts product drew, with the table of its
numbers under it (the coverage chart's numbers are already in the coverage table)."""

from __future__ import annotations

from dataclasses import dataclass, field

from archlex.render.charts.figures import Chart, all_charts
from archlex.render.charts.tables import chart_table, table_caption
from archlex.site.context import SiteContext
from archlex.site.markdown import heading
from archlex.toolkit.escape import md_cell


@dataclass
class HomeCharts:
    """The Markdown blocks the home page puts under its headings."""

    coverage: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    budget: list[str] = field(default_factory=list)


def home_charts(context: SiteContext) -> HomeCharts:
    """The coverage picture, the findings chart and table, and a Budget section of a chart
    and table per currency (empty when the model has no cost)."""
    found = HomeCharts()
    for chart in all_charts(context.report, context.tr):
        if chart.name == "coverage":
            found.coverage = _picture(context, chart)
        elif chart.name == "findings":
            found.findings = [*_picture(context, chart), _table(context, chart)]
        else:
            found.budget += [*_picture(context, chart), _table(context, chart)]
    if found.budget:
        found.budget.insert(0, heading(2, context.tr._("Budget")))
    return found


def _picture(context: SiteContext, chart: Chart) -> list[str]:
    """The chart, linked to its SVG (on a phone a reader taps it to read it at full size)."""
    path = f"charts/{chart.name}.svg"
    return [f"[![{md_cell(chart.title)}]({path})]({path})"] if path in context.assets else []


def _table(context: SiteContext, chart: Chart) -> str:
    """The caption in italics, then the table with its numbers aligned on the right."""
    head, rows = chart_table(chart, context.tr)
    lines = [
        "| " + " | ".join(head) + " |",
        "| --- | " + " | ".join("---:" for _ in head[1:]) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return f"*{md_cell(table_caption(chart, context.tr))}*\n\n" + "\n".join(lines)
