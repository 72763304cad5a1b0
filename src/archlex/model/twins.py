"""The pydantic twin of each model class, and the validators made from the twins' schemas.

A model class (`archlex.model.record.Record`) is a plain class; its twin is a pydantic model
with the same name, module, docstring, annotations, `Field`s and validators, made here when
pydantic is first needed. The twin is what pydantic knows: its core schema (from which the
plain class's validator and serializer are made, its classes replaced by the plain ones), its
JSON Schema (`archlex schema`, the editor) and its FieldInfo (the format reference, the
positions of schema errors). No instance of a twin is ever made.

The twins keep the plain classes' modules, so that pydantic names the JSON Schema's definitions
as before (two classes named `Change` are told apart by their modules). pydantic reads a twin's
annotations in its module, where the names of model classes are the plain classes: each twin
carries the twins of the classes its module's annotations name, and the annotated types
(`archlex.model.annotated`) are given to pydantic as the namespace of the build.
"""

from __future__ import annotations

import datetime
import inspect
import re
import sys
import threading
from functools import cache
from typing import Annotated, Any, Literal, cast

import pydantic
from pydantic import BaseModel, ConfigDict
from pydantic._internal._model_construction import ModelMetaclass
from pydantic.fields import FieldInfo

import archlex.model  # noqa: F401 (every model class defined, so that every twin can be)
from archlex.model import annotated
from archlex.model.core import SchemaSerializer, SchemaValidator
from archlex.model.record import Record, RecordType

_LOCK = threading.RLock()
_NAME = re.compile(r"[A-Za-z_]\w*")
_TWINS: dict[type[Record], type[BaseModel]] = {}
# What the model classes' annotations may name besides model classes and what their modules
# import: the annotated types, and the pydantic names written inside annotations.
ANNOTATION_NAMES: dict[str, Any] = {
    "Annotated": Annotated,
    "Literal": Literal,
    "dt": datetime,
    **{name: value for name, value in vars(annotated).items() if not name.startswith("__")},
    **{
        name: getattr(pydantic, name)
        for name in (
            "BeforeValidator",
            "Field",
            "NonNegativeFloat",
            "PlainSerializer",
            "PlainValidator",
            "PositiveInt",
            "StringConstraints",
            "WithJsonSchema",
        )
    },
}


class _Base(BaseModel):
    """The twin of `Record`: its config."""

    # The twins of the classes a twin's annotations name are in its namespace, as they are.
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        defer_build=True,
        ignored_types=(ModelMetaclass,),
    )


def twin(cls: type[Record]) -> type[BaseModel]:
    """The pydantic twin of a model class, its schema built."""
    with _LOCK:
        if cls not in _TWINS:  # the first twin, or a class made since the others
            _make_twins()
        made = _TWINS[cls]
        if not made.__pydantic_complete__:
            made.model_rebuild(force=True, _types_namespace=ANNOTATION_NAMES)
        return made


def pydantic_fields(cls: type[Record]) -> dict[str, FieldInfo]:
    """pydantic's FieldInfo of each field of a model class (the annotations resolved, the
    model classes in them twins)."""
    return twin(cls).model_fields


@cache
def plain_schema(cls: type[Record]) -> tuple[Any, ...]:
    """What makes the plain class's validator: the twin's core schema with every twin replaced
    by its plain class, and pydantic-core's config."""
    reduced: Any = twin(cls).__pydantic_validator__.__reduce__()
    _type, (schema, *rest) = reduced
    plain = {made: original for original, made in _TWINS.items()}
    return (_swapped(schema, plain), *rest)


def plain_validator(cls: type[Record]) -> SchemaValidator:
    """The validator of a plain class, made from its twin and kept on the class."""
    validator = SchemaValidator(*plain_schema(cls))
    type.__setattr__(cls, "__pydantic_validator__", validator)
    return validator


def plain_serializer(cls: type[Record]) -> SchemaSerializer:
    """The serializer of a plain class (`model_dump`), made from its twin, kept on the class."""
    schema, *rest = plain_schema(cls)
    serializer = SchemaSerializer(schema, *rest)
    type.__setattr__(cls, "__pydantic_serializer__", serializer)
    return serializer


def _make_twins() -> None:
    records = _every_record(Record)
    by_name: dict[str, type[Record]] = {}
    for cls in records:
        by_name.setdefault(cls.__name__, cls)
    for cls in records:
        if cls not in _TWINS:
            _make(cls, by_name, set())


def _every_record(cls: type[Record]) -> list[type[Record]]:
    found: list[type[Record]] = []
    for sub in cls.__subclasses__():
        if sub not in found:
            found.append(sub)
        found += [s for s in _every_record(sub) if s not in found]
    return found


def _make(cls: type[Record], by_name: dict[str, type[Record]], making: set[type[Record]]) -> Any:
    """The twin of `cls`, made after the twins of its bases and of the classes its annotations
    name (pydantic reads the annotations when it makes the class)."""
    if cls is Record:
        return _Base
    if cls in _TWINS:
        return _TWINS[cls]
    if cls in making:
        raise TypeError(f"model classes name each other in a circle: {cls.__qualname__}")
    making.add(cls)
    bases = tuple(_make(b, by_name, making) for b in cls.__bases__ if issubclass(b, Record))
    module = vars(sys.modules[cls.__module__])
    named: dict[str, type[Record]] = {
        **by_name,
        **{n: v for n, v in module.items() if isinstance(v, RecordType) and issubclass(v, Record)},
    }
    annotations = {
        name: value
        for name, value in inspect.get_annotations(cls).items()
        if name in cls.__record_own__
    }
    namespace: dict[str, Any] = {
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "__annotations__": annotations,
    }
    for name in sorted({n for a in annotations.values() for n in _NAME.findall(str(a))}):
        if name in named and named[name] is not cls:
            namespace[name] = _make(named[name], by_name, making)
    for name, spec in cls.__record_own__.items():
        if spec.keywords:
            namespace[name] = pydantic.Field(**spec.keywords)
    for name, value in cls.__dict__.items():
        function = value.__func__ if isinstance(value, staticmethod) else value
        mode = getattr(function, "__record_validator__", None)
        if mode is not None:
            validator: Any = pydantic.model_validator(mode=mode)
            namespace[name] = validator(value)
    if "model_post_init" in cls.__dict__:
        namespace["model_post_init"] = cls.__dict__["model_post_init"]
    made = cast(Any, ModelMetaclass)(cls.__name__, bases, namespace)
    # pydantic keeps the namespace of the frame that made the class; this one's is no use.
    type.__setattr__(made, "__pydantic_parent_namespace__", None)
    _TWINS[cls] = made
    making.discard(cls)
    return made


def _swapped(value: Any, plain: dict[type[BaseModel], type[Record]]) -> Any:
    if isinstance(value, dict):
        return {
            key: (plain.get(item, item) if key == "cls" else _swapped(item, plain))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_swapped(item, plain) for item in value]
    return value
