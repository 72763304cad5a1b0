"""matrix.md (a table per regulation) and matrix.csv (one table, for spreadsheets)."""

from __future__ import annotations

import csv
import io

from archlex.check.coverage import CoverageFigures
from archlex.render.matrix.rows import (
    COLUMNS,
    STATE_MEANING,
    STATES,
    Item,
    Matrix,
    MatrixRow,
    RegulationPart,
    row_cells,
)
from archlex.toolkit.escape import md_cell, sheet_cell

# Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without one, every
# accented letter of a Latvian name is garbled. Python reads it back with `utf-8-sig`.
BOM = "\ufeff"
MARKDOWN_COLUMNS = (
    "Provision",
    "Obligation",
    "Deadline",
    "State",
    "Requirements",
    "Systems and components",
    "Work packages",
)
INTRODUCTION = (
    "Every obligation that applies to the model, from its provision to the requirements that "
    "trace it, the systems or components they are allocated to and the work packages that "
    "deliver them. The coverage state is the one `archlex check` computed."
)


def matrix_markdown(matrix: Matrix) -> str:
    """The coverage summary, the states' meanings, then one table per regulation."""
    lines = [f"# Traceability matrix: {md_cell(matrix.name)}", "", INTRODUCTION, ""]
    lines += ["## Coverage", "", *_summary_table(matrix), ""]
    lines += [f"- **{s.value}**: {STATE_MEANING[s]}" for s in STATES]
    for part in matrix.regulations:
        lines += ["", f"## {md_cell(part.id)}: {md_cell(part.title)}", ""]
        lines += _obligation_table(part)
    return "\n".join(lines) + "\n"


def _summary_table(matrix: Matrix) -> list[str]:
    header = ["Regulation", "Applicable", *(s.value for s in STATES), "Traced", "Met"]
    lines = [_table_row(header), _table_row(["---", *["---:"] * (len(header) - 1)])]
    for part in matrix.regulations:
        lines.append(_table_row([md_cell(part.id), *_figures(part.figures)]))
    lines.append(_table_row(["**Overall**", *_figures(matrix.overall)]))
    return lines


def _figures(figures: CoverageFigures) -> list[str]:
    counts = [str(figures.states[s.value]) for s in STATES]
    return [
        str(figures.applicable),
        *counts,
        f"{figures.percent:.1f} %",
        f"{figures.met_percent:.1f} %",
    ]


def _obligation_table(part: RegulationPart) -> list[str]:
    lines = [_table_row(list(MARKDOWN_COLUMNS)), _table_row(["---"] * len(MARKDOWN_COLUMNS))]
    return lines + [_table_row(_markdown_cells(row)) for row in part.rows]


def _markdown_cells(row: MatrixRow) -> list[str]:
    details = row.actor + ("" if row.verified else "; summary unverified")
    return [
        md_cell(row.provision),
        f"**{md_cell(row.obligation)}**<br>{md_cell(row.summary)}<br>{md_cell(details)}",
        md_cell(row.deadline or "none"),
        f"**{row.state.value}**",
        _markdown_items(row.requirements),
        _markdown_items(row.systems),
        _markdown_items(row.work_packages),
    ]


def _markdown_items(items: tuple[Item, ...]) -> str:
    return md_cell("\n".join(item.text() for item in items)) if items else "none"


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def matrix_csv(matrix: Matrix) -> str:
    """A header row and a row per obligation; every cell quoted and safe to open in Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in matrix.rows:
        writer.writerow([sheet_cell(cell) for cell in row_cells(row)])
    return BOM + buffer.getvalue()
