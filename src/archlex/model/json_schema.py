"""The JSON Schema of model files for the YAML language server, as draft-07.

archlex reads every plain YAML scalar as the text typed (`id: 42` is the id "42", `name:
true` the name "true"); an editor reads YAML 1.2, where they are a number and a boolean. So
that the editor and `archlex validate` agree, a text field that any number or boolean would
satisfy as text (no pattern, or the pattern of ids and references) also accepts numbers and
booleans in the schema; a field with an enum, a format or another pattern stays text only,
and both reject a number there."""

from __future__ import annotations

import json
from typing import Any

from archlex.model import ModelFile
from archlex.model.common import ID_PATTERN, REGULATION_ID_PATTERN
from archlex.model.project import ManifestFile
from archlex.model.record import Record
from archlex.model.twins import twin

SCHEMAS: dict[str, type[Record]] = {"model-file": ModelFile, "manifest": ManifestFile}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
# Patterns that the text of every YAML 1.2 number and boolean matches (`42`, `-1.5`, `true`).
_TEXT_OF_ANY_SCALAR = {None, ID_PATTERN, REGULATION_ID_PATTERN}
_TEXT_ONLY = ("enum", "const", "format")


def json_schema(kind: str) -> dict[str, Any]:
    """The draft-07 schema of a model file (`model-file`) or of the manifest (`manifest`)."""
    schema = twin(SCHEMAS[kind]).model_json_schema(by_alias=True)
    # The YAML language server supports draft-07 reliably: `definitions`, not `$defs`.
    definitions = schema.pop("$defs", {})
    converted = _to_draft_07(schema)
    return {
        "$schema": DRAFT_07,
        **converted,
        "definitions": {name: _to_draft_07(body) for name, body in sorted(definitions.items())},
    }


def _to_draft_07(node: Any) -> Any:
    if isinstance(node, dict):
        node = _scalar_as_text(node)
        return {
            key: (
                value.replace("#/$defs/", "#/definitions/")
                if key == "$ref"
                else _to_draft_07(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_to_draft_07(item) for item in node]
    return node


def _scalar_as_text(node: dict[str, Any]) -> dict[str, Any]:
    """A text field that archlex also reads from an unquoted number or boolean says so."""
    if node.get("type") != "string" or any(key in node for key in _TEXT_ONLY):
        return node
    if node.get("pattern") not in _TEXT_OF_ANY_SCALAR:
        return node
    return {**node, "type": ["string", "number", "boolean"]}


def json_schema_text(kind: str) -> str:
    """The schema as the deterministic text that is committed and written."""
    return json.dumps(json_schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
