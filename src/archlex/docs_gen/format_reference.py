"""The model format's field reference (docs/reference/format.md), generated from the models.

Every table is read from the pydantic models themselves (field names and aliases, the
annotations, whether a field is required, its default and its `description=`), so the page
cannot drift from what the loader accepts.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import sys
import types
import typing
from typing import Any

from pydantic import WithJsonSchema
from pydantic.fields import FieldInfo

from archlex.model.annotated import (
    ArticleNumber,
    Flag,
    Id,
    ProvisionRef,
    ProvisionRefs,
    Ref,
    Refs,
    RegulationId,
    Texts,
)
from archlex.model.common import Entity, Provenance, Record
from archlex.model.file import ENTITY_KINDS, ModelFile
from archlex.model.project import Manifest
from archlex.model.record import FieldSpec
from archlex.model.text import Text
from archlex.model.twins import ANNOTATION_NAMES

# The shared annotated types, by identity: what a reader should call each of them.
_NAMED_TYPES: tuple[tuple[object, str], ...] = (
    (Id, "id"),
    (Ref, "id of another entity"),
    (Refs, "list of ids of other entities"),
    (RegulationId, "regulation id"),
    (ProvisionRef, "provision"),
    (ProvisionRefs, "list of provisions"),
    (Texts, "list of text"),
    (Flag, "`true` or `false`"),
    (ArticleNumber, "article number (`20` or `20a`)"),
)
_PLURALS: tuple[tuple[object, str], ...] = (
    (Ref, "list of ids of other entities"),
    (RegulationId, "list of regulation ids"),
    (ProvisionRef, "list of provisions"),
    (ArticleNumber, "list of article numbers (`20` or `20a`)"),
)
_SCALARS: dict[object, str] = {
    str: "text",
    bool: "`true` or `false`",
    int: "integer",
    float: "number",
    dt.date: "date (`YYYY-MM-DD`)",
    Text: "text, or text per language",
}
_COMMON = ("name", "description", "tags")
_PROVENANCE = ("verified", "source")


def format_reference() -> str:
    """Markdown: the manifest, the top-level keys of a model file, every entity kind and
    every nested record, each field with its YAML name, type, default and description."""
    lines = [
        "# Model format reference",
        "",
        "Generated from the pydantic models in `src/archlex/model/` by `make docs`; do not edit",
        "by hand. The [contract](../model-format.md) says what each kind means and how the",
        "checks read it, and [the extensions](../format-extensions.md) what archlex adds to it;",
        "this page lists every field the loader accepts. A field that is not listed is an",
        "error (`schema`). *optional* means the field may be left out and then has no value.",
        "",
        "Types: an *id* is letters, digits, `-`, `_` and `.`; an *id of another entity* must",
        "name an entity of the model or of a library it uses (`unknown-reference`); a",
        "*provision* is written `<regulation> Art <article>[(<paragraph>)][(<point>)]`, e.g.",
        '`"2019/817 Art 20(1)"`, and must be in the catalog (`unknown-provision`); dates are',
        "ISO 8601. *Text per language* is a string, or a mapping of two-letter language codes",
        "to strings, e.g. `name: {en: Border guard, lv: Valsts robežsardze}`: outputs in a",
        "language use its text where given (see [the extensions](../format-extensions.md)).",
        "",
    ]
    records: list[type[Record]] = []
    lines += _section(
        "Manifest: `archlex.yaml`",
        "manifest",
        Manifest,
        records,
        "The manifest may also hold entity kinds (the keys of a model file below), so that a "
        "small model fits in one file.",
    )
    lines += _model_file_section()
    lines += ["## Entity kinds { #entity-kinds }", ""]
    for kind in ENTITY_KINDS:
        model = _record_of(_hint(ModelFile, kind))
        assert model is not None, kind
        shape = "a mapping" if kind == "roadmap" else "a list of entries"
        lines += _section(
            f"`{kind}`",
            f"kind-{kind}",
            model,
            records,
            f"The top-level key `{kind}` holds {shape}.",
            level=3,
        )
    lines += ["## Nested records { #nested-records }", ""]
    lines += [
        "Records that appear inside the entity kinds and the manifest.",
        "",
    ]
    done = {Manifest, *(_record_of(_hint(ModelFile, kind)) for kind in ENTITY_KINDS)}
    index = 0
    while index < len(records):
        record = records[index]
        index += 1
        if record in done:
            continue
        done.add(record)
        lines += _section(f"`{record.__name__}`", _anchor(record), record, records, None, level=3)
    return "\n".join(lines).rstrip("\n") + "\n"


def _model_file_section() -> list[str]:
    lines = [
        "## Model files { #model-files }",
        "",
        _doc(ModelFile),
        "Each top-level key is an entity kind; a file may hold several kinds, and every key",
        "is optional.",
        "",
        "| key | holds | description |",
        "|---|---|---|",
    ]
    for kind in ENTITY_KINDS:
        model = _record_of(_hint(ModelFile, kind))
        assert model is not None, kind
        link = f"[`{model.__name__}`](#kind-{kind})"
        holds = f"one {link} (a mapping)" if kind == "roadmap" else f"list of {link}"
        description = _cell(ModelFile.model_fields[kind].description or "")
        lines.append(f"| `{kind}` | {holds} | {description} |")
    return [*lines, ""]


def _section(
    title: str,
    anchor: str,
    model: type[Record],
    records: list[type[Record]],
    note: str | None,
    level: int = 2,
) -> list[str]:
    lines = [f"{'#' * level} {title} {{ #{anchor} }}", "", _doc(model)]
    if note:
        lines.append(note)
    lines += [
        "",
        "| field | type | required / default | description |",
        "|---|---|---|---|",
    ]
    for name, field in _ordered_fields(model):
        hint = _hint(model, name)
        _collect(hint, records)
        yaml_name = field.alias or name
        lines.append(
            f"| `{yaml_name}` | {_cell(_type(hint))} | {_cell(_default(field))} "
            f"| {_cell(_description(field, hint))} |"
        )
    return [*lines, ""]


def _ordered_fields(model: type[Record]) -> list[tuple[str, FieldSpec]]:
    """`id` first, then the kind's own fields, then name/description/tags, then provenance."""

    def rank(name: str) -> int:
        if name == "id":
            return 0
        if name in _PROVENANCE and issubclass(model, Provenance):
            return 3
        if name in _COMMON and issubclass(model, Entity) and not _declared_below(model, name):
            return 2
        return 1

    fields = list(model.model_fields.items())
    return sorted(fields, key=lambda item: rank(item[0]))  # stable: keeps pydantic's order


def _declared_below(model: type[Record], name: str) -> bool:
    """Whether a subclass of Entity redeclares a common field (e.g. a required `name`)."""
    for klass in model.__mro__:
        if klass is Entity:
            return False
        if name in inspect.get_annotations(klass):
            return True
    return False


def _hint(model: type[Record], name: str) -> Any:
    """The field's annotation as written, with its `Annotated` aliases kept."""
    for klass in model.__mro__:
        annotations = inspect.get_annotations(klass)
        if name in annotations:
            raw = annotations[name]
            if isinstance(raw, str):
                namespace = {**vars(sys.modules[klass.__module__]), **ANNOTATION_NAMES}
                return eval(raw, namespace)
            return raw
    raise KeyError(f"{model.__name__}.{name}")


def _named(hint: Any) -> str | None:
    for alias, name in _NAMED_TYPES:
        if hint is alias:
            return name
    return None


def _named_plural(hint: Any) -> str | None:
    for alias, name in _PLURALS:
        if hint is alias:
            return name
    return None


def _type(hint: Any) -> str:
    named = _named(hint)
    if named is not None:
        return named
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Annotated:
        return _type(args[0])
    if origin in (typing.Union, types.UnionType):
        kinds = [_type(arg) for arg in args if arg is not type(None)]
        return " or ".join(kinds)
    if origin is list:
        plural = _named_plural(args[0])
        if plural is not None:
            return plural
        if isinstance(args[0], type) and issubclass(args[0], enum.Enum):
            return "list, each one of " + ", ".join(f"`{m.value}`" for m in args[0])
        return f"list of {_type(args[0])}"
    if origin is dict:
        return f"mapping of {_type(args[0])} to {_type(args[1])}"
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{_yaml(arg)}`" for arg in args)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "one of " + ", ".join(f"`{member.value}`" for member in hint)
    if isinstance(hint, type) and issubclass(hint, Record):
        return f"[`{hint.__name__}`](#{_anchor(hint)})"
    if hint in _SCALARS:
        return _SCALARS[hint]
    raise TypeError(f"no name for the type {hint!r}; add it to format_reference._SCALARS")


def _record_of(hint: Any) -> type[Record] | None:
    """The record a field holds (itself, in a list or optional), if any."""
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint
    for arg in typing.get_args(hint):
        found = _record_of(arg)
        if found is not None:
            return found
    return None


def _collect(hint: Any, records: list[type[Record]]) -> None:
    """Note every record a field refers to, in the order they are met."""
    if isinstance(hint, type) and issubclass(hint, Record):
        if hint not in records:
            records.append(hint)
        return
    for arg in typing.get_args(hint):
        _collect(arg, records)


def _anchor(model: type[Record]) -> str:
    for kind in ENTITY_KINDS:
        if _record_of(_hint(ModelFile, kind)) is model:
            return f"kind-{kind}"
    if model is Manifest:
        return "manifest"
    return f"record-{model.__name__.lower()}"


def _default(field: FieldSpec) -> str:
    if field.is_required():
        return "**required**"
    factory = field.default_factory
    value = factory() if factory is not None else field.default
    if value is None:
        return "optional"
    if isinstance(value, Record):
        return "its defaults"
    return f"`{_yaml(value)}`"


def _yaml(value: object) -> str:
    """A default as one would write it in YAML's flow style."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _yaml(value.value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_yaml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_yaml(k)}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _description(field: FieldSpec, hint: Any) -> str:
    if field.description:
        return field.description
    # A shared type describes itself in its own Field (an id) or only in its JSON Schema (an
    # article number).
    for meta in typing.get_args(hint)[1:] if typing.get_origin(hint) is typing.Annotated else ():
        if isinstance(meta, FieldInfo) and meta.description:
            return meta.description
        if isinstance(meta, WithJsonSchema) and isinstance(meta.json_schema, dict):
            text = meta.json_schema.get("description")
            if isinstance(text, str):
                return text
    return ""


def _doc(model: type[Record]) -> str:
    return inspect.cleandoc(model.__doc__ or "").split("\n\n")[0].replace("\n", " ")


def _cell(text: str) -> str:
    """Text fit for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")
