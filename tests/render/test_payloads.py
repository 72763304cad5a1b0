"""The payload model through every product: its text shows as text, never as markup, a link,
a macro or a formula, and Markdown tables keep their shape whatever the cells hold."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from openpyxl import load_workbook  # type: ignore[import-untyped]

from archlex.api import check_model
from archlex.render.output import render_products
from archlex.toolkit.escape import FORMULA_TRIGGERS, starts_formula
from tests.payload_model import FORMULAS, PIPES, SCRIPT, write_payload_model
from tests.safety import live_markup

# CommonMark with raw HTML allowed and GFM tables: the most permissive reader of the Markdown.
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
MARKDOWN_FILES = ("matrix/matrix.md", "concept/concept.md", "roadmap/roadmap.md")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("payload")
    model = write_payload_model(folder / "model")
    report = check_model(model, folder)
    assert not report.blocking, report.blocking
    out = folder / "out"
    render_products(report, out)
    return out


def test_matrix_html_shows_the_payloads_as_text(rendered: Path) -> None:
    problems, text = live_markup((rendered / "matrix" / "matrix.html").read_text("utf-8"))
    assert problems == []
    assert SCRIPT in text and PIPES in text  # shown, not dropped


@pytest.mark.parametrize("name", MARKDOWN_FILES)
def test_markdown_renders_to_no_live_markup(rendered: Path, name: str) -> None:
    source = (rendered / name).read_text("utf-8")
    problems, text = live_markup(MARKDOWN.render(source))
    assert problems == []
    assert SCRIPT in text  # the model's name, shown as written
    # Template syntax stays text wherever it shows: nothing evaluated `{% if %}`.
    assert text.count("jinja-ran") == text.count("{% if true %}jinja-ran{% endif %}")
    for token in MARKDOWN.parse(source):  # archlex's own links and images only
        for child in token.children or []:
            if child.type in ("link_open", "image"):
                target = str(child.attrs.get("href") or child.attrs.get("src"))
                assert "pwned" not in target and ":" not in target.split("/")[0], target


@pytest.mark.parametrize("name", MARKDOWN_FILES)
def test_markdown_tables_keep_their_shape(rendered: Path, name: str) -> None:
    """A pipe or a line break in a cell neither adds a column nor ends the row."""
    tokens = MARKDOWN.parse((rendered / name).read_text("utf-8"))
    widths: list[int] = []
    tables = 0
    for token in tokens:
        if token.type == "table_open":
            tables += 1
            widths = []
        elif token.type == "tr_open":
            widths.append(0)
        elif token.type in ("th_open", "td_open"):
            widths[-1] += 1
        elif token.type == "table_close":
            assert len(set(widths)) == 1, f"{name}: rows of {sorted(set(widths))} cells"
    assert tables > 0, name


def test_svg_labels_are_text(rendered: Path) -> None:
    svgs = sorted((rendered / "diagrams").glob("*.svg")) + sorted(rendered.rglob("gantt.svg"))
    assert svgs
    seen = ""
    for svg in svgs:
        source = svg.read_text("utf-8")
        root = ET.fromstring(source)  # well-formed: nothing broke out of a label
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            assert tag not in ("script", "foreignObject", "iframe"), f"{svg.name}: <{tag}>"
            for name, value in element.attrib.items():
                attribute = name.rsplit("}", 1)[-1]
                assert not attribute.startswith("on"), f"{svg.name}: {attribute}={value!r}"
                if attribute == "href":
                    assert not value.strip().lower().startswith("javascript"), svg.name
        problems, text = live_markup(source)
        assert problems == [], svg.name
        seen += text
    assert "window.__pwned('script')" in seen  # the labels carry the text


def test_docx_holds_the_payloads_as_plain_runs(rendered: Path) -> None:
    with zipfile.ZipFile(rendered / "concept" / "concept.docx") as docx:
        document = docx.read("word/document.xml").decode("utf-8")
        relations = docx.read("word/_rels/document.xml.rels").decode("utf-8")
    ET.fromstring(document)
    # No field codes (HYPERLINK, DDE, INCLUDETEXT ...) and no hyperlinks from model text.
    for live in ("w:instrText", "w:fldSimple", "w:hyperlink", "w:altChunk"):
        assert live not in document, live
    assert "javascript" not in relations and 'TargetMode="External"' not in relations
    words = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", document))
    assert "&lt;script&gt;window.__pwned('script')&lt;/script&gt;" in words
    assert "{{ 7*7 }}" in words and PIPES in words


def test_csv_cells_never_start_a_formula(rendered: Path) -> None:
    text = (rendered / "matrix" / "matrix.csv").read_text("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert cells
    for cell in cells:
        assert not starts_formula(cell), cell
    assert any(cell.startswith("'=1+1") or "=1+1" in cell for cell in cells)


def test_xlsx_cells_are_strings_not_formulas(rendered: Path) -> None:
    workbook = load_workbook(rendered / "matrix" / "matrix.xlsx")
    values: list[str] = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str) and cell.value[:1] in FORMULA_TRIGGERS:
                    assert cell.data_type in ("s", "inlineStr"), cell.coordinate
                values.append(str(cell.value))
    joined = "\n".join(values)
    assert any(formula in joined for formula in FORMULAS[:2])  # kept, as text
    assert SCRIPT in joined
