"""Hostile files given to `archlex import`: XML attacks, formulas, huge sheets, files that are
not what they claim. Each runs through the real CLI with --write (the XML bombs in a child
process capped at 1.5 GiB) and must end with exit code 2, one clear error line naming the
problem, no traceback, in under 20 s of CPU, and the model folder unchanged."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from tests.conftest import EXAMPLE
from tests.hostile.cli import CliResult, run_in_process, run_limited

CPU_LIMIT = 20.0  # CPU seconds: wall-clock time on a loaded machine says little
HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
REQIF_BODY = '<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd">{}</REQ-IF>\n'
LAUGHS = (
    '<!DOCTYPE REQ-IF [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
)


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _workbook(rows: Sequence[Sequence[object]], formula: str | None = None) -> bytes:
    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, {"in_memory": True, "constant_memory": True})
    sheet = book.add_worksheet("Systems")
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            sheet.write_string(number, column, str(value))
    if formula is not None:
        sheet.write_formula(1, 1, formula)
    book.close()
    return stream.getvalue()


SMALL = [["id", "name", "kind"], ["NEW-1", "New", "national"]]


def _with_part(workbook: bytes, part: str, transform: Callable[[bytes], bytes]) -> bytes:
    """The workbook with one part rewritten (or added, when `part` is not in it)."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in names:
            data = source.read(name)
            target.writestr(name, transform(data) if name == part else data)
        if part not in names:
            target.writestr(part, transform(b""))
    return out.getvalue()


def _doctype(entity: str) -> Callable[[bytes], bytes]:
    def insert(data: bytes) -> bytes:
        head, rest = data.split(b"?>", 1)
        return head + b"?>" + entity.encode() + rest

    return insert


XXE_SHEET = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS_SHEET = LAUGHS.replace("REQ-IF", "sst")
HUGE_ROWS = [["id", "name", "kind"]] + [
    [f"S-{i}", f"System {i}", "national"] for i in range(100_000)
]
ALIAS_BOMB = (
    "a0: &a0 ["
    + ", ".join(["lol"] * 10)
    + "]\n"
    + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10))
).encode()
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _huge_workbook(folder: Path) -> Path:
    """A workbook of 100,001 rows, its sheet written as XML directly (xlsxwriter takes ~10 s)."""
    rows = "".join(
        f'<row r="{n}">'
        + "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' for value in row)
        + "</row>"
        for n, row in enumerate(HUGE_ROWS, start=1)
    )
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SHEET_NS}">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()
    path = folder / "huge.xlsx"
    path.write_bytes(_with_part(_workbook(SMALL), "xl/worksheets/sheet1.xml", lambda _: sheet))
    return path


@dataclass(frozen=True)
class Case:
    """A hostile file, the import that reads it, and what the error must say."""

    name: str
    command: tuple[str, ...]
    make: Callable[[Path], Path]
    says: str
    limited: bool = False
    mapping: bytes | None = None  # a mapping file given with --mapping


CASES = [
    Case(
        "reqif-xxe",
        ("reqif",),
        _write(
            "xxe.reqif",
            (HEADER + '<!DOCTYPE REQ-IF [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
             + REQIF_BODY.format("&xxe;")).encode(),
        ),
        "declares a DTD, entities or external references",
    ),
    Case(
        "reqif-billion-laughs",
        ("reqif",),
        _write("laughs.reqif", (HEADER + LAUGHS + REQIF_BODY.format("&lol9;")).encode()),
        "declares a DTD, entities or external references",
        limited=True,
    ),
    Case(
        "reqif-external-dtd",
        ("reqif",),
        _write(
            "dtd.reqif",
            (HEADER + '<!DOCTYPE REQ-IF SYSTEM "http://192.0.2.1/reqif.dtd">\n'
             + REQIF_BODY.format("")).encode(),
        ),
        "declares a DTD, entities or external references",
    ),
    Case("reqif-png", ("reqif",), _write("image.reqif", b"\x89PNG\r\n\x1a\n" + bytes(64)),
         "not well-formed XML"),
    Case("reqif-other-xml", ("reqif",), _write("svg.reqif", b"<svg/>"), "not ReqIF's REQ-IF"),
    Case(
        "xlsx-formula",
        ("xlsx", "--kind", "systems"),
        _write("formula.xlsx", _workbook(SMALL, '=HYPERLINK("http://192.0.2.1/x","click")')),
        "row 2, column B: a formula",
    ),
    Case(
        "xlsx-xxe",
        ("xlsx", "--kind", "systems"),
        _write("xxe.xlsx", _with_part(_workbook(SMALL), "xl/worksheets/sheet1.xml",
                                      _doctype(XXE_SHEET))),
        "declares a DTD or entities",
    ),
    Case(
        "xlsx-billion-laughs",
        ("xlsx", "--kind", "systems"),
        _write("laughs.xlsx", _with_part(_workbook(SMALL), "xl/sharedStrings.xml",
                                         _doctype(LAUGHS_SHEET))),
        "declares a DTD or entities",
        limited=True,
    ),
    Case(
        "xlsx-zip-bomb",
        ("xlsx", "--kind", "systems"),
        _write("bomb.xlsx", _with_part(_workbook(SMALL), "xl/media/zeros.bin",
                                       lambda _: bytes(20 * 1024 * 1024))),
        "a zip bomb",
    ),
    Case(
        "xlsx-100k-rows",
        ("xlsx", "--kind", "systems"),
        _huge_workbook,
        "more than 20000 rows",
    ),
    Case("xlsx-is-csv", ("xlsx", "--kind", "systems"), _write("csv.xlsx", b"id,name\nA,B\n"),
         "not an XLSX workbook"),
    Case("xlsx-is-xls", ("xlsx", "--kind", "systems"),
         _write("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)), "(.xls)"),
    Case(
        "xlsx-zip-without-workbook",
        ("xlsx", "--kind", "systems"),
        lambda folder: _zip_of(folder / "docs.xlsx", {"word/document.xml": b"<w/>"}),
        "without a workbook",
    ),
    Case("csv-formula", ("csv", "--kind", "systems"),
         _write("f.csv", b"id,name,kind\nNEW-1,=cmd|' /C calc'!A0,national\n"),
         "row 2, column B: starts with `=`"),
    Case("csv-is-xlsx", ("csv", "--kind", "systems"),
         lambda folder: _write("book.csv", _workbook(SMALL))(folder), "binary data"),
    Case("csv-not-utf8", ("csv", "--kind", "systems"),
         _write("latin.csv", "id,name,kind\nN-1,Rīga,national\n".encode("utf-16-le")),
         "binary data"),
    Case("csv-latin1", ("csv", "--kind", "systems"),
         _write("latin1.csv", "id,name,kind\nN-1,Gen\xe8ve,national\n".encode("latin-1")),
         "not UTF-8 text"),
    Case(
        "mapping-alias-bomb",
        ("csv", "--kind", "systems"),
        _write("ok.csv", b"id,name,kind\nNEW-1,New,national\n"),
        "mapping.yaml:4:5: aliases expand to more than 100000 nodes",
        limited=True,
        mapping=ALIAS_BOMB,
    ),
    Case(
        "mapping-unknown-key",
        ("csv", "--kind", "systems"),
        _write("ok.csv", b"id,name,kind\nNEW-1,New,national\n"),
        "mapping.yaml: `colums`: Extra inputs are not permitted",
        mapping=b"colums: {Code: id}\n",
    ),
    Case(
        "csv-100k-rows",
        ("csv", "--kind", "systems"),
        lambda folder: _write(
            "huge.csv", "".join(",".join(map(str, r)) + "\n" for r in HUGE_ROWS).encode()
        )(folder),
        "more than 20000 rows",
    ),
]  # fmt: skip


def _zip_of(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_import(case: Case, tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE, model, ignore=shutil.ignore_patterns("eu"))
    before = _tree(model)
    file = case.make(tmp_path)
    run = run_limited if case.limited else run_in_process
    args = ("import", case.command[0], file.name, *case.command[1:], "--model", "model")
    if case.mapping is not None:
        (tmp_path / "mapping.yaml").write_bytes(case.mapping)
        args = (*args, "--mapping", "mapping.yaml")
    result: CliResult = run(*args, "--write", cwd=tmp_path)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output
    assert result.exit_code == 2, output
    assert result.stderr.startswith("archlex: error: "), output
    assert case.says in result.stderr.splitlines()[0] + result.stderr, result.stderr
    assert result.cpu_seconds < CPU_LIMIT, f"{case.name} took {result.cpu_seconds:.1f} s of CPU"
    assert _tree(model) == before, "an import that failed changed the model"
    mapping = ["mapping.yaml"] if case.mapping is not None else []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["model", file.name, *mapping])


def test_the_families_of_the_issue_are_covered() -> None:
    """Issue 21's hostile files: XXE, billion laughs, formula cells, a 100k-row sheet, and
    files that are not what they claim."""
    names = {c.name for c in CASES}
    assert {"reqif-xxe", "reqif-billion-laughs", "xlsx-xxe", "xlsx-billion-laughs"} <= names
    assert {"xlsx-formula", "csv-formula", "xlsx-100k-rows", "csv-100k-rows"} <= names
    assert {"xlsx-is-csv", "csv-is-xlsx", "reqif-png", "xlsx-zip-bomb"} <= names
