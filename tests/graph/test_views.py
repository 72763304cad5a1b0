"""What a named view selects, and the findings on views that name nothing or cannot be drawn."""

from __future__ import annotations

import pytest

from archlex.api import load
from archlex.graph.views import default_view_names, select
from archlex.model import Model, View, ViewKind
from tests.check.models import check, of_rule, place
from tests.conftest import EXAMPLE, WriteModel


@pytest.fixture(scope="module")
def example() -> Model:
    return load(EXAMPLE).model


def _view(**fields: object) -> View:
    return View.model_validate({"id": "v", "title": "A view", "kind": "context", **fields})


def test_a_process_selects_its_steps_in_order_and_the_systems_they_pass(example: Model) -> None:
    selection = select(example, _view(include=["P-BORDER-ENTRY"]))
    steps = ["F-BRD-01", "F-BRD-02", "F-BRD-03", "F-BRD-04", "F-BRD-05", "F-BRD-06"]
    assert [f.id for f in selection.flows][:6] == steps
    assert {"RKIS", "ESP-GW", "eu.ESP", "eu.NUI-EES", "eu.EES"} <= selection.systems
    assert "PIS" not in selection.systems  # the police take no part in the border check


def test_exclude_takes_away_a_system_and_the_flows_through_it(example: Model) -> None:
    whole = select(example, _view(include=["P-LE-CIR-QUERY"]))
    without = select(example, _view(include=["P-LE-CIR-QUERY"], exclude=["eu.NUI-EES"]))
    assert "F-LEA-06" in {f.id for f in whole.flows}
    assert "F-LEA-06" not in {f.id for f in without.flows}  # LEA-REQ to the EES via its NUI
    assert "eu.NUI-EES" not in without.systems and "eu.EES" not in without.systems


def test_focus_reaches_as_far_as_its_depth(example: Model) -> None:
    near = select(example, _view(focus="NSIS-COPY", depth=1)).systems
    far = select(example, _view(focus="NSIS-COPY", depth=2)).systems
    assert "NSIS" in near and "RKIS" in near  # a component selects its system
    assert near < far
    assert select(example, _view(focus="NSIS")).systems == near  # depth 1 by default


def test_a_tag_selects_what_carries_it(example: Model) -> None:
    # The five organisations of the steering group own the national systems between them.
    by_tag = select(example, _view(kind="landscape", include=["steering-group"]))
    assert {"RKIS", "PIS", "NVIS"} <= by_tag.systems
    assert by_tag.flows


def test_no_include_and_no_focus_is_the_whole_model(example: Model) -> None:
    everything = select(example, _view(kind=ViewKind.TECHNICAL))
    assert len(everything.flows) == len(example.flows)


def test_the_default_diagrams_names_are_taken(example: Model) -> None:
    names = default_view_names(example)
    assert {"context", "legend", "context-RKIS", "sequence-P-BORDER-ENTRY"} <= names
    assert not names & {v.id for v in example.views}


VIEWS = """\
systems:
  - {id: border-control, name: Border control system, kind: national, tags: [border]}
  - {id: register, name: Register, kind: national}
organisations:
  - {id: guard, name: Border guard, kind: border-guard}
flows:
  - {id: F-1, from: border-control, to: register}
views:
  - id: by-tag
    title: Tagged
    kind: context
    include: [border, bordr]
    exclude: [F-2]
  - id: on-an-organisation
    title: Around an organisation
    kind: context
    focus: guard
  - id: no-flow
    title: A sequence of nothing
    kind: sequence
    include: [register]
    exclude: [F-1]
"""


def test_names_that_are_no_id_and_no_tag_are_unknown_references(
    write_model: WriteModel,
) -> None:
    report = check(write_model({"views.yaml": VIEWS}))
    found = sorted(place(f) for f in of_rule(report, "unknown-reference"))
    assert found == [
        ("unknown-reference", "by-tag", "views.yaml", 12, 23),  # bordr
        ("unknown-reference", "by-tag", "views.yaml", 13, 15),  # F-2
        ("unknown-reference", "on-an-organisation", "views.yaml", 17, 12),  # not a system
    ]
    messages = {f.message for f in of_rule(report, "unknown-reference")}
    assert any("`guard` is not a system or component" in m for m in messages)
    [empty] = of_rule(report, "view-invalid")
    assert place(empty) == ("view-invalid", "no-flow", "views.yaml", 21, 14)
    assert "selects no flow" in empty.message
    assert report.exit_code == 1


def test_depth_below_one_is_a_schema_error(write_model: WriteModel) -> None:
    bad = VIEWS.replace("    focus: guard\n", "    focus: border-control\n    depth: 0\n")
    report = check(write_model({"views.yaml": bad}))
    [schema] = of_rule(report, "schema")
    assert (schema.file, schema.line) == ("views.yaml", 18)
    assert "depth" in schema.message
