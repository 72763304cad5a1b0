"""An applicable obligation is addressed to a role (manual-verification-authority,
central-access-point ...) that no organisation in the model holds, or holds only for other systems
than those of the obligation that are in scope. The regulations give these tasks to authorities that
each Member State designates and notifies; a task with no authority will not be done. Give the role,
in its `roles`, to the organisation that carries out the task, with `for: [...]` when it holds the
role only for some systems.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archlex.check.applicability import MEMBER_STATE
from archlex.check.context import CheckContext
from archlex.check.reads import APPLICABLE, reads
from archlex.findings import Finding, Severity
from archlex.model import Obligation
from archlex.rules import Phase, rule

if TYPE_CHECKING:
    from archlex.model import RoleGrant


@rule(
    "role-unassigned",
    Severity.ERROR,
    Phase.CHECK,
    "an applicable obligation needs a role nobody holds",
    contract=True,
    reads=reads(APPLICABLE, obligations={"systems"}, organisations={"roles"}),
    reach={},
    through={},
)
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
    holders = context.once("role-unassigned:grants", lambda: _grants(context)).get(obligation.actor)
    if not holders:
        return []
    needed = [s for s in obligation.systems if s in in_scope]
    missing = [s for s in needed if not any(not g.for_ or s in g.for_ for g in holders)]
    return missing or None


def _grants(context: CheckContext) -> dict[str, list[RoleGrant]]:
    """Every organisation's grants by role, gathered once a run (each obligation asks for one
    role: scanning every organisation's roles for each cost more than the rest of the rule)."""
    by_role: dict[str, list[RoleGrant]] = {}
    for organisation in context.model.organisations:
        for grant in organisation.roles:
            by_role.setdefault(grant.role, []).append(grant)
    return by_role
