"""A work package starts on or before the last day (`end`) of a work package it depends on, so the
plan counts on work that is not finished yet. Either the dependency is real and the dates are wrong,
which puts later milestones and legal deadlines at risk, or the dates are right and the dependency
is not real. Move the start after the dependency's end, or remove the dependency.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import reads
from archlex.findings import Finding, Severity
from archlex.model import WorkPackage
from archlex.rules import Phase, rule


@rule(
    "roadmap-order",
    Severity.WARNING,
    Phase.CHECK,
    "a work package starts before one it depends on ends",
    contract=True,
    reads=reads(work_packages={"depends_on", "end", "start"}),
    reach={},
    through={},
)
def packages_out_of_order(context: CheckContext) -> Iterator[Finding]:
    """A work package that starts on or before the last day of one it depends on."""
    for package in context.model.work_packages:
        for index, dependency_id in enumerate(package.depends_on):
            dependency = context.model.get(dependency_id)
            if isinstance(dependency, WorkPackage) and package.start <= dependency.end:
                yield context.finding(
                    package.id,
                    f"work package `{package.id}` starts {package.start}, before "
                    f"`{dependency.id}`, which it depends on, ends {dependency.end}",
                    "depends_on",
                    index,
                    hint=f"start it after {dependency.end}, or drop the dependency",
                )
