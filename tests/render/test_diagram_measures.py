"""The measures of a drawn diagram give the numbers the plain ways of working them out give:
Bézier points as the written-out formula, crossings as testing every pair of segments, label
distances as the root of every square, and one parse of an SVG as each measure parsing it."""

from __future__ import annotations

import random
import shutil
from itertools import combinations, pairwise

import pytest

from archlex.render.diagrams.measure import (
    STEPS,
    Point,
    Polyline,
    _distance,
    _nearest,
    bezier_points,
    crossings,
    crossings_of,
    label_distances,
    plain_edges,
)
from archlex.render.diagrams.page import DrawnSvg, placement_of, png_dpi
from archlex.toolkit.dot import run_dot_command


def _written_out(controls: list[Point]) -> Polyline:
    """The Bézier formula, point by point (the flattening as first written)."""
    points = [controls[0]]
    for start in range(0, len(controls) - 3, 3):
        p0, p1, p2, p3 = controls[start : start + 4]
        for step in range(1, STEPS + 1):
            t = step / STEPS
            u = 1 - t
            points.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return points


def _every_pair(edges: list[tuple[str, str, Polyline]]) -> int:
    """Crossings by testing every pair of segments of every pair of edges sharing no end."""
    total = 0
    for (a_tail, a_head, a), (b_tail, b_head, b) in combinations(edges, 2):
        if {a_tail, a_head} & {b_tail, b_head}:
            continue
        for (px, py), (qx, qy) in pairwise(a):
            for (rx, ry), (sx, sy) in pairwise(b):
                d1 = (sx - rx) * (py - ry) - (sy - ry) * (px - rx)
                d2 = (sx - rx) * (qy - ry) - (sy - ry) * (qx - rx)
                d3 = (qx - px) * (ry - py) - (qy - py) * (rx - px)
                d4 = (qx - px) * (sy - py) - (qy - py) * (sx - px)
                total += d1 * d2 < 0 and d3 * d4 < 0
    return total


def _random_plain(rng: random.Random, edges: int) -> str:
    """A `-Tplain` layout of random splines between a few boxes (some sharing ends)."""
    lines = []
    for _ in range(edges):
        tail, head = rng.sample("abcdefgh", 2)
        count = 1 + 3 * rng.randint(1, 3)
        x, y = rng.uniform(0, 20), rng.uniform(0, 20)
        numbers = []
        for _ in range(count):
            x, y = x + rng.uniform(-4, 4), y + rng.uniform(-4, 4)
            numbers += [f"{x:.4f}", f"{y:.4f}"]
        lines.append(f"edge {tail} {head} {count} {' '.join(numbers)} solid black")
    return "\n".join(lines)


def test_bezier_points_are_the_written_out_formula() -> None:
    rng = random.Random(817)
    for segments in (0, 1, 2, 5):
        controls = [(rng.uniform(-500, 500), rng.uniform(-500, 500))]
        controls += [(rng.uniform(-500, 500), rng.uniform(-500, 500)) for _ in range(3 * segments)]
        assert bezier_points(controls) == _written_out(controls)


@pytest.mark.parametrize("seed", range(6))
def test_crossings_are_those_of_every_pair_of_segments(seed: int) -> None:
    rng = random.Random(seed)
    plain = _random_plain(rng, rng.randint(2, 40))
    edges = plain_edges(plain)
    expected = _every_pair(edges)
    assert crossings_of(edges) == crossings(plain) == expected
    assert seed > 0 or expected > 0  # the first layout has crossings to count


def test_an_edge_spanning_the_others_is_swept_against_each() -> None:
    # a long edge first by its left, then short ones that start after short ones end
    plain = "\n".join(
        [
            "edge a b 4 0 5.3 10 5.3 20 5.3 30 5.3 solid black",
            "edge c d 4 1 0 1 3 1 7 1 10 solid black",
            "edge e f 4 12 0 12 3 12 7 12 10 solid black",
            "edge g h 4 26 0 26 3 26 7 26 10 solid black",
        ]
    )
    assert crossings(plain) == _every_pair(plain_edges(plain)) == 3


def test_the_nearest_point_is_the_smallest_distance() -> None:
    rng = random.Random(818)
    for _ in range(200):
        line = [(rng.uniform(-50, 50), rng.uniform(-50, 50)) for _ in range(rng.randint(1, 30))]
        left, bottom = rng.uniform(-20, 20), rng.uniform(-20, 20)
        box = (left, bottom, left + rng.uniform(0, 10), bottom + rng.uniform(0, 10))
        assert _nearest(line, box) == min(_distance(p, box) for p in line)


def test_one_parse_of_an_svg_measures_as_its_text() -> None:
    dot = shutil.which("dot")
    assert dot is not None
    source = 'digraph g { a -> b [label="a label"]; b -> c [label="x", fontsize=9]; c -> a; }'
    svg = run_dot_command("g", [dot, "-Tsvg"], source).stdout.decode()
    drawn = DrawnSvg.of(svg)
    assert drawn.placement() == placement_of(svg)
    assert drawn.png_dpi() == png_dpi(svg)
    assert len(label_distances(svg)) == 2
