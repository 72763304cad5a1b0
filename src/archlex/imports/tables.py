"""Reading XLSX workbooks and CSV files as tables, refusing what is not what it claims.

Before openpyxl opens a workbook: a size cap, the zip's own checks (a workbook's parts, the
unpacked size, the compression ratio of a zip bomb). A part declaring a DTD or
entities (XXE, billion laughs) is refused before any XML parser sees it; openpyxl then parses
with defusedxml (installed with archlex) as a second line.
A formula cell is refused: archlex imports values, and a formula's value is whatever the
spreadsheet last computed. A sheet over `max_rows` rows is refused before it is read whole.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from archlex.errors import ArchlexError
from archlex.imports.rows import Table, column_letter

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed of one part; spreadsheets reach 10-30
MAX_COLUMNS = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and password-protected .xlsx)
ZIP_MAGIC = b"PK\x03\x04"
# What Excel would run as a formula in a CSV cell; archlex's own CSV quotes such cells with
# a leading `'`, which is dropped on import.
FORMULA_START = "="
QUOTED_TRIGGERS = ("'=", "'+", "'-", "'@", "'\t", "'\r", "'\n")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refused when missing or over the size cap."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArchlexError(
                f"{path}: {size} bytes, over the {MAX_FILE_BYTES} an import reads",
                "split the file",
            )
        return path.read_bytes()
    except OSError as error:
        raise ArchlexError(f"cannot read {path}: {error.strerror}") from error


def open_workbook(path: Path, max_rows: int = 20_000) -> Any:
    """The workbook, read-only, after the checks that it is one, no bomb, and no sheet over
    `max_rows` rows (counted in the sheets' XML: openpyxl would read a whole sheet first)."""
    raw = read_bytes(path)
    if raw.startswith(OLE_MAGIC):
        raise ArchlexError(
            f"{path}: an old binary Excel file (.xls) or an encrypted workbook, not XLSX",
            "save it as an Excel Workbook (.xlsx) without a password",
        )
    if not raw.startswith(ZIP_MAGIC):
        raise ArchlexError(
            f"{path}: not an XLSX workbook (an XLSX file is a zip archive)",
            "for a CSV file use `archlex import csv`",
        )
    _check_zip(path, raw, max_rows)
    import openpyxl
    from defusedxml import DefusedXmlException

    try:
        return openpyxl.load_workbook(
            io.BytesIO(raw), read_only=True, data_only=False, keep_links=False
        )
    except DefusedXmlException as error:
        raise ArchlexError(
            f"{path}: the workbook's XML declares a DTD or entities ({type(error).__name__}); "
            "archlex refuses them",
            "save the sheet again from a spreadsheet program",
        ) from error
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ArchlexError(f"{path}: not a readable XLSX workbook: {error}") from error


def _check_zip(path: Path, raw: bytes, max_rows: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ArchlexError(f"{path}: a damaged zip archive, not an XLSX workbook") from error
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise ArchlexError(
            f"{path}: a zip archive without a workbook (no xl/workbook.xml): not an XLSX file"
        )
    unpacked = sum(info.file_size for info in infos)
    ratios = [info.file_size / max(info.compress_size, 1) for info in infos]
    if unpacked > MAX_UNPACKED_BYTES or max(ratios, default=0) > MAX_RATIO:
        raise ArchlexError(
            f"{path}: unpacks to {unpacked} bytes (ratio {max(ratios):.0f}): a zip bomb, "
            "not a spreadsheet"
        )
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            data = archive.read(info)
            _refuse_doctype(path, info.filename, data)
            if info.filename.startswith("xl/worksheets/"):
                _refuse_long_sheet(path, info.filename, data, max_rows)


def _refuse_long_sheet(path: Path, part: str, data: bytes, max_rows: int) -> None:
    rows = data.count(b"<row ") + data.count(b"<row>")
    if rows > max_rows + 1:  # the header row comes on top
        raise ArchlexError(
            f"{path}: {part} holds {rows} rows, more than {max_rows} rows; an import reads "
            "at most that many",
            "split the sheet, or raise the limit with --max-rows",
        )


def _refuse_doctype(path: Path, part: str, data: bytes) -> None:
    """A workbook part with a DTD (entities, XXE, billion laughs) is refused before parsing:
    Excel never writes one. UTF-16 parts are refused too, since the search reads bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ArchlexError(
            f"{path}: part {part} declares a DTD or entities (or is UTF-16); archlex refuses "
            "XML entities in a workbook",
            "save the sheet again from a spreadsheet program",
        )


def sheet_table(workbook: Any, sheet: str, path: Path, max_rows: int) -> Table:
    """A sheet's first row as the header and the rows after it; formulas refused."""
    worksheet = workbook[sheet]
    name = f"{path.name}: sheet {sheet}"
    rows: list[tuple[int, list[Any]]] = []
    header: list[str] | None = None
    for number, row in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if number > max_rows + 1:
            raise ArchlexError(
                f"{name}: more than {max_rows} rows; an import reads at most that many",
                "split the sheet, or raise the limit with --max-rows",
            )
        values = [_cell_value(cell, name, number, column) for column, cell in enumerate(row)]
        if header is None:
            header = ["" if v is None else str(v).strip() for v in values]
        else:
            rows.append((number, values))
    return Table(name, header or [], rows)


def _cell_value(cell: Any, name: str, row: int, column: int) -> Any:
    if getattr(cell, "data_type", None) == "f":
        raise ArchlexError(
            f"{name}, row {row}, column {column_letter(column)}: a formula "
            f"({str(cell.value)[:60]!r}); archlex imports values only",
            "replace the formula by its value (copy, paste as values)",
        )
    return getattr(cell, "value", None)


def find_sheet(workbook: Any, wanted: Any, kind: str, path: Path) -> str:
    """The sheet to read: the mapping's, else the one named like the kind, else the first."""
    names: list[str] = list(workbook.sheetnames)
    if wanted is not None:
        if wanted not in names:
            raise ArchlexError(f"{path}: no sheet {wanted!r} (sheets: {', '.join(names)})")
        return str(wanted)
    by_name = {n.casefold(): n for n in names}
    return by_name.get(kind.casefold(), names[0])


def csv_table(path: Path, max_rows: int) -> Table:
    """A CSV file (UTF-8, `,` `;` or tab separated) as a table; formulas refused."""
    raw = read_bytes(path)
    if raw.startswith(ZIP_MAGIC) or raw.startswith(OLE_MAGIC) or b"\x00" in raw[:4096]:
        raise ArchlexError(
            f"{path}: binary data, not a CSV text file (a workbook?)",
            "for an XLSX workbook use `archlex import xlsx`",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArchlexError(
            f"{path}: not UTF-8 text (byte {error.start})", "save it as CSV UTF-8"
        ) from error
    dialect = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    name = path.name
    header: list[str] | None = None
    rows: list[tuple[int, list[Any]]] = []
    for number, cells in enumerate(reader, start=1):
        if number > max_rows + 1:
            raise ArchlexError(
                f"{name}: more than {max_rows} rows; an import reads at most that many",
                "split the file, or raise the limit with --max-rows",
            )
        values = [_csv_cell(c, name, number, i) for i, c in enumerate(cells[:MAX_COLUMNS])]
        if header is None:
            header = values
        else:
            rows.append((number, values))
    return Table(name, header or [], rows)


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _csv_cell(text: str, name: str, row: int, column: int) -> str:
    if text.startswith(QUOTED_TRIGGERS):
        return str(text[1:])
    if text.lstrip().startswith(FORMULA_START):
        raise ArchlexError(
            f"{name}, row {row}, column {column_letter(column)}: starts with `=`, a formula "
            "in a spreadsheet; archlex imports values only",
            "replace the formula by its value, or start the text with `'`",
        )
    return text
