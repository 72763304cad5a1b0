"""Whether an edited file still gives the model what it gave before (the same entities, only
written elsewhere), and where each position in it moved: what lets `archlex check` keep the
last check's findings after an edit that cannot change them (archlex.check.incremental)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from archlex.findings import Finding
from archlex.load import Project
from archlex.load.cache import FileOutcome
from archlex.load.fast_reader import read_fast
from archlex.load.positions import SourceNode
from archlex.load.sources import FilePositions, Located, SourceMap
from archlex.model import Model
from archlex.model.record import Record

Position = tuple[int, int]


def same_value(a: Any, b: Any) -> bool:
    """Equal and written alike: the same types, fields given, keys in the same order (a rule
    may read any of these, so anything less would not be certain to check alike)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Record):
        if a.model_fields_set != b.model_fields_set:
            return False
        return all(same_value(getattr(a, n), getattr(b, n)) for n in type(a).model_fields)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(map(same_value, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_value(a[k], b[k]) for k in a)
    return bool(a == b)


def with_entities(project: Project, model: Model, sources: SourceMap) -> Project:
    """The project holding only `model`'s entities: where it was loaded from and what it read,
    without the loader's findings (a re-check's own models: the report's, the edited
    entities')."""
    return Project(
        project.manifest_path,
        model,
        sources,
        project.manifest_source,
        files=project.files,
        cwd=project.cwd,
        libraries=project.libraries,
        inputs=project.inputs,
    )


def is_clean(outcome: FileOutcome) -> bool:
    """Whether loading a file found nothing wrong (a finding of the loader is placed by the
    reader: not moved here)."""
    return not (outcome.findings or outcome.problems or outcome.invalid_ids)


def same_entities(old: FileOutcome, new: FileOutcome) -> bool:
    """Whether two loads of one file gave the same entities in the same order, and neither
    found anything wrong."""
    if not is_clean(old) or not is_clean(new):
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


class Mover(Protocol):
    """Where a finding placed in an edited file is placed now."""

    def move(self, finding: Finding) -> Position | None:
        """The finding's line and column now, or None when it cannot be moved for certain."""


class _ByTarget(ABC):
    """Moves a finding by the positions of the entity it is about (worked out the first time
    a finding about that entity asks), when it is placed inside that entity."""

    def __init__(self) -> None:
        self.maps: dict[str, dict[Position, Position] | None] = {}

    def move(self, finding: Finding) -> Position | None:
        """The finding's line and column now, or None when it is not inside its entity."""
        target = finding.target
        if target is None:
            return None
        if target not in self.maps:
            self.maps[target] = self.positions(target)
        moved = self.maps[target]
        return None if moved is None else moved.get((finding.line, finding.column))

    @abstractmethod
    def positions(self, target: str) -> dict[Position, Position] | None:
        """Each position inside an entity then, and where it is now."""


class ReferenceMover(_ByTarget):
    """Moves findings between two loads of a file that gave the same entities, by the
    reference reader's trees of each entity."""

    def __init__(self, old: FileOutcome, new: FileOutcome) -> None:
        super().__init__()
        self.old, self.new = places(old), places(new)

    def positions(self, target: str) -> dict[Position, Position] | None:
        """Each position inside an entity then, and where it is now."""
        if target not in self.old or target not in self.new:
            return None
        return moved_positions(self.old[target].reference_node(), self.new[target].reference_node())


class TextMover(_ByTarget):
    """Moves findings between two texts of a file that the fast reader reads as the same data
    (so the loader makes the same entities of both): each value inside the entity, found by
    its path in the data, placed in each text by rapidyaml."""

    def __init__(
        self,
        entities: dict[str, tuple[str | int, ...]],
        old: bytes,
        new: bytes,
        data: Any,
        partial: bool = False,
    ) -> None:
        super().__init__()
        self.entities, self.data, self.partial = entities, data, partial
        self.old, self.new = FilePositions(old), FilePositions(new)

    @classmethod
    def of(
        cls,
        outcome: FileOutcome,
        then: bytes | None,
        now: bytes,
        same: Callable[[Any, Any], bool] = same_value,
        partial: bool = False,
    ) -> TextMover | None:
        """The mover from the text the outcome was read from (or `then`, the text its findings
        are placed in now) to `now`; None unless the fast reader reads both as data that
        `same` finds the same. `partial`: the data may differ, and a value that is not in
        both is not placed (a finding there is not moved)."""
        entities: dict[str, tuple[str | int, ...]] = {}
        for entity, located in outcome.placed:
            pending = located.pending()
            if pending is None:
                return None
            then = then or pending[0]
            entities.setdefault(entity.id, pending[1])
        if then is None:
            return None
        data = read_fast(now)
        if data is None or not same(read_fast(then), data):
            return None
        return cls(entities, then, now, data, partial)

    def positions(self, target: str) -> dict[Position, Position] | None:
        """Each position inside an entity then, and where it is now."""
        path = self.entities.get(target)
        if path is None:
            return None
        entity = _at(self.data, path)
        # libyaml may place an empty value where the next key is
        if _holds_null(entity) or _unplaced(entity):
            return moved_positions(self.old.tree().find(path)[0], self.new.tree().find(path)[0])
        moved: dict[Position, Position] = {}
        pending = [(entity, self.old.node_at(path), self.new.node_at(path))]
        while pending:  # each node from its parent's: rapidyaml walks each step once
            data, a, b = pending.pop()
            for here, there in (
                ((a.line, a.column), (b.line, b.column)),
                ((a.key_line, a.key_column), (b.key_line, b.key_column)),
            ):
                if moved.setdefault(here, there) != there:
                    return None
            for step, value in _inside(data):
                old, new = a.child(step), b.child(step)
                if (old is None or new is None) and self.partial:
                    continue  # not in the text before (or now): a finding there is not moved
                if old is None or new is None:
                    return None
                pending.append((value, old, new))
        return moved


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _inside(data: Any) -> list[tuple[str | int, Any]]:
    """The values inside a mapping or list, by key or index, but for empty lists and mappings
    and text of several lines: rapidyaml cannot place those (the reference reader would have
    to read the whole file), and no other value starts where they do, so a finding placed on
    one is not moved but checked in full."""
    items: list[tuple[str | int, Any]] = []
    if isinstance(data, dict):
        items = list(data.items())
    elif isinstance(data, list):
        items = list(enumerate(data))
    return [(k, v) for k, v in items if not _unplaced(v)]


def _unplaced(value: Any) -> bool:
    return value in ([], {}) or (isinstance(value, str) and "\n" in value)


def _holds_null(data: Any) -> bool:
    if isinstance(data, dict):
        return any(_holds_null(v) for v in data.values())
    if isinstance(data, list):
        return any(_holds_null(v) for v in data)
    return data is None
