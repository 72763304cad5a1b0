"""The concept as a document a ministry can file: A4, contents, captions, landscape pages,
readable figures, and a PDF (real LibreOffice) in which no date or amount is broken."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Length, Pt
from docx.text.paragraph import Paragraph

from archlex.api import check_model
from archlex.model import WorkPackage
from archlex.outcome import Report
from archlex.render.concept.docx_layout import (
    SMALLEST_TEXT,
    Drawing,
    Page,
    plan_figure,
    plan_table,
    text_width,
)
from archlex.render.output import render_products
from archlex.toolkit.money import money, to_cents
from archlex.toolkit.words import date_words
from tests.conftest import MANIFEST, WriteModel

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are installed by scripts/system-packages.sh",
)
EMU_PER_POINT = 12700
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="session")
def rendered(example: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's concept alone (it draws its own figures), with the PDF: one conversion."""
    out = tmp_path_factory.mktemp("concept") / "out"
    settings = {"format": "pdf"} if shutil.which("soffice") else {}
    render_products(example, out, ["concept"], settings=settings)
    return out


def _points(length: Length | None) -> int:
    assert length is not None
    points: float = length.pt
    return round(points)


def _style(paragraph: Paragraph) -> str:
    return str(paragraph.style.name) if paragraph.style is not None else ""


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_the_docx_is_a4_with_contents_page_numbers_and_a_header(rendered: Path) -> None:
    document = docx.Document(str(rendered / "concept" / "concept.docx"))
    first = document.sections[0]
    assert (_points(first.page_width), _points(first.page_height)) == (595, 842)
    header = first.header.paragraphs[0].text
    assert "Interoperability information system concept" in header and "Version 0.9" in header
    footer = first.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    body = _xml(rendered / "concept" / "concept.docx")
    assert 'TOC \\o "1-3"' in body and 'TOC \\h \\z \\c "Figure"' in body
    captions = [p.text for p in document.paragraphs if _style(p) == "Caption"]
    assert captions[0] == "Table 1: Document control"
    assert [c for c in captions if c.startswith("Figure ")][:5] == [
        "Figure 1: Coverage of the applicable obligations per regulation",  # the summary's charts
        "Figure 2: Open findings by rule",
        "Figure 3: Budget by year and funding source (EUR)",
        "Figure 4: Context view",
        "Figure 5: Legend of the architecture views",
    ]


def test_headings_keep_with_what_follows_and_rows_do_not_split(rendered: Path) -> None:
    document = docx.Document(str(rendered / "concept" / "concept.docx"))
    headings = [p for p in document.paragraphs if _style(p).startswith("Heading")]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)
    for table in document.tables:
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(f"{W}tblHeader") is not None
        assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)


def test_wide_tables_sit_on_landscape_pages(rendered: Path) -> None:
    document = docx.Document(str(rendered / "concept" / "concept.docx"))
    landscape = [s for s in document.sections if _points(s.page_width) > _points(s.page_height)]
    assert landscape, "the work-package and financing tables need landscape pages"
    assert "Annex A" in _xml(rendered / "concept" / "concept.docx")


def test_every_figure_is_readable_at_its_placed_size(rendered: Path) -> None:
    # Smallest text = the SVG's smallest font size x (placed width / the SVG's width in the
    # same units), read independently of the code that placed it.
    body = _xml(rendered / "concept" / "concept.docx")
    placed = re.findall(
        r'<wp:extent cx="(\d+)" cy="\d+"/>.*?<pic:cNvPr id="\d+" name="([^"]+)"', body
    )
    assert len(placed) >= 10
    for cx, name in placed:
        svg = _svg_for(rendered, name)
        text = svg.read_text(encoding="utf-8")
        view = re.search(r'viewBox="([-0-9. ]+)"', text)
        assert view, svg
        units = float(view[1].split()[2])
        smallest = min(float(s) for s in re.findall(r'font-size[=:]"?([0-9.]+)', text))
        points = int(cx) / EMU_PER_POINT
        assert smallest * points / units >= SMALLEST_TEXT - 0.01, (name, smallest * points / units)


def test_the_summary_shows_each_chart_with_its_table(rendered: Path) -> None:
    """The charts sit in the summary chapter, each with a numbered caption and a table of its
    numbers right after (the 7 pt check above covers them too)."""
    document = docx.Document(str(rendered / "concept" / "concept.docx"))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("2. Summary for decision makers")
    end = next(i for i, t in enumerate(texts) if t.startswith("3. "))
    captions = [
        re.sub(r"^(Figure|Table) \d+: ", r"\1: ", t)
        for t in texts[start:end]
        if t.startswith(("Figure ", "Table "))
    ]
    titles = [
        "Coverage of the applicable obligations per regulation",
        "Open findings by rule",
        "Budget by year and funding source (EUR)",
    ]
    expected = [
        line
        for title in titles
        for line in (f"Figure: {title}", f"Table: {title}: the numbers of the chart")
    ]
    assert captions == expected
    body = _xml(rendered / "concept" / "concept.docx")
    names = re.findall(r'<pic:cNvPr id="\d+" name="([^"]+)"', body)
    assert names[:3] == ["coverage.png", "findings.png", "budget.png"]


def _svg_for(out: Path, png_name: str) -> Path:
    stem = Path(png_name).stem
    for folder in ("diagrams", "roadmap", "charts"):
        if (out / folder / f"{stem}.svg").is_file():
            return out / folder / f"{stem}.svg"
    raise AssertionError(f"no SVG for {png_name}")


@needs_libreoffice
def test_the_pdf_keeps_every_date_and_amount_of_the_work_packages_whole(
    rendered: Path, example: Report
) -> None:
    pdf = rendered / "concept" / "concept.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\u00a0", " ")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "A4" in info.stdout and "Tagged:          yes" in info.stdout
    assert "Title:           Interoperability information system concept" in info.stdout
    assert b"/Outlines" in pdf.read_bytes()  # bookmarks for the headings
    packages = [p for p in example.model.work_packages if isinstance(p, WorkPackage)]
    assert len(packages) >= 10
    for package in packages:
        for day in (package.start, package.end):
            assert date_words(day).replace("\u00a0", " ") in text, (package.id, day)
        assert package.cost is not None
        amount = money(to_cents(package.cost.amount), package.cost.currency)
        assert amount.replace("\u00a0", " ") in text, (package.id, amount)
        assert re.search(rf"\b{re.escape(package.id)}\b", text), package.id
    assert example.coverage is not None
    for item in example.coverage.obligations:  # provisions, like ids, are never broken
        assert item.provision in text, item.provision
    contents = text.split("Contents", 1)[1][:3000]
    assert re.search(r"6\. Architecture\.{3,}\s*\d+", contents), "the contents are filled in"


def _pdf_text(rendered: Path) -> str:
    """The concept PDF's text, pages separated by form feeds."""
    pdf = rendered / "concept" / "concept.pdf"
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


@needs_libreoffice
def test_no_page_of_the_pdf_holds_only_headings(rendered: Path) -> None:
    text = _pdf_text(rendered)
    # A heading line, not an entry of the contents (which ends in dot leaders and a page).
    heading = re.compile(r"^(\d+(\.\d+)*\.? |Annex [A-Z]\. )\S(?!.*\.{4,} ?\d+$)")
    for number, page in enumerate(text.split("\f")[:-1], start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        body = [line for line in lines[1:] if not line.startswith("Page ")]  # header, footer
        assert body, f"page {number} is empty"
        assert not all(heading.match(line) for line in body), (number, body)


@needs_libreoffice
def test_every_entry_of_the_contents_and_lists_gives_the_page_it_names(rendered: Path) -> None:
    text = _pdf_text(rendered)
    pages = text.split("\f")[:-1]
    entry = re.compile(r"^(\d+\. \S.*?|(?:Figure|Table) \d+: .*?)\.{4,} ?(\d+)$")
    entries = [m.groups() for line in text.splitlines() if (m := entry.match(line.strip()))]
    assert len(entries) >= 20, "the contents and lists are filled in"
    for title, number in entries:
        # The page must hold the entry's own line (not only a later mention of it).
        page = pages[int(number) - 1]
        lines = {line.strip() for line in page.splitlines()}
        assert title.strip() in lines, (title, number)


def test_a_model_without_document_settings_says_what_is_missing(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({})
    render_products(check_model(root, root), tmp_path / "out", ["concept"])
    text = (tmp_path / "out" / "concept" / "concept.md").read_text(encoding="utf-8")
    assert "*The model records no risks.*" in text
    assert "*The model does not describe the current state" in text
    assert "## 6. Architecture" in text


def test_letter_paper_on_request(write_model: WriteModel, tmp_path: Path) -> None:
    root = write_model({}, manifest=MANIFEST + "document: {paper: Letter, version: '2.0'}\n")
    render_products(check_model(root, root), tmp_path / "out", ["concept"])
    document = docx.Document(str(tmp_path / "out" / "concept" / "concept.docx"))
    assert _points(document.sections[0].page_width) == 612
    assert "Version 2.0" in document.sections[0].header.paragraphs[0].text


def test_a_ministry_template_gives_its_styles_and_header(
    write_model: WriteModel, tmp_path: Path
) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Liberation Serif"
    template.styles["Normal"].font.size = Pt(12)
    template.styles["Heading 1"].font.name = "Liberation Sans Narrow"
    template.sections[0].header.paragraphs[0].text = "MINISTRY OF THE INTERIOR - logo here"
    template.add_paragraph("Template body text that must not survive.")
    reference = tmp_path / "ministry.docx"
    template.save(str(reference))
    root = write_model({}, manifest=MANIFEST + "document: {reference_docx: ../ministry.docx}\n")
    render_products(check_model(root, root), tmp_path / "out", ["concept"])
    document = docx.Document(str(tmp_path / "out" / "concept" / "concept.docx"))
    assert document.styles["Normal"].font.name == "Liberation Serif"
    assert document.styles["Heading 1"].font.name == "Liberation Sans Narrow"
    assert document.sections[0].header.paragraphs[0].text == "MINISTRY OF THE INTERIOR - logo here"
    texts = [p.text for p in document.paragraphs]
    assert "Template body text that must not survive." not in texts
    assert any(t.startswith("6. Architecture") for t in texts)


def test_a_missing_reference_docx_is_a_clear_error(write_model: WriteModel, tmp_path: Path) -> None:
    from archlex.errors import ArchlexError

    root = write_model({}, manifest=MANIFEST + "document: {reference_docx: nothing.docx}\n")
    with pytest.raises(ArchlexError, match=r"nothing\.docx: not a Word file"):
        render_products(check_model(root, root), tmp_path / "out", ["concept"])
    assert not (tmp_path / "out").exists()


def test_the_views_the_model_names_are_placed_with_the_defaults_of_their_kind(
    rendered: Path,
) -> None:
    text = (rendered / "concept" / "concept.md").read_text(encoding="utf-8")
    logical = text.index("### 6.1 ")
    processes = text.index("### 6.2 ")
    for view in ("view-border-bcp", "view-esp-gateway", "view-law-enforcement"):
        assert (rendered / "diagrams" / f"{view}.png").is_file()
        at = text.index(f"](../diagrams/{view}.png)")
        assert logical < at < processes, view  # context and landscape views: section 6.1
    assert "![Border control at the border crossing point](../diagrams/view-border-bcp.png)" in text


def test_a_title_column_gets_the_width_where_it_saves_most_lines() -> None:
    """The national acts' titles beside one-word columns: the spare width goes to the titles
    (which fill most lines), not in proportion to every column's wish."""
    rows = [
        ["Act", "Kind", "Action", "Implements", "Responsible", "In force by"],
        [
            "Amendments to the law on the interior information systems (access of the "
            "authorities to the interoperability components) *(example)*",
            "cabinet-regulation",
            "amend",
            "2019/817 Art 20, 2019/818 Art 20",
            "Ministry of the Interior",
            "30\u00a0September\u00a02027",
        ],
    ]
    plan = plan_table(rows, "A4")
    assert not plan.page.landscape
    assert round(sum(plan.widths)) == round(plan.page.text_width)
    act, kind = plan.widths[0], plan.widths[1]
    assert act > 140  # about 27 characters a line; it was 96 (14), a tower of 9 lines
    assert kind < text_width("cabinet-regulation", 8) + 12  # breaks after its hyphen
    ids = plan_table([["Id", "Text"], ["WP-10-2027-01-04", "a b"]], "A4")
    assert ids.widths[0] >= text_width("WP-10-2027-01-04", 8)  # an id never breaks


def test_seven_columns_go_landscape_only_when_their_text_must_wrap() -> None:
    # The coverage table (eight short columns of figures) took a landscape page of its own,
    # three rows on it; a table of seven columns of text still gets the landscape width.
    head = "Regula|Piemērojami|nav aptverts|izsekots|piešķirts|ieplānots|izpildīts|Izsekoti %"
    figures = [
        head.split("|"),
        ["2019/817", "79", "1", "1", "0", "76", "1", "98,7"],
        ["Kopā", "153", "2", "2", "0", "147", "2", "98,7"],
    ]
    assert not plan_table(figures, "A4").page.landscape
    words = "the national systems connected to the ESP through the national gateway"
    text = [[f"Column {n}" for n in range(7)], [words] * 7]
    assert plan_table(text, "A4").page.landscape


def test_a_fold_out_is_turned_the_way_the_figure_is_drawn() -> None:
    # The border crossing point's view (831 x 938 pt, 11 pt text) is too small on A4 either
    # way; on an A3 landscape page its text printed at 7.0 pt with half the page empty, on
    # A3 portrait at 9.6 pt. A wide figure keeps its landscape fold-out.
    tall = Drawing(831.0, 938.0, 11.0)
    plan = plan_figure(tall, "A4")
    assert (plan.page.paper, plan.page.landscape) == ("A3", False)
    assert plan.smallest_text(tall) > 9.5
    wide = Drawing(1574.0, 856.0, 11.0)
    assert plan_figure(wide, "A4").page == Page("A3", True)
    small = Drawing(500.0, 700.0, 11.0)  # fits the document's own portrait page: it stays
    assert plan_figure(small, "A4").page == Page("A4", False)
