"""A requirement is allocated to no system or component, so nobody can tell which part of the
architecture will realise it, who builds it or what it costs, and until it is implemented it takes
the obligations it traces no further than `traced` in the coverage. Add `allocated_to` with the ids
of the national systems or components that realise it.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import reads
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "requirement-unallocated",
    Severity.WARNING,
    Phase.CHECK,
    "a requirement is allocated to nothing",
    contract=True,
    reads=reads(requirements={"allocated_to"}),
    reach=reads(requirements={"allocated_to"}),
    through={},
)
def unallocated_requirements(context: CheckContext) -> Iterator[Finding]:
    """A requirement allocated to no system or component."""
    for requirement in context.model.requirements:
        if not requirement.allocated_to:
            yield context.finding(
                requirement.id,
                f"requirement `{requirement.id}` is allocated to no system or component",
                hint="add `allocated_to: [<system id>]`",
            )
