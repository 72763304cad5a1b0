"""How far each applicable obligation is covered: gap, traced, allocated, scheduled, met."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class CoverageState(StrEnum):
    """The furthest an obligation has come, in this order."""

    GAP = "gap"  # no requirement traces it
    TRACED = "traced"  # a requirement satisfies its provision
    ALLOCATED = "allocated"  # ... and is allocated to a system or component
    SCHEDULED = "scheduled"  # ... and a work package delivers it
    MET = "met"  # every tracing requirement is implemented or verified

    @property
    def rank(self) -> int:
        """0 for gap up to 4 for met."""
        return list(CoverageState).index(self)


@dataclass(frozen=True, slots=True)
class ObligationCoverage:
    """One applicable obligation, its state, and what in the model traces it."""

    obligation: str
    provision: str
    regulation: str
    state: CoverageState
    requirements: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()
    work_packages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CoverageFigures:
    """Counts per state, and the share of obligations traced (not a gap) and met."""

    applicable: int
    states: dict[str, int]

    @property
    def traced(self) -> int:
        """Obligations that at least one requirement traces."""
        return self.applicable - self.states[CoverageState.GAP.value]

    @property
    def percent(self) -> float:
        """Traced obligations as a percentage of applicable ones (100 when none apply)."""
        return 100.0 if not self.applicable else round(100 * self.traced / self.applicable, 1)

    @property
    def met_percent(self) -> float:
        """Met obligations as a percentage of applicable ones (100 when none apply)."""
        met = self.states[CoverageState.MET.value]
        return 100.0 if not self.applicable else round(100 * met / self.applicable, 1)

    def to_json(self) -> dict[str, object]:
        """The figures as JSON."""
        return {
            "applicable": self.applicable,
            "traced": self.traced,
            "percent": self.percent,
            "met_percent": self.met_percent,
            "states": self.states,
        }


def figures(items: Iterable[ObligationCoverage]) -> CoverageFigures:
    """Counts per state over some obligations."""
    states = {state.value: 0 for state in CoverageState}
    count = 0
    for item in items:
        states[item.state.value] += 1
        count += 1
    return CoverageFigures(count, states)


@dataclass
class Coverage:
    """The coverage of every applicable obligation, per regulation and overall."""

    obligations: list[ObligationCoverage] = field(default_factory=list)

    def by_regulation(self) -> dict[str, CoverageFigures]:
        """Figures for each regulation in scope, by regulation id."""
        regulations = sorted({o.regulation for o in self.obligations})
        return {r: figures(o for o in self.obligations if o.regulation == r) for r in regulations}

    def overall(self) -> CoverageFigures:
        """Figures over every applicable obligation."""
        return figures(self.obligations)

    def to_json(self) -> dict[str, object]:
        """Per regulation and overall, as JSON."""
        return {
            "overall": self.overall().to_json(),
            "regulations": {r: f.to_json() for r, f in self.by_regulation().items()},
        }
