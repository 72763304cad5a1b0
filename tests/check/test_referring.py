"""What each entity refers to (archlex.check.referring): every id and provision is listed
where it is written, each entity once per kind of class, and the pass's fast path gives the
findings the slow path gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest

from archlex.api import check_model, load
from archlex.check.reads import REFERENCES
from archlex.check.references import check_references
from archlex.check.referring import (
    citations,
    provisions_of,
    references,
    references_of,
)
from archlex.load.cache import ParseCache
from archlex.load.file_entities import KIND_TYPES
from archlex.model import Flow, Model, System
from archlex.model.common import Entity
from tests.check.edits import _outputs
from tests.check.filled import MARK, filled, references_written
from tests.check.models import TODAY
from tests.check.test_reads import EXAMPLE
from tests.conftest import WriteModel


def _at(entity: Any, path: tuple[str | int, ...]) -> Any:
    """The value at a path of YAML keys (aliases such as `for`, `from`) in an entity."""
    value: Any = entity.model_dump(by_alias=True, mode="json")
    for step in path:
        value = value[step]
    return value


@pytest.fixture(scope="module")
def example() -> Model:
    """The example model, loaded once for this module."""
    return load(EXAMPLE, EXAMPLE.parent).model


def test_every_reference_and_provision_is_where_its_path_says(example: Model) -> None:
    model = example
    references_seen = provisions_seen = 0
    for _, entity in model.entities():
        for value, path, _kinds in references_of(entity):
            written = _at(entity, path)
            # An event date names `SUBJECT.EVENT`: the reference is the subject.
            assert written == value or written.startswith(f"{value}."), (entity.id, path)
            references_seen += 1
        for provision, path in provisions_of(entity):
            assert _at(entity, path) == str(provision), (entity.id, path)
            provisions_seen += 1
    assert references_seen > 500 and provisions_seen > 500


def test_the_short_form_gives_the_same_as_the_full_paths(example: Model) -> None:
    model = example
    for _, entity in model.entities():
        short = [(v, p if i is None else (*p, i), k) for v, k, p, i in references(entity)]
        assert short == list(references_of(entity))
        cited = [(c, p if i is None else (*p, i)) for c, p, i in citations(entity)]
        assert cited == list(provisions_of(entity))


def test_a_subclass_refers_as_its_kind_does() -> None:
    class Wider(System):
        pass

    system = Wider.model_validate({"id": "x", "name": "X", "kind": "national", "owner": "org"})
    assert list(references_of(system)) == [("org", ("owner",), frozenset({"organisation"}))]
    assert list(provisions_of(system)) == []


def test_only_what_names_nothing_is_a_finding(write_model: WriteModel) -> None:
    root = write_model(
        {
            "model.yaml": """
organisations:
  - {id: org, name: Org, kind: ministry}
systems:
  - {id: a, name: A, kind: national, owner: org}
  - {id: b, name: B, kind: national, owner: nobody}
flows:
  - {id: f, from: a, to: b, data: [missing], legal_basis: ["2019/817 Art. 999"]}
  - {id: g, from: org, to: a}
""",
        }
    )
    project = load(root / "archlex.yaml", root)
    found = {(f.rule, f.target, f.message) for f in check_references(project)}
    messages = sorted(m for _, _, m in found)
    assert len(found) == 4, messages
    assert any("`owner` names `nobody`" in m for m in messages)
    assert any("`data[0]` names `missing`" in m for m in messages)
    assert any("`from` names organisation `org`, but expects a" in m for m in messages)
    assert any("2019/817 has no Article 999" in m for m in messages)


def test_an_access_grant_and_a_mid_link_name_what_they_grant_and_who(
    write_model: WriteModel,
) -> None:
    """The catalog's access grants and MID links are checked like the rest (they were not)."""
    root = write_model(
        {
            "model.yaml": """
organisations:
  - {id: org, name: Org, kind: ministry}
access:
  - id: grant
    provision: "2019/817 Art 7(2)"
    role: border-autority
    systems: [eu.EES, eu.CIRR]
    via: org
    purpose: Search.
    applies_when: {systems_any: [eu.EES, eu.VISS]}
  - {id: fine, provision: "2019/817 Art 7(1)", role: member-state, systems: [eu.ESP], purpose: Use.}
mid_links:
  - id: link
    colour: red
    provision: "2019/817 Art 32"
    meaning: Not the same person.
    verified_by: [manual-verification-authority, sirene-buro]
""",
        }
    )
    project = load(root / "archlex.yaml", root)
    found = sorted(f.message for f in check_references(project) if f.rule == "unknown-reference")
    assert len(found) == 5, found
    for written in (
        "`role` names `border-autority`",
        "`systems[1]` names `eu.CIRR`",
        "`via` names organisation `org`",
        "`applies_when.systems_any[1]` names `eu.VISS`",
        "`verified_by[1]` names `sirene-buro`",
    ):
        assert any(written in message for message in found), (written, found)


# A view's `include` and `exclude` name ids or tags, and its `focus` a system: archlex.check.views
# checks them (unknown-reference), as a tag is no entity.
_CHECKED_ELSEWHERE = frozenset({"views"})


def test_the_filled_entity_holds_every_reference_however_deep() -> None:
    written = references_written(filled(Flow, "Flow"))
    assert written == {f"{MARK}Flow.{name}" for name in ("from_", "to", "via", "process")} | {
        f"{MARK}Flow.data[]",
        f"{MARK}Flow.logging.by",
    }


@pytest.mark.parametrize("kind", sorted(KIND_TYPES))
def test_every_reference_field_of_a_kind_is_listed(kind: str) -> None:
    """Every field typed as a reference (archlex.model.common.Ref), however deep, is one that
    `references_of` gives: a reference field added to the model and not to
    archlex.check.referring would never be checked."""
    cls = KIND_TYPES[kind]
    entity = filled(cls, cls.__name__)
    written = references_written(entity)
    if kind in _CHECKED_ELSEWHERE:
        assert written, kind
        return
    listed = {value for value, _path, _kinds in references_of(entity)}  # type: ignore[arg-type]
    assert written - listed == set(), f"not listed in archlex.check.referring: {kind}"


@pytest.mark.parametrize("kind", sorted(KIND_TYPES))
def test_the_reference_pass_declares_every_field_it_reads(kind: str) -> None:
    """What the reference pass reads is declared (archlex.check.reads.REFERENCES): an edit of
    an undeclared field counts as one no rule reads, and the last check's findings are kept."""
    cls = KIND_TYPES[kind]
    entity = cast(Entity, filled(cls, cls.__name__))
    names: dict[str | int, str] = {
        info.alias or name: name for name, info in cls.model_fields.items()
    }
    fields = {names[path[0]] for _, _, path, _ in references(entity)}
    fields |= {names[path[0]] for _, path, _ in citations(entity)}
    assert fields <= set(REFERENCES.get(kind, ())), kind


# The fields of the access grant and the MID link written, beside their ids and provisions.
ACCESS_FIELDS = "role: border-authority, systems: [eu.EES], purpose: Search."
MID_FIELDS = "verified_by: [sirene-bureau]"


@pytest.mark.parametrize(
    ("written", "edited"),
    [
        ("role: border-authority", "role: border-autority"),
        ("systems: [eu.EES]", "systems: [eu.EES, eu.CIRR]"),
        ("verified_by: [sirene-bureau]", "verified_by: [sirene-buro]"),
    ],
)
def test_an_edit_of_an_access_grant_or_mid_link_reference_is_found_by_a_warm_check(
    write_model: WriteModel, tmp_path: Path, written: str, edited: str
) -> None:
    """The last check keeps its findings only for edits of fields no rule reads: these fields
    are read by the reference pass, so the warm check finds the new unknown id as a cold one."""
    text = f"""
access:
  - {{id: grant, provision: "2019/817 Art 7(2)", {ACCESS_FIELDS}}}
mid_links:
  - {{id: link, colour: red, provision: "2019/817 Art 32", meaning: Not the same., {MID_FIELDS}}}
"""
    root = write_model({"model.yaml": text})
    cache = ParseCache(tmp_path / "cache")
    check_model(root, root.parent, today=TODAY, cache=cache, incremental=True)
    path = root / "model.yaml"
    path.write_text(path.read_text().replace(written, edited, 1))
    warm = check_model(root, root.parent, today=TODAY, cache=cache, incremental=True)
    cold = check_model(root, root.parent, today=TODAY)
    assert _outputs(warm) == _outputs(cold)
    assert any(f.rule == "unknown-reference" for f in cold.findings)
