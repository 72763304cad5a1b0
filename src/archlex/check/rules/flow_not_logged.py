"""A flow goes to an interoperability component (the ESP, the sBMS, the CIR, the MID, the CRRS) and
says nothing about logging. The regulations require logs of the queries of the components (Articles
10, 16, 24 and 36 of both), kept by eu-LISA and by each Member State for its own authorities, and
those logs are what the supervisory authority audits. Add `logging: {fields: [...], retention: P1Y}`
with what the national side records, or `logging: {by: <component id>}` naming the component that
keeps the log.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.flow_ends import end_kind
from archlex.check.reads import ENDS, FLOW_ENDS, reads
from archlex.findings import Finding, Severity
from archlex.model import SystemKind
from archlex.rules import Phase, rule


@rule(
    "flow-not-logged",
    Severity.ERROR,
    Phase.CHECK,
    "a flow to or through an interoperability component is not logged",
    contract=True,
    reads=reads(ENDS, flows={"logging"}),
    reach={},
    through=reads(FLOW_ENDS, flows={"logging"}),
)
def flows_not_logged(context: CheckContext) -> Iterator[Finding]:
    """A flow to (or through) an interoperability component without logging."""
    for flow in context.model.flows:
        if flow.logging is not None:
            continue  # logged: its ends need not be looked up
        component = next(
            (
                end
                for end in (flow.to, flow.via)
                if end_kind(context, end) is SystemKind.INTEROPERABILITY_COMPONENT
            ),
            None,
        )
        if component is not None:
            yield context.finding(
                flow.id,
                f"flow `{flow.id}` goes {'to' if component == flow.to else 'through'} the "
                f"interoperability component {component} but has no logging",
                hint="add `logging: {fields: [...], retention: P1Y}` or "
                "`logging: {by: <component id>}`",
            )
