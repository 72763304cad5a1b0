"""The page a diagram is meant for: the smallest of A4 portrait, A4 landscape, A3 landscape and
A3 portrait on which its smallest text still prints at 7 pt or more.

Graphviz draws at 72 points to the inch, so a font of 10 in the DOT source is 10 pt when the
SVG is placed at 100 %. A document places a figure inside the page's text area, scaled down
when it is larger; the smallest text then prints at `scale * smallest font`. The text areas
assume 20 mm margins and keep 40 pt under the figure for its caption.

A diagram's PNG is drawn at no more than about 300 dpi where it is printed largest: the
concept places a figure whose text is too small on any page on an A1 fold-out
(`render/concept/docx_layout.py`), at a larger scale than its placement here, so the PNG's
resolution follows the largest scale any page of either gives it. A drawing printed that
small (a 10k model's landscape, 25,000 pt tall) would otherwise be drawn at thousands of dpi.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from archlex.render.diagrams.svg_text import (
    graph_group_attributes,
    shown_font_sizes,
    svg_attributes,
)

MM = 72 / 25.4  # points per millimetre
MARGIN_MM = 20
CAPTION_PT = 40
SMALLEST_PRINTED_PT = 7.0
SVG = "{http://www.w3.org/2000/svg}"
NATURAL_DPI = 96.0  # Graphviz draws a PNG at 96 pixels to the drawing's inch
PRINTED_DPI = 300.0  # as sharp as print needs
# The text areas (width, height in points) of the largest page the concept places a figure on:
# A1 (1683.8 x 2383.9 pt) portrait and landscape, less 2 cm margins and 130 pt for header,
# footer and caption (render/concept/docx_layout.py, not imported: it would load the concept).
CONCEPT_LARGEST_AREAS = ((1570.4, 2140.5), (2270.5, 1440.4))

# (page, orientation, width mm, height mm), smallest first: the first that fits is chosen.
PAGES: tuple[tuple[str, str, int, int], ...] = (
    ("A4", "portrait", 210, 297),
    ("A4", "landscape", 297, 210),
    ("A3", "landscape", 420, 297),
    ("A3", "portrait", 297, 420),
)


@dataclass(frozen=True)
class Placement:
    """Where a diagram goes: its page, the text area there, and the scale it is placed at."""

    page: str
    orientation: str
    area_width_pt: float
    area_height_pt: float
    width_pt: float
    height_pt: float
    scale: float
    smallest_font_pt: float
    smallest_printed_pt: float

    def as_dict(self) -> dict[str, object]:
        """The placement as JSON-ready values."""
        return asdict(self)


def text_area(width_mm: int, height_mm: int) -> tuple[float, float]:
    """The text area of a page in points: margins off, room for the caption below."""
    width = (width_mm - 2 * MARGIN_MM) * MM
    height = (height_mm - 2 * MARGIN_MM) * MM - CAPTION_PT
    return round(width, 1), round(height, 1)


def place(width_pt: float, height_pt: float, smallest_font_pt: float) -> Placement:
    """The smallest page on which the drawing's smallest text prints at 7 pt or more; the
    largest page (A3) when none does, so the shortfall is visible in the record."""
    best: Placement | None = None
    for page, orientation, page_width, page_height in PAGES:
        area_width, area_height = text_area(page_width, page_height)
        scale = min(1.0, area_width / width_pt, area_height / height_pt)
        placement = Placement(
            page,
            orientation,
            area_width,
            area_height,
            round(width_pt, 1),
            round(height_pt, 1),
            round(scale, 4),
            smallest_font_pt,
            round(scale * smallest_font_pt, 2),
        )
        if placement.smallest_printed_pt >= SMALLEST_PRINTED_PT:
            return placement
        if best is None or placement.scale > best.scale:
            best = placement
    assert best is not None  # PAGES is not empty
    return best


_POINTS = re.compile(r"^([0-9.]+)pt$")
_SCALE = re.compile(r"scale\(([0-9.]+)(?:[ ,]+([0-9.]+))?\)")


def svg_size(root: ET.Element) -> tuple[float, float]:
    """An SVG's width and height in points, as Graphviz writes them (`123pt`)."""
    return size_in_points(root.attrib)


def size_in_points(svg_attributes: Mapping[str, str]) -> tuple[float, float]:
    """`svg_size` from the attributes of the `<svg>` tag."""
    sizes = []
    for key in ("width", "height"):
        match = _POINTS.match(svg_attributes.get(key, ""))
        if match is None:
            raise ValueError(f"the SVG's {key} is not in points: {svg_attributes.get(key)!r}")
        sizes.append(float(match.group(1)))
    return sizes[0], sizes[1]


def smallest_font(root: ET.Element) -> float:
    """The smallest font size of any text in an SVG, with the drawing's own scale applied."""
    graphs = [g for g in root.iter(f"{SVG}g") if g.get("class") == "graph"]
    sizes = [t.get("font-size", "14") for t in root.iter(f"{SVG}text") if _shown(t)]
    return _scaled_smallest([g.get("transform", "") for g in graphs], sizes)


def _shown(text: ET.Element) -> bool:
    return bool((text.text or "").strip())


def _scaled_smallest(transforms: list[str], sizes: list[str]) -> float:
    """The smallest of the font `sizes`, times the scale the last graph `transforms` give."""
    scale = 1.0
    for transform in transforms:
        match = _SCALE.search(transform)
        if match:
            scale = float(match.group(1))
    return round(min(float(size) for size in sizes) * scale, 2) if sizes else 0.0


def smallest_font_of(svg_text: str) -> float:
    """`smallest_font` of an SVG read as text (`svg_text`)."""
    transforms = [attrs.get("transform", "") for attrs in graph_group_attributes(svg_text)]
    return _scaled_smallest(transforms, shown_font_sizes(svg_text))


@dataclass(frozen=True)
class DrawnSvg:
    """A drawn SVG read once: its text (for the measures of `measure.py`), its size and its
    smallest font, which give its placement and the resolution of its PNG."""

    text: str
    width_pt: float
    height_pt: float
    smallest_font_pt: float

    @classmethod
    def of(cls, svg_text: str) -> DrawnSvg:
        """The SVG text read (as text: `svg_text.py`)."""
        size = size_in_points(svg_attributes(svg_text))
        return cls(svg_text, *size, smallest_font_of(svg_text))

    def placement(self) -> Placement:
        """Where the drawing goes (`place`)."""
        return place(self.width_pt, self.height_pt, self.smallest_font_pt)

    def png_dpi(self) -> float | None:
        """The resolution to draw its PNG at (`png_dpi`)."""
        return png_dpi_of(self.width_pt, self.height_pt)


def placement_of(svg_text: str) -> Placement:
    """The placement of a drawn SVG."""
    return DrawnSvg.of(svg_text).placement()


def largest_scale(width_pt: float, height_pt: float) -> float:
    """The largest scale a document places a drawing of this size at: on the largest page the
    concept takes (A1, either way round), never enlarged; the pages above are all smaller."""
    return max(min(1.0, w / width_pt, h / height_pt) for w, h in CONCEPT_LARGEST_AREAS)


def png_dpi(svg_text: str) -> float | None:
    """The resolution to draw a diagram's PNG at, so it prints at about 300 dpi where printed
    largest; None when Graphviz's own 96 dpi prints at 300 dpi or less (the PNG as drawn)."""
    return png_dpi_of(*size_in_points(svg_attributes(svg_text)))


def png_dpi_of(width: float, height: float) -> float | None:
    """`png_dpi` of a drawing `width` by `height` points."""
    dpi = math.ceil(PRINTED_DPI * largest_scale(width, height) * 10) / 10  # 0.1 dpi steps
    return None if dpi >= NATURAL_DPI else dpi
