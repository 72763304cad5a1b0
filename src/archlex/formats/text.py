"""Text: `file:line:col: severity[rule]: message` lines, coloured on a terminal."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from archlex.check.coverage import Coverage, CoverageState
from archlex.findings import Finding, Severity
from archlex.formats.registry import formatter
from archlex.outcome import Report
from archlex.text import one_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@formatter("text")
def write_text(report: Report, stream: TextIO, colour: bool) -> None:
    """Findings grouped by file, then what was loaded and how many findings of each kind."""
    console = Console(
        file=stream,
        highlight=False,
        force_terminal=colour,
        no_color=not colour,
        width=None if colour else 10_000,
    )
    print_findings(console, report.active)
    print_summary(console, report)


def print_findings(console: Console, findings: list[Finding]) -> None:
    """`file:line:col: severity[rule]: message`, grouped by file, with hints below."""
    current_file: str | None = None
    for finding in findings:
        if current_file is not None and finding.file != current_file and console.is_terminal:
            console.print()
        current_file = finding.file
        line = Text(f"{finding.file}:{finding.line}:{finding.column}: ", style="bold")
        line.append(f"{finding.severity.value}[{finding.rule}]", style=_STYLE[finding.severity])
        line.append(": " + one_line(finding.message))
        console.print(line, soft_wrap=True)
        if finding.hint:
            console.print(Text("    hint: " + one_line(finding.hint), style="dim"), soft_wrap=True)


def print_summary(console: Console, report: Report) -> None:
    """What was loaded (counts by kind) and how many findings of each severity."""
    counts = report.model.counts()
    loaded = ", ".join(_count(kind, n) for kind, n in counts.items()) or "no entities"
    console.print(
        Text(
            f"Loaded {one_line(report.model.manifest.name)}: {len(report.project.files)} files; "
            f"{loaded}."
        ),
        soft_wrap=True,
    )
    if report.coverage is not None:
        print_coverage(console, report.coverage)
    active = report.active
    waived = len(report.findings) - len(active)
    note = f" ({_count('waived finding', waived)} not counted)" if waived else ""
    if not active:
        console.print(Text("No findings" + note + ".", style="green"))
    else:
        by_severity = {s: sum(1 for f in active if f.severity is s) for s in Severity}
        parts = [_count(s.value, n) for s, n in by_severity.items() if n]
        worst = max((f.severity for f in active), key=lambda s: s.rank)
        console.print(Text("Found " + ", ".join(parts) + note + ".", style=_STYLE[worst]))
    if report.below_min_coverage and report.coverage is not None:
        console.print(
            Text(
                f"Coverage {report.coverage.overall().percent}% is below the "
                f"minimum of {report.min_coverage}%.",
                style=_STYLE[Severity.ERROR],
            )
        )


def print_coverage(console: Console, coverage: Coverage) -> None:
    """A table of applicable obligations per state, per regulation and overall."""
    header = ["regulation", "applicable", *(s.value for s in CoverageState), "traced %"]
    rows = [header]
    for name, figures in [*coverage.by_regulation().items(), ("overall", coverage.overall())]:
        rows.append(
            [
                name,
                str(figures.applicable),
                *(str(figures.states[s.value]) for s in CoverageState),
                f"{figures.percent:.1f}",
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    console.print(Text("Coverage of the applicable obligations:"))
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        console.print(Text("  " + "  ".join(cells)), soft_wrap=True)


def _count(word: str, count: int) -> str:
    singular, plural = _NAMES.get(word, (word, word + "s"))
    return f"{count} {singular if count == 1 else plural}"


_NAMES = {"data": ("data category", "data categories"), "process": ("process", "processes")}
