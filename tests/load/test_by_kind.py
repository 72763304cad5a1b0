"""A model file validated kind by kind (archlex.load.by_kind) is exactly what ModelFile's own
validation gives: the same entities, the same fields set, the same errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic_core import ValidationError

from archlex.load.by_kind import validate_file
from archlex.load.yaml_reader import parse_yaml
from archlex.model import ENTITY_KINDS, ModelFile
from archlex.model.record import Record
from tests.conftest import EXAMPLE

MODELS = Path(__file__).parent.parent / "models"


def _files() -> list[Path]:
    """Every YAML file of the example, its library and the rule test models."""
    return sorted({*EXAMPLE.rglob("*.yaml"), *MODELS.rglob("*.yaml")})


def _kinds(path: Path) -> Any:
    data = parse_yaml(path.read_bytes()).data
    return {k: v for k, v in data.items() if k in ENTITY_KINDS} if isinstance(data, dict) else data


def _shape(value: Any) -> Any:
    """Every model in the value with its class, fields set and fields, every other value with
    its type: what `==` on models leaves out (the fields set of nested models) included."""
    if isinstance(value, Record):
        fields = {name: _shape(v) for name, v in vars(value).items()}
        return type(value), sorted(value.model_fields_set), fields, value.model_extra
    if isinstance(value, (list, tuple)):
        return type(value), [_shape(v) for v in value]
    if isinstance(value, dict):
        return type(value), {k: _shape(v) for k, v in value.items()}
    return type(value), value


def _outcome(data: Any) -> tuple[str, Any]:
    """The validated file, or the error's details."""
    try:
        return "ok", _shape(ModelFile.model_validate(data))
    except ValidationError as error:
        return "error", error.errors(include_url=False)


def _by_kind(data: Any) -> tuple[str, Any]:
    try:
        return "ok", _shape(validate_file(data))
    except ValidationError as error:
        return "error", error.errors(include_url=False)


def test_every_file_of_the_example_and_the_test_models_validates_the_same() -> None:
    files = [path for path in _files() if path.name != "archlex.yaml"]
    assert len(files) > 40
    kinds_seen: set[str] = set()
    for path in files:
        try:
            data = _kinds(path)
        except Exception:  # a test model that is not YAML: nothing to validate
            continue
        assert _by_kind(data) == _outcome(data), path
        if isinstance(data, dict):
            kinds_seen |= set(data)
    assert {"systems", "flows", "requirements", "roadmap", "obligations"} <= kinds_seen


@pytest.mark.parametrize(
    "data",
    [
        {"systems": [{"id": "S", "name": "S", "kind": "national", "owner": "o", "bogus": 1}]},
        {"systems": [{"id": "S", "kind": "national"}], "flows": "not a list"},
        {"roadmap": []},
        {"roadmap": None},
        {"roadmap": {"phases": [{"id": "P1"}]}},
        {"organisations": None},
        {"no_such_kind": []},
        {"data": [{"id": "D", "name": "D"}], "organisations": [{"id": 3}]},
        {},
        ["a list"],
    ],
    ids=repr,
)
def test_odd_and_wrong_files_give_modelfiles_own_result_or_error(data: Any) -> None:
    assert _by_kind(data) == _outcome(data)
