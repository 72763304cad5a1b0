"""What the cursor is on: a provision, an entity id or a rule id, read from the buffer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lsprotocol import types

from archlex.catalog.provision import Provision, parse_provision
from archlex.lsp.files import Columns
from archlex.lsp.text import Word, word_at
from archlex.model import Model
from archlex.rules import RULES


class TargetKind(StrEnum):
    """What sort of thing a scalar names."""

    PROVISION = "provision"
    ENTITY = "entity"
    RULE = "rule"


@dataclass(frozen=True)
class Target:
    """A scalar under the cursor and what it names."""

    kind: TargetKind
    text: str
    word: Word
    line: int
    provision: Provision | None = None


def target_at(
    model: Model, lines: list[str], position: types.Position, columns: Columns
) -> Target | None:
    """The provision, entity or rule named by the scalar under the cursor, if any."""
    if position.line >= len(lines):
        return None
    line = lines[position.line]
    word = word_at(line, columns.from_client(line, position.character))
    if word is None or not word.text:
        return None
    provision = parse_provision(word.text)
    if provision is not None and model.regulation(provision.regulation) is not None:
        return Target(TargetKind.PROVISION, word.text, word, position.line, provision)
    if model.get(word.text) is not None:
        return Target(TargetKind.ENTITY, word.text, word, position.line)
    if word.text in RULES:
        return Target(TargetKind.RULE, word.text, word, position.line)
    return None


def word_range(target: Target, lines: list[str], columns: Columns) -> types.Range:
    """The client's range of the scalar a target was read from."""
    line = lines[target.line]
    return types.Range(
        types.Position(target.line, columns.to_client(line, target.word.start)),
        types.Position(target.line, columns.to_client(line, target.word.end)),
    )
