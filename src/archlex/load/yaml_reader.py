"""Read one YAML file into plain data and a tree of source positions, refusing what is unsafe.

libyaml (PyYAML's C parser) builds the node tree; we construct the values ourselves so that
plain scalars stay the text the author typed (YAML 1.1 would turn `NO` into false and
`0755` into 493), repeated keys are reported rather than silently overwritten, anchors and
merge keys work but cannot expand without bound, and every value keeps its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from archlex.load.model_text import (
    MAX_FILE_BYTES,
    MAX_SCALAR_CHARS,
    UnreadableYamlError,
    YamlProblem,
    decode_model_text,
)
from archlex.load.positions import SourceNode

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_SCALAR_CHARS",
    "UnreadableYamlError",
    "YamlDocument",
    "YamlProblem",
    "decode_model_text",
    "parse_yaml",
    "read_yaml",
]

MAX_DEPTH = 64
# Nodes that aliases may add beyond the nodes written in the file: generous for shared
# blocks, far below what a "billion laughs" file would expand to.
MAX_ALIAS_EXPANSION = 100_000
_BASE_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _MERGE = _TAG + "str", _TAG + "null", _TAG + "merge"
_SEQ, _MAP = _TAG + "seq", _TAG + "map"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_ALLOWED_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))


@dataclass
class YamlDocument:
    """A file's data, where each value was written, and the non-fatal problems found."""

    data: Any
    source: SourceNode
    problems: list[YamlProblem] = field(default_factory=list)


class _Composer(_BASE_LOADER):  # type: ignore[misc]
    """libyaml's parser with a resolver that keeps every plain scalar as text."""

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0] and value in _NULLS:
                return _NULL
            if implicit[0] and value == "<<":
                return _MERGE
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    # libyaml calls these around every node for path-based resolvers, which archlex does
    # not use; doing nothing here saves two Python calls per node.
    def descend_resolver(self, current_node: Node | None, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def read_yaml(path: Path) -> YamlDocument:
    """Read and construct one YAML file; raise UnreadableYamlError when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableYamlError(
            YamlProblem("yaml-syntax", f"cannot read file: {error.strerror}", 1, 1)
        ) from None
    return parse_yaml(raw)


def parse_yaml(raw: bytes) -> YamlDocument:
    """Construct a YAML document from bytes; raise UnreadableYamlError when it cannot be read."""
    text = decode_model_text(raw)
    root = _compose(text)
    if root is None:
        return YamlDocument({}, SourceNode(1, 1, 1, 1, {}))
    constructor = _Constructor()
    data, source = constructor.construct(root, 0, root.start_mark.line, root.start_mark.column)
    return YamlDocument(data, source, constructor.problems)


def _compose(text: str) -> Node | None:
    composer = _Composer(text)
    try:
        return composer.get_single_node()  # type: ignore[no-any-return]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _clamp(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = error.problem or "not valid YAML"
        if error.context and "single document" in error.context:
            message = "a model file holds one YAML document; remove the `---` separator"
        raise UnreadableYamlError(
            YamlProblem("yaml-syntax", message, line, column, _syntax_hint(text, mark, message))
        ) from None
    except yaml.YAMLError as error:
        raise UnreadableYamlError(YamlProblem("yaml-syntax", str(error), 1, 1)) from None
    finally:
        composer.dispose()


def _clamp(text: str, line: int, column: int) -> tuple[int, int]:
    """A position inside the text: libyaml reports errors at the end of input one line past
    the last line of a file that does not end in a newline."""
    lines = text.split("\n")
    if line <= len(lines):
        return line, column
    return len(lines), len(lines[-1]) + 1


def _syntax_hint(text: str, mark: yaml.Mark | None, message: str = "") -> str | None:
    if "nesting depth" in message:  # libyaml's own limit, above archlex's
        return f"flatten the file; archlex reads at most {MAX_DEPTH} levels of nesting"
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        return "indent with spaces; YAML does not allow tabs there"
    return "check the indentation and the quotes on this line and the one before"


class _Constructor:
    """Builds plain Python data and source positions from a node tree."""

    def __init__(self) -> None:
        self.problems: list[YamlProblem] = []
        self._built: dict[int, tuple[Any, SourceNode, int]] = {}
        self._aliased_nodes = 0

    def construct(
        self, node: Node, depth: int, key_line: int, key_column: int
    ) -> tuple[Any, SourceNode]:
        """The value of a node and its positions (key_* is where its key is written)."""
        start = node.start_mark
        if depth > MAX_DEPTH:
            self._refuse(node, f"nesting deeper than {MAX_DEPTH} levels")
        if node.tag not in _ALLOWED_TAGS and node.tag not in (_NULL, _MERGE):
            self._refuse(node, f"tag {node.tag!r} is not allowed", "remove the `!` tag")
        built = self._built.get(id(node))
        if built is not None:  # an alias: the same node again
            self._aliased_nodes += built[2]
            if self._aliased_nodes > MAX_ALIAS_EXPANSION:
                self._refuse(
                    node,
                    f"aliases expand to more than {MAX_ALIAS_EXPANSION} nodes",
                    "write the repeated parts out, or share fewer of them",
                )
            return built[0], built[1]
        if isinstance(node, ScalarNode):
            if len(node.value) > MAX_SCALAR_CHARS:
                self._refuse(
                    node,
                    f"a value of {len(node.value):,} characters, over the limit of "
                    f"{MAX_SCALAR_CHARS:,} for one value",
                    "shorten it, or link to the document it comes from",
                )
            value = None if node.tag == _NULL else node.value
            return value, SourceNode(start.line + 1, start.column + 1, key_line + 1, key_column + 1)
        result: tuple[Any, SourceNode, int]
        if isinstance(node, SequenceNode):
            result = self._sequence(node, depth, key_line, key_column)
        else:
            assert isinstance(node, MappingNode)
            result = self._mapping(node, depth, key_line, key_column)
        self._built[id(node)] = result
        return result[0], result[1]

    def _sequence(
        self, node: SequenceNode, depth: int, key_line: int, key_column: int
    ) -> tuple[list[Any], SourceNode, int]:
        items: list[Any] = []
        sources: list[SourceNode] = []
        size = 1
        for child in node.value:
            mark = child.start_mark
            value, source = self.construct(child, depth + 1, mark.line, mark.column)
            items.append(value)
            sources.append(source)
            size += self._size(child)
        start, end = node.start_mark, node.end_mark
        source = SourceNode(
            start.line + 1, start.column + 1, key_line + 1, key_column + 1, sources, end.line + 1
        )
        return items, source, size

    def _mapping(
        self, node: MappingNode, depth: int, key_line: int, key_column: int
    ) -> tuple[dict[str, Any], SourceNode, int]:
        data: dict[str, Any] = {}
        sources: dict[str, SourceNode] = {}
        merged: list[tuple[Node, Node]] = []
        size = 1
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.append((key_node, value_node))
                continue
            key = self._key(key_node)
            if key in data:
                self._repeated_key(key, key_node, sources[key])
                continue
            mark = key_node.start_mark
            data[key], sources[key] = self.construct(value_node, depth + 1, mark.line, mark.column)
            size += self._size(value_node) + 1
        for key_node, value_node in merged:
            size += self._merge(key_node, value_node, data, sources, depth)
        start, end = node.start_mark, node.end_mark
        source = SourceNode(
            start.line + 1, start.column + 1, key_line + 1, key_column + 1, sources, end.line + 1
        )
        return data, source, size

    def _merge(
        self,
        key_node: Node,
        value_node: Node,
        data: dict[str, Any],
        sources: dict[str, SourceNode],
        depth: int,
    ) -> int:
        """Apply `<<: *base` (or a list of them): explicit keys win over merged ones."""
        mark = key_node.start_mark
        value, source = self.construct(value_node, depth + 1, mark.line, mark.column)
        bases = [(value, source)] if isinstance(value, dict) else []
        if isinstance(value, list) and isinstance(source.children, list):
            bases = list(zip(value, source.children, strict=True))
        if not bases or not all(isinstance(base, dict) for base, _ in bases):
            self._refuse(value_node, "`<<` merges a mapping or a list of mappings only")
        for base, base_source in bases:
            assert isinstance(base_source.children, dict)
            for key, item in base.items():
                if key not in data:
                    data[key] = item
                    sources[key] = base_source.children[key]
        return self._size(value_node)

    def _key(self, key_node: Node) -> str:
        if not isinstance(key_node, ScalarNode):
            self._refuse(key_node, "a key must be plain text, not a list or mapping")
        value: str = key_node.value
        return value

    def _repeated_key(self, key: str, key_node: Node, first: SourceNode) -> None:
        mark = key_node.start_mark
        self.problems.append(
            YamlProblem(
                "duplicate-key",
                f"key `{key}` is repeated (first at line {first.key_line}); "
                "YAML keeps only one of them",
                mark.line + 1,
                mark.column + 1,
                "delete or rename one of the two",
            )
        )

    def _size(self, node: Node) -> int:
        built = self._built.get(id(node))
        return built[2] if built is not None else 1

    @staticmethod
    def _refuse(node: Node, message: str, hint: str | None = None) -> NoReturn:
        mark = node.start_mark
        raise UnreadableYamlError(
            YamlProblem("yaml-syntax", message, mark.line + 1, mark.column + 1, hint)
        )
