"""What the CLI and other programs call: load, validate and check a model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from archlex.findings import sort_findings
from archlex.load import Project, load_project
from archlex.load.cache import ParseCache
from archlex.localized import in_language
from archlex.outcome import Report
from archlex.progress import QUIET, Progress
from archlex.rules import RULES

__all__ = ["check_model", "in_language", "load", "validate_model"]


def load(
    path: Path | None = None,
    cwd: Path | None = None,
    cache: ParseCache | None = None,
    progress: Progress = QUIET,
    overlay: Mapping[Path, bytes] | None = None,
    helper: bool = False,
) -> Project:
    """Load the model at PATH (a folder or its archlex.yaml), through a parse cache if given;
    `overlay` gives unsaved text for some files, by resolved path; `helper`: the work may be
    shared with a forked helper process (a command's own process only: archlex.forked)."""
    with progress.stage("Loading the model"):
        return load_project(path, cwd or Path.cwd(), cache, overlay=overlay, helper=helper)


def validate_model(
    path: Path | None = None,
    cwd: Path | None = None,
    fail_on: str | None = None,
    cache: ParseCache | None = None,
    progress: Progress = QUIET,
    helper: bool = False,
) -> Report:
    """Load a model and report what the loader could not read and what the validate-phase
    rules (ids, references, provisions) find; `helper` as for `load`."""
    from archlex.check.run import run_validation

    project = load(path, cwd, cache, progress, helper=helper)
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
    overlay: Mapping[Path, bytes] | None = None,
    incremental: bool = False,
    helper: bool = False,
) -> Report:
    """Load a model and run the gap analysis: every rule, waivers, coverage; `overlay` gives
    unsaved text for some files, by resolved path. `incremental` (with a cache folder): reuse
    the last check where the edits since cannot change it; the report's project then holds
    only what the report formats read (archlex.check.incremental). `helper`: the loading and
    the rules may be shared with a forked helper process (a command's own process only:
    archlex.forked)."""
    day = today or dt.date.today()
    entry = _last_check(path, cwd or Path.cwd(), day, cache) if incremental else None
    if entry is not None:
        from archlex.check.incremental import recheck

        with progress.stage("Checking what changed"):
            again = recheck(entry, cache, day) if cache else None
        if again is not None:
            project, findings, coverage = again
            checks = project.model.manifest.checks
            return Report(project, findings, fail_on or checks.fail_on, coverage, min_coverage)
    # Imported here: `catalog` loads a model without running any rule.
    from archlex.check.run import run_checks

    project = load(path, cwd, cache, progress, overlay, helper)
    checks = project.model.manifest.checks
    with progress.stage("Checking the rules"):
        findings, coverage = run_checks(project, day, _disabled(project), helper)
    findings = sort_findings(findings)
    if entry is not None:
        from archlex.check.incremental import remember

        remember(entry, project, findings, coverage)
    return Report(project, findings, fail_on or checks.fail_on, coverage, min_coverage)


def _last_check(
    path: Path | None, cwd: Path, day: dt.date, cache: ParseCache | None
) -> Path | None:
    """Where the last check of this model is kept, when there is a cache folder to keep it."""
    if cache is None or not cache.records_inputs:
        return None
    from archlex.check.incremental import entry_path
    from archlex.load.manifest import find_manifest

    return entry_path(cache, find_manifest(path, cwd), cwd, day)


def _disabled(project: Project) -> set[str]:
    # A file that cannot be read stays reported whatever the manifest disables.
    return {r for r in project.model.manifest.checks.disable if r in RULES and not RULES[r].fatal}


__all__ = ["ParseCache", "Progress", "Project", "Report", "check_model", "load", "validate_model"]
