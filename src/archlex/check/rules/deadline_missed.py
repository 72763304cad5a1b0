"""An applicable obligation has a `deadline`, and a work package that delivers a requirement tracing
it ends after that date: as written, the plan misses a date the law sets. A deadline may be a
date or derived from an event the catalog knows, such as `{after: eu.ESP.start, plus: P2Y}` (two
years after the day the implementing decision sets for the ESP to start operations); the finding
then says how the date was derived, and with `--as-of` an event that no act in force on that day
sets yet gives no deadline. The finding names the work package that ends last. Bring the work
forward or split out the part the obligation needs, or record how the obligation is met in the
meantime and waive the finding with a reason and an expiry date.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import APPLICABLE, DELIVERIES, TRACING, reads
from archlex.findings import Finding, Severity
from archlex.model import WorkPackage
from archlex.rules import Phase, rule


@rule(
    "deadline-missed",
    Severity.ERROR,
    Phase.CHECK,
    "the work delivering an obligation ends after its deadline",
    contract=True,
    reads=reads(TRACING, DELIVERIES, APPLICABLE, obligations={"deadline"}, work_packages={"end"}),
    reach={},
    through=reads(requirements={"satisfies"}, work_packages={"delivers", "end"}),
)
def missed_deadlines(context: CheckContext) -> Iterator[Finding]:
    """The work delivering an obligation ends after the obligation's deadline."""
    for obligation in context.applicable:
        deadline = context.timeline.deadline(obligation)
        if deadline is None or deadline.date is None:
            continue
        due = deadline.date
        late = [
            package
            for requirement in context.graph.tracing(obligation)
            for package_id in context.graph.predecessors(requirement.id, "delivers")
            if isinstance(package := context.model.get(package_id), WorkPackage)
            and package.end > due
        ]
        if late:
            last = max(late, key=lambda p: (p.end, p.id))
            yield context.finding(
                obligation.id,
                f"obligation `{obligation.id}` ({obligation.provision}) is due {deadline}, "
                f"but work package `{last.id}` delivering it ends {last.end}",
                hint="bring the work package forward, or plan the obligation's interim measure",
            )
