"""The roadmap's money: each package's funding and the budget by year and by funding source,
in cents that add up to the whole, written in the output language."""

from __future__ import annotations

from decimal import Decimal

from archlex.i18n import N_, Translator
from archlex.model import Model, WorkPackage
from archlex.render.roadmap.tables import markdown_table
from archlex.toolkit.escape import md_cell
from archlex.toolkit.labels import FUNDING_SOURCES
from archlex.toolkit.money import UNASSIGNED, cost_by_source, cost_by_year, sum_shares


def funding_cell(package: WorkPackage, tr: Translator) -> str:
    if package.cost is None:
        return ""
    percents = {s: Decimal(repr(p)) for s, p in package.cost.funding.items()}
    covered = sum(percents.values(), Decimal(0))
    lines = []
    for share in cost_by_source(package):
        percent = percents.get(share.key, 100 - covered)
        source = md_cell(tr.label(FUNDING_SOURCES, share.key))
        amount = tr.money(share.cents, share.currency)
        lines.append(f"{source} {tr.share(float(percent))} %: {amount}")
    if covered > 100:
        note = tr.gettext("(the shares add up to {percent} %; scaled to the cost)")
        lines.append(note.format(percent=tr.share(float(covered))))
    return "<br>".join(lines)


BY_YEAR = N_(
    "Each work package's cost is split over the calendar years it runs, pro rata by its "
    "days in each year (start and end day counted), to the cent."
)
BY_SOURCE = N_(
    "Each work package's cost is split over its funding sources by their percentages; "
    "what the percentages leave uncovered is listed as *{unassigned}*."
)


def budget_sections(model: Model, tr: Translator) -> list[str]:
    by_year = sum_shares(s for p in model.work_packages for s in cost_by_year(p))
    by_source = sum_shares(s for p in model.work_packages for s in cost_by_source(p))
    if not by_year:
        return ["## " + tr.gettext("Budget"), tr.gettext("No work package has a cost.")]
    currencies = sorted({c for _, c in by_year})
    totals = {c: sum(v for (_, cur), v in by_year.items() if cur == c) for c in currencies}
    unassigned = tr.label(FUNDING_SOURCES, UNASSIGNED)
    return [
        "## " + tr.gettext("Budget"),
        "### " + tr.gettext("By year"),
        tr.gettext(BY_YEAR),
        _pivot(tr, tr.gettext("Year"), by_year, currencies, totals, shares=False),
        "### " + tr.gettext("By funding source"),
        tr.gettext(BY_SOURCE).format(unassigned=unassigned),
        _pivot(tr, tr.gettext("Funding source"), by_source, currencies, totals, shares=True),
    ]


def _pivot(
    tr: Translator,
    head: str,
    cells: dict[tuple[str, str], int],
    currencies: list[str],
    totals: dict[str, int],
    shares: bool,
) -> str:
    """Keys down, currencies across (blank where a key has nothing), and a total per currency."""
    keys = sorted({k for k, _ in cells}, key=lambda k: (k == UNASSIGNED, k))
    rows = [
        [
            md_cell(tr.label(FUNDING_SOURCES, k)),
            *(_amount(tr, cells, k, c, totals[c] if shares else 0) for c in currencies),
        ]
        for k in keys
    ]
    total = tr.pgettext("budget", "Total")
    rows.append([f"**{total}**", *(f"**{tr.money(totals[c], c)}**" for c in currencies)])
    return markdown_table([head, *currencies], rows)


def _amount(
    tr: Translator, cells: dict[tuple[str, str], int], key: str, currency: str, total: int
) -> str:
    if (key, currency) not in cells:
        return ""
    cents = cells[(key, currency)]
    share = f" ({tr.percent(100 * cents / total)})" if total else ""
    return tr.money(cents, currency) + share
