"""`archlex diff --format markdown`: a pull-request comment, a summary first, details folded.

Every piece of model text (and the revision names) goes through `md_cell`, so a name with
pipes, line breaks, HTML or Markdown syntax shows as written and stays in its table cell.
"""

from __future__ import annotations

from archlex.diff.entity_diff import EntityDiff
from archlex.diff.formats.registry import diff_format
from archlex.diff.labels import change, figures, plural, side, value
from archlex.diff.model_diff import ModelDiff
from archlex.diff.snapshot import Snapshot
from archlex.findings import Finding
from archlex.toolkit.escape import md_cell

MAX_ROWS = 200  # per table: GitHub refuses comments over 65 536 characters


@diff_format("markdown", order=20)
def diff_markdown(diff: ModelDiff) -> str:
    """The whole diff as GitHub-flavoured Markdown."""
    parts = [
        f"### archlex diff: {md_cell(side(diff.before))} → {md_cell(side(diff.after))}",
        _summary(diff),
        *_load_errors(diff.before, "before"),
        *_load_errors(diff.after, "after"),
        _coverage(diff),
        *_finding_details(diff),
        *_entity_details(diff.entities),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _summary(diff: ModelDiff) -> str:
    delta = diff.compliance
    marker = "❌" if diff.has_new_blocking else "✅"
    blocking = f" ({len(delta.new_blocking)} blocking)" if delta.new_blocking else ""
    findings = f"{plural(len(delta.new), 'new finding')}{blocking}, {len(delta.fixed)} fixed."
    if not diff.after.loaded:
        findings = "not compared: the model after the change could not be loaded."
    elif not diff.before.loaded:
        findings = "not compared: the model before the change could not be loaded."
    lines = [f"{marker} **Findings:** {findings}"]
    overall = delta.coverage[-1]
    lines.append(
        f"**Coverage** (obligations traced): {figures(overall.before)} → {figures(overall.after)}."
    )
    if diff.entities is not None:
        entities = diff.entities
        lines.append(
            f"**Model:** entities {len(entities.added)} added, {len(entities.removed)} removed, "
            f"{len(entities.changed)} changed."
        )
    return "  \n".join(lines)


def _load_errors(snapshot: Snapshot, which: str) -> list[str]:
    if snapshot.error is None:
        return []
    text = f"**The model {which} could not be loaded:** {md_cell(snapshot.error.message)}"
    if snapshot.error.hint:
        text += f"  \nhint: {md_cell(snapshot.error.hint)}"
    return [text]


def _coverage(diff: ModelDiff) -> str:
    rows = [
        [c.scope, figures(c.before), figures(c.after), change(c.before, c.after)]
        for c in diff.compliance.coverage
    ]
    return _table(["Coverage", "Before", "After", "Change (points)"], rows)


def _finding_details(diff: ModelDiff) -> list[str]:
    delta = diff.compliance
    return [
        _details(f"New findings ({len(delta.new)})", _findings(delta.new)) if delta.new else "",
        _details(f"Fixed findings ({len(delta.fixed)})", _findings(delta.fixed))
        if delta.fixed
        else "",
    ]


def _findings(findings: list[Finding]) -> str:
    rows = [
        [
            f.severity.value,
            f.rule,
            f.target or "",
            f.message,
            f"{f.file}:{f.line}",
        ]
        for f in findings
    ]
    return _table(["Severity", "Rule", "Entity", "Message", "Where"], rows)


def _entity_details(entities: EntityDiff | None) -> list[str]:
    if entities is None or entities.is_empty:
        return []
    listed = [("added", e) for e in entities.added] + [("removed", e) for e in entities.removed]
    rows = [[what, e.kind, e.id, e.name or ""] for what, e in listed]
    changes = [
        [c.entity.kind, c.entity.id, f.field, value(f.old), value(f.new)]
        for c in entities.changed
        for f in c.fields
    ]
    parts = []
    if rows:
        title = f"Entities added and removed ({len(rows)})"
        parts.append(_details(title, _table(["Change", "Kind", "Id", "Name"], rows)))
    if changes:
        title = f"Entities changed ({len(entities.changed)})"
        table = _table(["Kind", "Id", "Field", "Before", "After"], changes)
        parts.append(_details(title, table))
    return parts


def _details(summary: str, body: str) -> str:
    # Blank lines around the body: GitHub renders Markdown inside <details> only after one.
    return f"<details><summary>{summary}</summary>\n\n{body}\n\n</details>"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in rows[:MAX_ROWS]]
    if len(rows) > MAX_ROWS:
        lines.append(f"\n{len(rows) - MAX_ROWS} more rows left out; `--format json` lists all.")
    return "\n".join(lines)
