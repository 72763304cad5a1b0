"""Rules on the roadmap: dependency cycles and work that starts before what it depends on ends."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from archlex.check.context import CheckContext, check
from archlex.findings import Finding
from archlex.model import WorkPackage


@check("roadmap-cycle")
def dependency_cycles(context: CheckContext) -> Iterator[Finding]:
    """Work packages that depend on each other in a cycle, one finding per cycle."""
    dependencies = context.graph.dependencies()
    for component in sorted(nx.strongly_connected_components(dependencies), key=min):
        if len(component) == 1 and not dependencies.has_edge(*(2 * [min(component)])):
            continue
        first = min(component)
        cycle = [first, *_around(dependencies, first, component)]
        yield context.finding(
            "roadmap-cycle",
            first,
            "work packages depend on each other in a cycle: " + " -> ".join(cycle),
            "depends_on",
            hint="remove one of these `depends_on` entries",
        )


def _around(dependencies: nx.DiGraph[str], start: str, members: set[str]) -> list[str]:
    """The shortest way from `start` back to itself inside one strongly connected set."""
    inside = dependencies.subgraph(members)
    if inside.has_edge(start, start):
        return [start]
    step = min(inside.successors(start))
    return list(nx.shortest_path(inside, step, start))


@check("roadmap-order")
def packages_out_of_order(context: CheckContext) -> Iterator[Finding]:
    """A work package that starts on or before the last day of one it depends on."""
    for package in context.model.work_packages:
        for index, dependency_id in enumerate(package.depends_on):
            dependency = context.model.get(dependency_id)
            if isinstance(dependency, WorkPackage) and package.start <= dependency.end:
                yield context.finding(
                    "roadmap-order",
                    package.id,
                    f"work package `{package.id}` starts {package.start}, before "
                    f"`{dependency.id}`, which it depends on, ends {dependency.end}",
                    "depends_on",
                    index,
                    hint=f"start it after {dependency.end}, or drop the dependency",
                )
