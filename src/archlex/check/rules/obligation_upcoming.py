"""An obligation in scope applies only from a later day: its article was inserted by an amending act
that applies later, or its `applies_from` is a later date or an event (`{after: eu.ESP.start}`) that
falls later or that no act in force on the day has set yet. It is not required on the day checked
(`--as-of`, default today), so it is no gap, and this finding lists it with the day it applies from
and how that day was derived, so that the plan can make room for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import APPLICABLE
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "obligation-upcoming",
    Severity.INFO,
    Phase.CHECK,
    "an obligation in scope applies only after the day checked",
    reads=APPLICABLE,
    reach={},
    through={},
)
def upcoming_obligations(context: CheckContext) -> Iterator[Finding]:
    """An obligation in scope that applies only after the day checked."""
    for obligation in context.upcoming:
        start = context.timeline.applies_from(obligation)
        if start is not None and start.date is not None:
            when = f"from {start}"
        else:
            when = f"once {start.derivation}" if start else "later"
        yield context.finding(
            obligation.id,
            f"obligation `{obligation.id}` ({obligation.provision}) does not apply yet on "
            f"{context.today}: it applies {when}",
            hint="plan for it; it is not counted as a gap before then",
        )
