"""`archlex impact --format text`: dependants and dependencies, grouped by kind."""

from __future__ import annotations

from archlex.graph.impact import Impact, Reached
from archlex.impact.analysis import by_kind, dates, kinds, path_text, title
from archlex.impact.formats.registry import impact_format
from archlex.model import Model
from archlex.text import squash_whitespace


@impact_format("text", order=10)
def impact_text(model: Model, result: Impact) -> str:
    """The impact as plain text."""
    name = title(model.get(result.focus))
    lines = [
        f"Impact of {result.kind} {result.focus}" + (f": {squash_whitespace(name)}" if name else "")
    ]
    lines += _section(model, f"What depends on {result.focus}", result.dependants)
    lines += _section(model, f"What {result.focus} depends on", result.dependencies)
    return "\n".join(lines) + "\n"


def _section(model: Model, heading: str, reached: tuple[Reached, ...]) -> list[str]:
    lines = ["", f"{heading} ({len(reached)}):"]
    if not reached:
        return [*lines, "  nothing"]
    for kind, items in by_kind(reached):
        lines.append(f"  {kinds(kind, len(items))}:")
        for item in items:
            lines += _item(model, item)
    return lines


def _item(model: Model, item: Reached) -> list[str]:
    entity = model.get(item.id)
    name = title(entity)
    when = ", ".join(f"{key} {value}" for key, value in dates(entity).items())
    head = f"    {item.id}" + (f": {squash_whitespace(name)}" if name else "")
    return [head + (f" [{when}]" if when else ""), f"        {path_text(item)}"]
