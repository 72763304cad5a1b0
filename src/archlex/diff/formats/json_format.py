"""`archlex diff --format json`: the documented JSON shape."""

from __future__ import annotations

import json

from archlex.diff.formats.registry import diff_format
from archlex.diff.model_diff import ModelDiff


@diff_format("json", order=30)
def diff_json(diff: ModelDiff) -> str:
    """The documented JSON shape, indented, keys in a fixed order."""
    return json.dumps(diff.to_json(), indent=2, ensure_ascii=False) + "\n"
