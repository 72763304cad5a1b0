"""Positions in a file the fast reader read, worked out for one path at a time.

A finding needs the line and column of one entity or field; reading the whole file again with
libyaml for it would cost as much as the fast reader saved. rapidyaml parses the file again in
place (milliseconds), walks only the nodes along the path, and takes each position from where
the node's text lies in the buffer. Where that is not certain to match libyaml (an empty or
null value, a block scalar, an empty collection, anything a sanity check does not confirm), the
node comes from the reference reader's tree instead, so positions are always libyaml's.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

from archlex.load.positions import SourceNode

try:
    import ryml
except ImportError:  # pragma: no cover - rapidyaml has wheels for the supported platforms
    ryml = None

Path = tuple[str | int, ...]
_NONE = -1 if ryml is None else int(ryml.NONE)


def available() -> bool:
    """Whether rapidyaml could be imported."""
    return ryml is not None


_SPACE = b" \n"


class _PyBuffer(ctypes.Structure):
    """CPython's Py_buffer: how to learn where a read-only memoryview's bytes are."""

    _fields_ = [
        ("buf", ctypes.c_void_p),
        ("obj", ctypes.c_void_p),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", ctypes.c_int),
        ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p),
        ("shape", ctypes.c_void_p),
        ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p),
        ("internal", ctypes.c_void_p),
    ]


_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = [ctypes.py_object, ctypes.POINTER(_PyBuffer), ctypes.c_int]
_get_buffer.restype = ctypes.c_int
_release_buffer = ctypes.pythonapi.PyBuffer_Release
_release_buffer.argtypes = [ctypes.POINTER(_PyBuffer)]
_release_buffer.restype = None


def _address(view: memoryview) -> int:
    buffer = _PyBuffer()
    if _get_buffer(view, ctypes.byref(buffer), 0) != 0:  # pragma: no cover - memoryviews export
        raise ValueError("no buffer")
    try:
        return int(buffer.buf or 0)
    finally:
        _release_buffer(ctypes.byref(buffer))


class RymlPositions:
    """One file parsed by rapidyaml, to find the position of any path in it."""

    def __init__(self, body: bytes, reference: Callable[[], SourceNode]) -> None:
        assert ryml is not None
        self.body = body
        self.reference = reference  # the reference reader's tree, for what this cannot place
        self._buffer = bytearray(body)
        # The fast reader parsed it already. Room for about a node per line up front: a tree
        # grown from nothing copies its nodes again and again (half of the parse's time).
        self.tree = ryml.parse_in_place(self._buffer, ryml.Tree(body.count(b"\n") + 16))
        self._base = ctypes.addressof(ctypes.c_char.from_buffer(self._buffer))
        self._last = (0, 0)  # the last offset placed and the line breaks before it

    def root(self) -> SourceNode:
        """The root's node; its children are worked out when asked for."""
        root = self.tree.root_id()
        offset = self._value_offset(root)
        if offset is None:
            return self.reference()
        line, column = self._position(offset)
        return RymlSourceNode(self, root, (), line, column, line, column)

    def child(self, parent: RymlSourceNode, step: str | int) -> SourceNode | None:
        """The node of a child by key or index, or None when there is none."""
        tree, node = self.tree, parent.ryml_id
        if isinstance(step, str):
            if not tree.is_map(node):
                return None
            child = tree.find_child(node, step.encode("utf-8"))
        else:
            if not tree.is_seq(node) or not 0 <= step < tree.num_children(node):
                return None
            child = tree.child(node, step)
        if child == _NONE:
            return None
        path = (*parent.path, step)
        value = self._value_offset(child)
        key = self._key_offset(child) if isinstance(step, str) else value
        if value is None or key is None:
            return self.reference().find(path)[0]
        line, column = self._position(value)
        key_line, key_column = self._position(key)
        return RymlSourceNode(self, child, path, line, column, key_line, key_column)

    def _position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters, as libyaml counts) of a byte offset."""
        # Counted in C where asked, from the last place asked (a path is placed from the root
        # down): a file gets a few positions (its findings), and a table of every line's start
        # cost more than all of them.
        last, breaks = self._last
        if offset >= last:
            line = breaks + self.body.count(b"\n", last, offset)
        else:
            line = breaks - self.body.count(b"\n", offset, last)
        self._last = (offset, line)
        start = self.body.rfind(b"\n", 0, offset) + 1
        prefix = self.body[start:offset]
        column = len(prefix) if prefix.isascii() else len(prefix.decode("utf-8", "replace"))
        return line + 1, column + 1

    def _offset(self, view: memoryview) -> int | None:
        if len(view) == 0:
            return None
        offset = _address(view) - self._base
        return offset if 0 <= offset < len(self.body) else None

    def _key_offset(self, node: int) -> int | None:
        tree = self.tree
        if not tree.has_key(node):
            return None
        offset = self._offset(tree.key(node))
        if offset is None:
            return None
        if tree.is_key_quoted(node):
            return self._quote_before(offset)
        return offset if self.body[offset] == tree.key(node)[0] else None

    def _value_offset(self, node: int) -> int | None:
        """Where libyaml marks the start of a node's value, or None when not certain."""
        tree = self.tree
        if tree.is_map(node) or tree.is_seq(node):
            return self._collection_offset(node)
        if not tree.has_val(node) or tree.val_is_null(node):
            return None
        if tree.is_val_literal(node) or tree.is_val_folded(node):
            return None  # rapidyaml moves block scalars in its buffer
        offset = self._offset(tree.val(node))
        if offset is None:
            return None
        if tree.is_val_quoted(node):
            return self._quote_before(offset)
        return offset if self.body[offset] == tree.val(node)[0] else None

    def _collection_offset(self, node: int) -> int | None:
        tree = self.tree
        first = tree.first_child(node)
        if first == _NONE:
            return None
        start = self._key_offset(first) if tree.is_map(node) else self._value_offset(first)
        if start is None:
            return None
        if tree.is_flow(node):
            return self._indicator_before(start, b"{" if tree.is_map(node) else b"[")
        if tree.is_map(node):
            return start  # a block mapping starts at its first key
        return self._indicator_before(start, b"-")  # a block sequence at its first `-`

    def _quote_before(self, offset: int) -> int | None:
        return offset - 1 if offset > 0 and self.body[offset - 1] in b"\"'" else None

    def _indicator_before(self, offset: int, indicator: bytes) -> int | None:
        """The offset of `indicator` before `offset` with only spaces and line breaks between."""
        body = self.body
        index = offset - 1
        while index >= 0 and body[index] in _SPACE:
            index -= 1
        return index if index >= 0 and body[index : index + 1] == indicator else None


class RymlSourceNode(SourceNode):
    """A SourceNode whose children rapidyaml places when asked for (see RymlPositions)."""

    __slots__ = ("path", "positions", "ryml_id")

    def __init__(
        self,
        positions: RymlPositions,
        ryml_id: int,
        path: Path,
        line: int,
        column: int,
        key_line: int,
        key_column: int,
    ) -> None:
        super().__init__(line, column, key_line, key_column)
        self.positions = positions
        self.ryml_id = ryml_id
        self.path = path

    def child(self, step: str | int) -> SourceNode | None:
        """The position of a child value by key or index, if it was written."""
        return self.positions.child(self, step)

    def last_line(self) -> int:
        """The last line of a list or mapping, as the reference reader places it."""
        return self.positions.reference().find(self.path)[0].end_line
