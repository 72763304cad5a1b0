"""Run every rule over a loaded project: findings, waivers, coverage."""

from __future__ import annotations

import datetime as dt

from archlex.check import (  # noqa: F401 - registers the rules
    flows,
    governance,
    roadmap,
    traceability,
)
from archlex.check.applicability import applicable_obligations
from archlex.check.context import CHECKS, CheckContext
from archlex.check.coverage import Coverage, CoverageState, ObligationCoverage
from archlex.check.waivers import apply_waivers
from archlex.findings import Finding
from archlex.gc_pause import collector_paused
from archlex.graph import ModelGraph, build_graph
from archlex.load import Project
from archlex.model import Obligation, Requirement, RequirementStatus

DONE = {RequirementStatus.IMPLEMENTED, RequirementStatus.VERIFIED}


def run_checks(
    project: Project, today: dt.date, disabled: set[str]
) -> tuple[list[Finding], Coverage]:
    """The findings of every enabled rule (with waivers applied) and the coverage."""
    with collector_paused():  # see gc_pause: the rules build a graph as large as the model
        return _run_checks(project, today, disabled)


def _run_checks(
    project: Project, today: dt.date, disabled: set[str]
) -> tuple[list[Finding], Coverage]:
    graph = build_graph(project.model)
    applicable = applicable_obligations(project.model)
    context = CheckContext(project, graph, applicable, today)
    findings = list(project.findings)
    for rule, function in sorted(CHECKS.items()):
        if rule not in disabled:
            findings += function(context)
    findings = apply_waivers(project, findings, today)
    findings = [f for f in findings if f.rule not in disabled]
    return findings, Coverage([_coverage(graph, o) for o in applicable])


def _coverage(graph: ModelGraph, obligation: Obligation) -> ObligationCoverage:
    requirements = graph.tracing(obligation)
    systems = sorted({s for r in requirements for s in r.allocated_to})
    packages = sorted({p for r in requirements for p in graph.predecessors(r.id, "delivers")})
    return ObligationCoverage(
        obligation.id,
        str(obligation.provision),
        obligation.provision.regulation,
        _state(graph, requirements),
        tuple(r.id for r in requirements),
        tuple(systems),
        tuple(packages),
    )


def _state(graph: ModelGraph, requirements: list[Requirement]) -> CoverageState:
    if not requirements:
        return CoverageState.GAP
    if all(r.status in DONE for r in requirements):
        return CoverageState.MET
    allocated = [r for r in requirements if r.allocated_to]
    if any(graph.predecessors(r.id, "delivers") for r in allocated):
        return CoverageState.SCHEDULED
    return CoverageState.ALLOCATED if allocated else CoverageState.TRACED
