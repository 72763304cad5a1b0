"""What every rule reads: the project, its graph, the scope and the date; where findings go."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from archlex.findings import Finding
from archlex.graph import ModelGraph
from archlex.load import Project
from archlex.model import Model, Obligation
from archlex.rules import severity_of
from archlex.timeline import Timeline


@dataclass
class CheckContext:
    """One check run: the loaded project, its graph, the obligations that apply on the day
    checked and those in scope that apply only later, the day, and the law's dates on it."""

    project: Project
    graph: ModelGraph
    applicable: list[Obligation]
    today: dt.date
    timeline: Timeline
    upcoming: list[Obligation]

    @property
    def model(self) -> Model:
        """The loaded model."""
        return self.project.model

    def is_library(self, entity_id: str) -> bool:
        """Whether an entity comes from a bundled library rather than the model's own files."""
        located = self.project.sources.of(entity_id)
        return located is not None and located.file.startswith("[")

    def finding(
        self, rule: str, target: str, message: str, *path: str | int, hint: str | None = None
    ) -> Finding:
        """A finding about an entity, placed where it (or the field at `path`) is written.

        An entity of a bundled library is placed on the manifest's `scope` (or `uses`) instead:
        that is the line in the model's own files that makes it apply, and editors and code
        scanning can open it.
        """
        located = self.project.sources.of(target)
        if located is None or located.file.startswith("["):
            here = self.project.manifest_source
            line, column = here.key_at("scope") if here.node.child("scope") else here.key_at("uses")
            where = f" (written in {located.file}:{located.at()[0]})" if located else ""
            return Finding(
                rule, severity_of(rule), message + where, here.file, line, column, target, hint
            )
        line, column = located.at(*path)
        return Finding(rule, severity_of(rule), message, located.file, line, column, target, hint)


CheckFunction = Callable[[CheckContext], Iterable[Finding]]
CHECKS: dict[str, CheckFunction] = {}


def check(rule: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register the function that applies one rule."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[rule] = function
        return function

    return register
