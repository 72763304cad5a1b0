"""Run the rules over a loaded project: the validate phase, the check phase, waivers, coverage."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from archlex.check.context import CheckContext
from archlex.check.coverage import Coverage, CoverageState, ObligationCoverage
from archlex.check.statuses import DONE, state_of
from archlex.check.waivers import apply_waivers
from archlex.findings import Finding
from archlex.gc_pause import collector_paused
from archlex.graph import ModelGraph
from archlex.load import Project
from archlex.model import Obligation, Requirement
from archlex.rules import RULES, Phase, RuleInfo, rules_of


def run_validation(project: Project, disabled: set[str]) -> list[Finding]:
    """What the loader could not read, and the findings of every enabled validate-phase rule."""
    context = CheckContext(project, dt.date.today())
    return [*_read_findings(project, disabled), *_phase_job(Phase.VALIDATE, disabled)(context)]


def run_checks(
    project: Project, today: dt.date, disabled: set[str], helper: bool = False
) -> tuple[list[Finding], Coverage]:
    """The findings of every enabled rule of both phases (with waivers applied) and the
    coverage; `helper`: the rules may be shared with a forked helper process (a command's own
    process only: archlex.forked)."""
    with collector_paused():  # see gc_pause: the rules build a graph as large as the model
        return _run_checks(project, today, disabled, helper)


def _run_checks(
    project: Project, today: dt.date, disabled: set[str], helper: bool
) -> tuple[list[Finding], Coverage]:
    context = CheckContext(project, today)
    # Validate-phase findings of disabled rules are found, then dropped after the waivers: a
    # waiver of one still counts as used, as it did when the loader found them.
    jobs: list[Job] = [
        _phase_job(Phase.VALIDATE, set()),
        *_rule_jobs(Phase.CHECK, disabled),
        _coverage,  # last: the process that is free first takes it
    ]
    if helper:
        found = run_shared(context, jobs, pays=_entities(project) >= SHARED_RULES_FROM)
    else:
        found = [job(context) for job in jobs]
    *found_by_rules, coverage = found
    findings = _read_findings(project, set()) + [f for part in found_by_rules for f in part]
    findings = apply_waivers(project, findings, today)
    findings = [f for f in findings if f.rule not in disabled]
    return findings, Coverage(coverage)


def _read_findings(project: Project, disabled: set[str]) -> list[Finding]:
    """The loader's findings, each with its rule's severity from the registry."""
    return [_with_rule_severity(f) for f in project.findings if f.rule not in disabled]


def _with_rule_severity(finding: Finding) -> Finding:
    severity = RULES[finding.rule].severity if finding.rule in RULES else finding.severity
    return finding if severity is finding.severity else replace(finding, severity=severity)


# A job: some rules run over a context, their findings in the registry's order; or the
# coverage of the applicable obligations.
Job = Callable[[CheckContext], list[Any]]
# Below this many entities the rules take less time than a helper costs (a few milliseconds).
SHARED_RULES_FROM = 5_000


def _phase_job(phase: Phase, disabled: set[str]) -> Job:
    """Every enabled rule of a phase, as one job: the validate phase's rules share passes over
    the references (CheckContext.from_pass), which a job makes once."""
    return _rules_job(_enabled(phase, disabled))


def _rule_jobs(phase: Phase, disabled: set[str]) -> list[Job]:
    """Each enabled rule of a phase, as a job of its own."""
    return [_rules_job([info]) for info in _enabled(phase, disabled)]


def _enabled(phase: Phase, disabled: set[str]) -> list[RuleInfo]:
    """The rules of a phase that run: those with a function, not disabled."""
    return [i for i in rules_of(phase) if i.function and i.id not in disabled]


def _rules_job(rules: list[RuleInfo]) -> Job:
    def job(context: CheckContext) -> list[Finding]:
        findings: list[Finding] = []
        for info in rules:
            assert info.function is not None  # for mypy: only rules with a function are given
            found: Iterable[Finding] = info.function(context.for_rule(info.id))
            findings += found
        return findings

    return job


def run_shared(context: CheckContext, jobs: list[Job], pays: bool) -> list[list[Any]]:
    """Each job's result, the jobs shared with a forked helper process when one can be had
    (archlex.forked): each process takes the next job in turn, with a context of its own (what
    one rule computes for others, the graph or a pass, is computed in each process that needs
    it), and the helper sends back its results. A job it never answered runs here. `pays`:
    the model is large enough for a helper to pay."""
    from archlex.forked import share

    def answer(index: int) -> bytes:
        return pickle.dumps(jobs[index](context), pickle.HIGHEST_PROTOCOL)

    done: dict[int, list[Any]] = {}
    shared = share(len(jobs), answer, pays)
    if shared is not None:
        with shared:
            while (index := shared.take()) is not None:
                done[index] = jobs[index](context)
            while not shared.helper_done:
                done |= {i: pickle.loads(a) for i, a in shared.answers(wait=True)}
    return [done[i] if i in done else job(context) for i, job in enumerate(jobs)]


def _entities(project: Project) -> int:
    return len(project.sources.placed)


def _coverage(context: CheckContext) -> list[ObligationCoverage]:
    graph = context.graph
    return [coverage_of(graph, o) for o in context.applicable]


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
