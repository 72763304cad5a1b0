"""Money in the roadmap, the concept and the site: amounts as whole cents, costs split by year
and by funding source so that the parts always add up to the whole, and one way to write them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from archlex.i18n import translator
from archlex.model import WorkPackage

UNASSIGNED = "not assigned"  # the share of a cost no funding source covers


@dataclass(frozen=True, slots=True)
class Share:
    """Part of a cost: in cents, in one currency, under a key (a year or a funding source)."""

    key: str
    currency: str
    cents: int


def to_cents(amount: float) -> int:
    """An amount as whole cents, rounded half up."""
    return int((Decimal(repr(amount)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def money(cents: int, currency: str, language: str = "en") -> str:
    """`1 250 000.00 EUR` (en), `1 250 000,00 EUR` (lv): amounts in the output's language, by
    `archlex.i18n` (thousands set apart by a no-break space, as the EU's style guides ask)."""
    return translator(language).money(cents, currency)


def split(total: int, weights: Sequence[tuple[str, Decimal]]) -> list[tuple[str, int]]:
    """`total` cents split in proportion to the weights, the parts adding up to `total`
    (largest remainder; of equal remainders, the earlier key gets the cent)."""
    whole = sum((w for _, w in weights), Decimal(0))
    if whole <= 0:
        return [(weights[0][0], total)] if weights else []
    exact = [total * w / whole for _, w in weights]
    parts = [int(e) for e in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (parts[i] - exact[i], i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return [(key, part) for (key, _), part in zip(weights, parts, strict=True)]


def cost_by_year(package: WorkPackage) -> list[Share]:
    """A package's cost split over the calendar years it runs, pro rata by its days in each."""
    if package.cost is None:
        return []
    weights = []
    for year in range(package.start.year, package.end.year + 1):
        first = max(package.start, dt.date(year, 1, 1))
        last = min(package.end, dt.date(year, 12, 31))
        weights.append((str(year), Decimal((last - first).days + 1)))
    total = to_cents(package.cost.amount)
    return [Share(y, package.cost.currency, c) for y, c in split(total, weights)]


def cost_by_source(package: WorkPackage) -> list[Share]:
    """A package's cost split over its funding sources by their percentages; what they leave
    uncovered is `not assigned`, and percentages over 100 in total are scaled down."""
    if package.cost is None:
        return []
    weights = [(s, Decimal(repr(p))) for s, p in sorted(package.cost.funding.items())]
    covered = sum((w for _, w in weights), Decimal(0))
    if covered < 100:
        weights.append((UNASSIGNED, 100 - covered))
    total = to_cents(package.cost.amount)
    return [Share(s, package.cost.currency, c) for s, c in split(total, weights)]


def sum_shares(shares: Iterable[Share]) -> dict[tuple[str, str], int]:
    """Cents by (key, currency)."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for share in shares:
        totals[(share.key, share.currency)] += share.cents
    return totals
