"""Work packages depend on each other in a cycle (A on B and B on A, or a longer loop), so none of
them can start first: the roadmap cannot be scheduled, and every date and critical path derived from
it is meaningless. The finding lists the cycle and is placed on the `depends_on` of its first work
package. Remove the dependency that is not real, or split a work package so that the part the others
wait for stands on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archlex.check.context import CheckContext
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule

if TYPE_CHECKING:
    import networkx as nx


@rule(
    "roadmap-cycle",
    Severity.ERROR,
    Phase.CHECK,
    "work packages depend on each other in a cycle",
    contract=True,
)
def dependency_cycles(context: CheckContext) -> Iterator[Finding]:
    """Work packages that depend on each other in a cycle, one finding per cycle."""
    import networkx as nx  # here, not above: `archlex validate` never pays for importing it

    dependencies = context.graph.dependencies()
    for component in sorted(nx.strongly_connected_components(dependencies), key=min):
        if len(component) == 1 and not dependencies.has_edge(*(2 * [min(component)])):
            continue
        first = min(component)
        cycle = [first, *_around(dependencies, first, component)]
        yield context.finding(
            first,
            "work packages depend on each other in a cycle: " + " -> ".join(cycle),
            "depends_on",
            hint="remove one of these `depends_on` entries",
        )


def _around(dependencies: nx.DiGraph[str], start: str, members: set[str]) -> list[str]:
    """The shortest way from `start` back to itself inside one strongly connected set."""
    import networkx as nx

    inside = dependencies.subgraph(members)
    if inside.has_edge(start, start):
        return [start]
    step = min(inside.successors(start))
    return list(nx.shortest_path(inside, step, start))
