"""Wording the text and Markdown formats share: sides, values, counts, coverage figures."""

from __future__ import annotations

import json
from typing import Any

from archlex.check.coverage import CoverageFigures
from archlex.diff.snapshot import Snapshot
from archlex.text import squash_whitespace


def side(snapshot: Snapshot) -> str:
    """A side as the user named it, with the short commit id."""
    label = squash_whitespace(snapshot.label)
    return f"{label} ({snapshot.commit[:12]})" if snapshot.commit else label


def value(data: Any) -> str:
    """A field's value on one line: JSON, or `(absent)` for a field not set on that side."""
    if data is None:
        return "(absent)"
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def plural(count: int, noun: str) -> str:
    """`1 finding`, `2 findings`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def figures(data: CoverageFigures | None) -> str:
    """`98.7% (77/78)`, or `-` where coverage is not known."""
    if data is None:
        return "-"
    return f"{data.percent:.1f}% ({data.traced}/{data.applicable})"


def change(before: CoverageFigures | None, after: CoverageFigures | None) -> str:
    """The change in percentage points, `+1.3`, `-0.5` or `0.0`; `-` when a side is unknown."""
    if before is None or after is None:
        return "-"
    points = round(after.percent - before.percent, 1)
    return f"{points:+.1f}" if points else "0.0"
