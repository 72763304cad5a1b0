"""The outcome of a run, the same for `validate` and `check`: findings, coverage, exit code."""

from __future__ import annotations

from dataclasses import dataclass, field

from archlex.check.coverage import Coverage
from archlex.findings import Finding, Severity
from archlex.load import Project
from archlex.model import Model
from archlex.rules import RULES, VALIDATE_RULES

FAIL_ON_RANK = {"error": Severity.ERROR.rank, "warning": Severity.WARNING.rank, "never": 99}


@dataclass
class Report:
    """Findings (sorted; waived ones included and marked), coverage when checked, exit code."""

    project: Project
    findings: list[Finding]
    fail_on: str
    coverage: Coverage | None = None
    min_coverage: float | None = None
    # Set by `api.in_language`: the language the model's texts were put in, and how many parts
    # of each kind (class name) kept a text in another language for want of a translation; the
    # language its plain texts are written in (the manifest's, which then says the output's).
    output_language: str | None = None
    fallbacks: dict[str, int] = field(default_factory=dict)
    written_language: str | None = None

    @property
    def model(self) -> Model:
        """The loaded model."""
        return self.project.model

    @property
    def active(self) -> list[Finding]:
        """The findings that are not waived."""
        return [f for f in self.findings if not f.waived]

    @property
    def blocking(self) -> list[Finding]:
        """Errors of the loader's rules: the model is not read correctly, so nothing should be
        rendered or built from it."""
        return [f for f in self.active if f.rule in VALIDATE_RULES and f.severity is Severity.ERROR]

    @property
    def below_min_coverage(self) -> bool:
        """Whether overall coverage is under the `--min-coverage` asked for."""
        if self.min_coverage is None or self.coverage is None:
            return False
        return self.coverage.overall().percent < self.min_coverage

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above `fail_on` (or coverage too low), 2 unreadable."""
        if any(RULES[f.rule].fatal for f in self.findings if f.rule in RULES):
            return 2
        threshold = FAIL_ON_RANK[self.fail_on]
        failing = any(f.severity.rank >= threshold for f in self.active)
        return 1 if failing or self.below_min_coverage else 0

    def summary(self) -> dict[str, object]:
        """Counts for the JSON object and the closing line."""
        by_severity = {s.value: 0 for s in Severity}
        for finding in self.active:
            by_severity[finding.severity.value] += 1
        summary: dict[str, object] = {
            "model": self.model.manifest.name,
            "files": len(self.project.files),
            "entities": dict(sorted(self.model.counts().items())),
            "findings": by_severity,
            "waived": len(self.findings) - len(self.active),
            "exit_code": self.exit_code,
        }
        if self.coverage is not None:
            summary["coverage"] = self.coverage.to_json()
        return summary
