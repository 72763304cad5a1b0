"""The output formats of `archlex diff`, by name."""

from __future__ import annotations

import json
from collections.abc import Callable

from archlex.diff import ModelDiff
from archlex.diff.markdown import diff_markdown
from archlex.diff.text import diff_text


def diff_json(diff: ModelDiff) -> str:
    """The documented JSON shape, indented, keys in a fixed order."""
    return json.dumps(diff.to_json(), indent=2, ensure_ascii=False) + "\n"


DIFF_FORMATS: dict[str, Callable[[ModelDiff], str]] = {
    "text": diff_text,
    "markdown": diff_markdown,
    "json": diff_json,
}
