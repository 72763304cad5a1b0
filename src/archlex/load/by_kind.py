"""A model file validated kind by kind: the same ModelFile that `ModelFile.model_validate`
gives, building only the validators of the kinds the file holds.

pydantic builds a model's validator the first time it validates (the models defer it), and
ModelFile's holds every kind of entity: a third of a warm check after one file changed went
into building it. Each item is validated by its own class's validator instead, which is what
ModelFile's list of that class does with it; anything but a mapping of known kinds to lists
(or a roadmap's mapping), and any error, goes to `ModelFile.model_validate` itself, so the
result and the ValidationError are always its own (tests/load/test_by_kind.py).
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from archlex.model import ModelFile


def validate_file(data: Any) -> ModelFile:
    """`ModelFile.model_validate(data)`, building only the validators the data needs."""
    try:
        values = _by_kind(data)
    except ValidationError:  # ModelFile's own error, with every problem of the file
        values = None
    if values is None:
        return ModelFile.model_validate(data)
    return ModelFile.model_construct(_fields_set=set(values), **values)


def _by_kind(data: Any) -> dict[str, Any] | None:
    """Each kind's value validated by its item class, or None when ModelFile must decide."""
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    for kind, value in data.items():
        field = _fields().get(kind)
        if field is None:  # not a kind of entity: ModelFile reports it
            return None
        item_type, is_list, optional = field
        if is_list and isinstance(value, list):
            values[kind] = [item_type.model_validate(item) for item in value]
        elif not is_list and isinstance(value, dict):
            values[kind] = item_type.model_validate(value)
        elif not is_list and optional and value is None:
            values[kind] = None
        else:
            return None
    return values


@cache
def _fields() -> dict[str, tuple[type[BaseModel], bool, bool]]:
    """Each field of ModelFile -> the model class it holds, whether in a list (`list[X]`),
    whether it may be None (`X | None`); fields of another shape are left to ModelFile."""
    fields: dict[str, tuple[type[BaseModel], bool, bool]] = {}
    for name, info in ModelFile.model_fields.items():
        annotation = info.annotation
        arguments = typing.get_args(annotation)
        is_list = typing.get_origin(annotation) is list
        optional = not is_list and type(None) in arguments
        types = [a for a in arguments if a is not type(None)] if arguments else [annotation]
        if len(types) == 1 and isinstance(types[0], type) and issubclass(types[0], BaseModel):
            fields[name] = (types[0], is_list, optional)
    return fields
