"""Bounds for the nodes of an ArchiMate view, laid out by Graphviz `dot -Tjson`.

A view is a tree of boxes (containers hold boxes) and lines between boxes. Leaves become
Graphviz nodes of a fixed size, containers become clusters, and the positions Graphviz
computes are turned into the exchange format's top-left, y-down pixel bounds. The same input
gives the same layout, so the export is deterministic.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field

from archlex.errors import ArchlexError
from archlex.toolkit.dot import FALLBACK_SETTINGS, run_dot_command

NODE_WIDTH = 140  # Archi's default element figure is 120 x 55; a little wider reads better
NODE_HEIGHT = 60
PADDING = 12  # around a container's children when Graphviz gives no cluster box
HEADER = 28  # room for a container's own name above its children
MARGIN = 20  # between the diagram's edge and the first figure


@dataclass
class Box:
    """A figure in a view: a leaf, or a container of other boxes."""

    key: str
    children: list[Box] = field(default_factory=list)

    def walk(self) -> Iterator[Box]:
        """This box and every box inside it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def first_leaf(self) -> Box:
        """The first leaf inside it: where a line to a container is attached for the layout."""
        return self if not self.children else self.children[0].first_leaf()


@dataclass(frozen=True)
class Bounds:
    """Top-left corner and size, in pixels."""

    x: int
    y: int
    w: int
    h: int


def layout(boxes: list[Box], lines: list[tuple[str, str]]) -> dict[str, Bounds]:
    """The bounds of every box, by key, from one run of Graphviz `dot` (none for a view with
    nothing in it: a model without systems, a process without flows yet)."""
    if not boxes:
        return {}
    names = {box.key: f"b{number}" for number, box in enumerate(_all(boxes))}
    leaves = {box.key: box.first_leaf().key for box in _all(boxes)}
    source = _dot_source(boxes, [(leaves[a], leaves[b]) for a, b in lines], names)
    drawn = _run_dot(source)
    return graphviz_bounds(boxes, names, drawn)


def _all(boxes: list[Box]) -> Iterator[Box]:
    for box in boxes:
        yield from box.walk()


def _dot_source(boxes: list[Box], lines: list[tuple[str, str]], names: dict[str, str]) -> str:
    out = [
        "digraph view {",
        '  graph [rankdir="LR", nodesep="0.35", ranksep="0.9", margin="0"];',
        f'  node [shape="box", fixedsize="true", label="", '
        f'width="{NODE_WIDTH / 72:.4f}", height="{NODE_HEIGHT / 72:.4f}"];',
    ]
    for box in boxes:
        out += _box_source(box, names, "  ")
    for tail, head in sorted(set(lines)):
        if tail != head:
            out.append(f'  "{names[tail]}" -> "{names[head]}";')
    return "\n".join([*out, "}"]) + "\n"


def _box_source(box: Box, names: dict[str, str], indent: str) -> list[str]:
    if not box.children:
        return [f'{indent}"{names[box.key]}";']
    # The cluster's label is a placeholder that reserves room for the name Archi draws.
    lines = [
        f'{indent}subgraph "cluster_{names[box.key]}" {{',
        f'{indent}  graph [label="M", fontsize="18", margin="10"];',
    ]
    for child in box.children:
        lines += _box_source(child, names, indent + "  ")
    return [*lines, f"{indent}}}"]


def _run_dot(source: str) -> dict[str, object]:
    dot = shutil.which("dot")
    if dot is None:
        raise ArchlexError(
            "cannot lay out the ArchiMate views: Graphviz `dot` is not installed",
            "install Graphviz (Debian and Ubuntu: apt install graphviz) and export again",
        )
    detail = ""
    for settings in FALLBACK_SETTINGS:
        result = run_dot_command("an ArchiMate view", [dot, *settings, "-Tjson"], source)
        if result.returncode == 0:
            drawn: dict[str, object] = json.loads(result.stdout)
            return drawn
        detail = result.stderr.decode("utf-8", errors="replace").strip()
    raise ArchlexError(
        f"Graphviz could not lay out an ArchiMate view: {detail[:200]}",
        "report this with the model that causes it",
    )


def _numbers(text: object) -> list[float]:
    return [float(part) for part in str(text).split(",")]


def graphviz_bounds(
    boxes: list[Box], names: dict[str, str], drawn: dict[str, object]
) -> dict[str, Bounds]:
    """Graphviz's boxes (points, y up) as top-left pixel bounds (y down)."""
    top = _numbers(drawn["bb"])[3]
    raw: dict[str, tuple[float, float, float, float]] = {}  # name -> x1, y1, x2, y2 (y down)
    objects = drawn.get("objects", [])
    for item in objects if isinstance(objects, list) else []:
        name = str(item.get("name", ""))
        if "bb" in item:
            x1, y1, x2, y2 = _numbers(item["bb"])
            raw[name.removeprefix("cluster_")] = (x1, top - y2, x2, top - y1)
        elif "pos" in item:
            x, y = _numbers(item["pos"])
            w, h = float(item["width"]) * 72, float(item["height"]) * 72
            raw[name] = (x - w / 2, top - y - h / 2, x + w / 2, top - y + h / 2)
    corners: dict[str, tuple[float, float, float, float]] = {}
    for box in boxes:
        _enclose(box, names, raw, corners)
    # Shift everything so the top-left figure sits MARGIN pixels from the diagram's corner.
    left = min(c[0] for c in corners.values())
    upper = min(c[1] for c in corners.values())
    return {
        key: Bounds(
            round(x1 - left) + MARGIN,
            round(y1 - upper) + MARGIN,
            max(round(x2 - x1), 1),
            max(round(y2 - y1), 1),
        )
        for key, (x1, y1, x2, y2) in corners.items()
    }


def _enclose(
    box: Box,
    names: dict[str, str],
    raw: dict[str, tuple[float, float, float, float]],
    corners: dict[str, tuple[float, float, float, float]],
) -> tuple[float, float, float, float]:
    """Corners of a box and its children; a container Graphviz did not draw encloses them."""
    inside = [_enclose(child, names, raw, corners) for child in box.children]
    found = raw.get(names[box.key])
    if found is None and inside:
        found = (
            min(c[0] for c in inside) - PADDING,
            min(c[1] for c in inside) - PADDING - HEADER,
            max(c[2] for c in inside) + PADDING,
            max(c[3] for c in inside) + PADDING,
        )
    if found is None:
        found = (0.0, 0.0, float(NODE_WIDTH), float(NODE_HEIGHT))
    corners[box.key] = found
    return found
