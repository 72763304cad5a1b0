"""Work packages depend on each other in a cycle (A on B and B on A, or a longer loop), so none of
them can start first: the roadmap cannot be scheduled, and every date and critical path derived from
it is meaningless. The finding lists the cycle and is placed on the `depends_on` of its first work
package. Remove the dependency that is not real, or split a work package so that the part the others
wait for stands on its own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import DEPENDENCIES
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule

Edges = dict[str, list[str]]


@rule(
    "roadmap-cycle",
    Severity.ERROR,
    Phase.CHECK,
    "work packages depend on each other in a cycle",
    contract=True,
    reads=DEPENDENCIES,
    reach={},
    through={},
)
def dependency_cycles(context: CheckContext) -> Iterator[Finding]:
    """Work packages that depend on each other in a cycle, one finding per cycle."""
    graph = context.graph
    edges: Edges = {p.id: graph.successors(p.id, "depends_on") for p in context.model.work_packages}
    for component in sorted(strongly_connected(edges), key=min):
        first = min(component)
        if len(component) == 1 and first not in edges.get(first, ()):
            continue
        cycle = [first, *_around(edges, first, component)]
        yield context.finding(
            first,
            "work packages depend on each other in a cycle: " + " -> ".join(cycle),
            "depends_on",
            hint="remove one of these `depends_on` entries",
        )


def strongly_connected(edges: Edges) -> list[set[str]]:
    """The strongly connected sets of a graph (Tarjan's algorithm, without recursion: a chain
    of thousands of work packages must not hit Python's recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    found.append(_pop_component(stack, on_stack, node))
            elif step not in index:
                index[step] = low[step] = len(index)
                stack.append(step)
                on_stack.add(step)
                work.append((step, iter(edges.get(step, ()))))
            elif step in on_stack:
                low[node] = min(low[node], index[step])
    return found


def _pop_component(stack: list[str], on_stack: set[str], node: str) -> set[str]:
    component: set[str] = set()
    while True:
        member = stack.pop()
        on_stack.discard(member)
        component.add(member)
        if member == node:
            return component


def _around(edges: Edges, start: str, members: set[str]) -> list[str]:
    """The shortest way from `start` back to itself inside one strongly connected set: from its
    first successor there, breadth first, neighbours in sorted order (the same path every run)."""
    if start in edges.get(start, ()):
        return [start]
    step = min(t for t in edges.get(start, ()) if t in members)
    came_from: dict[str, str | None] = {step: None}
    queue = deque([step])
    while queue:
        node = queue.popleft()
        if node == start:
            break
        for target in edges.get(node, ()):
            if target in members and target not in came_from:
                came_from[target] = node
                queue.append(target)
    path: list[str] = []
    at: str | None = start
    while at is not None:
        path.append(at)
        at = came_from[at]
    return path[::-1]
