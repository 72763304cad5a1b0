"""Rules on data flows and systems: legal basis, logging, orphans, access grants."""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext, check
from archlex.findings import Finding
from archlex.model import AccessGrant, DataCategory, Flow, SystemKind, SystemStatus

EU_KINDS = {SystemKind.EU_CENTRAL, SystemKind.INTEROPERABILITY_COMPONENT}


def _kind(context: CheckContext, system_id: str | None) -> SystemKind | None:
    system = context.graph.system_of(system_id) if system_id else None
    return system.kind if system else None


def _personal(context: CheckContext, flow: Flow) -> list[str]:
    """The personal data categories a flow carries."""
    return [
        d
        for d in flow.data
        if isinstance(data := context.model.get(d), DataCategory)
        and (data.personal or data.special)
    ]


@check("flow-without-legal-basis")
def flows_without_legal_basis(context: CheckContext) -> Iterator[Finding]:
    """A flow of personal data to or from an EU system or component that cites no provision."""
    for flow in context.model.flows:
        if flow.legal_basis:
            continue
        # `via` counts: a search through the ESP carries the data to the ESP.
        eu_end = next(
            (end for end in (flow.to, flow.from_, flow.via) if _kind(context, end) in EU_KINDS),
            None,
        )
        personal = _personal(context, flow)
        if eu_end is None or not personal:
            continue
        direction = {flow.to: "to", flow.via: "through"}.get(eu_end, "from")
        yield context.finding(
            "flow-without-legal-basis",
            flow.id,
            f"flow `{flow.id}` carries personal data ({', '.join(personal)}) {direction} "
            f"{eu_end} but cites no provision",
            hint='add `legal_basis: ["<regulation> Art <n>(<paragraph>)"]`, e.g. '
            '"2019/817 Art 7(1)" for a search through the ESP',
        )


@check("flow-not-logged")
def flows_not_logged(context: CheckContext) -> Iterator[Finding]:
    """A flow to (or through) an interoperability component without logging."""
    for flow in context.model.flows:
        component = next(
            (
                end
                for end in (flow.to, flow.via)
                if _kind(context, end) is SystemKind.INTEROPERABILITY_COMPONENT
            ),
            None,
        )
        if flow.logging is None and component is not None:
            yield context.finding(
                "flow-not-logged",
                flow.id,
                f"flow `{flow.id}` goes {'to' if component == flow.to else 'through'} the "
                f"interoperability component {component} but has no logging",
                hint="add `logging: {fields: [...], retention: P1Y}` or "
                "`logging: {by: <component id>}`",
            )


@check("orphan-system")
def orphan_systems(context: CheckContext) -> Iterator[Finding]:
    """A system of the model's own (not a library's, not retiring) that takes part in no flow."""
    used = {end for flow in context.model.flows for end in (flow.from_, flow.to, flow.via)}
    for system in context.model.systems:
        parts = {system.id, *(c.id for c in system.components)}
        retiring = system.status is SystemStatus.RETIRING
        if parts & used or retiring or context.is_library(system.id):
            continue
        yield context.finding(
            "orphan-system",
            system.id,
            f"system `{system.id}` takes part in no flow",
            hint="model the flows it sends or receives, or mark it `status: retiring`",
        )


@check("legal-basis-mismatch")
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
        if not any(_kind(context, end) is SystemKind.INTEROPERABILITY_COMPONENT for end in ends):
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
            "legal-basis-mismatch",
            flow.id,
            f"flow `{flow.id}` to {flow.to} cites {cited}, none of which grants access to "
            f"{flow.to}",
            "legal_basis",
            hint="provisions that grant access to it: " + ", ".join(str(p) for p in options[:6]),
        )
