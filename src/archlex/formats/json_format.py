"""The contract's JSON object: `{"version": 1, "findings": [...], "summary": {...}}`."""

from __future__ import annotations

import json
from typing import Any, TextIO

from archlex.formats.registry import FormatOptions, formatter
from archlex.outcome import Report

JSON_VERSION = 1  # of this shape (docs/ci.md); raised when a field changes meaning or goes


def report_json(report: Report) -> str:
    """The report as the contract's JSON object (waived findings included and marked)."""
    data: dict[str, Any] = {
        "version": JSON_VERSION,
        "findings": [f.to_json() for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@formatter("json")
def write_json(report: Report, stream: TextIO, options: FormatOptions) -> None:
    """Write the JSON object."""
    stream.write(report_json(report))
