"""The indexes the pages read (site/context.py) give what a scan of every entity gave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from archlex.api import check_model
from archlex.site.context import SiteContext, by_id
from archlex.site.links import SiteMap

EXAMPLE = Path(__file__).resolve().parents[2] / "model"
AS_OF = dt.date(2026, 1, 1)


def test_the_indexes_give_what_a_scan_of_every_entity_gives() -> None:
    report = check_model(EXAMPLE, EXAMPLE, today=AS_OF)
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
