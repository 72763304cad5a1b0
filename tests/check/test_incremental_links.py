"""The incremental check after edits of fields rules read across entities
(archlex.check.neighbours): what a requirement satisfies and what a work package delivers, each
edit compared with a cold check in every format, and undone (compared again)."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.check.incremental import ReportModel
from archlex.load.cache import ParseCache
from archlex.outcome import Report
from tests.check.edits import _items, _outputs
from tests.check.models import TODAY
from tests.check.test_reads import EXAMPLE


def _reused_as_cold(model: Path, cache: ParseCache) -> Report:
    """The incremental check, which must reuse the last check and equal a cold one."""
    warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    assert isinstance(warm.model, ReportModel)
    assert _outputs(warm) == _outputs(check_model(model, model.parent, today=TODAY))
    return warm


@pytest.mark.parametrize(
    "citations",
    [
        "[]",  # none: the obligations it alone traced become untraced
        "[{untraced}]",  # another provision: an untraced obligation traced, the old ones not
        '[{cited}, {cited}, "2019/817 Art 99(1)"]',  # twice, and a provision that is not
        "\n      - {untraced}\n      - {cited}",  # a block list: the lines below move
    ],
)
def test_a_citation_edit_runs_the_rules_for_what_it_traces(
    generated: Path, tmp_path: Path, citations: str
) -> None:
    """What a requirement satisfies: the rules reading it run again over the obligations its
    old and new citations trace (archlex.check.neighbours), the coverage of those worked out
    again; the report is the cold one."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    before = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    untraced = next(f for f in before.findings if f.rule == "obligation-untraced")
    provision = re.search(r"` \((.+)\) is traced by no requirement", untraced.message)
    assert provision is not None
    edited = sorted(model.glob("*/requirements-*.yaml"))[0]
    text = edited.read_text()
    found = re.search(r"satisfies: \[([^]]+)\]", text)
    assert found is not None
    written = citations.format(cited=_items(found.group(1))[0], untraced=f'"{provision.group(1)}"')
    edited.write_text(text.replace(found.group(0), f"satisfies: {written}", 1))
    warm = _reused_as_cold(model, cache)
    if "{untraced}" in citations:
        assert untraced not in warm.findings  # the edit changed the report
    edited.write_text(text)
    back = _reused_as_cold(model, cache)
    assert _outputs(back) == _outputs(before)


@pytest.mark.parametrize(
    "deliveries",
    [
        "[]",  # none: what it delivered unscheduled
        "[{first}, {first}, NO-SUCH-REQUIREMENT]",  # twice, and a reference to nothing
        "[{first}, {other}]",  # a requirement of another package
    ],
)
def test_a_delivery_edit_runs_the_rules_for_what_it_delivers(
    generated: Path, tmp_path: Path, deliveries: str
) -> None:
    """What a work package delivers: the rules reading it run again over the requirements it
    delivered and delivers and the obligations those trace, the coverage of those obligations
    worked out again; the report is the cold one."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    before = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    edited = sorted(model.glob("*/roadmap.yaml"))[0]
    text = edited.read_text()
    lists = re.findall(r"delivers: \[([^]]+)\]", text)
    assert len(lists) > 1
    first, other = _items(lists[0])[0], _items(lists[1])[0]
    written = deliveries.format(first=first, other=other)
    edited.write_text(text.replace(f"delivers: [{lists[0]}]", f"delivers: {written}", 1))
    warm = _reused_as_cold(model, cache)
    if deliveries == "[]":
        assert _outputs(warm) != _outputs(before)  # unscheduled now
        assert warm.coverage != before.coverage
    edited.write_text(text)
    back = _reused_as_cold(model, cache)
    assert _outputs(back) == _outputs(before)


def test_edits_one_after_another_report_as_a_cold_check(generated: Path, tmp_path: Path) -> None:
    """Citations, deliveries, allocations and statuses edited round after round, never undone:
    each check starts from the last one's kept links and facts (stand-ins from files edited
    since, or not), and reports as a cold check."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    rng = random.Random(11)
    files = sorted(p for p in model.rglob("*.yaml") if p.name != "archlex.yaml")
    chosen = [f for f in files if "requirements" in f.name or "roadmap" in f.name]
    reused = 0
    for round_number in range(8):
        path = rng.choice(chosen)
        text = path.read_text(encoding="utf-8")
        key = rng.choice(("satisfies", "delivers", "allocated_to", "status"))
        lists = list(re.finditer(rf"{key}: (\[[^]\n]*\]|\w+)", text))
        if not lists:
            continue
        found = rng.choice(lists)
        value = found.group(1)
        if key == "status":
            value = rng.choice(("proposed", "implemented", "verified", "agreed"))
        else:
            pool = sorted({i for m in lists for i in _items(m.group(1))})
            items = _items(value)
            value = "[" + ", ".join(rng.sample(pool, min(len(pool), len(items) or 1))) + "]"
        path.write_text(text[: found.start()] + f"{key}: {value}" + text[found.end() :], "utf-8")
        warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
        cold = check_model(model, model.parent, today=TODAY)
        assert _outputs(warm) == _outputs(cold), f"round {round_number}: {key}"
        reused += isinstance(warm.model, ReportModel)
    assert reused >= 4


def _flow_ends(model: Path) -> tuple[list[Path], list[str]]:
    """The flow files of a generated model, and every id written at a flow's end."""
    files = sorted(model.glob("*/flows-*.yaml"))
    ends = {
        m.group(1) for p in files for m in re.finditer(r"(?:from|to|via): (\S+)", p.read_text())
    }
    return files, sorted(ends)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("to", "eu.ESP"),  # to an interoperability component: logging and legal basis asked
        ("to", "eu.SIS"),  # to a central system
        ("from", "{other}"),  # from another system of the model (or a component of one)
        ("from", "eu.CIR"),  # from a central system
        ("to", "NO-SUCH-SYSTEM"),  # an unknown id: unknown-reference, with its hint
        ("via", "eu.ESP"),  # a `via` written anew or changed: through a component
    ],
)
def test_a_flow_end_edit_runs_the_rules_for_what_it_reaches(
    generated: Path, tmp_path: Path, key: str, value: str
) -> None:
    """A flow's ends: the flow rules run again over the flow and the systems at its old and
    new ends (archlex.check.flow_links); orphan-system over those systems; the report is the
    cold one, and the edit undone gives the first report again."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    before = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    files, ends = _flow_ends(model)
    changed = 0
    for edited in files:
        text = edited.read_text()
        found = re.search(rf"\n    {key}: (\S+)", text)
        if found is None:
            found = re.search(r"\n    to: (\S+)", text)
            assert found is not None
            key_now, at = key, found.end()
            written = text[:at] + f"\n    {key_now}: {value.format(other=ends[0])}" + text[at:]
        else:
            other = next(e for e in ends if e != found.group(1) and "." in e)
            written = text.replace(found.group(0), f"\n    {key}: {value.format(other=other)}", 1)
        edited.write_text(written)
        warm = _reused_as_cold(model, cache)
        changed += _outputs(warm) != _outputs(before)
        edited.write_text(text)
        back = _reused_as_cold(model, cache)
        assert _outputs(back) == _outputs(before)
    assert changed or value == "{other}"  # some edit changed the report


def test_flow_end_edits_one_after_another_report_as_a_cold_check(
    generated: Path, tmp_path: Path
) -> None:
    """Flows' ends and citations edited round after round, never undone: each check starts
    from the last one's kept ends, and reports as a cold check."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    rng = random.Random(19)
    files, ends = _flow_ends(model)
    pool = [*ends, "NO-SUCH-SYSTEM"]
    reused = 0
    for round_number in range(16):
        path = rng.choice(files)
        text = path.read_text(encoding="utf-8")
        # a citation list whole (cut at a space, the line would be left broken)
        edited = r"\n    (from|to|via): (\S+)|\n    (legal_basis): (\[[^]\n]*\])"
        found = rng.choice(list(re.finditer(edited, text)))
        key = found.group(1) or found.group(3)
        value = rng.choice(pool) if key != "legal_basis" else "[]"
        path.write_text(
            text[: found.start()] + f"\n    {key}: {value}" + text[found.end() :],
            "utf-8",
        )
        warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
        cold = check_model(model, model.parent, today=TODAY)
        assert _outputs(warm) == _outputs(cold), f"round {round_number}: {found.group(0)}"
        reused += isinstance(warm.model, ReportModel)
    assert reused >= 12


def test_a_flow_end_edit_in_a_model_with_views_is_checked_in_full(tmp_path: Path) -> None:
    """The example names views, whose selection follows every flow: an edit of a flow's ends
    there is checked in full (archlex.check.flow_links), and reports as a cold check."""
    model = tmp_path / "model"
    shutil.copytree(EXAMPLE.parent, model)
    manifest = model / EXAMPLE.name
    cache = ParseCache(tmp_path / "cache")
    check_model(manifest, model, today=TODAY, cache=cache, incremental=True)
    edited = model / "flows" / "border.yaml"
    text = edited.read_text()
    found = re.search(r"\n    to: (\S+)", text)
    assert found is not None
    edited.write_text(text.replace(found.group(0), "\n    to: eu.CIR", 1))
    warm = check_model(manifest, model, today=TODAY, cache=cache, incremental=True)
    assert not isinstance(warm.model, ReportModel)
    assert _outputs(warm) == _outputs(check_model(manifest, model, today=TODAY))
    edited.write_text(text.replace(found.group(0), "\n    # a comment\n    to: eu.CIR", 1))
    again = check_model(manifest, model, today=TODAY, cache=cache, incremental=True)
    assert isinstance(again.model, ReportModel)  # the last check was kept: a comment since


@pytest.mark.parametrize(
    ("pattern", "written"),
    [
        (r"legal_basis: \[[^]\n]*\]", "legal_basis: []"),  # no citation: findings appear
        (r"logging: \{[^}\n]*\}", "# no logging"),  # no logging
        (r"data: \[[^]\n]*\]", "data: []"),  # no data: findings go
        (r"data: \[[^]\n]*\]", "data: [{special}, NO-SUCH-DATA]"),  # special data, unknown id
    ],
)
def test_an_edit_of_what_the_flow_rules_read_of_a_flow_runs_them_for_it(
    generated: Path, tmp_path: Path, pattern: str, written: str
) -> None:
    """A flow's data, citations and logging: the flow rules run again over the flow and the
    systems at its ends, as for its ends (archlex.check.flow_links); each edit and its undo
    report as a cold check."""
    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = ParseCache(tmp_path / "cache")
    before = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    special = re.search(r"- id: (\S+fingerprints)", (model / "AT" / "data.yaml").read_text())
    assert special is not None
    changed = 0
    for edited in sorted(model.glob("*/flows-eu.yaml")):
        text = edited.read_text()
        found = re.search(pattern, text)
        assert found is not None
        now = written.format(special=special.group(1))
        edited.write_text(text[: found.start()] + now + text[found.end() :])
        warm = _reused_as_cold(model, cache)
        changed += _outputs(warm) != _outputs(before)
        edited.write_text(text)
        assert _outputs(_reused_as_cold(model, cache)) == _outputs(before)
    assert changed or written == "data: []"  # the first flows cite their basis: no finding
