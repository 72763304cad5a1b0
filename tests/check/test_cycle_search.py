"""The roadmap-cycle rule finds cycles without networkx (so that `check` does not import it):
its strongly connected sets and cycles agree with networkx's on random graphs."""

from __future__ import annotations

import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from archlex.check.rules.roadmap_cycle import _around, strongly_connected

NODES = [f"WP-{n:02d}" for n in range(12)]
graphs = st.dictionaries(
    st.sampled_from(NODES), st.lists(st.sampled_from(NODES), unique=True, max_size=4)
)


@settings(max_examples=200, deadline=None)
@given(graphs)
def test_strongly_connected_sets_agree_with_networkx(edges: dict[str, list[str]]) -> None:
    reference: nx.DiGraph[str] = nx.DiGraph()
    reference.add_nodes_from(edges)
    reference.add_edges_from((s, t) for s, targets in edges.items() for t in targets)
    ours = sorted(sorted(c) for c in strongly_connected(edges))
    assert ours == sorted(sorted(c) for c in nx.strongly_connected_components(reference))
    for component in strongly_connected(edges):
        first = min(component)
        if len(component) > 1:  # a real cycle: each step is an edge, and it ends where it began
            cycle = [first, *_around(edges, first, component)]
            assert cycle[-1] == first and set(cycle) <= component
            assert all(b in edges[a] for a, b in itertools.pairwise(cycle))
            inside = reference.subgraph(component)
            assert len(cycle) - 1 == 1 + nx.shortest_path_length(inside, cycle[1], first)


def test_a_long_chain_does_not_recurse() -> None:
    chain = {f"WP-{n}": [f"WP-{n + 1}"] for n in range(5000)} | {"WP-5000": ["WP-0"]}
    [component] = strongly_connected(chain)
    assert len(component) == 5001
