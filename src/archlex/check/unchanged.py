"""Whether an edited file still gives the model what it gave before (the same entities, only
written elsewhere), and where each position in it moved: what lets `archlex check` keep the
last check's findings after an edit that cannot change them (archlex.check.incremental)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from archlex.load.cache import FileOutcome
from archlex.load.positions import SourceNode
from archlex.load.sources import Located

Position = tuple[int, int]


def same_value(a: Any, b: Any) -> bool:
    """Equal and written alike: the same types, fields given, keys in the same order (a rule
    may read any of these, so anything less would not be certain to check alike)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, BaseModel):
        if a.model_fields_set != b.model_fields_set:
            return False
        return all(same_value(getattr(a, n), getattr(b, n)) for n in type(a).model_fields)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(map(same_value, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_value(a[k], b[k]) for k in a)
    return bool(a == b)


def same_entities(old: FileOutcome, new: FileOutcome) -> bool:
    """Whether two loads of one file gave the same entities in the same order, and neither
    found anything wrong (a finding of the loader is placed by the reader: not mapped here)."""
    if old.findings or old.problems or new.findings or new.problems:
        return False
    if old.invalid_ids != new.invalid_ids or len(old.placed) != len(new.placed):
        return False
    if any(a.id != b.id for (a, _), (b, _) in zip(old.placed, new.placed, strict=True)):
        return False
    return len(old.parts) == len(new.parts) and all(map(same_value, old.parts, new.parts))


def places(outcome: FileOutcome) -> dict[str, Located]:
    """Where each entity of one file is written (the first place of an id written twice)."""
    found: dict[str, Located] = {}
    for entity, located in outcome.placed:
        found.setdefault(entity.id, located)
    return found


def moved_positions(old: SourceNode, new: SourceNode) -> dict[Position, Position] | None:
    """Each position (of a value or of its key) in `old`, and where the same value or key is
    in `new`; None when the two trees are not the same shape or a position would move to two
    places."""
    moved: dict[Position, Position] = {}
    pending = [(old, new)]
    while pending:
        a, b = pending.pop()
        for here, there in (
            ((a.line, a.column), (b.line, b.column)),
            ((a.key_line, a.key_column), (b.key_line, b.key_column)),
        ):
            if moved.setdefault(here, there) != there:
                return None
        pairs = _child_pairs(a.children, b.children)
        if pairs is None:
            return None
        pending += pairs
    return moved


def _child_pairs(
    a: dict[str, SourceNode] | list[SourceNode] | None,
    b: dict[str, SourceNode] | list[SourceNode] | None,
) -> Sequence[tuple[SourceNode, SourceNode]] | None:
    """The children of two nodes side by side, or None when they differ in kind or number."""
    if a is None or b is None:
        return [] if a is None and b is None else None
    if isinstance(a, dict) and isinstance(b, dict):
        return [(a[k], b[k]) for k in a] if a.keys() == b.keys() else None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return list(zip(a, b, strict=True))
    return None
