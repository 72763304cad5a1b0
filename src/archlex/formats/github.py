"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation a finding."""

from __future__ import annotations

from typing import TextIO

from archlex.findings import Finding, Severity
from archlex.formats.registry import FormatOptions, formatter
from archlex.formats.sarif import Place, full_text, place_of, repository_prefix
from archlex.outcome import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as actions/toolkit `escapeData` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command's property value as actions/toolkit `escapeProperty` does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, place: Place) -> str:
    """The workflow command that annotates one finding, on one line."""
    properties = {
        "file": place.path,
        "line": str(place.line),
        "col": str(place.column),
        "title": f"archlex {finding.rule}",
    }
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {listed}::{escape_data(full_text(finding, place))}"


def summary_line(report: Report) -> str:
    """Counts and the exit code, with no model text, so the runner cannot read a command in it."""
    counts = {s: sum(1 for f in report.active if f.severity is s) for s in Severity}
    parts = [
        _count(counts[Severity.ERROR], "error"),
        _count(counts[Severity.WARNING], "warning"),
        _count(counts[Severity.INFO], "notice"),
    ]
    waived = len(report.findings) - len(report.active)
    line = "archlex: " + ", ".join(parts) + f" ({waived} waived)"
    if report.coverage is not None:
        overall = report.coverage.overall()
        line += (
            f"; coverage {overall.percent:g}% "
            f"({overall.traced} of {overall.applicable} obligations traced)"
        )
    return line + f"; exit code {report.exit_code}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")


@formatter("github")
def write_github(report: Report, stream: TextIO, options: FormatOptions) -> None:
    """Write an annotation for each finding that is not waived, then the summary line."""
    prefix = repository_prefix(report)
    for finding in report.active:
        stream.write(annotation(finding, place_of(finding, report, prefix)) + "\n")
    stream.write(summary_line(report) + "\n")
