"""The prose of a model's entities (titles, texts, descriptions), and every other field that no
rule (by what it declares it reads, archlex.check.reads), no part of the coverage and no report
format reads: an edit of those alone cannot change a check's findings (archlex.check.incremental
keeps them then).

tests/check/test_prose.py holds every rule to it: it replaces these fields with a value that
fails when anything reads it and checks the example and every rule's `bad` example. A rule
that reads one of them (a message that quotes a title) must take it out of PROSE here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archlex.check.unchanged import same_value
from archlex.load.file_entities import KIND_TYPES
from archlex.model.core import ValidationError
from archlex.model.record import Record
from archlex.model.system import Component
from archlex.rules import Reads

_TEXT = frozenset({"title", "text", "description"})

# Each kind of entity of a model's own files (as its list is named in YAML), its type, and its
# fields that are prose. The catalog's kinds (regulations, obligations, ...) are left out: the
# report formats read them, and the last check keeps them as they were.
_CATALOG_KINDS = frozenset(
    {"regulations", "acts", "obligations", "access", "mid_links", "standards"}
)
_KINDS: dict[str, type[Record]] = {
    kind: entity for kind, entity in KIND_TYPES.items() if kind not in _CATALOG_KINDS
} | {"components": Component}
PROSE: dict[str, tuple[type[Record], frozenset[str]]] = {
    kind: (entity, _TEXT & set(entity.model_fields)) for kind, entity in _KINDS.items()
}

Unread = Mapping[str, frozenset[str]]  # each kind, and its fields (as YAML names them) unread
PROSE_ONLY: Unread = {kind: prose for kind, (_, prose) in PROSE.items()}


def unread_fields(read: Reads | None) -> dict[str, frozenset[str]]:
    """Each kind's fields, as YAML names them, that are not in `read` (what the rules and the
    coverage read): the prose, and fields such as a requirement's `priority`; none when
    `read` is None (a rule that declares nothing may read anything)."""
    unread: dict[str, frozenset[str]] = {}
    if read is None:
        return unread
    for kind, entity in _KINDS.items():
        fields = entity.model_fields
        names = set(fields) - read.get(kind, frozenset()) - {"id"}
        unread[kind] = frozenset(fields[n].alias or n for n in names)
    return unread


def same_but_unread(old: Any, new: Any, unread: Unread = PROSE_ONLY) -> bool:
    """Whether two readings of a model file hold the same data but for fields of its entities
    that nothing reads (`unread`), each entity where those changed still valid (so the load
    finds nothing new)."""
    if not isinstance(old, dict) or not isinstance(new, dict) or list(old) != list(new):
        return False
    for key, value in old.items():
        if key == "roadmap":
            if not same_but_unread(value, new[key], unread):
                return False
        elif not _same_list(key, value, new[key], unread):
            return False
    return True


def _same_list(kind: str, old: Any, new: Any, unread: Unread) -> bool:
    if kind not in _KINDS or not isinstance(old, list) or not isinstance(new, list):
        return same_value(old, new)
    return len(old) == len(new) and all(
        _same_entity(kind, a, b, unread) for a, b in zip(old, new, strict=True)
    )


def _same_entity(kind: str, old: Any, new: Any, unread: Unread) -> bool:
    """The same entity but for its unread fields (and its components'), valid with the new
    values."""
    if not isinstance(old, dict) or not isinstance(new, dict) or list(old) != list(new):
        return same_value(old, new)
    entity, skipped = _KINDS[kind], unread.get(kind, frozenset())
    for key, value in old.items():
        if key in skipped:
            continue
        if kind == "systems" and key == "components":
            if not _same_list("components", value, new[key], unread):
                return False
        elif not same_value(value, new[key]):
            return False
    if same_value(old, new):
        return True
    try:  # a title that is not text, an unknown priority: a finding of the load, so in full
        entity.model_validate(new)
    except ValidationError:
        return False
    return True
