"""A requirement's status and allocations, read by the coverage: after an edit of those (and
of nothing else a rule cannot check for the edited requirement alone: archlex.check.reach),
archlex.check.incremental works the coverage out again from what it kept of each requirement
(done, allocated to what, delivered), the same way archlex.check.run does from the whole
model.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from archlex.check.coverage import Coverage, CoverageState, ObligationCoverage
from archlex.check.reads import COVERAGE
from archlex.model import Model, RequirementStatus
from archlex.rules import Reads

if TYPE_CHECKING:
    from archlex.check.neighbours import Links

DONE = {RequirementStatus.IMPLEMENTED, RequirementStatus.VERIFIED}
STATUSES = frozenset(s.value for s in RequirementStatus)
# Per requirement id: whether its status is done, what it is allocated to, whether a work
# package delivers it (what archlex.check.run.coverage_of reads of it).
Facts = dict[str, tuple[bool, tuple[str, ...], bool]]
# Per requirement id edited: whether its status is done now, and what it is allocated to now.
Updates = dict[str, tuple[bool, tuple[str, ...]]]


def statuses_unread_by_rules(read_by_rules: Reads | None) -> bool:
    """Whether the coverage reads a requirement's status and no rule does (so that this
    module may answer for an edit of it)."""
    if read_by_rules is None or "status" not in COVERAGE["requirements"]:
        return False
    return "status" not in read_by_rules.get("requirements", frozenset())


def requirement_facts(model: Model) -> Facts | None:
    """What the coverage reads of each requirement; None when an id is written twice (the
    graph then keeps one of them)."""
    ids = Counter(r.id for r in model.requirements)
    if any(count > 1 for count in ids.values()):
        return None
    delivered = {r for package in model.work_packages for r in package.delivers}
    return {
        r.id: (r.status in DONE, tuple(r.allocated_to), r.id in delivered)
        for r in model.requirements
    }


def delivered(facts: Facts, links: Links) -> Facts:
    """The facts with whether a work package delivers each requirement as the links say."""
    return {
        r: (done, allocated, r in links.delivered_by) for r, (done, allocated, _) in facts.items()
    }


def changed_statuses(old: Any, new: Any) -> dict[str, bool] | None:
    """The requirements of one file (its fast reader's data, before and after) whose status
    changed, and whether each is done now; None when they cannot be paired by id."""
    before, after = _requirements(old), _requirements(new)
    if before is None or after is None or len(before) != len(after):
        return None
    changed: dict[str, bool] = {}
    for a, b in zip(before, after, strict=True):
        if not isinstance(a, dict) or not isinstance(b, dict) or a.get("id") != b.get("id"):
            return None
        if a.get("status") != b.get("status"):
            status = b.get("status", RequirementStatus.PROPOSED.value)
            if status not in STATUSES:
                return None  # written in a way the loader takes but this does not
            changed[str(b["id"])] = RequirementStatus(status) in DONE
    return changed


def _requirements(data: Any) -> list[Any] | None:
    if not isinstance(data, dict):
        return None
    found = data.get("requirements", [])
    return found if isinstance(found, list) else None


def with_statuses(facts: Facts, done: dict[str, bool]) -> Updates | None:
    """The updates of requirements whose status changed (allocations as they were); None
    when one is not a requirement the facts know."""
    if any(r not in facts for r in done):
        return None
    return {r: (is_done, facts[r][1]) for r, is_done in done.items()}


def recovered(coverage: Coverage, facts: Facts, updates: Updates) -> Coverage | None:
    """The coverage with the obligations that the edited requirements trace worked out again
    (their state and the systems they are allocated to); None when an edited requirement is
    not one the facts know."""
    if any(r not in facts for r in updates):
        return None
    for requirement, (is_done, allocated) in updates.items():
        facts[requirement] = (is_done, allocated, facts[requirement][2])
    rows = [
        _again(row, facts) if updates.keys() & set(row.requirements) else row
        for row in coverage.obligations
    ]
    return Coverage(rows)


def _again(row: ObligationCoverage, facts: Facts) -> ObligationCoverage:
    traced = [facts[r] for r in row.requirements]
    systems = sorted({s for _, allocated, _ in traced for s in allocated})
    state = state_of([(done, bool(allocated), delivered) for done, allocated, delivered in traced])
    return replace(row, state=state, systems=tuple(systems))


def state_of(requirements: list[tuple[bool, bool, bool]]) -> CoverageState:
    """An obligation's state, from the facts of the requirements that trace it (done,
    allocated, delivered each)."""
    if not requirements:
        return CoverageState.GAP
    if all(done for done, _, _ in requirements):
        return CoverageState.MET
    if any(allocated and delivered for _, allocated, delivered in requirements):
        return CoverageState.SCHEDULED
    if any(allocated for _, allocated, _ in requirements):
        return CoverageState.ALLOCATED
    return CoverageState.TRACED
