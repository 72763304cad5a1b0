"""A model file validated kind by kind: the same ModelFile that `ModelFile.model_validate`
gives, building only the validators of the kinds the file holds.

A class's validator is made from its pydantic twin the first time it validates, unless one is
kept (archlex.load.validators), and ModelFile's holds every kind of entity: making it is most of
a first check. Each item is validated by its own class's validator instead, which is what
ModelFile's list of that class does with it; anything but a mapping of known kinds to lists
(or a roadmap's mapping), and any error, goes to `ModelFile.model_validate` itself, so the
result and the ValidationError are always its own (tests/load/test_by_kind.py).
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from archlex.model import ModelFile
from archlex.model.core import ValidationError
from archlex.model.record import Record, validator_of

Prepare = Callable[[type[Record]], None]


def _as_is(_model: type[Record]) -> None:
    """Leave a model class as it is: its validator is made from its twin when first used."""


def validate_file(data: Any, prepare: Prepare = _as_is) -> ModelFile:
    """`ModelFile.model_validate(data)`, building only the validators the data needs;
    `prepare` is called with each model class before it validates (load.validators)."""
    try:
        values = _by_kind(data, prepare)
    except ValidationError:  # ModelFile's own error, with every problem of the file
        values = None
    if values is None:
        prepare(ModelFile)
        return ModelFile.model_validate(data)
    given = set(values)
    for name, field in _fields().items():  # the defaults (model_construct's own way of
        if name not in values:  # making them inspects each factory's signature: slow)
            values[name] = [] if field.is_list else None
    return ModelFile.model_construct(_fields_set=given, **values)


@dataclass(frozen=True)
class _Field:
    """A field of ModelFile: the model class it holds, in a list (`list[X]`, default []) or
    alone (`X | None`, default None)."""

    item_type: type[Record]
    is_list: bool


def _by_kind(data: Any, prepare: Prepare) -> dict[str, Any] | None:
    """Each kind's value validated by its item class, or None when ModelFile must decide."""
    fields = _fields()
    if not isinstance(data, dict) or not fields:
        return None
    values: dict[str, Any] = {}
    for kind, value in data.items():
        field = fields.get(kind)
        if field is None:  # not a kind of entity: ModelFile reports it
            return None
        prepare(field.item_type)
        if field.is_list and isinstance(value, list):
            # What model_validate calls, taken once per list (model_validate adds only a
            # check of arguments not given here).
            validate = validator_of(field.item_type).validate_python
            values[kind] = [validate(item) for item in value]
        elif not field.is_list and isinstance(value, dict):
            values[kind] = field.item_type.model_validate(value)
        elif not field.is_list and value is None:
            values[kind] = None
        else:
            return None
    return values


@cache
def _fields() -> dict[str, _Field]:
    """Every field of ModelFile, or none at all when one is not of the two shapes above (a
    new field of another shape, another default): then ModelFile validates every file."""
    fields: dict[str, _Field] = {}
    hints = typing.get_type_hints(ModelFile)
    for name, info in ModelFile.model_fields.items():
        annotation = hints[name]
        arguments = typing.get_args(annotation)
        if typing.get_origin(annotation) is list and info.default_factory is list:
            item, is_list = arguments[0], True
        elif len(arguments) == 2 and type(None) in arguments and info.default is None:
            item, is_list = next(a for a in arguments if a is not type(None)), False
        else:
            return {}
        if not (isinstance(item, type) and issubclass(item, Record)):
            return {}
        fields[name] = _Field(item, is_list)
    return fields
