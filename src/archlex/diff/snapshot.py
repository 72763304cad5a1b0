"""One side of a diff: the model checked at a revision or in the working tree, or why it failed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from archlex.api import check_model
from archlex.errors import ArchlexError
from archlex.load.cache import ParseCache
from archlex.outcome import Report

WORKING_TREE = "working tree"


@dataclass(frozen=True)
class Snapshot:
    """The model at one revision: its checked report, or the error that stopped its loading."""

    label: str  # what the user named: a revision, or "working tree"
    commit: str | None  # the full commit id; None for the working tree
    report: Report | None
    error: ArchlexError | None = None

    @property
    def loaded(self) -> bool:
        """Whether the model could be read at all."""
        return self.report is not None


def take_snapshot(
    manifest: Path, label: str, commit: str | None, today: dt.date, cache: ParseCache | None
) -> Snapshot:
    """Check the model at `manifest`; a model that cannot be read gives a snapshot of its error."""
    try:
        report = check_model(manifest, manifest.parent, today=today, cache=cache)
    except ArchlexError as error:
        return Snapshot(label, commit, None, error)
    return Snapshot(label, commit, report)
