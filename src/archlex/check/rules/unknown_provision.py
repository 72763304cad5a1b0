"""A provision cited in `satisfies`, `legal_basis`, `deadline_of`, an obligation, an access grant or
a role names a regulation that is not loaded, an article the regulation does not have, or a
paragraph beyond the article's count. A citation that points nowhere proves nothing: the requirement
traces no obligation, and the flow has no legal basis that an auditor could look up. Write it as
`<regulation> Art <article>[(<paragraph>)][(<point>)]`, e.g. `2019/817 Art 7(2)`; the hint lists the
loaded regulations or the article range.
"""

from __future__ import annotations

from archlex.check.context import CheckContext
from archlex.check.reads import REFERENCES
from archlex.check.references import check_references
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "unknown-provision",
    Severity.ERROR,
    Phase.VALIDATE,
    "a provision is not in the catalog",
    contract=True,
    reads=REFERENCES,
    reach=REFERENCES,
    through={},
)
def unknown_provisions(context: CheckContext) -> list[Finding]:
    """A provision cited that is not in the loaded catalog."""
    return context.from_pass(check_references)
