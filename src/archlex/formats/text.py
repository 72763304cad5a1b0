"""Text: `file:line:col: severity[rule]: message` lines, coloured on a terminal.

Paths are relative to the directory archlex was run from (as compilers and ruff print them),
so that a terminal or an editor opens them; findings about the bundled catalog's obligations
are grouped by chapter, the first few shown (all with `--all`)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from archlex.check.coverage import Coverage, CoverageState
from archlex.findings import Finding, Severity
from archlex.formats.registry import FormatOptions, formatter
from archlex.formats.text_groups import (
    SHOWN,
    SHOWN_WHOLE,
    Group,
    next_step,
    split_library_findings,
    start_group,
)
from archlex.formats.text_out import Line, Out, PlainOut, RichOut
from archlex.outcome import Report
from archlex.text import one_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@formatter("text")
def write_text(report: Report, stream: TextIO, options: FormatOptions) -> None:
    """Findings grouped by file, those about the catalog by chapter, then what was loaded,
    coverage, how many findings of each kind and where to start."""
    if not options.colour:  # plain text, as rich would write it, without rich
        plain = PlainOut()
        _write(plain, report, options)
        if plain.exact:
            stream.write(plain.text())
            return
    write_rich(report, stream, options)


def write_rich(report: Report, stream: TextIO, options: FormatOptions) -> None:
    """The text format through rich: coloured on a terminal."""
    from rich.console import Console

    console = Console(
        file=stream,
        highlight=False,
        force_terminal=options.colour,
        no_color=not options.colour,
        width=None if options.colour else 10_000,
    )
    _write(RichOut(console), report, options)


def _write(out: Out, report: Report, options: FormatOptions) -> None:
    prefix = path_prefix(report)
    own, groups = split_library_findings(report, report.active)
    print_findings(out, own, prefix)
    hidden = print_groups(out, groups, prefix, options.show_all)
    print_summary(out, report)
    print_next_step(out, groups, hidden)


def path_prefix(report: Report) -> str:
    """The model's folder as seen from where archlex was run: `model/`, "" when run inside
    it, the absolute path when it lies elsewhere."""
    root, cwd = report.project.root.resolve(), Path(report.project.cwd).resolve()
    if not root.is_relative_to(cwd):
        return root.as_posix() + "/"
    relative = root.relative_to(cwd)
    return "" if relative == Path() else relative.as_posix() + "/"


def display_path(file: str, prefix: str) -> str:
    """A finding's file as the user can open it (a bundled library's `[eu]/...` stays)."""
    return file if file.startswith("[") else prefix + file


def print_findings(console: Out, findings: list[Finding], prefix: str = "") -> None:
    """`file:line:col: severity[rule]: message`, grouped by file, with hints below."""
    current_file: str | None = None
    for finding in findings:
        if current_file is not None and finding.file != current_file and console.is_terminal:
            console.print()
        current_file = finding.file
        print_finding(console, finding, prefix)


def print_finding(console: Out, finding: Finding, prefix: str, indent: str = "") -> None:
    """One finding and its hint."""
    where = f"{display_path(finding.file, prefix)}:{finding.line}:{finding.column}: "
    line = Line(indent + where, style="bold")
    line.append(f"{finding.severity.value}[{finding.rule}]", style=_STYLE[finding.severity])
    line.append(": " + one_line(finding.message))
    console.print(line, soft_wrap=True)
    if finding.hint:
        console.print(
            Line(indent + "    hint: " + one_line(finding.hint), style="dim"), soft_wrap=True
        )


def print_groups(console: Out, groups: list[Group], prefix: str, show_all: bool) -> int:
    """A count per chapter, then the first few findings (each under its chapter with
    `show_all`); how many were left out."""
    if not groups:
        return 0
    total = sum(len(g.findings) for g in groups)
    console.print(Line(_LABELS["groups"].format(count=_count("finding", total)), style="bold"))
    if show_all or total <= SHOWN_WHOLE:  # a handful is shown whole, under its chapters
        for group in groups:
            console.print(Line(_group_line(group)), soft_wrap=True)
            for finding in group.findings:
                print_finding(console, finding, prefix, "    ")
        return 0
    for group in groups:
        console.print(Line(_group_line(group)), soft_wrap=True)
    start = start_group(groups) or groups[0]
    first = start.findings[:SHOWN]
    label = "first" if len(first) < len(start.findings) else "whole"
    console.print(Line(_LABELS[label].format(count=len(first), group=start.title)))
    for finding in first:
        print_finding(console, finding, prefix, "  ")
    return total - len(first)


def _group_line(group: Group) -> str:
    return f"  {group.title}: {len(group.findings)} ({group.rule_counts()})"


def print_next_step(console: Out, groups: list[Group], hidden: int) -> None:
    """How to see what was left out, and where to start."""
    if hidden:
        console.print(Line(_LABELS["hidden"].format(count=_count("finding", hidden))))
    step = next_step(groups)
    if step:
        console.print(Line(f"Next: {step}.", style="bold"), soft_wrap=True)


def print_summary(console: Out, report: Report) -> None:
    """What was loaded (counts by kind) and how many findings of each severity."""
    counts = report.model.counts()
    loaded = ", ".join(_count(kind, n) for kind, n in counts.items()) or "no entities"
    console.print(
        Line(
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
        console.print(Line("No findings" + note + ".", style="green"))
    else:
        by_severity = {s: sum(1 for f in active if f.severity is s) for s in Severity}
        parts = [_count(s.value, n) for s, n in by_severity.items() if n]
        worst = max((f.severity for f in active), key=lambda s: s.rank)
        console.print(Line("Found " + ", ".join(parts) + note + ".", style=_STYLE[worst]))
    if report.below_min_coverage and report.coverage is not None:
        console.print(
            Line(
                f"Coverage {report.coverage.overall().percent}% is below the "
                f"minimum of {report.min_coverage}%.",
                style=_STYLE[Severity.ERROR],
            )
        )


def print_coverage(console: Out, coverage: Coverage) -> None:
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
    console.print(Line("Coverage of the applicable obligations:"))
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        console.print(Line("  " + "  ".join(cells)), soft_wrap=True)


def _count(word: str, count: int) -> str:
    singular, plural = _NAMES.get(word, (word, word + "s"))
    return f"{count} {singular if count == 1 else plural}"


_LABELS = {
    "groups": "{count} about the bundled catalog's obligations, placed on the manifest's "
    "`scope`, by chapter:",
    "first": "The first {count} of {group}:",
    "whole": "In {group}:",
    "hidden": "{count} not shown: see them all with --all, or with --format json.",
}
_NAMES = {"data": ("data category", "data categories"), "process": ("process", "processes")}
