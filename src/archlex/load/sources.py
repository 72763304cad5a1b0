"""Where each entity of a loaded model is written, so that any later step can point at it."""

from __future__ import annotations

from dataclasses import dataclass

from archlex.load.positions import SourceNode
from archlex.model.common import Entity


@dataclass(frozen=True, slots=True)
class Located:
    """An entity's file (relative to the manifest's folder) and its position tree."""

    file: str
    node: SourceNode

    def __reduce__(self) -> tuple[type[Located], tuple[str, SourceNode]]:
        # Pickled by value: faster to load from the parse cache than a dataclass's state.
        return (Located, (self.file, self.node))

    def at(self, *path: str | int) -> tuple[int, int]:
        """Line and column of a field (or list item) of the entity, else of the entity."""
        node, _ = self.node.find(path)
        return node.line, node.column

    def key_at(self, *path: str | int) -> tuple[int, int]:
        """Line and column of the key that names a field, else of the entity."""
        node, _ = self.node.find(path)
        return node.key_line, node.key_column


class SourceMap:
    """Entity id -> where it is written (every place, when an id is used twice)."""

    def __init__(self) -> None:
        self.entities: dict[str, list[Located]] = {}
        self.placed: list[tuple[Entity, Located]] = []  # in load order

    def add(self, entity: Entity, located: Located) -> None:
        """Record where an entity is written."""
        self.entities.setdefault(entity.id, []).append(located)
        self.placed.append((entity, located))

    def of(self, entity_id: str) -> Located | None:
        """The first place an entity is written."""
        places = self.entities.get(entity_id)
        return places[0] if places else None

    def entity_at(self, file: str, line: int) -> str | None:
        """The id of the innermost entity written across `line` of `file`, if any."""
        best: tuple[int, str] | None = None
        for entity, located in self.placed:
            node = located.node
            inside = located.file == file and node.line <= line <= node.end_line
            if inside and (best is None or node.line >= best[0]):
                best = (node.line, entity.id)
        return best[1] if best else None
