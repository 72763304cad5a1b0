"""A national system in service (existing or changing) is deployed on no node in production,
although the model describes where its systems run (it declares nodes that host systems). The
technical architecture then has a hole: the system's data centre, security zone and network are
unknown, and so are its disaster-recovery site and the path its flows take to the national
uniform interfaces. Add `{system: <id>, environment: production}` to the `hosts` of the node it
runs on. Planned and retiring systems, systems of the `eu` library and models that describe no
hosting at all are not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import reads
from archlex.findings import Finding, Severity
from archlex.model import Environment, SystemKind, SystemStatus
from archlex.model.infrastructure import hostings
from archlex.rules import Phase, rule

IN_SERVICE = (SystemStatus.EXISTING, SystemStatus.CHANGING)


@rule(
    "system-not-deployed",
    Severity.WARNING,
    Phase.CHECK,
    "a national system in service runs on no node in production",
    reads=reads(nodes={"hosts"}, systems={"components", "kind", "status"}),
    reach={},
    through={},
)
def systems_not_deployed(context: CheckContext) -> Iterator[Finding]:
    """A national system in service with no production deployment, in a model with hosting."""
    deployed = hostings(context.model.nodes)
    if not deployed:
        return
    for system in context.model.systems:
        if system.kind is not SystemKind.NATIONAL or system.status not in IN_SERVICE:
            continue
        parts = [system.id, *(c.id for c in system.components)]
        production = [
            node.id
            for part in parts
            for node, hosting in deployed.get(part, [])
            if hosting.environment is Environment.PRODUCTION
        ]
        if not production and not context.is_library(system.id):
            yield context.finding(
                system.id,
                f"system `{system.id}` is {system.status.value} but runs on no node in production",
                hint=f"add `{{system: {system.id}, environment: production}}` to the `hosts` "
                "of the node it runs on",
            )
