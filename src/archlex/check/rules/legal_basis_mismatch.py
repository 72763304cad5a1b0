"""A flow that reaches or passes an interoperability component cites provisions, but none of them is
in an article whose `access` grant in the catalog reaches the flow's target. The flow then rests on
no access right to that system, which is what a data-protection audit checks. Only flows whose
target the catalog has grants for are judged, and citations match grants by article, so a
neighbouring paragraph counts. Cite the provision that grants the access (the hint lists them, e.g.
`2019/817 Art 7` for the ESP), or add an `access` entry when your own law grants it.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.flow_ends import end_kind
from archlex.check.reads import ENDS, FLOW_ENDS, reads
from archlex.findings import Finding, Severity
from archlex.model import AccessGrant, SystemKind
from archlex.rules import Phase, rule


@rule(
    "legal-basis-mismatch",
    Severity.WARNING,
    Phase.CHECK,
    "a flow cites provisions, but none of them grants access to its target",
    reads=reads(ENDS, access={"provision", "systems"}, flows={"legal_basis"}),
    reach={},
    through=reads(FLOW_ENDS, flows={"legal_basis"}),
)
def legal_basis_mismatches(context: CheckContext) -> Iterator[Finding]:
    """A flow cites provisions, but none of them grants access to the flow's target.

    Only flows that reach or pass an interoperability component are judged: the catalog
    holds 2019/817 and 2019/818, which grant access to the components and through them to the
    EU systems; a flow to a central system through its own national interface rests on that
    system's own regulation, which the catalog does not hold. A grant counts when it reaches
    the flow's target. Citations match grants at the level of the article, because a grant
    names the paragraph that grants the access while a flow may rightly cite a neighbouring
    paragraph of the same article.
    """
    grants_to: dict[str, list[AccessGrant]] = {}
    for grant in context.model.access:
        for system in grant.systems:
            grants_to.setdefault(system, []).append(grant)
    for flow in context.model.flows:
        ends = (flow.to, flow.via, flow.from_)
        if not any(end_kind(context, end) is SystemKind.INTEROPERABILITY_COMPONENT for end in ends):
            continue
        grants = grants_to.get(flow.to, [])
        if not flow.legal_basis or not grants:
            continue  # only flows the catalog has grants for can be judged
        granted = {(g.provision.regulation, g.provision.article) for g in grants}
        if any((p.regulation, p.article) in granted for p in flow.legal_basis):
            continue
        cited = ", ".join(str(p) for p in flow.legal_basis)
        options = sorted({g.provision for g in grants}, key=lambda p: p.sort_key)
        yield context.finding(
            flow.id,
            f"flow `{flow.id}` to {flow.to} cites {cited}, none of which grants access to "
            f"{flow.to}",
            "legal_basis",
            hint="provisions that grant access to it: " + ", ".join(str(p) for p in options[:6]),
        )
