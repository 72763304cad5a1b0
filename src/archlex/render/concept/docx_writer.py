"""A DOCX from the concept's Markdown: a Word document a ministry can file, byte-stable.

A4 (or Letter) with 2 cm margins, title, version and marking in the header, `Page N of M` in
the footer, a contents field and lists of figures and tables, numbered captions, wide tables
and large figures on landscape (or larger) pages, rows that do not split and header rows
that repeat. A ministry's own template (`reference`) gives the styles, header and logo.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from archlex.i18n import N_
from archlex.render.concept.docx_blocks import Block, plain, read_blocks
from archlex.render.concept.docx_fields import (
    add_field,
    end_field,
    fixed_layout,
    keep_with_next,
    set_page,
    update_fields_on_open,
    write_header_footer,
)
from archlex.render.concept.docx_layout import Page
from archlex.render.concept.docx_package import Pictures, save
from archlex.render.concept.docx_table import pieces, write_rows
from archlex.toolkit.build_time import FIXED_TIME

# The document's fixed labels, in English; the concept passes them translated.
LABELS = {
    # Translators: a figure's caption; {number} is Word's caption number (a field), {text} the
    # caption. Keep both; the order of the words is the language's ("1. attēls. ...").
    "figure": N_("Figure {number}: {text}"),
    # Translators: a table's caption, as a figure's.
    "table": N_("Table {number}: {text}"),
    "contents": N_("Contents"),
    "list_of_figures": N_("List of figures"),
    "list_of_tables": N_("List of tables"),
    # Translators: the footer reads "Page 3 of 41".
    "page": N_("Page"),
    "of": N_("of"),
}


@dataclass(frozen=True)
class DocxSettings:
    """How the document looks: paper, the header line, fixed labels and the ministry template."""

    paper: str = "A4"
    header: str = ""
    labels: Mapping[str, str] = field(default_factory=lambda: dict(LABELS))
    reference: Path | None = None
    title: str = ""  # the file's title, which the PDF's metadata and a screen reader show
    author: str = "archlex"


def markdown_to_docx(
    text: str, base: Path, target: Path, settings: DocxSettings | None = None
) -> None:
    """Write `target` from Markdown whose image paths are relative to `base`."""
    settings = settings or DocxSettings()
    document = _start(settings)
    _Writer(document, settings).write(read_blocks(text, base, settings.paper))
    save(document, target)


def _start(settings: DocxSettings) -> DocxDocument:
    """An empty document: the ministry's template emptied of its body, or python-docx's own."""
    document = Document(str(settings.reference)) if settings.reference else Document()
    body = document.element.body
    for child in list(body):
        if child.tag != "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr":
            body.remove(child)
    # python-docx stamps the save time into the archive; a fixed date keeps the file byte-stable.
    properties = document.core_properties
    properties.created = properties.modified = properties.last_printed = FIXED_TIME.replace(
        tzinfo=None
    )
    properties.author = settings.author
    properties.last_modified_by = "archlex"
    properties.title = settings.title
    properties.revision = 1
    if settings.reference is None:
        style = document.styles["Normal"]
        style.font.name = "DejaVu Sans"
        style.font.size = Pt(10)
    section = document.sections[0]
    set_page(section, Page(settings.paper, False))
    if settings.reference is None or not any(p.text for p in section.header.paragraphs):
        labels = settings.labels
        write_header_footer(section, settings.header, labels["page"], labels["of"])
    update_fields_on_open(document)
    return document


class _Writer:
    """Writes blocks in order, opening a new section whenever the page they need changes."""

    def __init__(self, document: DocxDocument, settings: DocxSettings) -> None:
        self.document = document
        self.settings = settings
        self.default = Page(settings.paper, False)
        self.page = self.default
        self.numbers = {"figure": 0, "table": 0}
        self.styles = {s.name for s in document.styles}
        self.style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
        self.pictures = Pictures(document)

    def write(self, blocks: list[Block]) -> None:
        """Every block, each on the page it needs."""
        for block in blocks:
            page = block.page or self.default
            if page != self.page:
                set_page(self.document.add_section(WD_SECTION.NEW_PAGE), page)
                self.page = page
            getattr(self, f"write_{block.kind}")(block)

    def _style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """A style's id, looked up once (python-docx searches every style on each use)."""
        key = (name, kind)
        if key not in self.style_ids:
            self.style_ids[key] = self.document.part.get_style_id(name, kind)  # type: ignore[no-untyped-call]
        return self.style_ids[key]

    def _paragraph(self, style: str | None = None) -> Paragraph:
        paragraph = self.document.add_paragraph()
        if style is not None and style in self.styles:
            paragraph._p.style = self._style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def write_heading(self, block: Block) -> None:
        """A heading (level 0 is the title) kept with what follows it."""
        style = "Title" if block.level == 0 else f"Heading {block.level}"
        paragraph = self._paragraph(style)
        paragraph.add_run(plain(block.text))
        keep_with_next(paragraph)

    def write_paragraph(self, block: Block) -> None:
        """A paragraph of text with its bold parts."""
        runs(self._paragraph(), block.text)

    def write_bullet(self, block: Block) -> None:
        """One item of a bulleted list."""
        runs(self._paragraph("List Bullet"), block.text)

    def write_italic(self, block: Block) -> None:
        """A note in italics."""
        self._paragraph().add_run(plain(block.text)).italic = True

    def write_directive(self, block: Block) -> None:
        """What a `<!-- docx: NAME -->` comment asks for."""
        labels = self.settings.labels
        if block.text == "page-break":
            self._paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.text == "toc":
            self._list(labels["contents"], 'TOC \\o "1-3" \\h \\z \\u')
        elif block.text == "figures":
            self._list(labels["list_of_figures"], 'TOC \\h \\z \\c "Figure"')
        elif block.text == "tables":
            self._list(labels["list_of_tables"], 'TOC \\h \\z \\c "Table"')

    def _list(self, title: str, instruction: str) -> None:
        """A generated list (contents, figures, tables) under a title that is not itself in
        the contents."""
        heading = self._paragraph("TOC Heading")
        heading.add_run(title).bold = True
        keep_with_next(heading)
        # Begin and end in different paragraphs: LibreOffice reads only that form as an index.
        add_field(self._paragraph(), instruction, end=False)
        end_field(self._paragraph())

    def _caption(self, kind: str, text: str) -> Paragraph:
        """`Figure 3: text` (`3. attēls. text`: the language's pattern), numbered by a SEQ
        field that the lists of figures and tables read."""
        self.numbers[kind] += 1
        paragraph = self._paragraph("Caption")
        before, _, after = self.settings.labels[kind].partition("{number}")
        if before:
            paragraph.add_run(before.replace("{text}", plain(text)))
        add_field(paragraph, f"SEQ {kind.capitalize()} \\* ARABIC", str(self.numbers[kind]))
        paragraph.add_run(after.replace("{text}", plain(text)))
        return paragraph

    def write_image(self, block: Block) -> None:
        """A picture at its planned width, then its numbered caption."""
        if block.path is None or not block.path.is_file():
            return
        width = Pt(block.figure.width) if block.figure else Pt(self.page.text_width)
        paragraph = self._paragraph()
        inline = self.pictures.inline(block.path, width)
        inline.docPr.set("descr", plain(block.text))  # the alt text of a tagged PDF
        paragraph.add_run()._r.add_drawing(inline)
        keep_with_next(paragraph)
        self._caption("figure", block.text)

    def write_table(self, block: Block) -> None:
        """A captioned table with planned column widths, whole rows and a repeating header."""
        if block.text:
            keep_with_next(self._caption("table", block.text))
        plan = block.table
        width = max(len(row) for row in block.rows)
        table = self.document.add_table(rows=0, cols=width)
        if "Table Grid" in self.styles:
            table._tbl.tblStyle_val = self._style_id("Table Grid", WD_STYLE_TYPE.TABLE)
        table.autofit = False
        fixed_layout(table)
        widths = (
            [Pt(w) for w in plan.widths] if plan else [Pt(self.page.text_width / width)] * width
        )
        for column, column_width in zip(table.columns, widths, strict=True):
            column.width = column_width  # the grid, which LibreOffice follows; Word reads cells
        write_rows(table, block.rows, widths)
        self._paragraph()  # a table followed directly by another would merge into it


def runs(paragraph: Paragraph, text: str) -> None:
    """Add text with its `**bold**` parts as bold runs and its `*italic*` parts as italic ones."""
    for piece, bold, italic in pieces(text):
        run = paragraph.add_run(piece)
        run.bold = bold
        if italic:
            run.italic = True
