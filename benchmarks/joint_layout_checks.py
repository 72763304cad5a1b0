"""The checks of `benchmarks/joint_layout.py`: each language's text inside its boxes in a
drawing rendered from a layout (`misfits`), and the control that shows the check can fail
(each language drawn into the first language's own layout, `naive_pins`)."""

from __future__ import annotations

import copy
import json

from archlex.toolkit.dot import Graph
from joint_layout import graphviz, pinned

Box = tuple[float, float, float, float]


def _outline(ops: list[dict[str, object]]) -> Box | None:
    """The box around a node's drawn outline (polygons, lines, curves, ellipses)."""
    points: list[tuple[float, float]] = []
    for op in ops:
        if op["op"] in ("P", "p", "L", "b", "B"):
            points += [(float(x), float(y)) for x, y in op["points"]]  # type: ignore[attr-defined]
        elif op["op"] in ("E", "e"):
            x, y, rx, ry = (float(v) for v in op["rect"])  # type: ignore[attr-defined]
            points += [(x - rx, y - ry), (x + rx, y + ry)]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _texts(ops: list[dict[str, object]]) -> list[tuple[str, Box]]:
    """Each line of text an object draws and the box it covers (baseline to cap height)."""
    size, found = 14.0, []
    for op in ops:
        if op["op"] == "F":
            size = float(op["size"])  # type: ignore[arg-type]
        elif op["op"] == "T":
            x, y = (float(v) for v in op["pt"])  # type: ignore[attr-defined]
            width = float(op["width"])  # type: ignore[arg-type]
            left = {"l": x, "r": x - width}.get(str(op["align"]), x - width / 2)
            found.append((str(op["text"]), (left, y - 0.2 * size, left + width, y + 0.75 * size)))
    return found


def misfits(source: str, slack: float = 0.5) -> list[str]:
    """The lines of text of a pinned graph drawn outside their node's outline, and the edge
    labels drawn over a node: what a reader would object to."""
    drawn = json.loads(graphviz(["neato", "-n2", "-Tjson"], source))
    found, outlines = [], []
    for item in drawn.get("objects", []):
        if "pos" not in item:
            continue
        box = _outline(item.get("_draw_", []))
        if box is None:
            continue
        outlines.append(box)
        for text, (left, bottom, right, top) in _texts(item.get("_ldraw_", [])):
            if left < box[0] - slack or right > box[2] + slack or bottom < box[1] - slack:
                found.append(f"{item['name']}: {text!r} outside its box")
            elif top > box[3] + slack:
                found.append(f"{item['name']}: {text!r} outside its box")
    for edge in drawn.get("edges", []):
        for text, (left, bottom, right, top) in _texts(edge.get("_ldraw_", [])):
            for box in outlines:
                if left < box[2] and box[0] < right and bottom < box[3] and box[1] < top:
                    found.append(f"edge label {text!r} over a node")
    return found


def naive_pins(versions: dict[str, list[tuple[str, Graph, bool]]], count: int) -> list[str]:
    """The control: each language drawn into the first language's own layout (no joint
    sizing); the sources of the first `count` diagrams in the other languages."""
    first, *others = list(versions.values())
    sources = []
    for number in range(count):
        graph = copy.deepcopy(first[number][1])
        for index, edge in enumerate(graph.edges):
            edge.attrs = {**edge.attrs, "id": f"e{index}"}
        laid = json.loads(graphviz(["dot", "-Tjson0"], graph.source()))
        sources += [pinned(other[number][1], laid).source() for other in others]
    return sources
