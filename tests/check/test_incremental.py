"""The incremental check (archlex.check.incremental): after random edits of a generated model
and of the worked example (comments and blank lines anywhere, re-indented and re-quoted values,
keys in another order, changed prose, a changed value of every kind of field (ids,
references, statuses, dates, priorities, lists), broken YAML, several files at once, files
added and removed, waivers and other edits of the manifest), the report it gives is
byte-identical, in every format, to checking the edited model from scratch; and it really
answers from the last check when the edits cannot change the findings."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.check.incremental import ReportModel
from archlex.load.cache import ParseCache
from tests.check.edits import (
    REPO,
    _compare,
    _edit,
    _files,
    _graph_value,
    _moved_entity,
    _other_value,
    _outputs,
)
from tests.check.models import TODAY


def test_random_edits_of_a_generated_model_report_as_a_cold_check(
    generated: Path, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    reused, neutral = _compare(model, ParseCache(tmp_path / "cache"), rounds=10, seed=19)
    assert reused >= neutral - 1  # a comment inside a quoted text changes it: checked in full


def test_random_value_edits_report_as_a_cold_check(generated: Path, tmp_path: Path) -> None:
    """Only changed values, of every kind of field: those no rule reads are reused, the others
    checked in full, and either way the report is the cold one."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    rng = random.Random(23)
    check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    reused = 0
    for round_number in range(8):
        _edit(rng, _files(model), [_other_value])
        warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
        cold = check_model(model, model.parent, today=TODAY)
        assert _outputs(warm) == _outputs(cold), f"round {round_number}"
        reused += isinstance(warm.model, ReportModel)
    assert 0 < reused < 8


def _graph_rounds(model: Path, cache: ParseCache, rounds: int, seed: int) -> int:
    """Random edits of the fields the graph reads, each compared with a cold check in every
    format, then undone (and compared again); how many edits reused the last check."""
    rng = random.Random(seed)
    check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    files = _files(model)
    originals = {path: path.read_bytes() for path in files}
    requirements = [f for f in files if "requirements" in f.name]
    reused = 0
    for round_number in range(rounds):
        for path in rng.sample(files, rng.choice((1, 1, 2))):
            path = rng.choice(requirements) if requirements and rng.random() < 0.6 else path
            lines = path.read_text(encoding="utf-8").splitlines()
            for _ in range(rng.choice((1, 1, 2))):
                lines = _graph_value(rng, lines)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        if rng.random() < 0.15:
            _moved_entity(rng, files)
        for step in ("edited", "undone"):
            warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
            cold = check_model(model, model.parent, today=TODAY)
            assert _outputs(warm) == _outputs(cold), f"round {round_number}, {step}"
            assert warm.exit_code == cold.exit_code
            reused += step == "edited" and isinstance(warm.model, ReportModel)
            for path, text in originals.items():
                path.write_bytes(text)
    return reused


def test_random_graph_edits_report_as_a_cold_check(generated: Path, tmp_path: Path) -> None:
    """Allocations, citations, deliveries, dependencies, flow ends, ends of work packages and
    ids changed at random (references to missing ids and provisions, ids renamed and written
    twice, a requirement moved to another file): edits every reading rule can check for the
    entity alone (allocations) or for what its links reach (citations, deliveries) reuse the
    last check and run those rules again there, the others are checked in full; the report is
    the cold one either way."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    reused = _graph_rounds(model, ParseCache(tmp_path / "cache"), rounds=10, seed=5)
    assert 0 < reused < 10


def test_random_graph_edits_of_the_example_report_as_a_cold_check(tmp_path: Path) -> None:
    """The same on the example, whose manifest waives findings and disables a rule."""
    model = tmp_path / "model"
    shutil.copytree(REPO / "model", model, ignore=shutil.ignore_patterns("eu", "*.md"))
    _graph_rounds(model, ParseCache(tmp_path / "cache"), rounds=6, seed=3)


@pytest.mark.parametrize(
    "allocation",
    [
        "[{second}, {first}]",  # the other order
        "[{first}, NO-SUCH-SYSTEM]",  # a reference to nothing: unknown-reference
        "[{first}, {first}]",  # written twice
        "[]",  # none: requirement-unallocated, and the coverage of what it traces
        "\n      - {first}\n      - {second}",  # a block list: the lines below move
    ],
)
def test_an_allocation_edit_runs_the_rules_for_the_requirement_alone(
    generated: Path, tmp_path: Path, allocation: str
) -> None:
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    before = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    edited = sorted(model.glob("*/requirements-*.yaml"))[0]
    text = edited.read_text()
    found = re.search(r"allocated_to: \[([^],]+)\]", text)
    assert found is not None
    first, second = found.group(1), "eu.ESP"
    written = allocation.format(first=first, second=second)
    edited.write_text(text.replace(found.group(0), f"allocated_to: {written}".rstrip(), 1))
    warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    cold = check_model(model, model.parent, today=TODAY)
    assert isinstance(warm.model, ReportModel)
    assert _outputs(warm) == _outputs(cold)
    if written in ("[]", f"[{first}, NO-SUCH-SYSTEM]"):
        assert _outputs(warm) != _outputs(before)
    edited.write_text(text)
    back = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert isinstance(back.model, ReportModel)
    assert _outputs(back) == _outputs(before)


def test_a_waiver_of_a_rule_run_again_on_the_entity_is_checked_in_full(
    generated: Path, tmp_path: Path
) -> None:
    """Whether a waiver is used may change when its rule finds something else about the
    entity it names: such an edit is checked in full; another requirement's is not."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    edited = sorted(model.glob("*/requirements-*.yaml"))[0]
    text = edited.read_text()
    allocations = list(re.finditer(r"  - id: (\S+)\n(?:    .*\n)*?    allocated_to: \[.*\]", text))
    waived, other = allocations[0], allocations[1]
    manifest = model / "archlex.yaml"
    manifest.write_text(
        manifest.read_text()
        + f"waivers:\n  - rule: requirement-unallocated\n    target: {waived.group(1)}\n"
        "    reason: accepted for the test\n"
    )
    cache = ParseCache(tmp_path / "cache")
    check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    for match, reused in ((other, True), (waived, False)):
        unallocated = re.sub(r"allocated_to: \[.*\]", "allocated_to: []", match.group(0))
        edited.write_text(text.replace(match.group(0), unallocated))
        warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
        assert isinstance(warm.model, ReportModel) is reused
        assert _outputs(warm) == _outputs(check_model(model, model.parent, today=TODAY))


def test_random_edits_of_the_example_report_as_a_cold_check(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(REPO / "model", model, ignore=shutil.ignore_patterns("eu", "*.md"))
    reused, _ = _compare(model, ParseCache(tmp_path / "cache"), rounds=6, seed=8)
    assert reused >= 1


def test_an_entity_edit_is_checked_in_full(generated: Path, tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    edited = sorted(model.glob("*/requirements-*.yaml"))[0]
    edited.write_text(edited.read_text() + "# only a comment\n")
    again = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert isinstance(again.model, ReportModel)
    text = edited.read_text()
    edited.write_text(text.replace('title: "', 'title: "Changed ', 1))  # prose: reused
    titled = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert isinstance(titled.model, ReportModel)
    assert _outputs(titled) == _outputs(check_model(model, model.parent, today=TODAY))
    priority = re.search(r"priority: (\w+)", edited.read_text())
    assert priority is not None
    other = "should" if priority.group(1) == "must" else "must"
    edited.write_text(edited.read_text().replace(priority.group(0), f"priority: {other}", 1))
    # No rule and no coverage reads a priority (archlex.check.reads): reused.
    prioritised = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert isinstance(prioritised.model, ReportModel)
    assert _outputs(prioritised) == _outputs(check_model(model, model.parent, today=TODAY))
    allocated = re.search(r"allocated_to: \[([^],]+)", edited.read_text())
    assert allocated is not None
    edited.write_text(edited.read_text().replace(allocated.group(0), "allocated_to: [", 1))
    # Read by rules that check the edited requirement alone, and by the coverage from what
    # the last check kept (archlex.check.reach): reused, those rules run for it again.
    allocation = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert isinstance(allocation.model, ReportModel)
    assert _outputs(allocation) == _outputs(check_model(model, model.parent, today=TODAY))
    cited = re.search(r"satisfies: \[[^]]+\]", edited.read_text())
    assert cited is not None
    edited.write_text(edited.read_text().replace(cited.group(0), "satisfies: []", 1))
    # What it traces: the rules reading it run again over the obligations it traced
    # (archlex.check.neighbours), the coverage of those worked out again: reused.
    changed = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert isinstance(changed.model, ReportModel)
    assert _outputs(changed) == _outputs(check_model(model, model.parent, today=TODAY))
    renamed = re.search(r"- id: (\S+)", edited.read_text())
    assert renamed is not None
    edited.write_text(edited.read_text().replace(renamed.group(0), renamed.group(0) + "-x", 1))
    full = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert not isinstance(full.model, ReportModel)  # an id: every reference to it
    assert full.model.requirements  # the whole model, loaded and checked
    assert _outputs(full) == _outputs(check_model(model, model.parent, today=TODAY))
    edited.write_text(edited.read_text().replace('title: "', "title: [a list] # ", 1))
    invalid = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert not isinstance(invalid.model, ReportModel)  # a title that is no text: a finding
    assert _outputs(invalid) == _outputs(check_model(model, model.parent, today=TODAY))


@pytest.mark.parametrize("status", ["proposed", "verified"])
def test_a_status_edit_changes_only_the_coverage(tmp_path: Path, status: str) -> None:
    """No rule reads a requirement's status, the coverage does: the findings are kept and the
    coverage worked out again (archlex.check.statuses), as a cold check works it out."""
    model = tmp_path / "model"
    shutil.copytree(REPO / "model", model, ignore=shutil.ignore_patterns("eu", "*.md"))
    cache = ParseCache(tmp_path / "cache")
    before = check_model(model, tmp_path, today=TODAY, cache=cache, incremental=True)
    edited = model / "requirements" / "data-quality-statistics.yaml"
    original = edited.read_text()
    edited.write_text(re.sub(r"status: \w+", f"status: {status}", original))
    warm = check_model(model, tmp_path, today=TODAY, cache=cache, incremental=True)
    cold = check_model(model, tmp_path, today=TODAY)
    assert isinstance(warm.model, ReportModel)
    assert warm.coverage != before.coverage  # the edit changed some obligation's state
    assert _outputs(warm) == _outputs(cold)
    edited.write_text(original)
    back = check_model(model, tmp_path, today=TODAY, cache=cache, incremental=True)
    assert isinstance(back.model, ReportModel)
    assert _outputs(back) == _outputs(before)


def test_an_unknown_status_is_checked_in_full(generated: Path, tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    edited = sorted(model.glob("*/requirements-*.yaml"))[0]
    edited.write_text(re.sub(r"status: \w+", "status: done", edited.read_text(), count=1))
    warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert not isinstance(warm.model, ReportModel)
    assert any(f.rule == "schema" for f in warm.findings)
    assert _outputs(warm) == _outputs(check_model(model, model.parent, today=TODAY))


def test_an_added_file_or_an_edited_manifest_is_checked_in_full(
    generated: Path, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    first = sorted(model.glob("*/requirements-*.yaml"))[0]
    shutil.copy(first, first.with_name("requirements-copy.yaml"))  # duplicate ids, too
    added = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert not isinstance(added.model, ReportModel)
    assert _outputs(added) == _outputs(check_model(model, model.parent, today=TODAY))
    manifest = model / "archlex.yaml"
    manifest.write_text(manifest.read_text() + "# a comment\n")
    again = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert not isinstance(again.model, ReportModel)


REQUIREMENTS = """\
requirements:
  - id: REQ-1
    title: Log every query
    priority: null
    allocated_to: []
    text: |
      Every query to the ESP is logged
      with its purpose.
  - id: REQ-2
    title: {title}
    priority:
    satisfies: []
"""


@pytest.mark.parametrize("title", ["Keep the logs", '"Keep the logs"', "'Keep the logs'"])
def test_null_empty_and_block_values_move_as_a_cold_check(tmp_path: Path, title: str) -> None:
    from tests.check.models import OWN

    model = tmp_path / "model"
    model.mkdir()
    (model / "archlex.yaml").write_text(OWN)
    requirements = model / "requirements.yaml"
    requirements.write_text(REQUIREMENTS.format(title="Keep the logs"))
    cache = ParseCache(tmp_path / "cache")
    check_model(model, tmp_path, today=TODAY, cache=cache, incremental=True)
    edited = "# moved down\n\n" + REQUIREMENTS.format(title=title).replace("  - id", "\n  - id")
    requirements.write_text(edited)
    warm = check_model(model, tmp_path, today=TODAY, cache=cache, incremental=True)
    cold = check_model(model, tmp_path, today=TODAY)
    assert isinstance(warm.model, ReportModel)
    assert [f for f in cold.findings if f.file == "requirements.yaml"]
    assert _outputs(warm) == _outputs(cold)


def test_a_deleted_concept_file_is_checked_in_full(tmp_path: Path) -> None:
    """The files the concept document names are not read by the load; a rule reports those
    missing, so the last check is not reused once one is gone."""
    model = tmp_path / "model"
    shutil.copytree(REPO / "model", model, ignore=shutil.ignore_patterns("eu"))
    cache = ParseCache(tmp_path / "cache")
    check_model(model, tmp_path, today=TODAY, cache=cache, incremental=True)
    sorted((model / "concept").glob("*.md"))[0].unlink()
    processes = model / "processes.yaml"
    processes.write_text("# a comment\n" + processes.read_text())
    warm = check_model(model, tmp_path, today=TODAY, cache=cache, incremental=True)
    cold = check_model(model, tmp_path, today=TODAY)
    assert not isinstance(warm.model, ReportModel)
    assert any("no such file" in f.message for f in cold.findings)
    assert _outputs(warm) == _outputs(cold)
