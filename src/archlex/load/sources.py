"""Where each entity of a loaded model is written, so that any later step can point at it."""

from __future__ import annotations

import sys

from archlex.load.positions import SourceNode
from archlex.model.common import Entity


class FilePositions:
    """Where everything in one file is written, worked out only when first asked for.

    Files read by the fast reader come without positions; most of their entities are never
    pointed at, so the reference reader reads the file for its positions only when a finding
    needs one. Pickled as the file's bytes: the parse cache then keeps them lazy too.
    """

    __slots__ = ("_fast", "_raw", "_tree")

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._tree: SourceNode | None = None
        self._fast: SourceNode | None = None

    def node_at(self, path: tuple[str | int, ...]) -> SourceNode:
        """The node at `path`: placed by rapidyaml when it can, else by the reference."""
        if self._tree is None and self._fast is None:
            from archlex.load import fast_positions, fast_reader  # rapidyaml only when asked

            body = fast_reader.model_bytes(self._raw)
            if fast_positions.available() and body is not None:
                self._fast = fast_positions.RymlPositions(body, self.tree).root()
        return (self._fast or self.tree()).find(path)[0]

    def __reduce__(self) -> tuple[type[FilePositions], tuple[bytes]]:
        return (FilePositions, (self._raw,))

    @property
    def raw(self) -> bytes:
        """The file's bytes."""
        return self._raw

    def tree(self) -> SourceNode:
        """The file's position tree, from the reference reader."""
        if self._tree is None:
            # Imported here: yaml_reader imports nothing of this module, but keep it that way.
            from archlex.load.yaml_reader import UnreadableYamlError, parse_yaml

            try:
                self._tree = parse_yaml(self._raw).source
            except UnreadableYamlError:  # not for a file the fast reader read; be safe anyway
                self._tree = SourceNode(1, 1, 1, 1)
        return self._tree


class PlacedNode(SourceNode):
    """An entity's own position, worked out once and kept (the compiled library,
    archlex.load.compiled_library); its children and its last line are worked out from the
    file when asked for, as `FilePositions` would: a finding about a library entity needs
    only the entity's line, and so no file of the library is parsed again for it."""

    __slots__ = ("path", "positions")

    def __init__(self, node: SourceNode, positions: FilePositions, path: tuple[str | int, ...]):
        super().__init__(node.line, node.column, node.key_line, node.key_column)
        self.positions = positions
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        values = (self.line, self.column, self.key_line, self.key_column)
        return (_placed_node, (values, self.positions, self.path))

    def child(self, step: str | int) -> SourceNode | None:
        """The position of a child value by key or index, if it was written."""
        return self.positions.node_at(self.path).child(step)

    def last_line(self) -> int:
        """The last line of a list or mapping, as the reference reader places it."""
        return self.positions.node_at(self.path).last_line()

    def reference(self) -> SourceNode:
        """The entity's node in the reference reader's tree."""
        return self.positions.tree().find(self.path)[0]


def _placed_node(
    values: tuple[int, int, int, int], positions: FilePositions, path: tuple[str | int, ...]
) -> PlacedNode:
    return PlacedNode(SourceNode(*values), positions, path)


class Located:
    """An entity's file (relative to the manifest's folder) and its position tree."""

    __slots__ = ("_node", "_path", "file")

    def __init__(
        self, file: str, node: SourceNode | FilePositions, path: tuple[str | int, ...] = ()
    ) -> None:
        self.file = file
        self._node = node
        self._path = path  # where the entity is in a file whose positions are not read yet

    def __reduce__(
        self,
    ) -> tuple[type[Located], tuple[str, SourceNode | FilePositions, tuple[str | int, ...]]]:
        # Pickled by value: faster to load from the parse cache than a class's state.
        return (Located, (self.file, self._node, self._path))

    @property
    def node(self) -> SourceNode:
        """The entity's position tree (read from its file the first time it is needed)."""
        node = self._node
        if isinstance(node, FilePositions):
            node = node.node_at(self._path)
            self._node, self._path = node, ()
        return node

    def placed(self) -> Located:
        """The same place with the entity's own position worked out, its children left to be
        worked out when asked for (what the compiled library keeps)."""
        node = self._node
        if not isinstance(node, FilePositions):
            return self
        return Located(self.file, PlacedNode(node.node_at(self._path), node, self._path))

    def pending(self) -> tuple[bytes, tuple[str | int, ...]] | None:
        """The bytes of the entity's file and its path in them, while its position is still
        to be worked out (a file the fast reader read); else None."""
        node = self._node
        return (node.raw, self._path) if isinstance(node, FilePositions) else None

    def reference_node(self) -> SourceNode:
        """The entity's position tree from the reference reader, with every child listed
        (`node` may place children only when asked for)."""
        node = self._node
        if isinstance(node, FilePositions):
            return node.tree().find(self._path)[0]
        if isinstance(node, PlacedNode):
            return node.reference()
        fast = sys.modules.get("archlex.load.fast_positions")  # imported if it placed one
        if fast is not None and isinstance(node, fast.RymlSourceNode):
            found: SourceNode = node.positions.reference().find(node.path)[0]
            return found
        return node

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
            if located.file != file:
                continue  # before `node`: that would read the positions of every file
            node = located.node
            inside = node.line <= line <= node.last_line()
            if inside and (best is None or node.line >= best[0]):
                best = (node.line, entity.id)
        return best[1] if best else None
