"""Page geometry of the concept's DOCX: paper sizes, the page a wide table or a figure needs,
and column widths that keep dates, amounts and ids on one line."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

# ISO 216 and US sizes in points, portrait (width, height).
PAPERS: dict[str, tuple[float, float]] = {
    "A4": (595.3, 841.9),
    "A3": (841.9, 1190.6),
    "A2": (1190.6, 1683.8),
    "A1": (1683.8, 2383.9),
    "Letter": (612.0, 792.0),
}
MARGIN = 56.7  # 2 cm on every side
# What header, footer, a two-line caption and the two headings that may open a figure's page
# take from its height.
HEADER_SPACE = 130.0
SMALLEST_TEXT = 7.0  # points: the least a reader can read on a printed page
TABLE_TEXT = 8.0  # points: table cells
CELL_PADDING = 12.0  # points: left and right cell margins and the border
_NARROW = set("ijlt.,:;!|()[]'/ ")
_WIDE = set("mwMW@%")


@dataclass(frozen=True, slots=True)
class Page:
    """A paper size in one orientation."""

    paper: str
    landscape: bool

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in points."""
        width, height = PAPERS[self.paper]
        return (height, width) if self.landscape else (width, height)

    @property
    def text_width(self) -> float:
        """The width between the margins."""
        return self.size[0] - 2 * MARGIN

    @property
    def text_height(self) -> float:
        """The height left for a figure between the margins, header, footer and caption."""
        return self.size[1] - 2 * MARGIN - HEADER_SPACE


def pages_for(paper: str) -> list[Page]:
    """The pages a figure or table may take, smallest first: the document's own paper, then
    its landscape, then larger ISO sizes (a fold-out, where text would otherwise be too small)."""
    larger = [p for p in ("A3", "A2", "A1") if PAPERS[p][0] > PAPERS[paper][0]]
    pages = [Page(paper, False), Page(paper, True)]
    for name in larger:
        pages += [Page(name, True), Page(name, False)]
    return pages


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An upper estimate of the width of `text` in DejaVu Sans at `size` points."""
    ems = 0.0
    for char in text:
        ems += 0.34 if char in _NARROW else 0.9 if char in _WIDE else 0.66
    return ems * size * (1.08 if bold else 1.0)


_WORDS_WITH_HYPHENS = re.compile(r"[a-zà-ž]+(?:-[a-zà-ž]+)+")


def _tokens(text: str) -> list[str]:
    """The parts a line may break between: ordinary spaces and line breaks, and the hyphens
    of words in small letters (`cabinet-regulation`); not the hyphens of ids and dates, so
    `2027-01-04`, `WP-10` and `eu.NUI-EES` stay whole."""
    parts = [t for t in re.split(r"[ \n]", text) if t]
    return [
        piece
        for part in parts
        for piece in (
            [f"{w}-" for w in part.split("-")[:-1]] + [part.split("-")[-1]]
            if _WORDS_WITH_HYPHENS.fullmatch(part)
            else [part]
        )
    ]


@dataclass(frozen=True, slots=True)
class TablePlan:
    """Where a table goes and how wide each column is, in points."""

    page: Page
    widths: list[float]


def plan_table(rows: list[list[str]], paper: str) -> TablePlan:
    """The smallest page on which no column is narrower than its longest unbreakable text,
    and the column widths on it (the rest shared in proportion to each column's text)."""
    count = max(len(r) for r in rows)
    least, natural = [], []
    lengths = [
        [text_width(c, TABLE_TEXT, i == 0) for c in r] + [0.0] * (count - len(r))
        for i, r in enumerate(rows)
    ]
    for column in range(count):
        cells = [(r[column], i == 0) for i, r in enumerate(rows) if column < len(r)]
        word = max(
            (text_width(t, TABLE_TEXT, bold) for c, bold in cells for t in _tokens(c)), default=10
        )
        line = max((text_width(c, TABLE_TEXT, bold) for c, bold in cells), default=10)
        least.append(word + CELL_PADDING)
        natural.append(min(line, text_width("m" * 30, TABLE_TEXT)) + CELL_PADDING)
    candidates = pages_for(paper)
    page = next((p for p in candidates if sum(least) <= p.text_width), candidates[-1])
    if count >= 7 and page == candidates[0] and sum(natural) > page.text_width:
        # Seven columns and more read badly on a portrait page once their text must wrap; a
        # table whose every cell fits on one line (figures by regulation) stays in the text.
        page = candidates[1]
    return TablePlan(page, _share(least, natural, page.text_width, lengths))


def _share(
    least: list[float], natural: list[float], width: float, lengths: list[list[float]]
) -> list[float]:
    """Column widths filling `width`: every column its least, then the rest, a slice at a
    time, to the column where it saves most lines of the whole table (so a title column is
    not left a tower of short lines beside columns that already fit), the last of it by what
    each column would still like."""
    if sum(natural) <= width:
        return [n * width / sum(natural) for n in natural]
    widths = list(least)
    spare = max(0.0, width - sum(least))
    step = max(spare / SLICES, 1.0)
    columns = [list(column) for column in zip(*lengths, strict=True)]
    while spare >= step:
        now, wider = _line_counts(widths, columns, step)
        saved = [now - lines for lines in wider]
        best = max(range(len(widths)), key=lambda c: (saved[c], -c))
        if saved[best] <= 1e-9:
            break
        widths[best] += step
        spare -= step
    wants = [max(0.0, n - w) for n, w in zip(natural, widths, strict=True)]
    if not sum(wants):
        wants = [1.0] * len(widths)
    return [w + spare * x / sum(wants) for w, x in zip(widths, wants, strict=True)]


SLICES = 60  # how finely the spare width is handed out


def _line_counts(
    widths: list[float], columns: list[list[float]], step: float
) -> tuple[float, list[float]]:
    """About how many lines the table's rows take at these widths (each row as tall as its
    fullest cell, at least one line), and the same with each column in turn `step` wider.

    Column by column, so that the work is C's `map(max, ...)` over whole columns: a row's
    fullest cell outside column c is the larger of its fullest before c and after c. Every
    count is the same sum, in the same order, as one row at a time would give.
    """
    rooms = [max(w - CELL_PADDING, 1.0) for w in widths]
    shares = [[n / room for n in c] for c, room in zip(columns, rooms, strict=True)]
    ones = [1.0] * (len(columns[0]) if columns else 0)
    before = [ones]  # before[c]: each row's fullest cell left of column c (at least 1)
    for column in shares:
        before.append(list(map(max, before[-1], column)))
    after = [ones]  # after[k]: the same right of column len - k - 1
    for column in reversed(shares):
        after.append(list(map(max, after[-1], column)))
    after.reverse()  # now after[c]: the fullest at column c and right of it
    wider = []
    for c, (lengths, w) in enumerate(zip(columns, widths, strict=True)):
        room = max(w + step - CELL_PADDING, 1.0)
        widened = [n / room for n in lengths]
        wider.append(sum(map(max, before[c], after[c + 1], widened)))
    return sum(before[-1]), wider


@dataclass(frozen=True, slots=True)
class Drawing:
    """A figure's SVG: its size in points and its smallest text in the same units."""

    width: float
    height: float
    smallest_text: float


@dataclass(frozen=True, slots=True)
class FigurePlan:
    """Where a figure goes and its width on the page, in points."""

    page: Page
    width: float

    def smallest_text(self, drawing: Drawing) -> float:
        """The smallest text of the drawing at this width, in points."""
        return drawing.smallest_text * self.width / drawing.width


def plan_figure(drawing: Drawing, paper: str) -> FigurePlan:
    """The smallest page on which the figure's smallest text is at least 7 pt (never enlarged
    past its drawn size), and its width there. A fold-out (a larger paper) is turned the way
    the figure is drawn: a tall view went on an A3 landscape page at 7.0 pt where A3 portrait
    gives it 9.6 pt; the document's own paper stays portrait when the figure fits it so."""
    candidates = pages_for(paper)
    least = SMALLEST_TEXT / drawing.smallest_text  # the least scale a reader can read

    def scale_on(page: Page) -> float:
        return min(1.0, page.text_width / drawing.width, page.text_height / drawing.height)

    own, larger = candidates[:2], candidates[2:]
    turned = [
        page
        for pair in zip(larger[::2], larger[1::2], strict=True)
        for page in sorted(pair, key=scale_on, reverse=True)
    ]
    for page in [*own, *turned]:
        scale = scale_on(page)
        if scale >= least - 1e-9:
            return FigurePlan(page, drawing.width * scale)
    page = candidates[-1]
    scale = min(page.text_width / drawing.width, page.text_height / drawing.height)
    return FigurePlan(page, drawing.width * scale)


_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(pt|px|in|cm|mm)?\s*$")
_UNIT = {"pt": 1.0, "px": 0.75, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, None: 0.75}
_FONT = re.compile(r"font-size\s*[:=]\s*\"?([0-9.]+)")
SVG_NS = "{http://www.w3.org/2000/svg}"


def read_drawing(svg: Path) -> Drawing | None:
    """The size and smallest font of an SVG, or None when it says neither (then the picture
    is placed at the text width, as before)."""
    try:
        root = ElementTree.parse(svg).getroot()
    except (OSError, ElementTree.ParseError):
        return None
    width, height = _length(root.get("width")), _length(root.get("height"))
    view = (root.get("viewBox") or "").replace(",", " ").split()
    sizes = [float(s) for s in _FONT.findall(svg.read_text(encoding="utf-8")) if float(s) > 0]
    if width is None or height is None or not sizes:
        return None
    # Font sizes are in user units; the viewBox says how many of them one width spans.
    units = float(view[2]) if len(view) == 4 and float(view[2]) > 0 else width / 0.75
    return Drawing(width, height, min(sizes) * width / units)


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    if not match:
        return None
    number = float(match[1])
    return number * _UNIT[match[2]] if math.isfinite(number) else None
