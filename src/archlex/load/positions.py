"""Where every value of a model file is written: a tree of 1-based lines and columns."""

from __future__ import annotations

from collections.abc import Sequence


class SourceNode:
    """The position of one value, of the key that names it, and of its children."""

    __slots__ = ("children", "column", "end_line", "key_column", "key_line", "line")

    def __init__(
        self,
        line: int,
        column: int,
        key_line: int,
        key_column: int,
        children: dict[str, SourceNode] | list[SourceNode] | None = None,
        end_line: int = 0,
    ) -> None:
        self.line = line
        self.end_line = end_line or line  # last line of a list or mapping
        self.column = column
        # A list item's "key" is the item itself; the root's is its first line.
        self.key_line = key_line or line
        self.key_column = key_column or column
        self.children = children

    def child(self, step: str | int) -> SourceNode | None:
        """The position of a child value by key or index, if it was written."""
        children = self.children
        if isinstance(children, dict) and isinstance(step, str):
            return children.get(step)
        if isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
            return children[step]
        return None

    def last_line(self) -> int:
        """The last line of a list or mapping (of a scalar: its line)."""
        return self.end_line

    def find(self, path: Sequence[str | int]) -> tuple[SourceNode, bool]:
        """The deepest node along `path`, and whether the whole path was found.

        Steps that name no child are skipped rather than ending the walk, because validation
        errors insert steps of their own (the branch of a union) between real keys.
        """
        node = self
        found_all = True
        for step in path:
            child = node.child(step)
            if child is None:
                found_all = False
                continue
            node = child
        return node, found_all

    def __repr__(self) -> str:
        return f"SourceNode({self.line}:{self.column})"
