"""The plain model classes (archlex.model.record) against their pydantic twins
(archlex.model.twins): every file of the example and of its library, good or broken, gives the
same values and the same errors either way, and the methods the code base uses behave as
pydantic's."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_core import ValidationError

from archlex.load.yaml_reader import parse_yaml
from archlex.model import ENTITY_KINDS, Manifest, ModelFile, Regulation, Requirement, System
from archlex.model.law import Change
from archlex.model.record import Record
from archlex.model.twins import pydantic_fields, twin
from tests.conftest import REPO

FILES = sorted((REPO / "model").rglob("*.yaml"))


def _kinds(path: Path) -> dict[str, Any]:
    data = parse_yaml(path.read_bytes()).data
    assert isinstance(data, dict)
    return {k: v for k, v in data.items() if k in ENTITY_KINDS}


def _broken(kinds: dict[str, Any]) -> list[dict[str, Any]]:
    """The file with one fault at a time in the first entity of each list: an unknown field, a
    wrong type, a required field left out."""
    faults = []
    for kind, items in kinds.items():
        if not (isinstance(items, list) and items and isinstance(items[0], dict)):
            continue
        first = items[0]
        faults.append({**kinds, kind: [{**first, "no_such_field": 1}, *items[1:]]})
        faults.append({**kinds, kind: [{**first, "tags": {"not": "a list"}}, *items[1:]]})
        without_id = {k: v for k, v in first.items() if k != "id"}
        faults.append({**kinds, kind: [without_id, *items[1:]]})
    return faults


def _outcome(cls: type[Any], data: Any) -> str:
    try:
        made = cls.model_validate(data)
    except ValidationError as error:
        return json.dumps(error.errors(include_url=False), default=str, sort_keys=True)
    return json.dumps(_shape(made), default=str, sort_keys=True)


def _shape(value: Any) -> Any:
    """A model's values with each model's class name and fields set, as JSON would show them."""
    if isinstance(value, Record | BaseModel):
        fields = {name: _shape(getattr(value, name)) for name in type(value).model_fields}
        return [type(value).__name__, sorted(value.model_fields_set), fields]
    if isinstance(value, list):
        return [_shape(item) for item in value]
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, str):
        return [type(value).__name__, str(value), getattr(value, "translations", None)]
    return [type(value).__name__, repr(value)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_file_validates_as_its_pydantic_twin_does(path: Path) -> None:
    kinds = _kinds(path)
    for data in [kinds, *_broken(kinds)]:
        assert _outcome(ModelFile, data) == _outcome(twin(ModelFile), data)
    made = ModelFile.model_validate(kinds)
    pydantic_made = twin(ModelFile).model_validate(kinds)
    for mode in ("python", "json"):
        assert made.model_dump(mode=mode, by_alias=True, exclude_defaults=True) == (
            pydantic_made.model_dump(mode=mode, by_alias=True, exclude_defaults=True)
        )


def test_the_manifest_validates_as_its_twin_does() -> None:
    settings = {k: v for k, v in _kinds_and_settings()[1].items()}
    assert _outcome(Manifest, settings) == _outcome(twin(Manifest), settings)
    broken = {**settings, "language": "latvian", "checks": {"fail_on": "sometimes"}}
    assert _outcome(Manifest, broken) == _outcome(twin(Manifest), broken)
    assert '"type": "string_pattern_mismatch"' in _outcome(Manifest, broken)


def _kinds_and_settings() -> tuple[dict[str, Any], dict[str, Any]]:
    data = parse_yaml((REPO / "model" / "archlex.yaml").read_bytes()).data
    return (
        {k: v for k, v in data.items() if k in ENTITY_KINDS},
        {k: v for k, v in data.items() if k not in ENTITY_KINDS},
    )


def _records() -> list[type[Record]]:
    found: list[type[Record]] = []
    pending = list(Record.__subclasses__())
    while pending:
        cls = pending.pop()
        if cls.__module__.startswith("archlex.") and cls not in found:
            found.append(cls)
        pending += cls.__subclasses__()
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def test_every_class_has_its_twins_fields_in_its_order() -> None:
    records = _records()
    assert len(records) > 50
    for cls in records:
        fields = cls.model_fields
        infos = pydantic_fields(cls)
        assert list(fields) == list(infos), cls
        for name, spec in fields.items():
            info = infos[name]
            assert spec.is_required() == info.is_required(), (cls, name)
            assert spec.alias == info.alias, (cls, name)
            assert spec.description == info.description or info.description, (cls, name)
            if not spec.is_required():
                assert spec.default_value() == info.get_default(call_default_factory=True)


def test_construct_copy_and_compare_as_pydantic_does() -> None:
    made = Requirement.model_construct(id="R-1", title="Check")
    twin_made = twin(Requirement).model_construct(id="R-1", title="Check")
    assert _shape(made) == _shape(twin_made)
    copied = made.model_copy(update={"status": "agreed"})
    twin_copied = twin_made.model_copy(update={"status": "agreed"})
    assert _shape(copied) == _shape(twin_copied)
    assert copied != made and made == Requirement.model_construct(id="R-1", title="Check")
    assert made.status == "proposed"  # the copy left the original alone


def test_a_record_is_immutable_and_survives_pickling_and_copying() -> None:
    system = System(id="S-1", name="System", kind="national", components=[{"id": "C-1"}])
    with pytest.raises(TypeError):
        system.id = "S-2"
    for again in (
        pickle.loads(pickle.dumps(system)),
        copy.copy(system),
        copy.deepcopy(system),
    ):
        assert again == system and again is not system
        assert (
            again.model_fields_set
            == system.model_fields_set
            == {"id", "name", "kind", "components"}
        )
        assert type(again.components[0]).__name__ == "Component"
    assert repr(system).startswith("System(id='S-1', name='System'")
    change = {"provision": "2019/817 Art 1", "change": "inserted"}
    assert hash(Change(**change)) == hash(Change(**change))  # equal values, equal hashes
    with pytest.raises(TypeError):
        hash(system)  # a list field makes it unhashable, as in pydantic
    with pytest.raises(TypeError):
        hash(twin(System).model_validate({"id": "S-1", "name": "System", "kind": "national"}))


def test_a_regulation_indexes_its_articles_however_it_is_made() -> None:
    articles = [{"number": "1", "title": "Subject matter"}, {"number": "2a", "title": "Scope"}]
    made = Regulation(id="2019/817", title="Regulation", articles=articles)
    assert made.article("2a") is made.articles[1] and made.article("3") is None
    constructed = Regulation.model_construct(id="X", title="T", articles=list(made.articles))
    assert constructed.article("1") is made.articles[0]
    loaded = pickle.loads(pickle.dumps(made))
    assert loaded.article("2a") == made.articles[1]
    with pytest.raises(ValidationError, match="listed twice"):
        Regulation(id="2019/817", title="Regulation", articles=[articles[0], articles[0]])


def test_a_localized_regulation_finds_its_localized_articles() -> None:
    # A copy with other articles (the model in another language) indexes its own articles:
    # pydantic's model_copy kept the index of the original, so `article()` gave the English.
    from archlex.api import load
    from archlex.model.localize import localize_model

    model = localize_model(load(REPO / "model").model, "lv")
    regulation = model.regulation("2019/817")
    assert regulation is not None
    first = regulation.articles[0]
    assert regulation.article(first.number) is first
    assert str(first.title) == "Priekšmets"
