"""The concept's work packages and money: the work-package table, the budget by funding
source, and the financing plan by year and source (each row and column adds up to the cent)."""

from __future__ import annotations

from decimal import Decimal

from archlex.model import Model
from archlex.toolkit.escape import md_cell
from archlex.toolkit.money import (
    UNASSIGNED,
    cost_by_source,
    cost_by_year,
    split,
    sum_shares,
    to_cents,
)
from archlex.toolkit.money import (
    money as spaced_money,
)
from archlex.toolkit.words import NBSP, date_words, name_of

TOTAL = "Total"


def money(cents: int, currency: str) -> str:
    """An amount that never breaks across lines in a table cell, currency included."""
    return spaced_money(cents, currency).replace(" ", NBSP)


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
                money(to_cents(cost.amount), cost.currency) if cost else "",
            ]
        )
    return rows


def budget_rows(model: Model) -> list[list[str]]:
    """Cost by funding source and currency, in the roadmap's cents (the parts add up)."""
    by_source = sum_shares(s for package in model.work_packages for s in cost_by_source(package))
    rows = [
        [md_cell(source), money(cents, currency)]
        for (source, currency), cents in sorted(
            by_source.items(), key=lambda item: (item[0][1], item[0][0] == UNASSIGNED, item[0][0])
        )
    ]
    for currency in sorted({c for _, c in by_source}):
        total = sum(cents for (_, c), cents in by_source.items() if c == currency)
        rows.append([f"**{currency} total**", money(total, currency)])
    return rows


def financing_rows(model: Model) -> list[list[str]]:
    """Funding source down, year across, in one currency per table row; each package's
    year share split again by its sources, so every cell, row and column adds up."""
    cells: dict[tuple[str, str, str], int] = {}
    for package in model.work_packages:
        if package.cost is None:
            continue
        sources = [(s.key, Decimal(s.cents)) for s in cost_by_source(package)]
        for year in cost_by_year(package):
            for source, cents in split(year.cents, sources):
                key = (source, year.currency, year.key)
                cells[key] = cells.get(key, 0) + cents
    years = sorted({y for _, _, y in cells})
    pairs = sorted({(s, c) for s, c, _ in cells}, key=lambda p: (p[1], p[0] == UNASSIGNED, p[0]))
    rows = [["Funding source", *years, TOTAL]]
    for source, currency in pairs:
        values = [cells.get((source, currency, y), 0) for y in years]
        rows.append(
            [md_cell(source), *(money(v, currency) for v in values), money(sum(values), currency)]
        )
    for currency in sorted({c for _, c in pairs}):
        values = [
            sum(v for (_, c, y), v in cells.items() if c == currency and y == year)
            for year in years
        ]
        rows.append(
            [
                f"**{TOTAL} {currency}**",
                *(f"**{money(v, currency)}**" for v in values),
                f"**{money(sum(values), currency)}**",
            ]
        )
    return rows if pairs else []
