"""The JSON Schema of model files for the YAML language server, as draft-07."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from archlex.model import ModelFile
from archlex.model.project import ManifestFile

SCHEMAS: dict[str, type[BaseModel]] = {"model-file": ModelFile, "manifest": ManifestFile}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def json_schema(kind: str) -> dict[str, Any]:
    """The draft-07 schema of a model file (`model-file`) or of the manifest (`manifest`)."""
    schema = SCHEMAS[kind].model_json_schema(by_alias=True)
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


def json_schema_text(kind: str) -> str:
    """The schema as the deterministic text that is committed and written."""
    return json.dumps(json_schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
