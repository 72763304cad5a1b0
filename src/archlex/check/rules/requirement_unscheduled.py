"""No work package `delivers` the requirement, so the roadmap gives it no date, owner or budget,
legal deadlines cannot be checked against it, and it takes the obligations it traces no further than
`allocated` in the coverage. Add the requirement to the `delivers` of the work package that builds
it, or, when the work is someone else's (eu-LISA's, say), waive the finding with a reason and an
expiry date.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import DELIVERIES, reads
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "requirement-unscheduled",
    Severity.WARNING,
    Phase.CHECK,
    "no work package delivers a requirement",
    contract=True,
    reads=DELIVERIES,
    reach={},
    through=reads(work_packages={"delivers"}),
)
def unscheduled_requirements(context: CheckContext) -> Iterator[Finding]:
    """A requirement that no work package delivers."""
    for requirement in context.model.requirements:
        if not context.graph.predecessors(requirement.id, "delivers"):
            yield context.finding(
                requirement.id,
                f"no work package delivers requirement `{requirement.id}`",
                hint=f"add `{requirement.id}` to the `delivers` of a work package",
            )
