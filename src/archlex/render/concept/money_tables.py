"""The concept's work packages and money: the work-package table, the budget by funding
source, and the financing plan by year and source (each row and column adds up to the cent)."""

from __future__ import annotations

from archlex.i18n import translator
from archlex.model import Model
from archlex.render.charts.budget_grid import split_both
from archlex.toolkit.escape import md_cell
from archlex.toolkit.money import (
    UNASSIGNED,
    cost_by_source,
    cost_by_year,
    money,
    sum_shares,
    to_cents,
)
from archlex.toolkit.words import date_words, name_of


def total_label(currency: str, language: str) -> str:
    """`**EUR total**`, bold, in the document's language."""
    return "**" + translator(language).gettext("{currency} total").format(currency=currency) + "**"


def work_package_rows(model: Model, language: str) -> list[list[str]]:
    """ID, name, responsible organisation, start, end and cost of every work package."""
    rows = []
    for package in model.work_packages:
        cost = package.cost
        rows.append(
            [
                md_cell(package.id),
                md_cell(package.name),
                md_cell(name_of(model, package.owner).split(" (", 1)[0]),
                date_words(package.start, language),
                date_words(package.end, language),
                money(to_cents(cost.amount), cost.currency, language) if cost else "",
            ]
        )
    return rows


def budget_rows(model: Model, language: str = "en") -> list[list[str]]:
    """Cost by funding source and currency, in the roadmap's cents (the parts add up)."""
    by_source = sum_shares(s for package in model.work_packages for s in cost_by_source(package))
    rows = [
        [md_cell(fund_name(model, source)), money(cents, currency, language)]
        for (source, currency), cents in sorted(
            by_source.items(), key=lambda item: (item[0][1], item[0][0] == UNASSIGNED, item[0][0])
        )
    ]
    for currency in sorted({c for _, c in by_source}):
        total = sum(cents for (_, c), cents in by_source.items() if c == currency)
        rows.append([total_label(currency, language), money(total, currency, language)])
    return rows


Cell = tuple[str, str, str, str]  # institution, funding source, currency, year


def financing_rows(model: Model, language: str = "en") -> list[list[str]]:
    """Institution and funding source down, year across, with a total per currency.

    Each package's cost is split over its years and its sources at once (the budget chart's
    split), so every row adds up to the source's line of the budget table, every year to the
    roadmap's and the chart's amount for that year, and the whole table to the budget."""
    cells: dict[Cell, int] = {}
    for package in model.work_packages:
        if package.cost is None:
            continue
        owner = name_of(model, package.owner).split(" (", 1)[0] if package.owner else ""
        years = [(y.key, y.cents) for y in cost_by_year(package)]
        sources = [(s.key, s.cents) for s in cost_by_source(package)]
        for (year, source), cents in sorted(split_both(years, sources).items()):
            key = (owner, fund_name(model, source), package.cost.currency, year)
            cells[key] = cells.get(key, 0) + cents
    if not cells:
        return []
    years_all = sorted({k[3] for k in cells})
    groups = sorted({k[:3] for k in cells}, key=lambda g: (g[2], g[0], g[1] == UNASSIGNED, g[1]))
    rows = [years_all]  # the header's years; the template adds the translated headings
    for owner, source, currency in groups:
        values = [cells.get((owner, source, currency, y), 0) for y in years_all]
        rows.append([md_cell(owner), md_cell(source), *_amounts(values, currency, language, False)])
    for currency in sorted({g[2] for g in groups}):
        values = [sum(v for k, v in cells.items() if k[2:] == (currency, y)) for y in years_all]
        rows.append(
            [total_label(currency, language), "", *_amounts(values, currency, language, True)]
        )
    return rows


def _amounts(values: list[int], currency: str, language: str, bold: bool) -> list[str]:
    """The amounts of one row and their total."""
    mark = "**" if bold else ""
    return [f"{mark}{money(v, currency, language)}{mark}" for v in [*values, sum(values)]]


def fund_name(model: Model, source: str) -> str:
    """A funding source by the name its `funds` entry gives, else as written."""
    fund = model.get(source)
    return str(getattr(fund, "name", None) or source)
