"""An obligation that applies to the Member State (its regulation is in `scope.regulations`, its
actor is a national authority, and its `applies_when` matches the scope's systems and options) is
satisfied by no requirement: nothing in the architecture answers what the provision asks, which is
the gap this analysis exists to find. A requirement traces an obligation when a provision it
`satisfies` contains the obligation's or is contained by it (`Art 7` and `Art 7(1)` trace each
other; `Art 7(2)` and `Art 7(1)` do not). Add a requirement that satisfies the provision, or, where
the obligation is met outside the architecture, waive the finding with a reason; findings on the
`eu` library's obligations are placed on the manifest's `scope:`.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import APPLICABLE, TRACING, reads
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "obligation-untraced",
    Severity.ERROR,
    Phase.CHECK,
    "an applicable obligation has no requirement",
    contract=True,
    reads=reads(TRACING, APPLICABLE, obligations={"summary"}),
    reach={},
    through=reads(requirements={"satisfies"}),
)
def untraced_obligations(context: CheckContext) -> Iterator[Finding]:
    """An applicable obligation that no requirement satisfies."""
    for obligation in context.applicable:
        if not context.graph.tracing(obligation):
            yield context.finding(
                obligation.id,
                f"obligation `{obligation.id}` ({obligation.provision}) is traced by no "
                f"requirement: {obligation.summary}",
                hint=f'add a requirement with `satisfies: ["{obligation.provision}"]`, '
                "or waive it with a reason",
            )
