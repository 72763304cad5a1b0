"""An entity of each kind with every reference field written, however deep, for the tests that
hold the lists of reference fields (archlex.check.referring, the language server's completion)
to the model's own `Ref` annotations."""

from __future__ import annotations

from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from archlex.catalog.provision import parse_provision
from archlex.model.annotated import ProvisionRef, Ref
from archlex.model.record import Record
from archlex.model.twins import ANNOTATION_NAMES

MARK = "ref:"  # how `filled` writes a reference: the mark and the field's path


def filled(cls: type[Record], at: str) -> Record:
    """An instance of `cls` (not validated) with every reference field written, however deep:
    each reference holds the mark and its own path, each list one item."""
    hints = get_type_hints(cls, localns=ANNOTATION_NAMES, include_extras=True)
    values = {name: _value(hints[name], f"{at}.{name}") for name in cls.model_fields}
    return cls.model_construct(**{k: v for k, v in values.items() if v is not None})


def _value(hint: Any, at: str) -> Any:
    """A value of the type `hint` for `filled` (of a union, the one holding the most
    references); None for anything but text, a reference, a provision, a list or a record."""
    if hint == Ref:
        return MARK + at
    if hint == ProvisionRef:
        return parse_provision("2019/817 Art 1")
    if hint is str:  # text some lister reads, as an event date's `after`
        return ""
    origin, args = get_origin(hint), get_args(hint)
    if origin is Annotated:
        return _value(args[0], at)
    if origin is list:
        item = _value(args[0], f"{at}[]")
        return None if item is None else [item]
    if origin in (Union, UnionType):
        values = [_value(arg, at) for arg in args if arg is not type(None)]
        return max(values, key=lambda value: (len(references_written(value)), value is not None))
    if isinstance(hint, type) and issubclass(hint, Record):
        return filled(hint, at)
    return None


def references_written(value: Any) -> set[str]:
    """Every reference `filled` wrote into `value`."""
    if isinstance(value, str):
        return {value} if value.startswith(MARK) else set()
    if isinstance(value, list | tuple):
        return set().union(*(references_written(item) for item in value))
    if isinstance(value, Record):
        return set().union(*(references_written(item) for item in value.__dict__.values()))
    return set()
