"""A chart as SVG, written directly: horizontal stacked bars with their label on the left and
their total on the right, a legend of swatches above and a value axis below.

Every segment says what it is in words: its series and value inside it when they fit, else in
a line of swatches and labels under its bar; a pattern on every other fill keeps neighbours
apart in greyscale. The text is at least 11 px at 640 px wide, 8.25 pt on an A4 page.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from archlex.i18n import Translator
from archlex.render.charts.figures import Bar, Chart, Series
from archlex.render.charts.style import Fill, pattern_defs
from archlex.render.roadmap import svg_text
from archlex.render.roadmap.svg_text import fit, n, xml

FONT = "DejaVu Sans, sans-serif"
WIDTH = 640
MARGIN = 10
SIZE = 12  # bar labels, totals, legend, axis title
SMALL = 11  # values on the bars, the axis' numbers, the labels under a bar
BAR = 24
GAP = 16  # between one bar (with its labels) and the next
LINE = 18  # a line of labels under a bar
SWATCH = 12
PAD = 6  # room around a text inside a segment


@dataclass(frozen=True, slots=True)
class Frame:
    """Where the bars go: the left edge and width of the plot, and its scale."""

    left: float
    width: float
    maximum: float  # the axis' last value, in display units
    per_unit: float  # cents per display unit for money, 1 for counts

    def x(self, value: float) -> float:
        """Where a value (counts or cents) ends along the axis."""
        return self.left + value / self.per_unit * self.width / self.maximum


def chart_svg(chart: Chart, tr: Translator) -> str:
    """The chart as SVG text (the same bytes for the same numbers)."""
    frame, ticks, label_room = _frame(chart, tr)
    legend, top = _legend(chart, MARGIN + SIZE)
    rows: list[str] = []
    y = top + 8
    for bar in chart.bars:
        drawn, y = _bar(chart, bar, frame, y, label_room, tr)
        rows += drawn
    height = y + 40
    prefix = ident(chart)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{prefix}" width="{WIDTH}" '
        f'height="{n(height)}" viewBox="0 0 {WIDTH} {n(height)}" font-family="{FONT}" '
        f'font-size="{SIZE}" role="img" aria-labelledby="{prefix}-title {prefix}-desc">',
        f'<title id="{prefix}-title">{xml(chart.title)}</title>',
        f'<desc id="{prefix}-desc">{xml(chart.description(tr))}</desc>',
        pattern_defs(prefix, [s.fill for s in chart.series]),
        f'<rect x="0" y="0" width="{WIDTH}" height="{n(height)}" fill="#ffffff"/>',
        *_grid(frame, ticks, top + 4, y - GAP + 4, chart, tr),
        *legend,
        *rows,
        "</svg>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def text_width(text: str, size: float) -> float:
    """The estimated width of a text; a no-break space (between thousands) is a space."""
    return svg_text.text_width(text.replace("\u00a0", " "), size)


def ident(chart: Chart) -> str:
    """The SVG's id, which also starts the ids of its patterns (unique on a page of charts)."""
    return f"chart-{chart.name}"


def _frame(chart: Chart, tr: Translator) -> tuple[Frame, list[int], float]:
    """The plot's edges (labels on the left, totals on the right) and the axis' ticks."""
    labels = max((text_width(b.label, SIZE) for b in chart.bars), default=0)
    label_room = min(labels, WIDTH * 0.3)
    totals = max((text_width(chart.amount(tr, b.total), SIZE) for b in chart.bars), default=0)
    left = MARGIN + label_room + 10
    per_unit = 100.0 if chart.currency else 1.0
    maximum = max((b.total for b in chart.bars), default=0) / per_unit
    ticks = axis_ticks(maximum)
    widest = text_width(tr.number(ticks[-1]), SMALL)
    width = WIDTH - MARGIN - max(totals + 8, widest / 2) - left
    # No fewer than 16 px between the axis' numbers.
    ticks = axis_ticks(maximum, min(6, int(width // (widest + 16))))
    return Frame(left, width, ticks[-1], per_unit), ticks, label_room


def axis_ticks(maximum: float, most: int = 6) -> list[int]:
    """Ticks from 0 at a whole, round step (1, 2, 2.5 or 5 times a power of ten) in three to
    `most` intervals (fewer when `most` or `maximum` is smaller), the last at or past
    `maximum` and as close to it as can be."""
    top = max(1, math.ceil(maximum - 1e-9))
    most = max(1, most)
    steps = sorted({int(m * 10**k) for k in range(len(str(top)) + 1) for m in (1, 2, 2.5, 5)} - {0})
    count = {s: max(1, math.ceil(maximum / s - 1e-9)) for s in steps}
    fitting = [s for s in steps if min(3, most) <= count[s] <= most] or [
        s for s in steps if count[s] <= most
    ]
    step = min(fitting, key=lambda s: (count[s] * s, s))
    return [i * step for i in range(count[step] + 1)]


def _legend(chart: Chart, y: float) -> tuple[list[str], float]:
    """Swatches and names in a row (wrapped), and where the bars may start below them."""
    parts, x = [], float(MARGIN)
    for item in chart.series:
        room = SWATCH + 5 + text_width(item.label, SIZE) + 18
        if x + room > WIDTH - MARGIN and x > MARGIN:
            x, y = float(MARGIN), y + LINE
        parts += _swatch(x, y - SWATCH + 2, item.fill, ident(chart))
        parts.append(f'<text x="{n(x + SWATCH + 5)}" y="{n(y)}">{xml(item.label)}</text>')
        x += room
    return ['<g class="legend">', *parts, "</g>"], y + 6


def _swatch(x: float, y: float, fill: Fill, prefix: str) -> list[str]:
    box = f'x="{n(x)}" y="{n(y)}" width="{SWATCH}" height="{SWATCH}"'
    shapes = [f'<rect {box} fill="{fill.colour}"/>']
    if fill.pattern:
        shapes.append(f'<rect {box} fill="{fill.paint(prefix)}"/>')
    return [*shapes, f'<rect {box} fill="none" stroke="#333333" stroke-width="0.6"/>']


def _grid(
    frame: Frame, ticks: list[int], top: float, bottom: float, chart: Chart, tr: Translator
) -> Iterator[str]:
    """Light vertical lines at the ticks, their numbers below, and the axis' title."""
    yield '<g class="axis">'
    for tick in ticks:
        x = n(frame.x(tick * frame.per_unit))
        colour = "#888888" if tick == 0 else "#dddddd"
        yield f'<line x1="{x}" y1="{n(top)}" x2="{x}" y2="{n(bottom)}" stroke="{colour}"/>'
        yield (
            f'<text x="{x}" y="{n(bottom + 14)}" font-size="{SMALL}" text-anchor="middle" '
            f'fill="#333333">{xml(tr.number(tick))}</text>'
        )
    middle = n(frame.left + frame.width / 2)
    yield (
        f'<text x="{middle}" y="{n(bottom + 31)}" text-anchor="middle" fill="#333333">'
        f"{xml(chart.axis)}</text>"
    )
    yield "</g>"


def _bar(
    chart: Chart, bar: Bar, frame: Frame, y: float, label_room: float, tr: Translator
) -> tuple[list[str], float]:
    """One bar: label, segments, total, and the labels that did not fit under it; the next y."""
    label = fit(bar.label, label_room, SIZE, False)
    middle = n(y + BAR / 2 + 4)
    parts = [
        f'<g class="bar" data-bar="{xml(bar.key)}" data-total="{bar.total}">',
        f"<title>{xml(bar.label)}</title>" if label != bar.label else "",
        f'<text x="{MARGIN}" y="{middle}">{xml(label)}</text>',
    ]
    outside: list[tuple[Series, int]] = []
    start = 0
    for item, value in zip(chart.series, bar.values, strict=True):
        if value:
            drawn, fits = _segment(chart, bar, item, value, frame, (start, y), tr)
            parts += drawn
            if not fits:
                outside.append((item, value))
        start += value
    outline = f'x="{n(frame.left)}" y="{n(y)}" width="{n(frame.x(bar.total) - frame.left)}"'
    parts.append(
        f'<rect {outline} height="{BAR}" fill="none" stroke="#555555" stroke-width="0.6"/>'
    )
    total = chart.amount(tr, bar.total)
    parts.append(f'<text x="{n(frame.x(bar.total) + 6)}" y="{middle}">{xml(total)}</text>')
    under, bottom = _under(chart, outside, frame.left, y + BAR, tr)
    return [*parts, *under, "</g>"], bottom + GAP


def _segment(
    chart: Chart,
    bar: Bar,
    item: Series,
    value: int,
    frame: Frame,
    at: tuple[int, float],
    tr: Translator,
) -> tuple[list[str], bool]:
    """A segment's rectangles and, when it fits, its label; whether the label fitted."""
    start, y = at
    left, right = frame.x(start), frame.x(start + value)
    box = f'x="{n(left)}" y="{n(y)}" width="{n(right - left)}" height="{BAR}"'
    tip = f"{bar.label}, {item.label}: {chart.amount(tr, value)}"
    parts = [
        f'<g data-series="{xml(item.key)}" data-value="{value}"><title>{xml(tip)}</title>',
        f'<rect {box} fill="{item.fill.colour}" stroke="#ffffff" stroke-width="1"/>',
    ]
    if item.fill.pattern:
        parts.append(f'<rect {box} fill="{item.fill.paint(ident(chart))}"/>')
    text = f"{item.label} {chart.short(tr, value)}"
    fits = text_width(text, SMALL) + 2 * PAD <= right - left
    if fits:
        middle, room = (left + right) / 2, text_width(text, SMALL) + PAD
        if item.fill.pattern:  # the pattern stops short of the text
            parts.append(
                f'<rect x="{n(middle - room / 2)}" y="{n(y + 5)}" width="{n(room)}" '
                f'height="{BAR - 10}" fill="{item.fill.colour}"/>'
            )
        parts.append(
            f'<text x="{n(middle)}" y="{n(y + BAR / 2 + 4)}" font-size="{SMALL}" '
            f'text-anchor="middle" fill="{item.fill.ink}">{xml(text)}</text>'
        )
    return [*parts, "</g>"], fits


def _under(
    chart: Chart, items: list[tuple[Series, int]], left: float, y: float, tr: Translator
) -> tuple[list[str], float]:
    """Swatch and label of each segment too narrow for its own, in lines under the bar."""
    if not items:
        return [], y
    parts, x, base = ['<g class="outside">'], left, y + LINE - 3
    for item, value in items:
        text = f"{item.label} {chart.short(tr, value)}"
        room = SWATCH + 4 + text_width(text, SMALL) + 14
        if x + room > WIDTH - MARGIN and x > left:
            x, base = left, base + LINE
        parts += _swatch(x, base - SWATCH + 2, item.fill, ident(chart))
        parts.append(
            f'<text x="{n(x + SWATCH + 4)}" y="{n(base)}" font-size="{SMALL}">{xml(text)}</text>'
        )
        x += room
    return [*parts, "</g>"], base + 4
