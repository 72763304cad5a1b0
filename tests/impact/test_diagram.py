"""The impact diagram: lines from what is needed to what needs it, long lists folded."""

from __future__ import annotations

from archlex.api import load
from archlex.impact import impact_of
from archlex.impact.diagram import impact_graph
from archlex.toolkit.dot import Label
from tests.conftest import EXAMPLE


def test_the_cir_diagram_folds_the_obligations_that_concern_it() -> None:
    model = load(EXAMPLE).model
    result = impact_of(model, "eu.CIR")
    graph = impact_graph(model, result)
    ids = graph.node_ids()
    concerning = [r.id for r in result.dependants if r.path and r.path[-1].kind == "concerns"]
    assert len(concerning) > 80
    assert not set(concerning) & set(ids)  # one box for them, not eighty
    [group] = [n for n in graph.nodes if n.id == "group 1"]
    assert isinstance(group.label, Label)
    assert group.label.lines[0] == f"{len(concerning)} obligations"
    assert "eu.817-20-1," in " ".join(group.label.lines)
    edges = {(e.tail, e.head) for e in graph.edges}
    assert ("eu.CIR", "group 1") in edges
    # from what is needed to what needs it: CIR -> flow -> process, WP-11 -> MS-05
    assert {("eu.CIR", "F-POL-04"), ("F-POL-04", "P-POLICE-ID-CHECK"), ("WP-11", "MS-05")} <= edges
    # obligations reached through a requirement, not directly, keep their own boxes
    assert "eu.817-56-1h" in ids
    assert graph.source() == impact_graph(model, result).source()
