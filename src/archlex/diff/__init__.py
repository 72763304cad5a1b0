"""`archlex diff`: what changed between two revisions of a model."""

from archlex.diff.model_diff import (
    JSON_VERSION,
    ModelDiff,
    compare,
    diff_revisions,
    snapshot_json,
    split_arguments,
)

__all__ = [
    "JSON_VERSION",
    "ModelDiff",
    "compare",
    "diff_revisions",
    "snapshot_json",
    "split_arguments",
]
