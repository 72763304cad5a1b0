"""Findings as LSP diagnostics: the rule id as the code, the severity mapped, the hint in the
message, a link to the rule's documentation."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from archlex.errors import ArchlexError
from archlex.findings import Finding, Severity
from archlex.lsp.files import UTF16, Columns
from archlex.lsp.text import scalar_end

SOURCE = "archlex"
LABELS = {"hint": "hint: "}
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

# The text of a line of a file, by the finding's file name and 1-based line ("" if none).
LineReader = Callable[[str, int], str]


def diagnostic_of(
    finding: Finding, line_text: str, rules_url: str | None, columns: Columns = UTF16
) -> types.Diagnostic:
    """One finding as a diagnostic, its range the scalar its position starts."""
    message = finding.message
    if finding.hint:
        message += "\n" + LABELS["hint"] + finding.hint
    data = {"rule": finding.rule, "target": finding.target, "hint": finding.hint}
    return types.Diagnostic(
        range=span_range(line_text, finding.line, finding.column, columns),
        message=message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=(
            types.CodeDescription(href=f"{rules_url}#{finding.rule}") if rules_url else None
        ),
        source=SOURCE,
        data=data,
    )


def error_diagnostic(
    error: ArchlexError, line_text: str, columns: Columns = UTF16
) -> types.Diagnostic:
    """A model that cannot be read at all, as one diagnostic where its manifest says so."""
    message = error.message + (f"\n{LABELS['hint']}{error.hint}" if error.hint else "")
    return types.Diagnostic(
        range=span_range(line_text, error.line or 1, error.column or 1, columns),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def span_range(line_text: str, line: int, column: int, columns: Columns = UTF16) -> types.Range:
    """From a 1-based line and code-point column to the end of the scalar written there."""
    start = max(column - 1, 0)
    end = scalar_end(line_text, start) if start < len(line_text) else start
    return types.Range(
        start=types.Position(line=max(line - 1, 0), character=columns.to_client(line_text, start)),
        end=types.Position(line=max(line - 1, 0), character=columns.to_client(line_text, end)),
    )


def diagnostics_by_file(
    findings: list[Finding], read_line: LineReader, rules_url: str | None, columns: Columns
) -> dict[str, list[types.Diagnostic]]:
    """The active (not waived) findings as diagnostics, by the finding's file name."""
    grouped: dict[str, list[types.Diagnostic]] = {}
    for finding in findings:
        if finding.waived:
            continue
        line = read_line(finding.file, finding.line)
        grouped.setdefault(finding.file, []).append(
            diagnostic_of(finding, line, rules_url, columns)
        )
    return grouped
