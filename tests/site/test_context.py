"""The indexes the pages read (site/context.py) give what a scan of every entity gave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.catalog.search import Citations, show_provision
from archlex.model import Flow
from archlex.outcome import Report
from archlex.site.context import SiteContext, by_id
from archlex.site.links import SiteMap

EXAMPLE = Path(__file__).resolve().parents[2] / "model"
AS_OF = dt.date(2026, 1, 1)
DONE_STATUSES = {"implemented", "verified"}


@pytest.fixture(scope="module")
def report() -> Report:
    """The example, checked."""
    return check_model(EXAMPLE, EXAMPLE, today=AS_OF)


def test_the_indexes_give_what_a_scan_of_every_entity_gives(report: Report) -> None:
    context = SiteContext(report, SiteMap.build(report.model), AS_OF)
    model = context.model
    packages, requirements = by_id(model.work_packages), by_id(model.requirements)
    assert any(context.delivering.naming(r.id) for r in requirements)  # the example has some
    for requirement in requirements:
        scan = [w for w in packages if requirement.id in w.delivers]
        assert context.delivering.naming(requirement.id) == scan
        traced = [c for c in context.coverage.values() if requirement.id in c.requirements]
        assert context.tracing.get(requirement.id, []) == sorted(traced, key=lambda c: c.obligation)
    for system in model.systems:
        parts = {system.id, *(c.id for c in system.components)}
        allocated = [r for r in requirements if parts & set(r.allocated_to)]
        assert context.allocated.naming(*parts) == allocated
        assert context.serving.naming(*parts) == [w for w in packages if parts & set(w.systems)]


def test_the_flow_indexes_give_what_a_scan_of_every_flow_gives(report: Report) -> None:
    context = SiteContext(report, SiteMap.build(report.model), AS_OF)
    model = context.model
    flows = by_id(model.flows)
    for system in model.systems:
        parts = {system.id, *(c.id for c in system.components)}
        out = [f for f in flows if f.from_ in parts]
        into = [f for f in flows if f.to in parts or f.via in parts]
        assert context.flows_out.naming(*parts) == out
        assert context.flows_in.naming(*parts) == into
        steps = [
            p
            for p in by_id(model.processes)
            if any(
                isinstance(f := model.get(s), Flow) and parts & {f.from_, f.to, f.via}
                for s in p.steps
            )
        ]
        assert [p for p, ends in context.process_ends if parts & ends] == steps
    assert any(context.flows_in.naming(s.id) for s in model.systems)  # the example has some
    for data in model.data:
        assert context.carrying.naming(data.id) == [f for f in flows if data.id in f.data]
    assert any(context.dependents.values())
    for package in model.work_packages:
        after = [w.id for w in model.work_packages if package.id in w.depends_on]
        assert context.dependents.get(package.id, []) == after


def test_citations_give_what_a_scan_of_the_model_gives(report: Report) -> None:
    model = report.model
    citations = Citations(model)
    queries = [f"{r.id} Art {a.number}" for r in model.regulations for a in r.articles]
    queries += sorted({str(p) for r in model.requirements for p in r.satisfies})
    shown = 0
    for query in queries:
        scanned, indexed = show_provision(model, query), show_provision(model, query, citations)
        assert indexed == scanned, query
        shown += bool(scanned.requirements and scanned.obligations)
    assert shown > 10


def test_a_partly_done_obligation_says_how_many_of_its_requirements_are_done(
    report: Report,
) -> None:
    context = SiteContext(report, SiteMap.build(report.model), AS_OF)
    partly = 0
    for obligation, row in context.coverage.items():
        tracing = [context.model.get(r) for r in dict.fromkeys(row.requirements)]
        statuses = [getattr(r, "status", None) for r in tracing]
        done = sum(1 for s in statuses if s is not None and s.value in DONE_STATUSES)
        state = context.state(obligation)
        if 0 < done < len(tracing):
            partly += 1
            assert state.endswith(
                f"({done} of {len(tracing)} requirements implemented or verified)"
            )
        else:
            assert "(" not in state, state
    assert partly  # the example has obligations some of whose requirements are done
