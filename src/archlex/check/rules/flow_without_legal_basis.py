"""A flow carries personal or special-category (biometric) data to or from an EU central system or
an interoperability component, but its `legal_basis` cites no provision. Every such processing needs
a basis in Union or national law, and a supervisory authority auditing the national side will ask
for it flow by flow; a flow without one is either unlawful or undocumented. Cite the provisions that
allow it, e.g. `2019/817 Art 7(2)` for a search through the ESP or `2019/817 Art 20(1)` for a CIR
query during a police identity check.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.flow_ends import EU_KINDS, end_kind, personal_data
from archlex.check.reads import ENDS, FLOW_ENDS, reads
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "flow-without-legal-basis",
    Severity.ERROR,
    Phase.CHECK,
    "a flow carries personal data to or from an EU system and cites no provision",
    contract=True,
    reads=reads(ENDS, data={"personal", "special"}, flows={"data", "legal_basis"}),
    reach={},
    through=reads(FLOW_ENDS, flows={"data", "legal_basis"}),
)
def flows_without_legal_basis(context: CheckContext) -> Iterator[Finding]:
    """A flow of personal data to or from an EU system or component that cites no provision."""
    for flow in context.model.flows:
        if flow.legal_basis:
            continue
        # `via` counts: a search through the ESP carries the data to the ESP.
        eu_end = next(
            (end for end in (flow.to, flow.from_, flow.via) if end_kind(context, end) in EU_KINDS),
            None,
        )
        personal = personal_data(context, flow)
        if eu_end is None or not personal:
            continue
        direction = {flow.to: "to", flow.via: "through"}.get(eu_end, "from")
        yield context.finding(
            flow.id,
            f"flow `{flow.id}` carries personal data ({', '.join(personal)}) {direction} "
            f"{eu_end} but cites no provision",
            hint='add `legal_basis: ["<regulation> Art <n>(<paragraph>)"]`, e.g. '
            '"2019/817 Art 7(1)" for a search through the ESP',
        )
