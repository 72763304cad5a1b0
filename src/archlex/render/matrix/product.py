"""The traceability matrix: provision -> obligation -> requirement -> system -> work package.

One row per applicable obligation with the coverage state `check` computed, its requirements,
systems or components and work packages listed in the row; written as a standalone HTML page,
Markdown, CSV (for spreadsheets) and XLSX. The rows are built in `matrix_rows`, each file by
its own module.
"""

from __future__ import annotations

from pathlib import Path

from archlex.errors import ArchlexError
from archlex.files import write_text_atomic
from archlex.render.matrix.html import matrix_html
from archlex.render.matrix.rows import build_matrix
from archlex.render.matrix.tables import matrix_csv, matrix_markdown
from archlex.render.matrix.xlsx import write_matrix_xlsx
from archlex.render.registry import RenderContext, renderer

XLSX = "matrix.xlsx"


@renderer("matrix", order=20)
def render_matrix(context: RenderContext) -> list[Path]:
    """Write matrix.html, matrix.md, matrix.csv and matrix.xlsx; return their paths."""
    if context.report.coverage is None:
        raise ArchlexError("the matrix needs a checked model", "render after `archlex check`")
    matrix = build_matrix(context.report.model, context.report.coverage)
    folder = context.folder("matrix")
    texts = {
        "matrix.html": matrix_html(matrix),
        "matrix.md": matrix_markdown(matrix),
        "matrix.csv": matrix_csv(matrix),
    }
    for name, text in texts.items():
        write_text_atomic(folder / name, text)
    write_matrix_xlsx(matrix, folder / XLSX)
    return sorted([folder / name for name in texts] + [folder / XLSX])
