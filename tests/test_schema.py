"""The JSON Schema for editors: draft-07, current with the models, and it accepts the example."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from archlex.model.json_schema import SCHEMAS, json_schema, json_schema_text
from tests.conftest import EXAMPLE, REPO

COMMITTED = REPO / "schema"


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_committed_schema_is_up_to_date(kind: str) -> None:
    committed = (COMMITTED / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(kind), "run `make schema` and commit the result"


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in _keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in _keys(v)}
    return set()


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_schema_is_valid_draft_07_without_newer_keywords(kind: str) -> None:
    schema = json_schema(kind)
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    newer = {
        "$defs",
        "prefixItems",
        "unevaluatedProperties",
        "dependentRequired",
        "dependentSchemas",
        "$dynamicRef",
    }
    assert not _keys(schema) & newer
    assert "#/$defs/" not in json.dumps(schema)


def test_fields_carry_descriptions_for_hover_help() -> None:
    system = json_schema("model-file")["definitions"]["System"]
    assert system["properties"]["owner"]["description"] == "Organisation that owns it."
    assert system["properties"]["kind"]["$ref"].startswith("#/definitions/")


def _yaml_12(path: Path) -> Any:
    # Editors read YAML 1.2, where dates and numbers are typed as JSON would be; quote-free
    # dates are strings there, which is what the schema says.
    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        k: [(tag, regexp) for tag, regexp in v if not tag.endswith(("timestamp", "bool"))]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile("^(?:true|false)$"), list("tf")
    )
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def _model_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if p.name != "archlex.yaml")


@pytest.mark.parametrize("folder", [EXAMPLE, EXAMPLE / "eu"], ids=["example", "eu"])
def test_example_files_validate_against_the_schema_they_name(folder: Path) -> None:
    for path in [folder / "archlex.yaml", *_model_files(folder)]:
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith("# yaml-language-server: $schema="), path
        schema_path = (path.parent / first_line.split("$schema=", 1)[1]).resolve()
        assert schema_path.parent == COMMITTED.resolve(), path
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.validate(_yaml_12(path), schema)


NUMERIC = """\
organisations:
  - {id: 7, name: 2026, kind: ministry}
systems:
  - {id: 42, name: true, kind: national, owner: 7}
requirements:
  - {id: 1.5, title: 100, text: 99, type: functional, priority: must, allocated_to: [42]}
"""
TEXT_ONLY = """\
organisations:
  - {id: 7, name: Ministry, kind: 3}
"""


@pytest.mark.parametrize(("text", "valid"), [(NUMERIC, True), (TEXT_ONLY, False)])
def test_the_editor_and_validate_agree_on_unquoted_numbers(
    tmp_path: Path, text: str, valid: bool
) -> None:
    """`id: 42` and `owner: 42` are the text "42" to archlex; the schema accepts them too, and
    where a number is wrong (`kind: 3`) both say so."""
    from archlex.api import validate_model

    (tmp_path / "archlex.yaml").write_text(
        "archlex: 1\nname: Numbers\nmember_state: LV\ninclude: [model.yaml]\nuses: []\n",
        encoding="utf-8",
    )
    (tmp_path / "model.yaml").write_text(text, encoding="utf-8")
    findings = validate_model(tmp_path, tmp_path).findings
    assert (findings == []) is valid, findings
    validator = jsonschema.Draft7Validator(json_schema("model-file"))
    errors = list(validator.iter_errors(_yaml_12(tmp_path / "model.yaml")))
    assert (errors == []) is valid, [e.message for e in errors]
