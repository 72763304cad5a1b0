"""The critical path of the roadmap: the longest chain of dependent work packages, and slack.

A chain's length is the sum of its packages' durations in days (start and end day both
counted), whatever the planned dates say about gaps or overlaps between them. The slack of a
package is how many days longer it could run before some chain through it became longer than
the critical path; packages on the critical path have none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx

from archlex.graph import ModelGraph
from archlex.model import WorkPackage


@dataclass(frozen=True, slots=True)
class CriticalPath:
    """The longest chain of dependent work packages, its dates, and every package's slack.

    When the dependencies form a cycle there is no longest chain: `packages` is empty and
    `cycle` names the packages caught in cycles (the `roadmap-cycle` rule reports them).
    """

    packages: tuple[str, ...]
    work_days: int
    start: dt.date | None
    end: dt.date | None
    slack: dict[str, int] = field(default_factory=dict)
    cycle: tuple[str, ...] = ()

    @property
    def span_days(self) -> int:
        """Days from the first start to the last end of the chain, both counted (0 if none)."""
        if self.start is None or self.end is None:
            return 0
        return (self.end - self.start).days + 1


def duration_days(package: WorkPackage) -> int:
    """How many days a work package runs, its start and end day both counted."""
    return (package.end - package.start).days + 1


def critical_path(graph: ModelGraph) -> CriticalPath:
    """The critical path of a model's roadmap."""
    packages = {p.id: p for p in graph.model.work_packages}
    return longest_chain(packages, graph.dependencies())


def longest_chain(
    packages: Mapping[str, WorkPackage], dependencies: nx.DiGraph[str]
) -> CriticalPath:
    """The longest chain by duration through `dependencies` (package -> package it depends on).

    Of several equally long chains, the one whose ids, read in order of work, sort first.
    Dependencies on anything that is not one of `packages` are ignored.
    """
    order = _precedence(packages, dependencies)
    if not nx.is_directed_acyclic_graph(order):
        return CriticalPath((), 0, None, None, cycle=_in_cycles(order))
    days = {n: duration_days(packages[n]) for n in order}
    topological = list(nx.lexicographical_topological_sort(order))
    ending = _longest_ending(order, topological, days)
    reversed_order = order.reverse(copy=False)
    starting = _longest_ending(reversed_order, topological[::-1], days)
    length = max(ending.values(), default=0)
    slack = {n: length - (ending[n] + starting[n] - days[n]) for n in sorted(order)}
    path = _walk(order, starting, days, length)
    chain = [packages[n] for n in path]
    return CriticalPath(
        tuple(path),
        length,
        min((p.start for p in chain), default=None),
        max((p.end for p in chain), default=None),
        slack,
    )


def _precedence(
    packages: Mapping[str, WorkPackage], dependencies: nx.DiGraph[str]
) -> nx.DiGraph[str]:
    """Package -> package that waits for it, the direction work flows in."""
    order: nx.DiGraph[str] = nx.DiGraph()
    order.add_nodes_from(sorted(packages))
    order.add_edges_from(
        sorted((t, s) for s, t in dependencies.edges() if s in packages and t in packages)
    )
    return order


def _in_cycles(order: nx.DiGraph[str]) -> tuple[str, ...]:
    """Every package in a cycle of dependencies, sorted."""
    caught: set[str] = set()
    for component in nx.strongly_connected_components(order):
        if len(component) > 1 or any(order.has_edge(n, n) for n in component):
            caught |= component
    return tuple(sorted(caught))


def _longest_ending(
    order: nx.DiGraph[str], topological: list[str], days: Mapping[str, int]
) -> dict[str, int]:
    """For each node, the longest chain (in days) that ends with it, following `order`."""
    longest: dict[str, int] = {}
    for node in topological:
        before = (longest[p] for p in order.predecessors(node))
        longest[node] = days[node] + max(before, default=0)
    return longest


def _walk(
    order: nx.DiGraph[str], starting: Mapping[str, int], days: Mapping[str, int], length: int
) -> list[str]:
    """The longest chain, taking the smallest id wherever two ways are equally long."""
    starts = [n for n in sorted(order) if starting[n] == length]
    if not starts:
        return []
    path = [starts[0]]
    while True:
        here = path[-1]
        rest = starting[here] - days[here]
        following = sorted(s for s in order.successors(here) if starting[s] == rest)
        if rest == 0 or not following:
            return path
        path.append(following[0])
