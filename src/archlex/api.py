"""What the CLI and other programs call: load, validate and check a model."""

from __future__ import annotations

from pathlib import Path

from archlex.findings import sort_findings
from archlex.load import Project, load_project
from archlex.outcome import Report
from archlex.rules import RULES


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


__all__ = ["Project", "Report", "load", "validate_model"]
