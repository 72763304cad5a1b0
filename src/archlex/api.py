"""What the CLI and other programs call: load and validate a model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from archlex.findings import Finding, Severity, sort_findings
from archlex.load import Project, load_project
from archlex.model import Model
from archlex.rules import RULES

FAIL_ON_RANK = {"error": Severity.ERROR.rank, "warning": Severity.WARNING.rank, "never": 99}


@dataclass
class Report:
    """The outcome of a run: the project, its findings (sorted) and the exit code."""

    project: Project
    findings: list[Finding]
    fail_on: str

    @property
    def model(self) -> Model:
        """The loaded model."""
        return self.project.model

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above `fail_on`, 2 a file could not be read at all."""
        if any(RULES[f.rule].fatal for f in self.findings if f.rule in RULES):
            return 2
        threshold = FAIL_ON_RANK[self.fail_on]
        return 1 if any(f.severity.rank >= threshold for f in self.findings) else 0

    def summary(self) -> dict[str, object]:
        """Counts for the JSON object and the closing line."""
        by_severity = {s.value: 0 for s in Severity}
        for finding in self.findings:
            by_severity[finding.severity.value] += 1
        return {
            "model": self.model.manifest.name,
            "files": len(self.project.files),
            "entities": dict(sorted(self.model.counts().items())),
            "findings": by_severity,
            "exit_code": self.exit_code,
        }


def load(path: Path | None = None, cwd: Path | None = None) -> Project:
    """Load the model at PATH (a folder or its archlex.yaml)."""
    return load_project(path, cwd or Path.cwd())


def validate_model(
    path: Path | None = None, cwd: Path | None = None, fail_on: str | None = None
) -> Report:
    """Load a model and report everything the loader and schema find."""
    project = load(path, cwd)
    # A file that cannot be read stays reported whatever the manifest disables.
    disabled = {
        r for r in project.model.manifest.checks.disable if r in RULES and not RULES[r].fatal
    }
    findings = sort_findings(f for f in project.findings if f.rule not in disabled)
    return Report(project, findings, fail_on or project.model.manifest.checks.fail_on)
