"""What every page function reads: the checked report, the site map, the date, the assets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from archlex.check.coverage import ObligationCoverage
from archlex.model import Model
from archlex.outcome import Report
from archlex.site.links import Linker, SiteMap


@dataclass
class SiteContext:
    """The report, where each page lives, the date "next" is counted from, and the files the
    other products wrote into the docs folder (docs-relative paths)."""

    report: Report
    site: SiteMap
    as_of: dt.date
    assets: frozenset[str] = frozenset()
    coverage: dict[str, ObligationCoverage] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.report.coverage is not None:
            self.coverage = {o.obligation: o for o in self.report.coverage.obligations}

    @property
    def model(self) -> Model:
        """The checked model."""
        return self.report.model

    def linker(self, page: str) -> Linker:
        """Link writer for one page."""
        return Linker(self.site, page)

    def state(self, obligation_id: str) -> str:
        """The coverage state `check` computed, or `not applicable`."""
        found = self.coverage.get(obligation_id)
        return found.state.value if found else "not applicable"
