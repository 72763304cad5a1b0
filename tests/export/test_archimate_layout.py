"""Graphviz lays out the view figures: nested, apart, on the canvas, the same every time."""

from __future__ import annotations

from archlex.export.archimate_layout import (
    MARGIN,
    NODE_HEIGHT,
    NODE_WIDTH,
    Bounds,
    Box,
    graphviz_bounds,
)
from archlex.export.archimate_layout import layout as lay_out


def tree() -> list[Box]:
    """Two containers, one nested, and a loose leaf."""
    inner = Box("inner", [Box("c"), Box("d")])
    return [Box("outer", [Box("a"), inner]), Box("b")]


def contains(outer: Bounds, inner: Bounds) -> bool:
    """Whether `inner` lies within `outer`."""
    return (
        outer.x <= inner.x
        and outer.y <= inner.y
        and inner.x + inner.w <= outer.x + outer.w
        and inner.y + inner.h <= outer.y + outer.h
    )


def test_graphviz_nests_children_inside_their_containers() -> None:
    bounds = lay_out(tree(), [("a", "b"), ("c", "b"), ("inner", "a")])
    assert set(bounds) == {"outer", "inner", "a", "b", "c", "d"}
    assert contains(bounds["outer"], bounds["inner"])
    assert all(contains(bounds["inner"], bounds[k]) for k in "cd")
    assert (bounds["a"].w, bounds["a"].h) == (NODE_WIDTH, NODE_HEIGHT)
    assert min(b.x for b in bounds.values()) == MARGIN
    assert min(b.y for b in bounds.values()) == MARGIN
    assert lay_out(tree(), [("a", "b"), ("c", "b"), ("inner", "a")]) == bounds


def test_containers_graphviz_did_not_draw_enclose_their_children() -> None:
    # What `dot -Gclusterrank=none` (the last fallback) returns: node positions, no clusters.
    names = {key: f"b{n}" for n, key in enumerate(["outer", "a", "inner", "c", "d", "b"])}
    nodes = [("b1", 100, 300), ("b3", 100, 200), ("b4", 300, 200), ("b5", 500, 100)]
    drawn: dict[str, object] = {
        "bb": "0,0,600,400",
        "objects": [
            {"name": name, "pos": f"{x},{y}", "width": "1.9444", "height": "0.8333"}
            for name, x, y in nodes
        ],
    }
    bounds = graphviz_bounds(tree(), names, drawn)
    assert contains(bounds["outer"], bounds["inner"])
    assert all(contains(bounds["inner"], bounds[k]) for k in "cd")
    assert contains(bounds["outer"], bounds["a"])
    assert min(b.y for b in bounds.values()) == MARGIN
