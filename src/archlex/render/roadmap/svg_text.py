"""Text in the Gantt chart's SVG: estimated widths (no font engine at hand), shortening with an
ellipsis, escaping, and coordinates written one way."""

from __future__ import annotations

import re

from archlex.toolkit.escape import html_text

# Advance widths of DejaVu Sans in thousandths of the font size (measured with cairo, rounded
# up within each group); bold is counted 20 % wider. Other characters are counted wide, so
# an estimated label never runs into the chart.
_ADVANCES = {
    278: "'ijl", 295: "IJ", 318: " ,.", 337: "/:;\\|", 352: "f", 361: "-", 392: "()[]t",
    411: "!r", 460: '"', 500: "*_`", 531: "sz?", 557: "cL", 579: "Fk", 592: "vxy",
    615: "PTYaeo", 636: "Ehnubdgpq$0123456789{}S", 656: "K", 698: "AVXZBRC", 752: "UNH",
    787: "DGOQ&", 838: "w#+<=>^~", 863: "M", 950: "%", 974: "m", 1000: "W@",
}  # fmt: skip
ADVANCE = {c: width / 1000 for width, chars in _ADVANCES.items() for c in chars}
BOLD = 1.2

# XML 1.0 allows no C0 control character other than tab, newline and carriage return, not even
# as a character reference.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The estimated width of a text in pixels (a little more than it takes)."""
    em = sum(ADVANCE.get(c, 0.8 if c < "\u0250" else 1.1) for c in text)
    return em * size * (BOLD if bold else 1.0)


def fit(text: str, room_px: float, size: int, bold: bool) -> str:
    """The text on one line, shortened with an ellipsis to what fits into `room_px` pixels."""
    text = " ".join(text.split())
    if text_width(text, size, bold) <= room_px:
        return text
    room = room_px - text_width("…", size, bold)
    used = 0.0
    for index, character in enumerate(text):
        used += text_width(character, size, bold)
        if used > room:
            return text[:index].rstrip() + "…"
    return text


def xml(text: str) -> str:
    """Model text for SVG content or a quoted attribute."""
    return html_text(_NOT_XML.sub("", text))


def svg_text(x: float | str, y: float, content: str, attributes: str = "") -> str:
    """A text element; `content` is already escaped."""
    return f'<text x="{x}" y="{y}"{attributes}>{content}</text>'


def n(value: float) -> str:
    """A coordinate with one decimal, always written the same way."""
    return f"{value:.1f}"
