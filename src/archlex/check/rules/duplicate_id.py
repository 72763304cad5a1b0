"""Two entities share an id. Ids are unique across the whole model, across all kinds of entity and
including the bundled libraries, because a reference such as `allocated_to: [biometrics]` names an
id without a kind and must mean exactly one thing. The second declaration is reported at its `id`,
and references resolve to the first one read. Rename one of them and update the references to it;
the library's ids all start with `eu.`, so a model's own ids never need that prefix.
"""

from __future__ import annotations

from archlex.check.context import CheckContext
from archlex.check.reads import REFERENCES
from archlex.check.references import check_references
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "duplicate-id",
    Severity.ERROR,
    Phase.VALIDATE,
    "two entities share an id",
    contract=True,
    reads=REFERENCES,
    reach=REFERENCES,
    through={},
)
def duplicate_ids(context: CheckContext) -> list[Finding]:
    """An id written twice, anywhere in the model or its libraries."""
    return context.from_pass(check_references)
