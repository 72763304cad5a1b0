"""An open risk is high (likelihood times impact is 6 or more, with low, medium and high counted 1,
2 and 3: high likelihood with at least medium impact, or the other way round), but nobody owns
it or nothing is done about it. The concept goes to the ministry for approval with a risk nobody
manages, which is what the approvers ask about first. Name the organisation that manages it
(`owner`) and what reduces it (`mitigation`), or set `status: accepted` when the ministry
accepts it as it is.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import reads
from archlex.findings import Finding, Severity
from archlex.model.governance import RiskStatus
from archlex.rules import Phase, rule


@rule(
    "risk-unmanaged",
    Severity.WARNING,
    Phase.CHECK,
    "an open high risk has no mitigation or no owner",
    reads=reads(risks={"impact", "likelihood", "mitigation", "owner", "status"}),
    reach=reads(risks={"impact", "likelihood", "mitigation", "owner", "status"}),
    through={},
)
def unmanaged_risks(context: CheckContext) -> Iterator[Finding]:
    """An open high risk without a mitigation or without an owner."""
    for risk in context.model.risks:
        if not risk.is_high or risk.status is not RiskStatus.OPEN:
            continue
        missing = [name for name in ("mitigation", "owner") if not getattr(risk, name)]
        if missing:
            yield context.finding(
                risk.id,
                f"risk `{risk.id}` is high ({risk.likelihood.value} likelihood, "
                f"{risk.impact.value} impact) but has no {' and no '.join(missing)}",
                "likelihood",
                hint=f"add `{missing[0]}:` (what reduces it, and which organisation manages it)",
            )
