"""A flow carries special-category data (biometrics and the like) to a system that the data
category does not list as holding it. When a category names the system with its master copy
(`master`) and the others that may hold or pass it on (`held_by`), every flow of it should end
there: a flow of fingerprints to a system outside that list is either a missing entry in the
data architecture or biometric data going where the data protection impact assessment did not
look. Add the system to `held_by` if it may hold the data, or correct the flow. A category that
names neither `master` nor `held_by` gets no such finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import COMPONENTS, reads
from archlex.findings import Finding, Severity
from archlex.model import DataCategory, Flow
from archlex.rules import Phase, rule


@rule(
    "special-data-outside-holders",
    Severity.WARNING,
    Phase.CHECK,
    "a flow carries special-category data to a system its category does not list",
    reads=reads(COMPONENTS, data={"held_by", "master", "special"}, flows={"data", "to", "via"}),
    reach={},
    through=reads(flows={"data", "to", "via"}),
)
def special_data_outside_holders(context: CheckContext) -> Iterator[Finding]:
    """Each flow end of special-category data outside its category's master and holders."""
    for flow in context.model.flows:
        for index, data_id in enumerate(flow.data):
            category = context.model.get(data_id)
            if not isinstance(category, DataCategory) or not category.special:
                continue
            outside = _outside(context, flow, category)
            if outside:
                yield context.finding(
                    flow.id,
                    f"flow `{flow.id}` carries special-category data `{data_id}` to "
                    f"{', '.join(f'`{s}`' for s in outside)}, which `{data_id}` does not list "
                    "as its master or in `held_by`",
                    "data",
                    index,
                    hint=f"add {outside[0]} to `held_by` of `{data_id}`, or correct the flow",
                )


def _outside(context: CheckContext, flow: Flow, category: DataCategory) -> list[str]:
    """The systems the flow takes the data to (`via` and `to`) that may not hold them."""
    if not category.holders:
        return []
    allowed = {_system_id(context, h) for h in category.holders}
    ends = [end for end in (flow.via, flow.to) if end is not None]
    return [end for end in ends if _system_id(context, end) not in allowed]


def _system_id(context: CheckContext, ref: str) -> str:
    """The system a system or component id belongs to (the id itself when unknown)."""
    system = context.graph.system_of(ref)
    return system.id if system is not None else ref
