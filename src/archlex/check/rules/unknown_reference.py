"""A field that refers to another entity (an owner or operator, a flow's `from`, `to` or `via`,
`allocated_to`, `delivers`, `depends_on`, a role, an access grant's `role`, `systems` and `via`,
a MID link's `verified_by`, a waiver's `target`, a view's `focus` ...) names an id that no entity
of the expected kind has, or a view's `include` or `exclude` names neither an id nor a tag. The
link is left out of the graph that traceability and the roadmap checks are built from, so the
model no longer says what its author meant. The hint offers the closest existing ids: fix the
spelling, or declare the missing entity (EU systems and components come from the `eu` library:
`eu.ESP`, `eu.CIR`, `eu.VIS` ...).
"""

from __future__ import annotations

from archlex.check.context import CheckContext
from archlex.check.reads import FLOW_ENDS, REFERENCES, VIEWS, reads, without
from archlex.check.references import check_references
from archlex.check.views import check_views
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "unknown-reference",
    Severity.ERROR,
    Phase.VALIDATE,
    "a reference names no entity",
    contract=True,
    reads=reads(REFERENCES, VIEWS),
    reach=without(REFERENCES, VIEWS),
    through=FLOW_ENDS,  # a model with views: checked in full (archlex.check.flow_links)
)
def unknown_references(context: CheckContext) -> list[Finding]:
    """A reference to an id that is not in the model, or not of the expected kind."""
    return context.from_pass(check_references) + context.from_pass(check_views)
