"""What the CLI and other programs call: load, validate and check a model."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from archlex.findings import sort_findings
from archlex.load import Project, load_project
from archlex.load.cache import ParseCache
from archlex.outcome import Report
from archlex.progress import QUIET, Progress
from archlex.rules import RULES


def load(
    path: Path | None = None,
    cwd: Path | None = None,
    cache: ParseCache | None = None,
    progress: Progress = QUIET,
) -> Project:
    """Load the model at PATH (a folder or its archlex.yaml), through a parse cache if given."""
    with progress.stage("Loading the model"):
        return load_project(path, cwd or Path.cwd(), cache)


def validate_model(
    path: Path | None = None,
    cwd: Path | None = None,
    fail_on: str | None = None,
    cache: ParseCache | None = None,
    progress: Progress = QUIET,
) -> Report:
    """Load a model and report what the loader could not read and what the validate-phase
    rules (ids, references, provisions) find."""
    from archlex.check.run import run_validation

    project = load(path, cwd, cache, progress)
    findings = sort_findings(run_validation(project, _disabled(project)))
    return Report(project, findings, fail_on or project.model.manifest.checks.fail_on)


def check_model(
    path: Path | None = None,
    cwd: Path | None = None,
    fail_on: str | None = None,
    min_coverage: float | None = None,
    today: dt.date | None = None,
    cache: ParseCache | None = None,
    progress: Progress = QUIET,
) -> Report:
    """Load a model and run the gap analysis: every rule, waivers, coverage."""
    # Imported here: `catalog` loads a model without running any rule.
    from archlex.check.run import run_checks

    project = load(path, cwd, cache, progress)
    checks = project.model.manifest.checks
    with progress.stage("Checking the rules"):
        findings, coverage = run_checks(project, today or dt.date.today(), _disabled(project))
    return Report(
        project, sort_findings(findings), fail_on or checks.fail_on, coverage, min_coverage
    )


def _disabled(project: Project) -> set[str]:
    # A file that cannot be read stays reported whatever the manifest disables.
    return {r for r in project.model.manifest.checks.disable if r in RULES and not RULES[r].fatal}


__all__ = ["ParseCache", "Progress", "Project", "Report", "check_model", "load", "validate_model"]


def in_language(report: Report, language: str | None) -> Report:
    """The report with its outputs in `language` (`--language`), the manifest's otherwise."""
    model = report.model
    if language is None or language == model.manifest.language:
        return report
    manifest = model.manifest.model_copy(update={"language": language})
    project = dataclasses.replace(
        report.project, model=dataclasses.replace(model, manifest=manifest)
    )
    return dataclasses.replace(report, project=project)
