"""Measures of a drawn diagram: edge crossings from Graphviz's `-Tplain` layout, and how far each
edge label sits from its line in the SVG.

Both are written into the diagrams' record so a reader (and the tests) can hold a view to its
numbers: a layout change that adds crossings or lets labels drift shows up as a changed number.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from itertools import pairwise

from archlex.render.diagrams.svg_text import groups

Point = tuple[float, float]
Polyline = list[Point]
SVG = "{http://www.w3.org/2000/svg}"
STEPS = 12  # line pieces per Bézier segment when a curve is flattened
CHAR_WIDTH = 0.6  # DejaVu Sans: average glyph width as a share of the font size


# The weights of a cubic Bézier's four control points at each of the STEPS points taken along
# a segment, worked out once: each is the same product, in the same order, as written out per
# point, so the points are the same floats.
_WEIGHTS = tuple(
    ((1 - t) ** 3, 3 * (1 - t) * (1 - t) * t, 3 * (1 - t) * t * t, t**3)
    for t in (step / STEPS for step in range(1, STEPS + 1))
)


def bezier_points(controls: list[Point]) -> Polyline:
    """A Graphviz spline (1 + 3k control points) flattened into a polyline."""
    points = [controls[0]]
    points += [
        (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)
        for (x0, y0), (x1, y1), (x2, y2), (x3, y3) in (
            controls[start : start + 4] for start in range(0, len(controls) - 3, 3)
        )
        for a, b, c, d in _WEIGHTS
    ]
    return points


# A `-Tplain` field: a double-quoted string with DOT's backslash escapes, or a bare word.
_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')


def plain_edges(plain: str) -> list[tuple[str, str, Polyline]]:
    """The visible edges of a `-Tplain` layout: tail, head and the flattened spline."""
    edges = []
    # Graphviz breaks a long quoted string (a label of many flows) with a backslash-newline.
    for line in plain.replace("\\\n", "").splitlines():
        if not line.startswith("edge "):
            continue
        # Without quotes the fields are the words (as `_TOKEN` finds them, faster).
        fields = (
            [quoted or bare for quoted, bare in _TOKEN.findall(line)]
            if '"' in line
            else line.split()
        )
        count = int(fields[3])
        numbers = [float(v) for v in fields[4 : 4 + 2 * count]]
        rest = fields[4 + 2 * count :]
        if rest and rest[-2] == "invis":
            continue
        controls = list(zip(numbers[0::2], numbers[1::2], strict=True))
        edges.append((fields[1], fields[2], bezier_points(controls)))
    return edges


def _box(line: Polyline) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in line], [p[1] for p in line]
    return min(xs), min(ys), max(xs), max(ys)


def _boxes_meet(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


# One segment of a line: its bounding box (left, bottom, right, top), then its ends p and q.
Piece = tuple[float, float, float, float, float, float, float, float]


def _pieces(line: Polyline) -> list[Piece]:
    """The line's segments, each with its bounding box (`min` and `max` written out: the same
    float, without a call for each)."""
    return [
        (
            qx if qx < px else px,
            qy if qy < py else py,
            qx if qx > px else px,
            qy if qy > py else py,
            px,
            py,
            qx,
            qy,
        )
        for (px, py), (qx, qy) in pairwise(line)
    ]


def _within(pieces: list[Piece], box: tuple[float, ...]) -> list[Piece]:
    """The pieces whose boxes meet `box` (as `_boxes_meet`, written out: called per pair)."""
    left, bottom, right, top = box
    return [p for p in pieces if p[0] <= right and left <= p[2] and p[1] <= top and bottom <= p[3]]


def _crossings_between(
    a: list[Piece], a_box: tuple[float, ...], b: list[Piece], b_box: tuple[float, ...]
) -> int:
    """Proper crossings of two lines' segments (touching ends do not count). Two segments that
    cross have boxes that meet, so only the segments inside the other line's box, and pairs
    whose boxes meet, are tested (the other line's taken from the left, up to the first that
    starts right of this one): the count is that of testing every pair, at a fraction of the
    cost on large views. The tests are written out here, as the sign of the same products in
    the same order, because this loop is most of the diagram stage's Python time."""
    near_b = sorted(_within(b, a_box))
    total = 0
    for left, bottom, right, top, px, py, qx, qy in _within(a, b_box):
        for b_left, b_bottom, b_right, b_top, rx, ry, sx, sy in near_b:
            if b_left > right:
                break
            if left > b_right or bottom > b_top or b_bottom > top:
                continue
            d1 = (sx - rx) * (py - ry) - (sy - ry) * (px - rx)
            d2 = (sx - rx) * (qy - ry) - (sy - ry) * (qx - rx)
            if d1 * d2 >= 0:
                continue
            d3 = (qx - px) * (ry - py) - (qy - py) * (rx - px)
            d4 = (qx - px) * (sy - py) - (qy - py) * (sx - px)
            total += d3 * d4 < 0
    return total


def crossings(plain: str) -> int:
    """How many times two edges cross; edges that share an end are not counted against each
    other (they meet at that box by design)."""
    return crossings_of(plain_edges(plain))


def crossings_of(edges: list[tuple[str, str, Polyline]]) -> int:
    """`crossings` of the edges `plain_edges` gives. Only the pairs whose boxes meet can cross:
    the edges are swept left to right, each paired with those that start before it ends."""
    boxes = [_box(line) for _, _, line in edges]
    pieces = [_pieces(line) for _, _, line in edges]
    ends = [{tail, head} for tail, head, _ in edges]
    order = sorted(range(len(edges)), key=lambda n: boxes[n][0])
    total = 0
    for at, i in enumerate(order):
        _, bottom, right, top = boxes[i]
        for j in order[at + 1 :]:
            other = boxes[j]
            if other[0] > right:
                break
            if other[1] > top or bottom > other[3] or not ends[i].isdisjoint(ends[j]):
                continue
            a, b = (i, j) if i < j else (j, i)  # each pair in the order of the edges
            total += _crossings_between(pieces[a], boxes[a], pieces[b], boxes[b])
    return total


_NUMBER = re.compile(r"-?[0-9.]+(?:e-?[0-9]+)?")


def _path_points(d: str) -> Polyline:
    """An SVG path as Graphviz writes an edge (`M x,y C x,y x,y x,y ...`), flattened."""
    numbers = [float(n) for n in _NUMBER.findall(d)]
    controls = list(zip(numbers[0::2], numbers[1::2], strict=False))
    return bezier_points(controls) if len(controls) >= 4 else controls


def _text_box(attrs: Mapping[str, str], content: str) -> tuple[float, float, float, float]:
    """The box a line of SVG text covers, from its anchor, font size and length."""
    size = float(attrs.get("font-size", "14"))
    width = len(content) * size * CHAR_WIDTH
    x, y = float(attrs.get("x", "0")), float(attrs.get("y", "0"))
    left = {"start": x, "end": x - width}.get(attrs.get("text-anchor", "middle"), x - width / 2)
    return left, y - 0.8 * size, left + width, y + 0.2 * size


def _distance(point: Point, box: tuple[float, float, float, float]) -> float:
    dx = max(box[0] - point[0], 0.0, point[0] - box[2])
    dy = max(box[1] - point[1], 0.0, point[1] - box[3])
    return float((dx * dx + dy * dy) ** 0.5)


def _nearest(line: Polyline, box: tuple[float, float, float, float]) -> float:
    """`min(_distance(p, box) for p in line)`, with the root taken only of the smallest
    squares: `** 0.5` is within an ulp, so it cannot order two squares the other way unless
    they are that close (the same float as the root of every square)."""
    left, bottom, right, top = box
    squares = []
    for x, y in line:
        # max(left - x, 0.0, x - right), and the same of y, written out (the same float)
        dx = left - x
        if dx < 0.0:
            dx = 0.0
        if x - right > dx:
            dx = x - right
        dy = bottom - y
        if dy < 0.0:
            dy = 0.0
        if y - top > dy:
            dy = y - top
        squares.append(dx * dx + dy * dy)
    near = min(squares) * (1 + 1e-9)
    return float(min(square**0.5 for square in squares if square <= near))


def label_distances(svg_text: str) -> dict[str, float]:
    """For each labelled edge of an SVG (by its title, `tail->head`), the distance in points
    from its label's box to the nearest point of its line; 0 when the line touches the label.
    The SVG is read as text (`svg_text.py`)."""
    found: dict[str, float] = {}
    for group in groups(svg_text):
        if group.kind != "edge":
            continue
        paths = group.path_lines()
        texts = group.shown_texts() if paths else []
        if not texts:
            continue
        line = [pt for d in paths for pt in _path_points(d)]
        boxes = [_text_box(t.attrs, t.text) for t in texts]
        box = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        title = group.title() or f"edge {group.number}"
        found[f"{title} #{group.number}"] = round(_nearest(line, box), 1)
    return found


def _texts_of(root: ET.Element, kind: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The visible lines of text in the groups of one class (`edge`, `cluster`, `node`)."""
    return [
        (text.text or "", _text_box(text.attrib, text.text or ""))
        for group in root.iter(f"{SVG}g")
        if group.get("class") == kind
        for text in group.iter(f"{SVG}text")
        if (text.text or "").strip()
    ]


def label_overlaps(svg_text: str, slack: float = 1.0) -> list[tuple[str, str]]:
    """The edge labels printed over a box's or a cluster's text: pairs (edge label, the text it
    covers). Boxes are estimated from the font as `label_distances` does, `slack` points in."""
    root = ET.fromstring(svg_text)
    others = [*_texts_of(root, "cluster"), *_texts_of(root, "node")]
    found = []
    for label, box in _texts_of(root, "edge"):
        inner = (box[0] + slack, box[1] + slack, box[2] - slack, box[3] - slack)
        found += [(label, text) for text, other in others if _boxes_meet(inner, other)]
    return found
