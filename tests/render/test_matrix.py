"""The traceability matrix, rendered for real: the worked example and a hostile model."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import html
import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest
from markdown_it import MarkdownIt
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from archlex.api import check_model
from archlex.check.coverage import CoverageState
from archlex.outcome import Report
from archlex.render.matrix.rows import COLUMNS, STATE_COLUMN
from archlex.render.matrix.tables import MARKDOWN_COLUMNS
from archlex.render.matrix.xlsx import STATE_COLOURS
from archlex.render.output import render_products
from archlex.toolkit.escape import FORMULA_TRIGGERS
from tests.conftest import EXAMPLE, MANIFEST, WriteModel

FILES = ("matrix.csv", "matrix.html", "matrix.md", "matrix.xlsx")
Pairs = list[tuple[str, str]]

HOSTILE_TITLES = (
    '=HYPERLINK("http://x")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "<script>alert(1)</script>",
    "a | b\nc",
)

# A law of its own, so that only its five obligations apply (one per coverage state), and
# hostile text wherever the matrix shows model text, at the start of a cell where it can be.
HOSTILE_MANIFEST = MANIFEST.replace(
    "name: Test model", "name: \"=cmd|' /C calc'!A0 <i>hostile</i>\""
) + ("scope:\n  regulations: [LV-LAW-1]\n")
HOSTILE_LAW = """\
regulations:
  - id: LV-LAW-1
    title: "Law <b>|one|</b>"
    articles:
      - {number: 1, title: Scope}
      - {number: 2, title: Access}
      - {number: 3, title: Logging}
      - {number: 4, title: Statistics}
      - {number: 5, title: Training}
obligations:
  - {id: LV-OB-1, provision: "LV-LAW-1 Art 1", actor: member-state, summary: "=1+1 | a\\nb"}
  - {id: LV-OB-2, provision: "LV-LAW-1 Art 2", actor: member-state, summary: "-2+3 [x](y)"}
  - {id: LV-OB-3, provision: "LV-LAW-1 Art 3", actor: member-state, summary: "@SUM(A1)"}
  - {id: LV-OB-4, provision: "LV-LAW-1 Art 4", actor: member-state, summary: "<img src=x>"}
  - {id: LV-OB-5, provision: "LV-LAW-1 Art 5", actor: member-state, summary: "\\t=1"}
systems:
  - {id: SYS-1, name: "-cmd|x <svg onload=alert(1)>", kind: national}
roadmap:
  work_packages:
    - {id: WP-1, name: "=1+1", start: 2026-01-01, end: 2026-12-31, delivers: [REQ-1]}
requirements:
"""
# Requirement -> (provision, status, allocated): Art 1 scheduled, Art 2 met, Art 3 gap,
# Art 4 traced, Art 5 allocated.
HOSTILE_TRACES = {
    "REQ-1": ("Art 1", "agreed", True),
    "REQ-2": ("Art 1", "proposed", True),
    "REQ-3": ("Art 2", "verified", True),
    "REQ-4": ("Art 2", "implemented", False),
    "REQ-5": ("Art 4", "proposed", False),
    "REQ-6": ("Art 5", "proposed", True),
    "REQ-7": ("Art 2", "verified", False),
}
HOSTILE_STATES = [
    ("LV-LAW-1 Art 1", "scheduled"),
    ("LV-LAW-1 Art 2", "met"),
    ("LV-LAW-1 Art 3", "gap"),
    ("LV-LAW-1 Art 4", "traced"),
    ("LV-LAW-1 Art 5", "allocated"),
]


def hostile_model_text() -> str:
    """The law, a system, a work package and one requirement per hostile title."""
    lines = [HOSTILE_LAW]
    for (requirement, (article, status, allocated)), title in zip(
        HOSTILE_TRACES.items(), HOSTILE_TITLES, strict=True
    ):
        escaped = title.replace("\\", "\\\\").replace('"', '\\"')
        escaped = escaped.replace("\t", "\\t").replace("\n", "\\n")
        lines.append(
            f"  - id: {requirement}\n"
            f'    title: "{escaped}"\n'
            f'    satisfies: ["LV-LAW-1 {article}"]\n'
            f"    status: {status}\n"
            f"    allocated_to: [{'SYS-1' if allocated else ''}]\n"
        )
    return "".join(lines)


def render(report: Report, out: Path) -> Path:
    """Render the matrix alone; the folder it wrote."""
    written = render_products(report, out, ["matrix"])
    assert sorted(p.name for p in written) == sorted(FILES)
    return out / "matrix"


@pytest.fixture(scope="module")
def example_matrix(example: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(example, tmp_path_factory.mktemp("example") / "out")


@pytest.fixture
def hostile(write_model: WriteModel, tmp_path: Path) -> tuple[Report, Path]:
    root = write_model({"law.yaml": hostile_model_text()}, HOSTILE_MANIFEST)
    report = check_model(root, root)
    return report, render(report, tmp_path / "out")


def expected_states(report: Report) -> Pairs:
    assert report.coverage is not None
    return [(o.provision, o.state.value) for o in report.coverage.obligations]


# --- HTML ---------------------------------------------------------------------------------


class _Page(HTMLParser):
    """The matrix rows (provision, state) and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: Pairs = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._row_state: str | None = None
        self._header: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "tr" and "data-state" in attributes:
            self._row_state = attributes["data-state"]
        elif tag == "th" and self._row_state is not None and attributes.get("scope") == "row":
            self._header = []

    def handle_data(self, data: str) -> None:
        if self._header is not None:
            self._header.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._header is not None and self._row_state is not None:
            self.rows.append((" ".join("".join(self._header).split()), self._row_state))
            self._header, self._row_state = None, None


def parse_page(folder: Path) -> tuple[str, _Page]:
    text = (folder / "matrix.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    return text, page


def test_html_has_a_row_per_applicable_obligation_with_its_state(
    example: Report, example_matrix: Path
) -> None:
    _, page = parse_page(example_matrix)
    assert len(page.rows) == 151
    assert page.rows == expected_states(example)


def test_html_is_accessible_and_loads_nothing(example_matrix: Path) -> None:
    text, page = parse_page(example_matrix)
    tags = [tag for tag, _ in page.tags]
    assert tags.count("table") == 2 and tags.count("caption") == 2
    headers = [attributes for tag, attributes in page.tags if tag == "th"]
    assert all(h.get("scope") in ("col", "row") for h in headers)
    for control in ("filter-regulation", "filter-state", "filter-text"):
        assert ("label", {"for": control}) in page.tags
    assert not [a for _, attributes in page.tags for a in attributes if a in ("src", "href")]
    assert "<link" not in text and "url(" not in text and "@import" not in text
    assert "default-src 'none'" in text


def test_html_policy_allows_exactly_its_own_style_and_script(example_matrix: Path) -> None:
    text, _ = parse_page(example_matrix)
    scripts = re.findall(r"<script>(.*?)</script>", text, re.DOTALL)
    styles = re.findall(r"<style>(.*?)</style>", text, re.DOTALL)
    assert len(scripts) == 1 and text.count("<script") == 1
    assert len(styles) == 1 and text.count("<style") == 1
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text)
    assert policy is not None
    for kind, body in (("script-src", scripts[0]), ("style-src", styles[0])):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in html.unescape(policy.group(1))


def test_html_shows_hostile_text_as_text(hostile: tuple[Report, Path]) -> None:
    report, folder = hostile
    text, page = parse_page(folder)
    assert page.rows == HOSTILE_STATES == expected_states(report)
    assert "<script>alert" not in text and "<img src" not in text and "<svg" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert "<i>hostile</i>" not in text and "&lt;i&gt;hostile&lt;/i&gt;" in text


# --- Markdown -----------------------------------------------------------------------------


def markdown_tables(folder: Path) -> Iterator[list[list[str]]]:
    """Each table of matrix.md as rendered by a CommonMark + GFM-tables reader: cell texts."""
    reader = MarkdownIt("commonmark", {"html": True}).enable("table")
    rendered = reader.render((folder / "matrix.md").read_text(encoding="utf-8"))
    for table in re.findall(r"<table>(.*?)</table>", rendered, re.DOTALL):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
        yield [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL) for row in rows]


def markdown_states(folder: Path) -> Pairs:
    return [
        (row[0], re.sub(r"</?strong>", "", row[3]))
        for table in markdown_tables(folder)
        if table[0] == list(MARKDOWN_COLUMNS)
        for row in table[1:]
    ]


def test_markdown_has_a_table_per_regulation_with_every_state(
    example: Report, example_matrix: Path
) -> None:
    tables = list(markdown_tables(example_matrix))
    assert len(tables) == 3  # the coverage summary, then 2019/817 and 2019/818
    assert tables[0][-1][:2] == ["<strong>Overall</strong>", "151"]
    assert markdown_states(example_matrix) == expected_states(example)


def test_markdown_cells_hold_hostile_text(hostile: tuple[Report, Path]) -> None:
    _, folder = hostile
    tables = list(markdown_tables(folder))
    assert all(len(row) == len(table[0]) for table in tables for row in table)
    assert markdown_states(folder) == HOSTILE_STATES
    rendered = str(tables)
    assert "<script" not in rendered and "<a " not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


# --- CSV ----------------------------------------------------------------------------------


def read_csv(folder: Path) -> list[list[str]]:
    data = (folder / "matrix.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads UTF-8
    assert b"\r" not in data  # lines end in \n alone
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_a_header_and_a_row_per_obligation(example: Report, example_matrix: Path) -> None:
    rows = read_csv(example_matrix)
    assert rows[0] == list(COLUMNS)
    assert [(r[1], r[STATE_COLUMN]) for r in rows[1:]] == expected_states(example)
    text = (example_matrix / "matrix.csv").read_text(encoding="utf-8-sig")
    assert text.startswith('"Regulation","Provision"')  # every cell quoted


def test_csv_neutralises_every_formula(hostile: tuple[Report, Path]) -> None:
    _, folder = hostile
    rows = read_csv(folder)
    assert [(r[1], r[STATE_COLUMN]) for r in rows[1:]] == HOSTILE_STATES
    cells = [cell for row in rows for cell in row]
    assert all(c[:1] not in FORMULA_TRIGGERS for c in cells)
    assert all(c.lstrip()[:1] not in FORMULA_TRIGGERS for c in cells)
    summaries = [row[COLUMNS.index("Summary")] for row in rows[1:]]
    assert summaries == ["'=1+1 | a\nb", "'-2+3 [x](y)", "'@SUM(A1)", "<img src=x>", "'\t=1"]
    requirements = rows[1][COLUMNS.index("Requirements")]
    assert requirements.split("\n")[0] == 'REQ-1: =HYPERLINK("http://x") (agreed)'


# --- XLSX ---------------------------------------------------------------------------------


def sheet_rows(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_has_coverage_and_a_sheet_per_regulation(
    example: Report, example_matrix: Path
) -> None:
    book = openpyxl.load_workbook(example_matrix / "matrix.xlsx")
    assert book.sheetnames == ["Coverage", "2019-817", "2019-818"]
    summary = sheet_rows(book["Coverage"])
    assert summary[6][:8] == ["Overall", "", 151, 2, 2, 0, 145, 2]
    states: Pairs = []
    for name in book.sheetnames[1:]:
        sheet = book[name]
        rows = sheet_rows(sheet)
        assert rows[0] == list(COLUMNS)
        assert sheet.freeze_panes == "D2"
        assert sheet.auto_filter.ref == f"A1:L{len(rows)}"
        states += [(str(r[1]), str(r[STATE_COLUMN])) for r in rows[1:]]
        for cells in sheet.iter_rows(min_row=2):
            state = cells[STATE_COLUMN]
            fill, _ = STATE_COLOURS[CoverageState(str(state.value))]
            assert state.fill.fgColor.rgb == "FF" + fill.lstrip("#")
    assert states == expected_states(example)


def test_xlsx_writes_every_text_as_text(hostile: tuple[Report, Path]) -> None:
    _, folder = hostile
    book = openpyxl.load_workbook(folder / "matrix.xlsx")
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    sheet = book["LV-LAW-1"]
    rows = sheet_rows(sheet)
    assert [(r[1], r[STATE_COLUMN]) for r in rows[1:]] == HOSTILE_STATES
    summary = sheet.cell(row=2, column=COLUMNS.index("Summary") + 1)
    assert (summary.value, summary.data_type, summary.quotePrefix) == ("=1+1 | a\nb", "s", True)
    plain = sheet.cell(row=5, column=COLUMNS.index("Summary") + 1)
    assert (plain.value, plain.quotePrefix) == ("<img src=x>", False)
    title = book["Coverage"]["A1"]
    assert str(title.value).startswith("Traceability matrix: =cmd") and not title.quotePrefix


def test_xlsx_takes_its_date_from_source_date_epoch(
    example: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    folder = render(example, tmp_path / "out")
    book = openpyxl.load_workbook(folder / "matrix.xlsx")
    assert book.properties.created == dt.datetime(2023, 11, 14, 22, 13, 20)


# --- Determinism --------------------------------------------------------------------------


def test_rendering_twice_gives_identical_files(example_matrix: Path, tmp_path: Path) -> None:
    again = render(check_model(EXAMPLE, EXAMPLE, today=dt.date(2026, 7, 1)), tmp_path / "out")
    for name in FILES:
        assert (again / name).read_bytes() == (example_matrix / name).read_bytes(), name
