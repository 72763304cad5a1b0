"""Rules on what the concept promises: high risks someone manages, and EU co-financing within
what the fund allows."""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext, check
from archlex.findings import Finding
from archlex.model.governance import Fund, RiskStatus


@check("risk-unmanaged")
def unmanaged_risks(context: CheckContext) -> Iterator[Finding]:
    """An open high risk without a mitigation or without an owner."""
    for risk in context.model.risks:
        if not risk.is_high or risk.status is not RiskStatus.OPEN:
            continue
        missing = [name for name in ("mitigation", "owner") if not getattr(risk, name)]
        if missing:
            yield context.finding(
                "risk-unmanaged",
                risk.id,
                f"risk `{risk.id}` is high ({risk.likelihood.value} likelihood, "
                f"{risk.impact.value} impact) but has no {' and no '.join(missing)}",
                "likelihood",
                hint=f"add `{missing[0]}:` (what reduces it, and which organisation manages it)",
            )


@check("cofinancing-above-maximum")
def cofinancing_above_maximum(context: CheckContext) -> Iterator[Finding]:
    """A work package asks a fund for a larger share of its cost than the fund may pay."""
    funds = {f.id: f for f in context.model.funds if isinstance(f, Fund)}
    for package in context.model.work_packages:
        if package.cost is None:
            continue
        for source, share in sorted(package.cost.funding.items()):
            fund = funds.get(source)
            allowed = _allowed_rate(fund, package.cost.rate_basis) if fund else None
            if fund is None or allowed is None or share <= allowed:
                continue
            yield context.finding(
                "cofinancing-above-maximum",
                package.id,
                f"work package `{package.id}` asks {fund.name} for {share:g} % of its cost, "
                f"above the {allowed:g} % the fund may co-finance",
                "cost",
                "funding",
                source,
                hint=f"lower the {source} share to {allowed:g} and cover the rest from another "
                "source (e.g. the state budget)"
                + (
                    ", or give `cost.rate_basis` when its increased rate applies"
                    if fund.increased_rate and not package.cost.rate_basis
                    else ""
                ),
            )


def _allowed_rate(fund: Fund, basis: str | None) -> float | None:
    """The fund's maximum rate, or its increased rate when the work package says why."""
    if basis and fund.increased_rate is not None:
        return fund.increased_rate
    return fund.max_rate
