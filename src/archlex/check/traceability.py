"""Rules on tracing the law to the architecture: obligations, requirements, roles, deadlines."""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.applicability import MEMBER_STATE
from archlex.check.context import CheckContext, check
from archlex.findings import Finding
from archlex.model import Obligation, WorkPackage


@check("obligation-untraced")
def untraced_obligations(context: CheckContext) -> Iterator[Finding]:
    """An applicable obligation that no requirement satisfies."""
    for obligation in context.applicable:
        if not context.graph.tracing(obligation):
            yield context.finding(
                "obligation-untraced",
                obligation.id,
                f"obligation `{obligation.id}` ({obligation.provision}) is traced by no "
                f"requirement: {obligation.summary}",
                hint=f'add a requirement with `satisfies: ["{obligation.provision}"]`, '
                "or waive it with a reason",
            )


@check("requirement-unallocated")
def unallocated_requirements(context: CheckContext) -> Iterator[Finding]:
    """A requirement allocated to no system or component."""
    for requirement in context.model.requirements:
        if not requirement.allocated_to:
            yield context.finding(
                "requirement-unallocated",
                requirement.id,
                f"requirement `{requirement.id}` is allocated to no system or component",
                hint="add `allocated_to: [<system id>]`",
            )


@check("requirement-unscheduled")
def unscheduled_requirements(context: CheckContext) -> Iterator[Finding]:
    """A requirement that no work package delivers."""
    for requirement in context.model.requirements:
        if not context.graph.predecessors(requirement.id, "delivers"):
            yield context.finding(
                "requirement-unscheduled",
                requirement.id,
                f"no work package delivers requirement `{requirement.id}`",
                hint=f"add `{requirement.id}` to the `delivers` of a work package",
            )


@check("role-unassigned")
def unassigned_roles(context: CheckContext) -> Iterator[Finding]:
    """An applicable obligation whose role no organisation holds for the systems in scope."""
    scope = context.model.manifest.scope
    in_scope = set(scope.systems) if scope else set()
    for obligation in context.applicable:
        if obligation.actor == MEMBER_STATE:
            continue
        missing = _systems_without_role(context, obligation, in_scope)
        if missing is None:
            continue
        systems = f" for {', '.join(missing)}" if missing else ""
        yield context.finding(
            "role-unassigned",
            obligation.id,
            f"obligation `{obligation.id}` ({obligation.provision}) needs the role "
            f"`{obligation.actor}`{systems}, and no organisation holds it",
            hint=f"give an organisation `roles: [{obligation.actor}]`"
            + (
                f" or `{{role: {obligation.actor}, for: [{', '.join(missing)}]}}`"
                if missing
                else ""
            ),
        )


def _systems_without_role(
    context: CheckContext, obligation: Obligation, in_scope: set[str]
) -> list[str] | None:
    """None when the role is held as needed; else the systems it lacks (empty: held nowhere)."""
    holders = [
        grant
        for organisation in context.model.organisations
        for grant in organisation.roles
        if grant.role == obligation.actor
    ]
    if not holders:
        return []
    needed = [s for s in obligation.systems if s in in_scope]
    missing = [s for s in needed if not any(not g.for_ or s in g.for_ for g in holders)]
    return missing or None


@check("deadline-missed")
def missed_deadlines(context: CheckContext) -> Iterator[Finding]:
    """The work delivering an obligation ends after the obligation's deadline."""
    for obligation in context.applicable:
        deadline = context.timeline.deadline(obligation)
        if deadline is None or deadline.date is None:
            continue
        due = deadline.date
        late = [
            package
            for requirement in context.graph.tracing(obligation)
            for package_id in context.graph.predecessors(requirement.id, "delivers")
            if isinstance(package := context.model.get(package_id), WorkPackage)
            and package.end > due
        ]
        if late:
            last = max(late, key=lambda p: (p.end, p.id))
            yield context.finding(
                "deadline-missed",
                obligation.id,
                f"obligation `{obligation.id}` ({obligation.provision}) is due {deadline}, "
                f"but work package `{last.id}` delivering it ends {last.end}",
                hint="bring the work package forward, or plan the obligation's interim measure",
            )


@check("obligation-upcoming")
def upcoming_obligations(context: CheckContext) -> Iterator[Finding]:
    """An obligation in scope that applies only after the day checked."""
    for obligation in context.upcoming:
        start = context.timeline.applies_from(obligation)
        if start is not None and start.date is not None:
            when = f"from {start}"
        else:
            when = f"once {start.derivation}" if start else "later"
        yield context.finding(
            "obligation-upcoming",
            obligation.id,
            f"obligation `{obligation.id}` ({obligation.provision}) does not apply yet on "
            f"{context.today}: it applies {when}",
            hint="plan for it; it is not counted as a gap before then",
        )
