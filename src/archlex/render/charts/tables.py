"""The text table beside each chart: the same numbers, each in full, and the totals."""

from __future__ import annotations

from decimal import Decimal

from archlex.i18n import Translator
from archlex.render.charts.figures import Chart
from archlex.toolkit.escape import md_cell


def chart_table(chart: Chart, tr: Translator) -> tuple[list[str], list[list[str]]]:
    """Headings and rows (Markdown-escaped), totals last in bold: a row per bar and a column
    per series, or the other way round when that makes fewer columns (a document turns a
    table of seven columns onto a landscape page)."""
    across_series = len(chart.series) <= len(chart.bars)
    keys = [(b.label, i) for i, b in enumerate(chart.bars)]
    series = [(s.label, i) for i, s in enumerate(chart.series)]
    down, across = (keys, series) if across_series else (series, keys)

    def value(row: int, column: int) -> int:
        bar, item = (row, column) if across_series else (column, row)
        return chart.bars[bar].values[item]

    total = tr.pgettext("chart", "Total")
    first = chart.head if across_series else chart.series_head
    head = [md_cell(first), *(md_cell(label) for label, _ in across), md_cell(total)]
    rows = []
    for label, row in down:
        values = [value(row, column) for _, column in across]
        rows.append([md_cell(label), *(_cell(chart, tr, v) for v in [*values, sum(values)])])
    sums = [sum(value(row, column) for _, row in down) for _, column in across]
    cells = [md_cell(total), *(_cell(chart, tr, v) for v in [*sums, sum(sums)])]
    rows.append([f"**{cell}**" for cell in cells])
    return head, rows


def _cell(chart: Chart, tr: Translator, value: int) -> str:
    """A count, or an amount to the cent without its currency (the caption names it: seven
    columns of `1 250 000,00 EUR` would not fit a portrait page)."""
    return tr.number(Decimal(value) / 100, 2) if chart.currency else tr.number(value)


def table_caption(chart: Chart, tr: Translator) -> str:
    """The table's caption: the chart's title (which names the currency) and what it is."""
    return tr.gettext("{title}: the numbers of the chart").format(title=chart.title)
