"""A work package's `cost.funding` gives a fund a larger share of the cost than the fund's
`max_rate` allows (an EU instrument such as BMVI co-finances up to a rate its regulation and the
national programme set: 75 %, or 90 % for specific actions and the actions of its Annex IV). The
managing authority would reject the application, and the financing plan would not add up. Lower
the fund's share to its maximum and cover the rest from another source, such as the state
budget; where the fund's increased rate applies, say why in `cost.rate_basis` and declare the
fund's `increased_rate`.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import reads
from archlex.findings import Finding, Severity
from archlex.model.governance import Fund
from archlex.rules import Phase, rule


@rule(
    "cofinancing-above-maximum",
    Severity.ERROR,
    Phase.CHECK,
    "a work package asks a fund for more than its maximum co-financing rate",
    reads=reads(funds={"increased_rate", "max_rate", "name"}, work_packages={"cost"}),
    reach={},
    through={},
)
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
