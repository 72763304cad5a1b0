"""The budget by year and funding source together, in cents: each package's cost split over
both at once so that the cells add up to the roadmap's own totals by year and by source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction

from archlex.model import WorkPackage
from archlex.toolkit.money import cost_by_source, cost_by_year

# (year, funding source, currency) -> cents
Grid = dict[tuple[str, str, str], int]


def budget_grid(packages: Iterable[WorkPackage]) -> Grid:
    """Cents by year, funding source and currency over every package that has a cost."""
    grid: Grid = defaultdict(int)
    for package in packages:
        if package.cost is None:
            continue
        years = [(s.key, s.cents) for s in cost_by_year(package)]
        sources = [(s.key, s.cents) for s in cost_by_source(package)]
        for (year, source), cents in split_both(years, sources).items():
            grid[(year, source, package.cost.currency)] += cents
    return dict(sorted(grid.items()))


def split_both(
    rows: list[tuple[str, int]], columns: list[tuple[str, int]]
) -> dict[tuple[str, str], int]:
    """A table of whole cents whose rows and columns add up to the given parts (which have one
    total): each cell is its exact share rounded down or up, never further off than a cent.

    Rounding each cell alone would let a year or a source drift by a cent from the roadmap's
    tables; the cents left over go instead, row by row, to the columns still owed the most
    (Ryser's construction, which always finds such a table).
    """
    total = sum(c for _, c in rows)
    if total == 0:
        return {}
    exact = {(r, c): Fraction(rc * cc, total) for r, rc in rows for c, cc in columns if rc and cc}
    cells = {key: int(value) for key, value in exact.items()}
    owed = {c: cc - sum(v for (_, col), v in cells.items() if col == c) for c, cc in columns}
    for row, row_cents in rows:
        short = row_cents - sum(v for (r, _), v in cells.items() if r == row)
        candidates = sorted(
            (c for c, _ in columns if (row, c) in cells),
            key=lambda c: (-owed[c], -(exact[(row, c)] - cells[(row, c)]), c),
        )
        for column in candidates[:short]:
            cells[(row, column)] += 1
            owed[column] -= 1
    return {key: value for key, value in cells.items() if value}
