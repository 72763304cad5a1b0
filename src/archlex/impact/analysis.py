"""`archlex impact`: what depends on an entity and what it depends on, from the model graph."""

from __future__ import annotations

from typing import Any

from archlex.check.applicability import applicable_obligations
from archlex.errors import ArchlexError
from archlex.graph import build_graph
from archlex.graph.impact import Impact, Link, Reached, add_impact_edges, impact
from archlex.model import Milestone, Model, Obligation, Phase, WorkPackage
from archlex.model.common import Entity
from archlex.text import did_you_mean

# The order kinds are listed in: the order the model declares them.
KIND_ORDER = (
    "organisation",
    "role",
    "system",
    "component",
    "data",
    "flow",
    "process",
    "requirement",
    "phase",
    "work package",
    "milestone",
    "regulation",
    "obligation",
    "access grant",
    "MID link",
    "standard",
)


def impact_of(model: Model, entity_id: str) -> Impact:
    """Dependants and dependencies of an entity; obligations that do not apply are left out."""
    if model.get(entity_id) is None:
        hint = did_you_mean(entity_id, sorted(model.index)) or (
            "an id is the `id:` of an entity in the model's files or the catalog (eu.CIR, "
            "eu.817-20-1); with `archlex --install-completion`, TAB completes them"
        )
        raise ArchlexError(f"there is no entity `{entity_id}` in the model", hint)
    graph = build_graph(model)
    add_impact_edges(graph)
    applicable = {o.id for o in applicable_obligations(model)}
    skip = frozenset(o.id for o in model.obligations if o.id not in applicable) - {entity_id}
    return impact(graph, entity_id, skip)


def by_kind(reached: tuple[Reached, ...]) -> list[tuple[str, list[Reached]]]:
    """Entities grouped by kind, kinds in the model's order, ids sorted within."""
    groups: dict[str, list[Reached]] = {}
    for item in reached:
        groups.setdefault(item.kind, []).append(item)
    order = {kind: index for index, kind in enumerate(KIND_ORDER)}
    return sorted(groups.items(), key=lambda group: (order.get(group[0], len(order)), group[0]))


_PLURAL = {"data": "data", "process": "processes"}


def kinds(kind: str, count: int) -> str:
    """`1 flow`, `6 flows`, `2 processes`, `3 work packages`."""
    plural = _PLURAL.get(kind, f"{kind}s") if count != 1 else kind
    return f"{count} {plural}"


def dates(entity: Entity | None) -> dict[str, str]:
    """The roadmap dates of an entity, where it has any: start and end, date, or deadline."""
    if isinstance(entity, WorkPackage | Phase):
        return {"start": entity.start.isoformat(), "end": entity.end.isoformat()}
    if isinstance(entity, Milestone):
        return {"date": entity.date.isoformat()}
    if isinstance(entity, Obligation) and entity.deadline is not None:
        return {"deadline": entity.deadline.isoformat()}
    return {}


def title(entity: Entity | None) -> str | None:
    """What to call an entity besides its id: its name, a requirement's title, an obligation's
    provision."""
    if isinstance(entity, Obligation):
        return f"{entity.provision}: {entity.summary}"
    name = getattr(entity, "title", None) or (entity.name if entity else None)
    return str(name) if name else None


def path_text(item: Reached) -> str:
    """The chain of edges from the entity back to the focus: `P -step-> F -to-> eu.CIR`."""
    current, parts = item.id, [item.id]
    for link in reversed(item.path):
        if link.source == current:
            parts.append(f"-{link.kind}-> {link.target}")
            current = link.target
        else:
            parts.append(f"<-{link.kind}- {link.source}")
            current = link.source
    return " ".join(parts)


def impact_json(model: Model, result: Impact) -> dict[str, Any]:
    """The documented JSON shape (docs/change-review.md)."""
    focus = model.get(result.focus)
    return {
        "version": 1,
        "focus": {"id": result.focus, "kind": result.kind, "name": title(focus)},
        "dependants": [_reached_json(model, r) for _, g in by_kind(result.dependants) for r in g],
        "dependencies": [
            _reached_json(model, r) for _, g in by_kind(result.dependencies) for r in g
        ],
    }


def _reached_json(model: Model, item: Reached) -> dict[str, Any]:
    entity = model.get(item.id)
    return {
        "id": item.id,
        "kind": item.kind,
        "name": title(entity),
        "dates": dates(entity),
        "path": [_link_json(link) for link in item.path],
    }


def _link_json(link: Link) -> dict[str, str]:
    return {"source": link.source, "kind": link.kind, "target": link.target}


__all__ = ["Impact", "by_kind", "dates", "impact_json", "impact_of", "kinds", "path_text", "title"]
