"""Which obligations apply to a model, from the manifest's scope."""

from __future__ import annotations

from archlex.model import Model, Obligation, Role

MEMBER_STATE = "member-state"
EU_BODY_TAG = "eu-body"


def regulations_in_scope(model: Model) -> set[str]:
    """The manifest's `scope.regulations`, or every regulation loaded when it says none."""
    scope = model.manifest.scope
    if scope is None or scope.regulations is None:
        return {r.id for r in model.regulations}
    return set(scope.regulations)


def is_national_actor(model: Model, actor: str) -> bool:
    """Whether an actor is the Member State or a national role (not eu-LISA, Europol ...)."""
    if actor == MEMBER_STATE:
        return True
    role = model.get(actor)
    return isinstance(role, Role) and EU_BODY_TAG not in role.tags


def applies(model: Model, obligation: Obligation, regulations: set[str]) -> bool:
    """Whether an obligation applies: its regulation is in scope, its actor is national, and
    its `applies_when` matches the scope's systems and options."""
    if obligation.provision.regulation not in regulations:
        return False
    if not is_national_actor(model, obligation.actor):
        return False
    condition = obligation.applies_when
    if condition is None:
        return True
    scope = model.manifest.scope
    systems = set(scope.systems) if scope else set()
    options = set(scope.options) if scope else set()
    if condition.systems_any and not systems & set(condition.systems_any):
        return False
    return not (condition.options_any and not options & set(condition.options_any))


def applicable_obligations(model: Model) -> list[Obligation]:
    """Every obligation that applies to the model, sorted by provision then id."""
    regulations = regulations_in_scope(model)
    found = [o for o in model.obligations if applies(model, o, regulations)]
    return sorted(found, key=lambda o: (o.provision.sort_key, o.id))
