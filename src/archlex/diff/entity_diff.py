"""Entities added, removed and changed between two models, field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archlex.model import Model, System

# A system's components are entities of their own, compared on their own.
_NESTED_ENTITIES: dict[type, set[str]] = {System: {"components"}}


@dataclass(frozen=True)
class EntityRef:
    """An entity named in a diff: its id, kind and name (a requirement's title)."""

    id: str
    kind: str
    name: str | None

    def to_json(self) -> dict[str, Any]:
        """As JSON."""
        return {"id": self.id, "kind": self.kind, "name": self.name}


@dataclass(frozen=True)
class FieldChange:
    """One field whose value differs: None stands for a field that is absent on that side."""

    field: str
    old: Any
    new: Any

    def to_json(self) -> dict[str, Any]:
        """As JSON."""
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class EntityChange:
    """An entity present on both sides whose fields differ."""

    entity: EntityRef
    fields: tuple[FieldChange, ...]

    def to_json(self) -> dict[str, Any]:
        """As JSON."""
        return {**self.entity.to_json(), "fields": [f.to_json() for f in self.fields]}


@dataclass
class EntityDiff:
    """Every entity added, removed or changed, each list sorted by id."""

    added: list[EntityRef] = field(default_factory=list)
    removed: list[EntityRef] = field(default_factory=list)
    changed: list[EntityChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """Whether the models hold the same entities with the same values."""
        return not (self.added or self.removed or self.changed)

    def to_json(self) -> dict[str, Any]:
        """As JSON."""
        return {
            "added": [e.to_json() for e in self.added],
            "removed": [e.to_json() for e in self.removed],
            "changed": [c.to_json() for c in self.changed],
        }


def diff_entities(before: Model, after: Model) -> EntityDiff:
    """Compare two models entity by entity, matching entities by id."""
    old, new = _fields_by_id(before), _fields_by_id(after)
    diff = EntityDiff()
    for entity_id in sorted(old.keys() | new.keys()):
        if entity_id not in new:
            diff.removed.append(old[entity_id][0])
        elif entity_id not in old:
            diff.added.append(new[entity_id][0])
        else:
            changes = _field_changes(old[entity_id], new[entity_id])
            if changes:
                diff.changed.append(EntityChange(new[entity_id][0], changes))
    return diff


def _fields_by_id(model: Model) -> dict[str, tuple[EntityRef, dict[str, Any]]]:
    """Each entity's reference and its fields as JSON values; the first of a duplicated id."""
    found: dict[str, tuple[EntityRef, dict[str, Any]]] = {}
    for kind, entity in model.entities():
        if entity.id in found:
            continue
        skip = _NESTED_ENTITIES.get(type(entity), set())
        values = {
            name: value
            for name, value in entity.model_dump(mode="json", by_alias=True).items()
            if name not in skip and name != "id"
        }
        name = entity.name or getattr(entity, "title", None)  # a requirement has a title
        found[entity.id] = (EntityRef(entity.id, kind, name), values)
    return found


def _field_changes(
    old: tuple[EntityRef, dict[str, Any]], new: tuple[EntityRef, dict[str, Any]]
) -> tuple[FieldChange, ...]:
    changes = []
    if old[0].kind != new[0].kind:
        changes.append(FieldChange("kind of entity", old[0].kind, new[0].kind))
    names = list(old[1]) + [n for n in new[1] if n not in old[1]]
    for name in names:
        before, after = old[1].get(name), new[1].get(name)
        if before != after:
            changes.append(FieldChange(name, before, after))
    return tuple(changes)
