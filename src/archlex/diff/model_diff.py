"""`archlex diff`: what a change does to a model and to its compliance, between two revisions."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archlex.diff.compliance_delta import ComplianceDelta, compliance_delta
from archlex.diff.entity_diff import EntityDiff, diff_entities
from archlex.diff.revisions import Repository, names_a_path, open_repository
from archlex.diff.snapshot import WORKING_TREE, Snapshot, take_snapshot
from archlex.load.cache import ParseCache

JSON_VERSION = 1  # of the JSON shape documented in docs/change-review.md


@dataclass
class ModelDiff:
    """Two snapshots of a model and what changed between them."""

    before: Snapshot
    after: Snapshot
    entities: EntityDiff | None  # None when a side could not be loaded
    compliance: ComplianceDelta

    @property
    def has_new_blocking(self) -> bool:
        """Whether the change brings new findings at or above `fail_on`, or an unreadable model."""
        return bool(self.compliance.new_blocking) or not self.after.loaded

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (see docs/change-review.md)."""
        return {
            "version": JSON_VERSION,
            "before": snapshot_json(self.before),
            "after": snapshot_json(self.after),
            "entities": self.entities.to_json() if self.entities else None,
            "compliance": self.compliance.to_json(),
        }


def snapshot_json(snapshot: Snapshot) -> dict[str, Any]:
    """One side's revision, commit, and load error if any."""
    error = snapshot.error
    return {
        "revision": snapshot.label,
        "commit": snapshot.commit,
        "loaded": snapshot.loaded,
        "error": {"message": error.message, "hint": error.hint} if error else None,
        "model": snapshot.report.model.manifest.name if snapshot.report else None,
    }


def split_arguments(
    revision_a: str | None, revision_b: str | None, path: Path | None, cwd: Path
) -> tuple[str | None, str | None, Path | None]:
    """`archlex diff model/` and `archlex diff main model/`: the last argument is the path when
    it exists on disk and names no commit."""
    if path is not None:
        return revision_a, revision_b, path
    if revision_b is not None and names_a_path(revision_b, cwd):
        return revision_a, None, Path(revision_b)
    if revision_b is None and revision_a is not None and names_a_path(revision_a, cwd):
        return None, None, Path(revision_a)
    return revision_a, revision_b, path


def diff_revisions(
    path: Path | None,
    cwd: Path,
    revision_a: str | None,
    revision_b: str | None,
    today: dt.date,
    cache: ParseCache | None = None,
) -> ModelDiff:
    """Compare the model at two revisions (default: the merge base with main, the working tree)."""
    repository, manifest = open_repository(path, cwd)
    if revision_a is None:
        base, branch = repository.merge_base()
        label_a, commit_a = f"merge base with {branch}", base
    else:
        label_a, commit_a = revision_a, repository.commit(revision_a)
    commit_b = repository.commit(revision_b) if revision_b is not None else None
    with tempfile.TemporaryDirectory(prefix="archlex-diff-") as scratch:
        before = _snapshot(repository, label_a, commit_a, Path(scratch) / "a", today, cache)
        if revision_b is None or commit_b is None:
            after = take_snapshot(manifest, WORKING_TREE, None, today, cache)
        else:
            after = _snapshot(repository, revision_b, commit_b, Path(scratch) / "b", today, cache)
    return compare(before, after)


def _snapshot(
    repository: Repository,
    label: str,
    commit: str,
    folder: Path,
    today: dt.date,
    cache: ParseCache | None,
) -> Snapshot:
    manifest = repository.materialise(commit, label, folder)
    return take_snapshot(manifest, label, commit, today, cache)


def compare(before: Snapshot, after: Snapshot) -> ModelDiff:
    """What changed from one snapshot to the other."""
    entities = None
    if before.report is not None and after.report is not None:
        entities = diff_entities(before.report.model, after.report.model)
    return ModelDiff(before, after, entities, compliance_delta(before.report, after.report))


__all__ = ["ModelDiff", "compare", "diff_revisions", "split_arguments"]
