"""Turn pydantic validation errors into findings with a position, a plain message and a fix."""

from __future__ import annotations

import types
import typing
from typing import TYPE_CHECKING, Any

from archlex.findings import Finding, Severity
from archlex.load.positions import SourceNode
from archlex.model.common import ID_PATTERN, REGULATION_ID_PATTERN
from archlex.model.core import ValidationError
from archlex.model.record import Record
from archlex.text import did_you_mean

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

ID_PATTERNS = (ID_PATTERN, REGULATION_ID_PATTERN)

Path = tuple[str | int, ...]


def schema_findings(
    error: ValidationError,
    data: Any,
    source: SourceNode,
    file: str,
    model: type[Record],
    prefix: Path = (),
) -> list[Finding]:
    """One finding per distinct place that pydantic rejected."""
    findings: dict[tuple[int, int, str], Finding] = {}
    for detail in error.errors(include_url=False):
        loc: Path = prefix + tuple(detail["loc"])
        finding = _finding(detail, loc, data, source, file, model)
        findings.setdefault((finding.line, finding.column, finding.rule), finding)
    return list(findings.values())


def _finding(
    detail: ErrorDetails,
    loc: Path,
    data: Any,
    source: SourceNode,
    file: str,
    model: type[Record],
) -> Finding:
    kind = detail["type"]
    node, _ = source.find(loc)
    field = next((str(step) for step in reversed(loc) if isinstance(step, str)), "")
    target = innermost_id(data, loc)
    if kind == "extra_forbidden":
        allowed = field_names(model, loc[:-1])
        hint: str | None
        if len(loc) == 1:
            message = f"unknown entity kind `{field}` at the top of the file"
            hint = did_you_mean(field, allowed) or "expected one of " + ", ".join(allowed)
        else:
            message = f"unknown field `{field}`"
            hint = did_you_mean(field, allowed) or (
                "allowed here: " + ", ".join(allowed) if allowed else None
            )
        return Finding(
            "schema", Severity.ERROR, message, file, node.key_line, node.key_column, target, hint
        )
    if kind == "missing":
        return Finding(
            "schema",
            Severity.ERROR,
            f"`{field}` is required",
            file,
            node.line,
            node.column,
            target,
            f"add `{field}: ...`",
        )
    message, hint = _describe(detail, field)
    return Finding("schema", Severity.ERROR, message, file, node.line, node.column, target, hint)


def _describe(detail: ErrorDetails, field: str) -> tuple[str, str | None]:
    kind = detail["type"]
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    shown = _show(value)
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), options) if isinstance(value, str) else None
        return f"`{field}` is {shown}; expected {expected}", hint
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in ID_PATTERNS:
        return (
            f"`{field}` {shown} is not a valid id",
            "use letters, digits, '-', '_' and '.' only, with no spaces",
        )
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"string_type": "text", "list_type": "a list"}.get(kind, "a mapping")
        hint = "put it in quotes" if kind == "string_type" else None
        if kind == "list_type":
            hint = f"write `{field}: [{value}]`" if isinstance(value, str) else None
        return f"`{field}` should be {wanted}, found {shown}", hint
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"`{field}` is {shown}, not a date", "write dates as YYYY-MM-DD"
    message = str(detail["msg"]).removeprefix("Value error, ")
    return f"`{field}`: {message[:1].lower()}{message[1:]} (found {shown})", None


def _show(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"`{text[:60]}…`" if len(text) > 60 else f"`{text}`"


def innermost_id(data: Any, loc: Path) -> str | None:
    """The id of the innermost entity along `loc`, if it has one."""
    found: str | None = None
    node = data
    for step in (*loc, None):
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
        child = _child(node, step)
        if child is not None:
            node = child
    return found


def _child(node: Any, step: str | int | None) -> Any:
    if isinstance(node, dict) and isinstance(step, str):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def field_names(model: type[Record], loc: Path) -> list[str]:
    """The field names (as written in YAML) of the model that `loc` points into."""
    from archlex.model.twins import twin  # pydantic's FieldInfo: only for a file with errors

    current: type[BaseModel] | None = twin(model)
    for step in loc:
        if current is None:
            return []
        if isinstance(step, int):
            continue
        field = _field(current, step)
        if field is None:
            continue  # a union branch name that pydantic inserted into the location
        current = _model_in(field)
    if current is None:
        return []
    return sorted(info.alias or name for name, info in current.model_fields.items())


def _field(model: type[BaseModel], name: str) -> Any:
    for field_name, info in model.model_fields.items():
        if name in (field_name, info.alias):
            return info.annotation
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model (a twin) inside an annotation such as `list[X] | None`."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
