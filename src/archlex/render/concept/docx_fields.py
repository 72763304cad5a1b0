"""Word's moving parts in a DOCX: fields (contents, page numbers, caption numbers), section
pages, header and footer, and the paragraph and row properties that keep things together."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from archlex.render.concept.docx_layout import MARGIN, Page


def add_field(paragraph: Paragraph, instruction: str, shown: str = "", end: bool = True) -> None:
    """A complex field (`PAGE`, `TOC \\o "1-3"`, `SEQ Figure`) with `shown` as its last value;
    Word updates it when the file opens (see `update_fields_on_open`), LibreOffice on export."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = paragraph.add_run()
        if text is None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                char.set(qn("w:dirty"), "true")
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
    paragraph.add_run(shown)
    if end:
        end_field(paragraph)


def end_field(paragraph: Paragraph) -> None:
    """Close the field opened last (a contents field ends in the paragraph after it)."""
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(char)


def update_fields_on_open(document: DocxDocument) -> None:
    """Ask Word to fill the contents and the lists of figures and tables when it opens the file."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def set_page(section: Section, page: Page) -> None:
    """Paper size, orientation and the 2 cm margins of one section."""
    width, height = page.size
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Pt(width), Pt(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(MARGIN))
    section.header_distance = section.footer_distance = Pt(MARGIN / 2)


def write_header_footer(section: Section, header: str, page_label: str, of_label: str) -> None:
    """The title, version and marking on top; `Page N of M` at the bottom (later sections
    link to these)."""
    top = section.header.paragraphs[0]
    top.text = header
    top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in top.runs:
        run.font.size = Pt(8)
    bottom = section.footer.paragraphs[0]
    bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
    bottom.add_run(f"{page_label} ")
    add_field(bottom, "PAGE", "1")
    bottom.add_run(f" {of_label} ")
    add_field(bottom, "NUMPAGES", "1")
    for run in bottom.runs:
        run.font.size = Pt(8)


def keep_with_next(paragraph: Paragraph) -> None:
    """The paragraph stays on the page of what follows it (headings, captions, pictures)."""
    paragraph.paragraph_format.keep_with_next = True


def fixed_layout(table: Table) -> None:
    """Word keeps the column widths it is given instead of fitting them to the text."""
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
