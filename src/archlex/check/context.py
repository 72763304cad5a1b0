"""What every rule reads: the project, its graph, the scope and the date; where findings go."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from archlex.catalog.timeline import Timeline
from archlex.check.applicability import applicable_obligations
from archlex.findings import Finding
from archlex.graph import ModelGraph, build_graph
from archlex.load import Project
from archlex.model import Model, Obligation
from archlex.rules import severity_of

T = TypeVar("T")


@dataclass
class CheckContext:
    """One run of the rules over a loaded project, seen by one rule (`rule`).

    The graph and the applicable obligations are built on first use and shared by every rule
    of the run, so `archlex validate`, whose rules need neither, never builds them.
    """

    project: Project
    today: dt.date
    rule: str = ""
    shared: dict[str, Any] = field(default_factory=dict)

    def for_rule(self, rule: str) -> CheckContext:
        """The same run, seen by another rule: its findings carry that rule's id."""
        return CheckContext(self.project, self.today, rule, self.shared)

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed once per run and shared by the rules that ask for it."""
        if key not in self.shared:
            self.shared[key] = compute()
        value: T = self.shared[key]
        return value

    @property
    def model(self) -> Model:
        """The loaded model."""
        return self.project.model

    @property
    def graph(self) -> ModelGraph:
        """The model as one graph (built on first use)."""
        built: ModelGraph | None = self.shared.get("graph")  # asked for in rules' inner loops
        return (
            built
            if built is not None
            else self.once("graph", lambda: build_graph(self.model, lazy=True))
        )

    @property
    def timeline(self) -> Timeline:
        """The law's dates as they stand on the day checked (built on first use)."""
        return self.once("timeline", lambda: Timeline(self.model, self.today))

    @property
    def applicable(self) -> list[Obligation]:
        """The obligations in the model's scope that apply on the day checked."""
        return self.once("applicable", lambda: self._in_scope(upcoming=False))

    @property
    def upcoming(self) -> list[Obligation]:
        """The obligations in the model's scope that apply only after the day checked."""
        return self.once("upcoming", lambda: self._in_scope(upcoming=True))

    def _in_scope(self, upcoming: bool) -> list[Obligation]:
        in_scope = self.once("in-scope", lambda: applicable_obligations(self.model))
        return [o for o in in_scope if self.timeline.is_upcoming(o) is upcoming]

    def from_pass(self, run: Callable[[Project], list[Finding]]) -> list[Finding]:
        """This rule's findings of a pass that finds several rules' at once (run once)."""
        found = self.once(f"{run.__module__}.{run.__qualname__}", lambda: run(self.project))
        return [f for f in found if f.rule == self.rule]

    def is_library(self, entity_id: str) -> bool:
        """Whether an entity comes from a bundled library rather than the model's own files."""
        located = self.project.sources.of(entity_id)
        return located is not None and located.file.startswith("[")

    def finding(
        self, target: str, message: str, *path: str | int, hint: str | None = None
    ) -> Finding:
        """A finding of this rule about an entity, placed where it (or the field at `path`) is
        written, with the rule's severity.

        An entity of a bundled library is placed on the manifest's `scope` (or `uses`) instead:
        that is the line in the model's own files that makes it apply, and editors and code
        scanning can open it.
        """
        rule = self.rule
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
