"""Run the rules over a loaded project: the validate phase, the check phase, waivers, coverage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from archlex.check.context import CheckContext
from archlex.check.coverage import Coverage, CoverageState, ObligationCoverage
from archlex.check.statuses import DONE, state_of
from archlex.check.waivers import apply_waivers
from archlex.findings import Finding
from archlex.gc_pause import collector_paused
from archlex.graph import ModelGraph
from archlex.load import Project
from archlex.model import Obligation, Requirement
from archlex.rules import RULES, Phase, rules_of


def run_validation(project: Project, disabled: set[str]) -> list[Finding]:
    """What the loader could not read, and the findings of every enabled validate-phase rule."""
    context = CheckContext(project, dt.date.today())
    return [*_read_findings(project, disabled), *_run_phase(context, Phase.VALIDATE, disabled)]


def run_checks(
    project: Project, today: dt.date, disabled: set[str]
) -> tuple[list[Finding], Coverage]:
    """The findings of every enabled rule of both phases (with waivers applied) and the
    coverage."""
    with collector_paused():  # see gc_pause: the rules build a graph as large as the model
        return _run_checks(project, today, disabled)


def _run_checks(
    project: Project, today: dt.date, disabled: set[str]
) -> tuple[list[Finding], Coverage]:
    context = CheckContext(project, today)
    # Validate-phase findings of disabled rules are found, then dropped after the waivers: a
    # waiver of one still counts as used, as it did when the loader found them.
    findings = _read_findings(project, set()) + _run_phase(context, Phase.VALIDATE, set())
    findings += _run_phase(context, Phase.CHECK, disabled)
    findings = apply_waivers(project, findings, today)
    findings = [f for f in findings if f.rule not in disabled]
    graph = context.graph
    return findings, Coverage([coverage_of(graph, o) for o in context.applicable])


def _read_findings(project: Project, disabled: set[str]) -> list[Finding]:
    """The loader's findings, each with its rule's severity from the registry."""
    return [_with_rule_severity(f) for f in project.findings if f.rule not in disabled]


def _with_rule_severity(finding: Finding) -> Finding:
    severity = RULES[finding.rule].severity if finding.rule in RULES else finding.severity
    return finding if severity is finding.severity else replace(finding, severity=severity)


def _run_phase(context: CheckContext, phase: Phase, disabled: set[str]) -> list[Finding]:
    findings: list[Finding] = []
    for info in rules_of(phase):
        if info.function is not None and info.id not in disabled:
            found: Iterable[Finding] = info.function(context.for_rule(info.id))
            findings += found
    return findings


def coverage_of(graph: ModelGraph, obligation: Obligation) -> ObligationCoverage:
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
    facts = [
        (r.status in DONE, bool(r.allocated_to), bool(graph.predecessors(r.id, "delivers")))
        for r in requirements
    ]
    return state_of(facts)
