"""What the flow rules ask about a flow: the kind of system at each end, the personal data."""

from __future__ import annotations

from archlex.check.context import CheckContext
from archlex.model import DataCategory, Flow, SystemKind

EU_KINDS = {SystemKind.EU_CENTRAL, SystemKind.INTEROPERABILITY_COMPONENT}


def end_kind(context: CheckContext, system_id: str | None) -> SystemKind | None:
    """The kind of the system (or the component's system) at one end of a flow."""
    system = context.graph.system_of(system_id) if system_id else None
    return system.kind if system else None


def personal_data(context: CheckContext, flow: Flow) -> list[str]:
    """The personal data categories a flow carries."""
    return [
        d
        for d in flow.data
        if isinstance(data := context.model.get(d), DataCategory)
        and (data.personal or data.special)
    ]
