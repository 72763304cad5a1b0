"""`archlex diff --format text`: the change for a terminal or a CI log."""

from __future__ import annotations

from archlex.diff.entity_diff import EntityDiff, EntityRef
from archlex.diff.formats.registry import diff_format
from archlex.diff.labels import change, figures, plural, side, value
from archlex.diff.model_diff import ModelDiff
from archlex.diff.snapshot import Snapshot
from archlex.findings import Finding
from archlex.text import squash_whitespace


@diff_format("text", order=10)
def diff_text(diff: ModelDiff) -> str:
    """The whole diff as plain text."""
    lines = [f"archlex diff: {side(diff.before)} -> {side(diff.after)}", ""]
    lines += _load_errors(diff.before, "before") + _load_errors(diff.after, "after")
    if diff.entities is not None:
        lines += _entities(diff.entities)
    lines += _findings(diff)
    lines += _coverage(diff)
    return "\n".join([*lines, _summary(diff)]) + "\n"


def _load_errors(snapshot: Snapshot, which: str) -> list[str]:
    if snapshot.error is None:
        return []
    lines = [f"The model {which} ({squash_whitespace(snapshot.label)}) could not be loaded:"]
    lines.append(f"  {squash_whitespace(snapshot.error.message)}")
    if snapshot.error.hint:
        lines.append(f"  hint: {squash_whitespace(snapshot.error.hint)}")
    return [*lines, ""]


def _entities(entities: EntityDiff) -> list[str]:
    counts = (
        f"{len(entities.added)} added, {len(entities.removed)} removed, "
        f"{len(entities.changed)} changed"
    )
    lines = [f"Entities: {counts}"]
    lines += [f"  + {_entity(e)}" for e in entities.added]
    lines += [f"  - {_entity(e)}" for e in entities.removed]
    for changed in entities.changed:
        lines.append(f"  ~ {_entity(changed.entity)}")
        lines += [f"      {f.field}: {value(f.old)} -> {value(f.new)}" for f in changed.fields]
    return [*lines, ""]


def _entity(entity: EntityRef) -> str:
    name = f" ({squash_whitespace(entity.name)})" if entity.name else ""
    return f"{entity.kind} {entity.id}{name}"


def _findings(diff: ModelDiff) -> list[str]:
    delta = diff.compliance
    blocking = f" ({len(delta.new_blocking)} blocking)" if delta.new_blocking else ""
    if not (diff.before.loaded and diff.after.loaded):
        return ["Findings: not compared (a side could not be loaded)", ""]
    lines = [f"Findings: {len(delta.fixed)} fixed, {len(delta.new)} new{blocking}"]
    lines += [f"  fixed {_finding(f)}" for f in delta.fixed]
    lines += [f"  new   {_finding(f)}" for f in delta.new]
    return [*lines, ""]


def _finding(finding: Finding) -> str:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    target = f" {finding.target}:" if finding.target else ""
    message = squash_whitespace(finding.message)
    return f"{finding.severity.value}[{finding.rule}]{target} {message} ({where})"


def _coverage(diff: ModelDiff) -> list[str]:
    rows = [("Coverage (obligations traced)", "before", "after", "change")]
    rows += [
        (f"  {c.scope}", figures(c.before), figures(c.after), change(c.before, c.after))
        for c in diff.compliance.coverage
    ]
    width = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    return [*lines, ""]


def _summary(diff: ModelDiff) -> str:
    """The closing line; what `--fail-on-new` looks at comes first."""
    delta = diff.compliance
    overall = delta.coverage[-1]
    coverage = f"coverage {figures(overall.before)} -> {figures(overall.after)}"
    if not diff.after.loaded:
        return f"Summary: the model after the change could not be loaded; {coverage}"
    if not diff.before.loaded:
        return f"Summary: the model before the change could not be loaded; {coverage}"
    return (
        f"Summary: {plural(len(delta.new), 'new finding')} ({len(delta.new_blocking)} "
        f"blocking), {len(delta.fixed)} fixed; {coverage}"
    )
