"""What depends on an entity and what it depends on, over the example's graph."""

from __future__ import annotations

import pytest

from archlex.api import load
from archlex.errors import ArchlexError
from archlex.graph import build_graph
from archlex.graph.impact import Impact, Link, add_impact_edges, impact
from archlex.impact import impact_of, path_text
from archlex.model import Model
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def example() -> Model:
    return load(EXAMPLE).model


@pytest.fixture(scope="module")
def cir(example: Model) -> Impact:
    return impact_of(example, "eu.CIR")


def test_what_breaks_if_the_cir_is_late(cir: Impact) -> None:
    dependants = {r.id: r for r in cir.dependants}
    by_kind = {kind: {r.id for r in cir.dependants if r.kind == kind} for kind in ("flow",)}
    assert {"F-POL-04", "F-POL-05", "F-LEA-04", "F-MID-02"} <= by_kind["flow"]
    # the process the flow is a step of, the work packages touching the CIR, what they deliver
    assert path_text(dependants["P-POLICE-ID-CHECK"]) == (
        "P-POLICE-ID-CHECK <-in_process- F-POL-04 -to-> eu.CIR"
    )
    assert dependants["WP-11"].path == (Link("WP-11", "touches", "eu.CIR"),)
    assert path_text(dependants["REQ-CIR-02"]) == "REQ-CIR-02 <-delivers- WP-11 -touches-> eu.CIR"
    # downstream work and the milestones that wait for it
    assert path_text(dependants["MS-05"]) == "MS-05 -after-> WP-11 -touches-> eu.CIR"
    assert path_text(dependants["MS-07"]) == (
        "MS-07 -after-> WP-18 -depends_on-> WP-11 -touches-> eu.CIR"
    )
    assert dependants["eu.817-20-1"].kind == "obligation"


def test_obligations_that_do_not_apply_are_left_out(example: Model, cir: Impact) -> None:
    listed = {r.id for r in cir.dependants if r.kind == "obligation"}
    graph = build_graph(example)
    add_impact_edges(graph)
    every = impact(graph, "eu.CIR")
    concerning = {r.id for r in every.dependants if r.kind == "obligation"}
    assert listed < concerning  # eu-LISA's obligations on the CIR concern it, but not LV
    assert all(not o.startswith("eu.817-") or o in concerning for o in listed)


def test_what_a_flow_depends_on(example: Model) -> None:
    flow = impact_of(example, "F-POL-04")
    dependencies = {r.id: r.path for r in flow.dependencies}
    assert dependencies["eu.CIR"] == (Link("F-POL-04", "to", "eu.CIR"),)
    assert dependencies["ESP-GW"] == (Link("F-POL-04", "from", "ESP-GW"),)
    assert dependencies["eu.ESP"] == (Link("F-POL-04", "via", "eu.ESP"),)
    assert dependencies["fingerprints"] == (Link("F-POL-04", "carries", "fingerprints"),)
    assert {"P-POLICE-ID-CHECK"} <= {r.id for r in flow.dependants}


def test_an_unknown_id_offers_the_closest(example: Model) -> None:
    with pytest.raises(ArchlexError) as raised:
        impact_of(example, "eu.CIRR")
    assert raised.value.message == "there is no entity `eu.CIRR` in the model"
    assert raised.value.hint is not None and "`eu.CIR`" in raised.value.hint


def test_the_result_is_the_same_every_time(example: Model, cir: Impact) -> None:
    assert impact_of(example, "eu.CIR") == cir
