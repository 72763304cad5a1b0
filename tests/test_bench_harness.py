"""The benchmark harness's pure parts: summaries, RESULTS.md sections, targets, peer workloads.

No timing here: the benchmark itself is `make bench`, never a unit test.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from archlex.api import validate_model
from tests.conftest import EXAMPLE, REPO

sys.path.insert(0, str(REPO / "benchmarks"))

import bench
import cold_cache
import models
import stats
from models import ModelInfo
from peers import run as peers_run
from peers import warm
from peers.doorstop_tree import write_doorstop
from peers.strictdoc_docs import uid, write_strictdoc
from peers.workload import Workload, square, workload_from_model


def test_series_median_peak_and_ratio() -> None:
    series = stats.Series()
    assert series.median is None and series.peak_rss is None
    for seconds, rss in [(3.0, 10.0), (1.0, 30.0), (2.0, 20.0)]:
        series.add(seconds, rss)
    assert series.median == 2.0
    assert series.peak_rss == 30.0
    assert stats.ratio(1.0, 4.0) == 0.25
    assert stats.ratio(None, 4.0) is None
    assert stats.ratio(1.0, 0.0) is None
    assert stats.spread([2.0, 1.0, 3.0]) == "2.000 (1.000-3.000)"
    assert stats.spread([12.0, 11.0, 30.0]) == "12.0 (11.0-30.0)"


def test_verdicts() -> None:
    assert stats.verdict(0.9, 1.0) == "met"
    assert stats.verdict(1.1, 1.0) == "NOT met"
    assert stats.verdict(None, 1.0) == "not measured"
    assert stats.verdict(40.0, 30.0, below=False) == "met"


def test_a_partial_run_replaces_only_its_own_section() -> None:
    first = stats.merge_section("", "# Results\n", "peers", "peers: slow\n")
    both = stats.merge_section(first, "# Results\n", "archlex", "archlex: 1.0x")
    assert both.startswith("# Results\n")
    assert stats.sections(both) == {"archlex": "archlex: 1.0x\n", "peers": "peers: slow\n"}
    assert both.index("section:archlex") < both.index("section:peers")  # fixed order
    again = stats.merge_section(both, "# Results\n", "archlex", "archlex: 0.9x\n")
    assert stats.sections(again) == {"archlex": "archlex: 0.9x\n", "peers": "peers: slow\n"}


def _size_run(
    entities: int, megabytes: float, parse: float, cold: float, warm: float
) -> bench.SizeRun:
    run = bench.SizeRun(ModelInfo(Path(), entities, 10, megabytes))
    for name, seconds in [("parse", parse), ("check cold", cold), ("check warm", warm)]:
        run.steps[name] = stats.Series([seconds], [500.0 if name != "parse" else 2000.0])
    return run


def test_targets_are_judged_at_100k_and_linearity_against_the_size_ratio() -> None:
    runs = [_size_run(10_000, 3.0, 1.0, 2.0, 0.5), _size_run(100_000, 30.0, 10.0, 30.0, 0.5)]
    table = "\n".join(bench.targets(runs))
    assert "| cold `check` ≤ 1.0x parse at 100k | 3.00x | NOT met |" in table
    assert "| 0.05x | met |" in table  # warm 0.5 s of a 10 s parse
    assert "| 500 MB | met |" in table  # the parse's own memory is not archlex's
    assert "15.0 for 10.0x the MB (1.50x) | NOT met |" in table
    assert "not measured" in "\n".join(bench.targets(runs[:1]))


def test_the_value_edits_are_judged_against_the_parse_at_100k() -> None:
    big = _size_run(100_000, 30.0, 10.0, 30.0, 0.5)
    big.steps["check warm, value edited"] = stats.Series([0.8], [60.0])
    big.steps["check warm, status edited"] = stats.Series([5.0], [700.0])
    table = "\n".join(bench.targets([big]))
    assert "| warm `check`, value edited, ≤ 0.1x parse at 100k | 0.08x | met |" in table
    assert "| warm `check`, status edited, ≤ 0.1x parse at 100k | 0.50x | NOT met |" in table
    assert "allocation edited" not in table  # not measured: no row


@pytest.fixture(scope="module")
def workload() -> Workload:
    return workload_from_model(validate_model(EXAMPLE, EXAMPLE).project.model)


def test_the_workload_has_every_requirement_and_every_link_target(workload: Workload) -> None:
    model = validate_model(EXAMPLE, EXAMPLE).project.model
    assert len(workload.requirements) == len(model.requirements) > 0
    keys = {item.key for item in workload.provisions}
    assert workload.links == sum(len(set(map(str, r.satisfies))) for r in model.requirements)
    assert all(parent in keys for item in workload.requirements for parent in item.parents)
    articles = sum(len(r.articles) for r in model.regulations)
    assert len(workload.provisions) >= articles


def test_doorstop_tree_has_one_file_per_item_and_links_that_resolve(
    workload: Workload, tmp_path: Path
) -> None:
    root = tmp_path / "doorstop"
    write_doorstop(workload, root)
    assert (root / ".git").is_dir()
    law = sorted((root / "law").glob("LAW*.yml"))
    req = sorted((root / "req").glob("REQ*.yml"))
    assert (len(law), len(req)) == (len(workload.provisions), len(workload.requirements))
    settings = yaml.safe_load((root / "req" / ".doorstop.yml").read_text())["settings"]
    assert settings["parent"] == "LAW"
    names = {p.stem for p in law}
    links = [uid for p in req for link in yaml.safe_load(p.read_text())["links"] for uid in link]
    assert len(links) == workload.links
    assert set(links) <= names


def test_strictdoc_documents_have_every_item_and_parent_relations_that_resolve(
    workload: Workload, tmp_path: Path
) -> None:
    write_strictdoc(workload, tmp_path / "sdoc")
    provisions = (tmp_path / "sdoc" / "provisions.sdoc").read_text()
    requirements = (tmp_path / "sdoc" / "requirements.sdoc").read_text()
    assert provisions.count("\n[REQUIREMENT]\n") == len(workload.provisions)
    assert requirements.count("\n[REQUIREMENT]\n") == len(workload.requirements)
    uids = set(re.findall(r"^UID: (.+)$", provisions, re.MULTILINE))
    assert len(uids) == len(workload.provisions)  # no two provisions share a UID
    parents = re.findall(r"^  VALUE: (.+)$", requirements, re.MULTILINE)
    assert len(parents) == workload.links
    assert set(parents) <= uids
    assert "  RELATIONS:\n  - TYPE: Parent" in requirements  # the grammar allows them


def test_strictdoc_uids() -> None:
    assert uid("2019/817 Art 39(2)") == "LAW-817-39-2"
    assert uid("2019/818 Art 14") == "LAW-818-14"
    assert uid("2019/818 Art 5(1)(a)") == "LAW-818-5-1-a"
    assert uid("LV.REQ-0001") == "LV.REQ-0001"


def test_a_square_workload_has_n_of_each_and_every_link_target(workload: Workload) -> None:
    # Requirements that cite one provision each, so that N of them cite at most N provisions
    # (the generated models' N >= 1,000 requirements cite a few hundred).
    single = tuple(replace(r, parents=r.parents[:1]) for r in workload.requirements)
    for size in (20, 60):
        small = square(Workload(workload.provisions, single), size)
        assert len(small.requirements) == len(small.provisions) == size
        keys = {item.key for item in small.provisions}
        assert all(parent in keys for item in small.requirements for parent in item.parents)
    padded = square(Workload(workload.provisions[:1], single[:3]), 3)  # 1 provision: pad by 2
    assert len(padded.provisions) == 3
    assert {"Provision 00001", "Provision 00002"} < {p.key for p in padded.provisions}
    with pytest.raises(ValueError, match="cite"):
        square(workload, 20)  # 20 of the example's requirements cite 39 provisions
    with pytest.raises(ValueError, match="requirements"):
        square(workload, 10_000)


def test_the_square_workloads_model_has_enough_requirements() -> None:
    import generate
    from synth_plan import plan_counts

    for requirements in (1000, 10_000):
        entities = models.entities_for_requirements(requirements)
        had = sum(plan_counts(b).requirements for b in generate.budgets(entities, 31))
        fewer = sum(plan_counts(b).requirements for b in generate.budgets(entities - 100, 31))
        assert fewer < requirements <= had


def test_the_cold_runs_cache_folder_may_hold_only_archlex_own_data(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert cold_cache.honest(folder) is None  # nothing written yet
    (folder / "validators" / "ab").mkdir(parents=True)
    (folder / "libraries" / "cd").mkdir(parents=True)
    assert cold_cache.honest(folder) is None
    assert cold_cache.cold_env(folder)["ARCHLEX_CACHE_DIR"] == str(folder)
    (folder / "reports").mkdir()
    (folder / "3f").mkdir()  # a parse-cache entry's folder
    assert cold_cache.honest(folder) == "--no-cache wrote 3f, reports into its cache folder"


def test_the_warm_edits_change_one_title_a_different_way_each_round(
    workload: Workload, tmp_path: Path
) -> None:
    write_strictdoc(workload, tmp_path / "sdoc")
    sdoc = (tmp_path / "sdoc" / "requirements.sdoc").read_bytes()
    model = next((REPO / "benchmarks" / ".cache").glob("*/AT/requirements-*.yaml"), None)
    text = model.read_bytes() if model else b'requirements:\n  - id: X\n    title: "A"\n'
    for edit, before in ((warm.edit_strictdoc, sdoc), (warm.edit_archlex, text)):
        first, second = edit(before, 0), edit(before, 1)
        assert len({before, first, second}) == 3
        assert first.count(b"Edited 0 ") == 1 and len(first) == len(before) + len(b"Edited 0 ")


def test_the_peers_table_gives_cpu_time_beside_wall_time() -> None:
    series = stats.Series()
    series.add(2.0, 50.0, 1.5)
    series.add(4.0, 60.0, 2.5)
    assert series.cpu_median == 2.0
    peer = stats.Series([40.0], [60.0], cpu=[30.0])
    rows = peers_run._ratios(
        {("archlex", "check (cold)"): series, ("doorstop", "validate"): peer},
        {"doorstop": 50.0, "strictdoc": 30.0},
    )
    assert "CPU: peer ÷ archlex" in rows[0]
    assert "| 13.33x | 15.00x | 50x | NOT met |" in rows[2]
