"""The language server completes ids in every field that names one: its table of fields
(archlex.lsp.completion.FIELD_KINDS) is held to what the check reads as references
(archlex.check.referring), for an entity of each kind with every reference field written."""

from __future__ import annotations

import pytest

from archlex.check.referring import MEMBER_STATE, references
from archlex.load.file_entities import KIND_TYPES
from archlex.lsp.completion import FIELD_KINDS
from tests.check.filled import filled

# An event date (`applies_from`, `deadline`) names `SUBJECT.EVENT` in its `after`: not an id
# alone, so not completed as one.
_EVENT_FIELDS = frozenset({"applies_from", "deadline"})


@pytest.mark.parametrize("kind", sorted(KIND_TYPES))
def test_every_field_that_names_an_entity_is_completed_with_its_kinds(kind: str) -> None:
    cls = KIND_TYPES[kind]
    for _value, kinds, path, _index in references(filled(cls, cls.__name__)):  # type: ignore[arg-type]
        if path[0] in _EVENT_FIELDS:
            continue
        key = next(step for step in reversed(path) if isinstance(step, str))
        assert key in FIELD_KINDS, f"{kind}: `{key}` names an entity but is not completed"
        completed = FIELD_KINDS[key]
        # An empty set completes every id; `member-state` is a word, not an entity.
        assert not completed or kinds - {MEMBER_STATE} <= completed, (kind, key, kinds)
