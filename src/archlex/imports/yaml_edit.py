"""Edit a model file in place: update entities' fields, append new entities, keep the rest.

ruamel.yaml's round trip keeps comments, key order, quotes and block scalars; the few
things it would still re-flow (a flow list written over two lines, say) are kept as written
by splicing: only the lines that the edit changed replace the file's own lines.
"""

from __future__ import annotations

import difflib
import io
import textwrap
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
)

from archlex.catalog.provision import parse_provision
from archlex.imports.registry import EntityUpdate

# The order an architect writes an entity's keys in, per kind (the worked example's order).
FIELD_ORDER = {
    "organisations": ("id", "name", "kind", "description", "roles", "tags"),
    "systems": (
        "id", "name", "kind", "owner", "operator", "status", "zone", "description", "tags",
        "components",
    ),
    "components": ("id", "name", "description", "tags"),
    "requirements": (
        "id", "name", "title", "text", "type", "priority", "satisfies", "allocated_to",
        "status", "description", "tags",
    ),
    "flows": (
        "id", "name", "from", "to", "via", "data", "purpose", "legal_basis", "sync", "logging",
        "process", "description", "tags",
    ),
}  # fmt: skip
PROVISION_FIELDS = frozenset(("satisfies", "legal_basis"))
WRAP_AT = 96  # the example's longest lines; a longer text is folded (`>-`) there
BLOCK_TEXT_FIELDS = frozenset(("description", "text", "purpose"))


def round_trip_yaml() -> YAML:
    """A ruamel round-trip reader/writer set to the example's layout."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line the author wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def edit_model_file(
    text: str, kind: str, updates: list[EntityUpdate], current: dict[str, dict[str, Any]]
) -> str:
    """The file's text with these entities updated or appended; unchanged text when no
    field differs from the model (`current`: each existing entity's fields as the model
    reads them, defaults included)."""
    yaml = round_trip_yaml()
    data = yaml.load(text) if text.strip() else None
    data = data if data is not None else CommentedMap()
    baseline = _dump(yaml, data)
    items = data.get(kind)
    if items is None:
        items = data[kind] = CommentedSeq()
    changed, added = False, []
    for update in updates:
        entry = next((i for i in items if isinstance(i, dict) and i.get("id") == update.id), None)
        if entry is None:
            items.append(new_entity(update))
            added.append(update.id)
        else:
            changed |= _update(entry, update, current.get(update.id, {}))
    if not changed and not added:
        return text
    modified = _dump(yaml, data)
    if "\n\n  - " in text:  # the author leaves a blank line between entities: so do we
        modified = _blank_line_before(modified, added)
    return splice(text, baseline, modified)


def _blank_line_before(text: str, ids: list[str]) -> str:
    lines = text.splitlines(keepends=True)
    starts = {f"  - id: {i}\n" for i in ids}
    out: list[str] = []
    for line in lines:
        if line in starts and out and out[-1].strip():
            out.append("\n")
        out.append(line)
    return "".join(out)


def _dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def new_entity(update: EntityUpdate) -> CommentedMap:
    """A new entity as an architect writes it: keys in the format's order, lists of ids in
    brackets, long texts folded."""
    entity = CommentedMap()
    for key in sorted(update.fields, key=lambda k: _order(update.kind, k)):
        entity[key] = styled(key, update.fields[key])
    for key, children in update.children.items():
        entity[key] = CommentedSeq(new_entity(EntityUpdate(key, c["id"], c, "")) for c in children)
    return entity


def _order(kind: str, key: str) -> tuple[int, str]:
    order = FIELD_ORDER.get(kind, ())
    return (order.index(key) if key in order else len(order), key)


def styled(key: str, value: Any) -> Any:
    """A value in the example's style: flow lists, folded or literal long text."""
    if isinstance(value, list):
        quoted = key in PROVISION_FIELDS  # provisions have spaces: quoted, as the example does
        sequence = CommentedSeq(DoubleQuotedScalarString(v) if quoted else v for v in value)
        sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str) and key in BLOCK_TEXT_FIELDS:
        if "\n" in value.rstrip("\n"):
            return LiteralScalarString(value)
        if len(value) > WRAP_AT - 20:
            return _folded(value)
    return value


def _folded(text: str) -> Any:
    """A `>-` scalar broken at spaces, when the text survives folding unchanged."""
    if text != text.strip() or "  " in text or "\t" in text:
        return text
    lines = textwrap.wrap(text, WRAP_AT - 6, break_long_words=False, break_on_hyphens=False)
    folded = FoldedScalarString(text)
    positions, offset = [], 0
    for line in lines[:-1]:
        offset += len(line)
        positions.append(offset)
        offset += 1  # the space the fold replaces
    folded.fold_pos = positions
    return folded


def _update(entry: Any, update: EntityUpdate, current: dict[str, Any]) -> bool:
    changed = False
    for key, value in update.fields.items():
        if same_value(key, value, entry.get(key, current.get(key))):
            continue
        if isinstance(value, dict) and isinstance(entry.get(key), dict):
            entry[key].update(value)  # a text per language: the author's mapping, one more key
        elif key in entry:
            entry[key] = styled(key, value)
        else:
            position = sum(1 for k in entry if _order(update.kind, k) < _order(update.kind, key))
            entry.insert(position, key, styled(key, value))
        changed = True
    for key, children in update.children.items():
        changed |= _update_children(entry, key, children, current.get(key) or [])
    return changed


def _update_children(
    entry: Any, key: str, children: list[dict[str, Any]], current: list[dict[str, Any]]
) -> bool:
    """Update the parts (components) an entity lists by id; append the new ones."""
    if key not in entry:
        entry[key] = CommentedSeq()
    items, changed = entry[key], False
    for child in children:
        update = EntityUpdate(key, child["id"], child, "")
        found = next((i for i in items if isinstance(i, dict) and i.get("id") == child["id"]), None)
        if found is None:
            items.append(new_entity(update))
            changed = True
        else:
            now = next((c for c in current if c.get("id") == child["id"]), {})
            changed |= _update(found, update, now)
    return bool(changed)


def same_value(key: str, new: Any, old: Any) -> bool:
    """True when the file's value already means the new one (provisions compared parsed)."""
    return bool(_normal(key, new) == _normal(key, old))


def _normal(key: str, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return [_normal(key, item) for item in value]
    if key in PROVISION_FIELDS:
        provision = parse_provision(str(value))
        return str(provision) if provision is not None else str(value)
    if isinstance(value, dict):
        return {k: _normal(k, v) for k, v in value.items()}
    return str(value)


def splice(original: str, baseline: str, modified: str) -> str:
    """`original` with the changes from `baseline` to `modified` applied, and nothing else:
    `baseline` is ruamel's unedited rewrite of `original`, so the lines it re-flowed but the
    edit did not touch stay as the author wrote them."""
    ours, base, theirs = (t.splitlines(keepends=True) for t in (original, baseline, modified))
    anchors = _anchors(base, ours)
    result: list[str] = []
    cursor = 0  # the next line of `ours` not yet copied
    for start, end, new_lines in _changes(base, theirs, anchors, len(ours)):
        start = max(start, cursor)
        result += ours[cursor:start]
        result += new_lines
        cursor = max(cursor, end)
    result += ours[cursor:]
    return "".join(result)


def _anchors(base: list[str], ours: list[str]) -> dict[int, int]:
    """Line of `base` -> the same line in `ours`, for the lines ruamel wrote unchanged."""
    matcher = difflib.SequenceMatcher(None, base, ours, autojunk=False)
    return {
        block.a + i: block.b + i
        for block in matcher.get_matching_blocks()
        for i in range(block.size)
    }


def _changes(
    base: list[str], theirs: list[str], anchors: dict[int, int], size: int
) -> Iterable[tuple[int, int, list[str]]]:
    """Each change as the lines of `ours` it replaces (start, end) and the new lines. A change
    of lines ruamel wrote as the author did maps line for line; one next to lines ruamel
    re-flowed takes those lines with it, as ruamel writes them."""
    opcodes = difflib.SequenceMatcher(None, base, theirs, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        located = _located(i1, i2, anchors)
        if located is not None:
            yield located[0], located[1], theirs[j1:j2]
            continue
        while i1 > 0 and i1 - 1 not in anchors:
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(base) and i2 not in anchors:
            i2, j2 = i2 + 1, j2 + 1
        start = anchors[i1 - 1] + 1 if i1 > 0 else 0
        end = anchors[i2] if i2 < len(base) else size
        yield start, end, theirs[j1:j2]


def _located(i1: int, i2: int, anchors: dict[int, int]) -> tuple[int, int] | None:
    """Where base lines [i1, i2) are in `ours`, when they (or, for an insertion, a neighbour)
    are lines ruamel wrote unchanged."""
    if i1 == i2:
        if i1 - 1 in anchors:
            return anchors[i1 - 1] + 1, anchors[i1 - 1] + 1
        return (anchors[i1], anchors[i1]) if i1 in anchors else None
    lines = [anchors.get(k) for k in range(i1, i2)]
    if None in lines or lines != list(range(anchors[i1], anchors[i1] + i2 - i1)):
        return None
    return anchors[i1], anchors[i2 - 1] + 1
