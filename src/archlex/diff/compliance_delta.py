"""The compliance delta: findings fixed and new, and coverage before and after.

Findings are matched by rule, target and message, never by line: an edit above an entity
moves it without changing what is wrong with it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from archlex.check.coverage import Coverage, CoverageFigures
from archlex.findings import Finding, message_without_positions
from archlex.outcome import FAIL_ON_RANK, Report

FindingKey = tuple[str, str | None, str]


@dataclass(frozen=True)
class CoverageChange:
    """Coverage of one regulation (or overall) before and after; None where it was not known."""

    scope: str  # a regulation id, or "overall"
    before: CoverageFigures | None
    after: CoverageFigures | None

    def to_json(self) -> dict[str, Any]:
        """As JSON."""
        return {
            "scope": self.scope,
            "before": self.before.to_json() if self.before else None,
            "after": self.after.to_json() if self.after else None,
        }


@dataclass
class ComplianceDelta:
    """Findings fixed and new (sorted as the contract sorts them), and coverage changes."""

    fixed: list[Finding] = field(default_factory=list)
    new: list[Finding] = field(default_factory=list)
    new_blocking: list[Finding] = field(default_factory=list)  # at or above the after fail_on
    coverage: list[CoverageChange] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """As JSON."""
        return {
            "fixed": [f.to_json() for f in self.fixed],
            "new": [f.to_json() for f in self.new],
            "new_blocking": len(self.new_blocking),
            "coverage": [c.to_json() for c in self.coverage],
        }


def finding_key(finding: Finding) -> FindingKey:
    """What makes two findings the same across revisions: rule, target and message, with the
    positions the message quotes masked (they move when lines are inserted above)."""
    return (finding.rule, finding.target, message_without_positions(finding.message))


def compliance_delta(before: Report | None, after: Report | None) -> ComplianceDelta:
    """Compare the active findings and the coverage of two checked models.

    With a side that could not be loaded, no finding is called fixed or new (what that side
    holds is not known); its load error is reported instead.
    """
    delta = ComplianceDelta(coverage=_coverage_changes(before, after))
    if before is None or after is None:
        return delta
    delta.fixed = _missing_from(before.active, after.active)
    delta.new = _missing_from(after.active, before.active)
    threshold = FAIL_ON_RANK[after.fail_on]
    delta.new_blocking = [f for f in delta.new if f.severity.rank >= threshold]
    return delta


def _missing_from(findings: list[Finding], others: list[Finding]) -> list[Finding]:
    """The findings with no match among the others, counting repeats (a multiset difference)."""
    remaining = Counter(finding_key(f) for f in others)
    missing = []
    for finding in findings:  # already in the contract's order
        key = finding_key(finding)
        if remaining[key]:
            remaining[key] -= 1
        else:
            missing.append(finding)
    return missing


def _coverage_changes(before: Report | None, after: Report | None) -> list[CoverageChange]:
    old = _figures(before.coverage if before else None)
    new = _figures(after.coverage if after else None)
    scopes = sorted((old.keys() | new.keys()) - {"overall"})
    return [CoverageChange(s, old.get(s), new.get(s)) for s in [*scopes, "overall"]]


def _figures(coverage: Coverage | None) -> dict[str, CoverageFigures]:
    if coverage is None:
        return {}
    return {**coverage.by_regulation(), "overall": coverage.overall()}
