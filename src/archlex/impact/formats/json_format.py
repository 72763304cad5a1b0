"""`archlex impact --format json`: the documented JSON shape (docs/change-review.md)."""

from __future__ import annotations

import json

from archlex.graph.impact import Impact
from archlex.impact.analysis import impact_json
from archlex.impact.formats.registry import impact_format
from archlex.model import Model


@impact_format("json", order=20)
def impact_json_text(model: Model, result: Impact) -> str:
    """The JSON shape, indented."""
    return json.dumps(impact_json(model, result), indent=2, ensure_ascii=False) + "\n"
