"""The columns of the technical views, left to right: the national systems zone by zone, the
national uniform interfaces, then the EU side.

All systems of a zone (the innermost node or `zone` they sit in) share one column, so that two
zones in different columns stand side by side instead of one above the other, and a data centre
is as tall as its tallest zone rather than the sum of them. Zones follow the national lines
between them (a zone that feeds another stands left of it); a zone whose systems have no line to
another national zone goes beside the interfaces when its lines leave the state, else first.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from archlex.model.system import System, SystemKind
from archlex.toolkit.dot import Edge

STATE_SIDE = (SystemKind.NATIONAL, SystemKind.NATIONAL_INTERFACE)


def columns(
    edges: list[Edge], systems: list[System], zone_of: Mapping[str, str], leaving: set[str]
) -> tuple[list[list[str]], list[Edge]]:
    """The columns of system ids, and the invisible edges that keep them in that order; a
    line against the columns' order is told not to pull on them. `leaving`: the systems with
    a line out of the state, drawn in this view or not."""
    state = [s.id for s in systems if s.kind is SystemKind.NATIONAL]
    interfaces = [s.id for s in systems if s.kind is SystemKind.NATIONAL_INTERFACE]
    column = _national_columns(edges, state, zone_of)
    found = [interfaces] if column is None else _placed(edges, column, interfaces, zone_of, leaving)
    found.append([s.id for s in systems if s.kind not in STATE_SIDE])
    found = [ids for ids in found if ids]
    return found, _order(edges, found)


def _placed(
    edges: list[Edge],
    column: dict[str, int],
    interfaces: list[str],
    zone_of: Mapping[str, str],
    leaving: set[str],
) -> list[list[str]]:
    """The national columns with the interfaces in the column after the systems that feed
    them; a zone with no line to another national zone or an interface goes beside the
    interfaces when its lines leave the state, else first."""
    feeders = [e.tail for e in edges if e.tail in column and e.head in interfaces]
    beside = max((column[i] for i in feeders), default=max(column.values(), default=-1)) + 1
    outward = {zone_of[i] for i in column if i in leaving}
    placed = _linked_zones(edges, column, zone_of) | {zone_of[i] for i in feeders}
    for system_id in column:
        if zone_of[system_id] not in placed:
            column[system_id] = beside if zone_of[system_id] in outward else 0
    width = max([beside, *column.values()]) + 1
    found = [[i for i in column if column[i] == n] for n in range(width)]
    found[beside] += interfaces
    return found


def _linked_zones(
    edges: list[Edge], column: dict[str, int], zone_of: Mapping[str, str]
) -> set[str]:
    """The zones joined to another national zone by a line."""
    return {
        zone_of[end]
        for e in edges
        if e.tail in column and e.head in column and zone_of[e.tail] != zone_of[e.head]
        for end in (e.tail, e.head)
    }


def _national_columns(
    edges: list[Edge], state: list[str], zone_of: Mapping[str, str]
) -> dict[str, int] | None:
    """Each national system's column: its zone's longest run of national lines from a zone
    no line enters; None when the zones' lines run in a cycle."""
    inside = set(state)
    lines = {
        (zone_of[e.tail], zone_of[e.head])
        for e in edges
        if {e.tail, e.head} <= inside and zone_of[e.tail] != zone_of[e.head]
    }
    zones = sorted({zone_of[i] for i in state})
    depth = dict.fromkeys(zones, 0)
    for _ in zones:  # at most as many rounds as zones
        for tail, head in sorted(lines):
            depth[head] = max(depth[head], min(depth[tail] + 1, len(zones)))
    if any(depth[head] <= depth[tail] for tail, head in lines):
        return None
    return {i: depth[zone_of[i]] for i in state}


def _order(edges: list[Edge], found: list[list[str]]) -> list[Edge]:
    """Invisible edges from each column to the next; lines running backwards pull on nothing."""
    place = {i: n for n, ids in enumerate(found) for i in ids}
    for edge in edges:
        if place.get(edge.head, len(found)) <= place.get(edge.tail, -1):
            edge.attrs["constraint"] = "false"
    return [Edge(a[0], b[0], None, {"style": "invis", "weight": "0"}) for a, b in pairwise(found)]
