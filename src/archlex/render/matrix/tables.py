"""matrix.md (a table per regulation) and matrix.csv (one table, for spreadsheets)."""

from __future__ import annotations

import csv
import io

from archlex.check.coverage import CoverageFigures
from archlex.i18n import N_, Translator, translator
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
from archlex.toolkit.labels import COVERAGE_STATES

# Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without one, every
# accented letter of a Latvian name is garbled. Python reads it back with `utf-8-sig`.
BOM = "\ufeff"
MARKDOWN_COLUMNS = (
    N_("Provision"),
    N_("Obligation"),
    N_("Deadline"),
    N_("State"),
    N_("Requirements"),
    N_("Systems and components"),
    N_("Work packages"),
)
INTRODUCTION = N_(
    "Every obligation that applies to the model, from its provision to the requirements that "
    "trace it, the systems or components they are allocated to and the work packages that "
    "deliver them. The coverage state is the one `archlex check` computed."
)


def matrix_markdown(matrix: Matrix) -> str:
    """The coverage summary, the states' meanings, then one table per regulation."""
    tr = translator(matrix.language)
    title = tr.gettext("Traceability matrix: {name}").format(name=md_cell(matrix.name))
    lines = [f"# {title}", "", tr.gettext(INTRODUCTION), ""]
    lines += ["## " + tr.gettext("Coverage"), "", *_summary_table(matrix, tr), ""]
    lines += [
        f"- **{tr.label(COVERAGE_STATES, s)}**: {tr.gettext(STATE_MEANING[s])}" for s in STATES
    ]
    for part in matrix.regulations:
        lines += ["", f"## {md_cell(part.id)}: {md_cell(part.title)}", ""]
        lines += _obligation_table(part, tr)
    return "\n".join(lines) + "\n"


def _summary_table(matrix: Matrix, tr: Translator) -> list[str]:
    states = [tr.label(COVERAGE_STATES, s) for s in STATES]
    header = [tr.gettext("Regulation"), tr.gettext("Applicable"), *states]
    header += [tr.gettext("Traced"), tr.gettext("Met")]
    lines = [_table_row(header), _table_row(["---", *["---:"] * (len(header) - 1)])]
    for part in matrix.regulations:
        lines.append(_table_row([md_cell(part.id), *_figures(part.figures, tr)]))
    overall = "**" + tr.gettext("Overall") + "**"
    lines.append(_table_row([overall, *_figures(matrix.overall, tr)]))
    return lines


def _figures(figures: CoverageFigures, tr: Translator) -> list[str]:
    counts = [tr.number(figures.states[s.value]) for s in STATES]
    return [
        tr.number(figures.applicable),
        *counts,
        tr.percent(figures.percent),
        tr.percent(figures.met_percent),
    ]


def _obligation_table(part: RegulationPart, tr: Translator) -> list[str]:
    columns = [tr.gettext(c) for c in MARKDOWN_COLUMNS]
    lines = [_table_row(columns), _table_row(["---"] * len(columns))]
    return lines + [_table_row(_markdown_cells(row, tr)) for row in part.rows]


def _markdown_cells(row: MatrixRow, tr: Translator) -> list[str]:
    details = row.actor + ("" if row.verified else "; " + tr.gettext("summary unverified"))
    none = tr.gettext("none")
    return [
        md_cell(row.provision),
        f"**{md_cell(row.obligation)}**<br>{md_cell(row.summary)}<br>{md_cell(details)}",
        md_cell(row.deadline or none),
        f"**{tr.label(COVERAGE_STATES, row.state)}**",
        _markdown_items(row.requirements, none),
        _markdown_items(row.systems, none),
        _markdown_items(row.work_packages, none),
    ]


def _markdown_items(items: tuple[Item, ...], none: str) -> str:
    return md_cell("\n".join(item.text() for item in items)) if items else none


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def matrix_csv(matrix: Matrix) -> str:
    """A header row and a row per obligation; every cell quoted and safe to open in Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    tr = translator(matrix.language)
    writer.writerow([tr.gettext(column) for column in COLUMNS])
    for row in matrix.rows:
        writer.writerow([sheet_cell(cell) for cell in row_cells(row, tr)])
    return BOM + buffer.getvalue()
