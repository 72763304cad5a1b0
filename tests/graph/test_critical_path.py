"""The critical path on small hand-made roadmaps whose answer is known."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from archlex.graph import build_graph
from archlex.graph.critical_path import CriticalPath, critical_path, duration_days, longest_chain
from archlex.model import Model, WorkPackage
from archlex.model.project import Manifest

DAY0 = dt.date(2030, 1, 1)


def wp(package_id: str, first: int, days: int, *depends_on: str) -> WorkPackage:
    """A package that starts `first` days after DAY0 and runs `days` days."""
    start = DAY0 + dt.timedelta(days=first)
    return WorkPackage(
        id=package_id,
        name=f"Package {package_id}",
        start=start,
        end=start + dt.timedelta(days=days - 1),
        depends_on=list(depends_on),
    )


def chain(*packages: WorkPackage) -> CriticalPath:
    dependencies: nx.DiGraph[str] = nx.DiGraph()
    dependencies.add_nodes_from(p.id for p in packages)
    dependencies.add_edges_from((p.id, d) for p in packages for d in p.depends_on)
    return longest_chain({p.id: p for p in packages}, dependencies)


def test_duration_counts_the_start_and_the_end_day() -> None:
    assert duration_days(wp("A", 0, 1)) == 1
    assert duration_days(wp("A", 0, 365)) == 365


def test_a_diamond_takes_the_longer_branch() -> None:
    path = chain(
        wp("A", 0, 10), wp("B", 10, 5, "A"), wp("C", 10, 20, "A"), wp("D", 30, 3, "B", "C")
    )
    assert path.packages == ("A", "C", "D")
    assert path.work_days == 33
    assert (path.start, path.end, path.span_days) == (DAY0, DAY0 + dt.timedelta(days=32), 33)
    assert path.slack == {"A": 0, "B": 15, "C": 0, "D": 0}
    assert path.cycle == ()


def test_parallel_chains_the_longer_one_wins_and_the_other_has_slack() -> None:
    path = chain(wp("X1", 0, 10), wp("X2", 10, 10, "X1"), wp("Y1", 0, 5), wp("Y2", 5, 30, "Y1"))
    assert path.packages == ("Y1", "Y2")
    assert path.work_days == 35
    assert path.slack == {"X1": 15, "X2": 15, "Y1": 0, "Y2": 0}


def test_a_tie_is_broken_by_the_smaller_ids() -> None:
    separate = chain(wp("D", 0, 10), wp("C", 10, 10, "D"), wp("B", 0, 10), wp("A", 10, 10, "B"))
    assert separate.packages == ("B", "A")
    assert all(s == 0 for s in separate.slack.values())
    diamond = chain(wp("S", 0, 4), wp("Q", 4, 6, "S"), wp("P", 4, 6, "S"), wp("T", 10, 1, "P", "Q"))
    assert diamond.packages == ("S", "P", "T")
    # the same roadmap given in another order gives the same answer
    again = chain(wp("T", 10, 1, "Q", "P"), wp("P", 4, 6, "S"), wp("Q", 4, 6, "S"), wp("S", 0, 4))
    assert again == diamond


def test_a_single_package_is_its_own_critical_path() -> None:
    path = chain(wp("ONLY", 3, 42))
    assert path.packages == ("ONLY",)
    assert path.work_days == path.span_days == 42
    assert path.slack == {"ONLY": 0}


def test_overlapping_packages_span_less_than_their_work() -> None:
    path = chain(wp("A", 0, 100), wp("B", 50, 100, "A"))
    assert path.packages == ("A", "B")
    assert path.work_days == 200
    assert path.span_days == 150


def test_a_cycle_gives_no_path_and_names_the_packages_in_it() -> None:
    path = chain(wp("A", 0, 5, "B"), wp("B", 5, 5, "A"), wp("C", 0, 50), wp("SELF", 0, 1, "SELF"))
    assert path.packages == ()
    assert path.cycle == ("A", "B", "SELF")
    assert path.work_days == path.span_days == 0
    assert path.start is None and path.slack == {}


def test_no_packages_no_path() -> None:
    path = chain()
    assert path == CriticalPath((), 0, None, None)


def test_from_the_model_graph_ignoring_references_to_other_things() -> None:
    packages = [wp("A", 0, 10), wp("B", 10, 10, "A", "MISSING", "PH-1"), wp("C", 0, 3)]
    model = Model(manifest=Manifest(archlex=1, name="t"), work_packages=packages)
    model.reindex()
    path = critical_path(build_graph(model))
    assert path.packages == ("A", "B")
    assert path.slack == {"A": 0, "B": 0, "C": 17}
