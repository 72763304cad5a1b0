"""A system of the model takes part in no flow: it neither sends, receives nor relays (`via`) any
data, and no flow touches any of its components. Either its flows are missing, and with them the
legal-basis and logging checks they would get, or the system plays no part in the interoperability
architecture and need not be in the model. Model the flows it takes part in, or remove it; systems
of the `eu` library are never reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import FLOW_ENDS, reads
from archlex.findings import Finding, Severity
from archlex.model import SystemStatus
from archlex.rules import Phase, rule


@rule(
    "orphan-system",
    Severity.INFO,
    Phase.CHECK,
    "a system takes part in no flow",
    contract=True,
    reads=reads(FLOW_ENDS, systems={"components", "status"}),
    reach={},
    through=FLOW_ENDS,
)
def orphan_systems(context: CheckContext) -> Iterator[Finding]:
    """A system of the model's own (not a library's, not retiring) that takes part in no flow."""
    used = {end for flow in context.model.flows for end in (flow.from_, flow.to, flow.via)}
    for system in context.model.systems:
        parts = {system.id, *(c.id for c in system.components)}
        retiring = system.status is SystemStatus.RETIRING
        if parts & used or retiring or context.is_library(system.id):
            continue
        yield context.finding(
            system.id,
            f"system `{system.id}` takes part in no flow",
            hint="model the flows it sends or receives, or mark it `status: retiring`",
        )
