"""One pass over the views the model names: entries of `include` and `exclude` that name no id
and no tag, and a `focus` that is no system (unknown-reference); views that cannot be drawn as
written (view-invalid)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archlex.findings import Finding
from archlex.model import View, ViewKind
from archlex.rules import severity_of
from archlex.text import did_you_mean

if TYPE_CHECKING:
    from archlex.load.project import Project

Problem = tuple[str, str, tuple[str | int, ...], str | None]  # rule, message, path, hint


def check_views(project: Project) -> list[Finding]:
    """unknown-reference and view-invalid for every view of the model's own files."""
    model = project.model
    findings = []
    for view in sorted(model.views, key=lambda v: v.id):
        located = project.sources.of(view.id)
        if located is None:
            continue
        for rule, message, path, hint in _problems(project, view):
            line, column = located.at(*path)
            findings.append(
                Finding(rule, severity_of(rule), message, located.file, line, column, view.id, hint)
            )
    return findings


def _problems(project: Project, view: View) -> Iterator[Problem]:
    yield from _unknown(project, view)
    yield from _invalid(project, view)


def _unknown(project: Project, view: View) -> Iterator[Problem]:
    """Entries that name neither an id nor a tag; a focus that is not a system or component."""
    # Imported here, as in _invalid: most models have no views, and need no selection.
    from archlex.graph.views import system_index, tagged

    model = project.model
    for field in ("include", "exclude"):
        for index, entry in enumerate(getattr(view, field)):
            if model.get(entry) is None and not tagged(model, entry):
                message = (
                    f"view `{view.id}`: `{field}[{index}]` names `{entry}`, "
                    "but there is no entity with that id and none with that tag"
                )
                hint = did_you_mean(entry, [e.id for _, e in model.entities()])
                yield "unknown-reference", message, (field, index), hint
    if view.focus is not None and view.focus not in system_index(model):
        found = model.get(view.focus)
        what = "no system" if found is None else f"`{view.focus}` is not a system or component"
        message = f"view `{view.id}`: `focus` names `{view.focus}`, but {what}"
        hint = did_you_mean(view.focus, list(system_index(model)))
        yield "unknown-reference", message, ("focus",), hint


def _invalid(project: Project, view: View) -> Iterator[Problem]:
    """A view that clashes with a default view, has a depth without focus, or shows nothing."""
    from archlex.graph.views import default_view_names, select, system_index

    model = project.model
    if view.id in default_view_names(model):
        yield (
            "view-invalid",
            f"view `{view.id}` has the name of a default diagram, which it would overwrite",
            ("id",),
            f"rename it, e.g. `{view.id}-view`",
        )
    if view.depth is not None and view.focus is None:
        yield (
            "view-invalid",
            f"view `{view.id}` gives a `depth` but no `focus` to count it from",
            ("depth",),
            "add `focus:` (a system), or remove `depth:`",
        )
    if view.focus is not None and view.focus not in system_index(model):
        return  # the unknown focus is the finding
    selection = select(model, view)
    flowing = view.kind in (ViewKind.PROCESS, ViewKind.SEQUENCE)
    if not selection.systems or (flowing and not selection.flows):
        what = "no flow" if selection.systems else "nothing"
        yield (
            "view-invalid",
            f"{view.kind.value} view `{view.id}` selects {what}: "
            "its include, exclude and focus leave nothing to draw",
            ("include",) if view.include else ("id",),
            "include a process, flows or systems that take part in flows",
        )
