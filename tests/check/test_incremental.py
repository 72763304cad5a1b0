"""The incremental check (archlex.check.incremental): after random edits of a generated model
and of the worked example (comments and blank lines anywhere, re-indented and re-quoted values,
keys in another order, changed prose, a changed value of every kind of field (ids,
references, statuses, dates, priorities, lists), broken YAML, several files at once, files
added and removed, waivers and other edits of the manifest), the report it gives is
byte-identical, in every format, to checking the edited model from scratch; and it really
answers from the last check when the edits cannot change the findings."""

from __future__ import annotations

import io
import random
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.check.incremental import ReportModel
from archlex.formats import write_report
from archlex.load.cache import ParseCache
from archlex.outcome import Report
from tests.check.models import TODAY

REPO = Path(__file__).resolve().parents[2]
FORMATS = ("text", "json", "sarif", "junit", "github")
Edit = Callable[[random.Random, list[str]], list[str]]


def _comment(rng: random.Random, lines: list[str]) -> list[str]:
    at = rng.randrange(len(lines) + 1)
    return [*lines[:at], " " * rng.randrange(6) + "# a comment", *lines[at:]]


def _blank(rng: random.Random, lines: list[str]) -> list[str]:
    at = rng.randrange(len(lines) + 1)
    return [*lines[:at], "", *lines[at:]]


def _trailing_comment(rng: random.Random, lines: list[str]) -> list[str]:
    """`key: value  # note` on a line with a plain scalar (the value stays the same)."""
    plain = [i for i, line in enumerate(lines) if re.fullmatch(r"\s*(- )?[\w-]+: [\w.-]+", line)]
    if not plain:
        return lines
    at = rng.choice(plain)
    return [*lines[:at], lines[at] + "  # note", *lines[at + 1 :]]


def _quoted(rng: random.Random, lines: list[str]) -> list[str]:
    """A plain `id: X` written `id: "X"`: the same value, one column further on."""
    ids = [i for i, line in enumerate(lines) if re.fullmatch(r"\s*(- )?id: [\w.-]+", line)]
    if not ids:
        return lines
    at = rng.choice(ids)
    key, _, value = lines[at].partition("id: ")
    return [*lines[:at], f'{key}id: "{value}"', *lines[at + 1 :]]


def _swapped(rng: random.Random, lines: list[str]) -> list[str]:
    """Two neighbouring one-line keys of a mapping (not its first) in the other order."""
    pairs = [
        i
        for i in range(1, len(lines) - 1)
        if re.fullmatch(r"    [a-z_]+: \S.*", lines[i])
        and re.fullmatch(r"    [a-z_]+: \S.*", lines[i + 1])
    ]
    if not pairs:
        return lines
    at = rng.choice(pairs)
    return [*lines[:at], lines[at + 1], lines[at], *lines[at + 2 :]]


def _changed_value(rng: random.Random, lines: list[str]) -> list[str]:
    texts = [i for i, line in enumerate(lines) if re.match(r"\s*(title|name|description): ", line)]
    if not texts:
        return lines
    at = rng.choice(texts)
    return [*lines[:at], lines[at].rstrip() + " edited", *lines[at + 1 :]]


def _removed_line(rng: random.Random, lines: list[str]) -> list[str]:
    at = rng.randrange(len(lines)) if lines else 0
    return [*lines[:at], *lines[at + 1 :]]


FIELD = re.compile(r"(\s*(?:- )?)([a-z_]+): (\S.*)")


def _other_value(rng: random.Random, lines: list[str]) -> list[str]:
    """One field's value (an id, a reference, a status, a date, a priority, a list, a number)
    changed: to one written for the same key elsewhere in the file (a valid enum value, an
    existing id: a duplicate), or altered (an unknown id, a year later, a list shortened,
    grown or emptied)."""
    fields = [(i, m) for i, line in enumerate(lines) if (m := FIELD.fullmatch(line))]
    fields = [(i, m) for i, m in fields if m.group(2) not in ("title", "text", "description")]
    if not fields:
        return lines
    at, match = rng.choice(fields)
    lead, key, value = match.groups()
    others = sorted({m.group(3) for _, m in fields if m.group(2) == key} - {value})
    value = rng.choice(others) if others and rng.random() < 0.5 else _altered(rng, value)
    return [*lines[:at], f"{lead}{key}: {value}", *lines[at + 1 :]]


def _altered(rng: random.Random, value: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return f"{int(value[:4]) + rng.choice((-1, 1))}{value[4:]}"
    if value.startswith("[") and value.endswith("]"):
        items = [i.strip() for i in value[1:-1].split(",") if i.strip()]
        choice = rng.randrange(3)
        items = items[:-1] if choice == 0 else items + items[:1] if choice == 1 else []
        return "[" + ", ".join(items) + "]"
    if value in ("true", "false"):
        return "false" if value == "true" else "true"
    return value.strip('"') + rng.choice(("-x", "0", ""))


# The fields the graph and the reference pass read, a work package's end, and the id itself.
GRAPH_KEYS = frozenset(
    {"allocated_to", "satisfies", "delivers", "depends_on", "from", "to", "via", "after"}
    | {"data", "steps", "id", "end"}
)


def _graph_value(rng: random.Random, lines: list[str]) -> list[str]:
    """One field the graph or the reference pass reads changed: an allocation, what a
    requirement satisfies, what a work package delivers or depends on, a flow's ends, an id.
    A list in the other order, with an item more (one named elsewhere in the file, or the same
    again, or an id or a provision that does not exist), fewer, or emptied; a value named for
    the same key elsewhere (an id: a duplicate) or renamed (a reference to nothing)."""
    fields = [(i, m) for i, line in enumerate(lines) if (m := FIELD.fullmatch(line))]
    fields = [(i, m) for i, m in fields if m.group(2) in GRAPH_KEYS]
    if not fields:
        return lines
    at, match = rng.choice(fields)
    lead, key, value = match.groups()
    written = [m.group(3) for _, m in fields if m.group(2) == key]
    if value.startswith("[") and value.endswith("]"):
        pool = sorted({item for other in written for item in _items(other)})
        value = "[" + ", ".join(_other_items(rng, key, _items(value), pool)) + "]"
    elif key == "end":
        value = _altered(rng, value)  # a year earlier or later
    else:
        others = sorted(set(written) - {value})
        renamed = value.strip('"') + rng.choice(("-x", "2"))
        value = rng.choice(others) if others and rng.random() < 0.5 else renamed
    return [*lines[:at], f"{lead}{key}: {value}", *lines[at + 1 :]]


def _items(value: str) -> list[str]:
    return [i.strip() for i in value.strip("[]").split(",") if i.strip()]


def _other_items(rng: random.Random, key: str, items: list[str], pool: list[str]) -> list[str]:
    choice = rng.randrange(6)
    if choice == 0:
        return items[::-1]
    if choice == 1 and pool:
        return [*items, rng.choice(pool)]
    if choice == 2:
        return [*items, '"2019/817 Art 99(1)"' if key == "satisfies" else "NO-SUCH-ID"]
    if choice == 3:
        return items[1:]
    if choice == 4:
        return []
    return [*items, *items[:1]]  # the same item twice


def _moved_entity(rng: random.Random, files: list[Path]) -> None:
    """A requirement moved from one file to another (the same entities, elsewhere)."""
    sources = [f for f in files if "requirements" in f.name]
    if len(sources) < 2:
        return
    source, target = rng.sample(sources, 2)
    text = source.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=  - id: )", text)
    if len(blocks) < 3:
        return  # keep one requirement in the file
    moved = blocks.pop(rng.randrange(1, len(blocks)))
    source.write_text("".join(blocks), encoding="utf-8")
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n" + moved, "utf-8")


NEUTRAL: list[Edit] = [_comment, _blank, _trailing_comment, _quoted, _swapped]
EDITS: list[Edit] = [*NEUTRAL, _changed_value, _removed_line, *[_other_value] * 4]


def _outputs(report: Report) -> dict[str, str]:
    outputs: dict[str, str] = {}
    for name in FORMATS:
        buffer = io.StringIO()
        write_report(report, name, buffer, False)
        outputs[name] = buffer.getvalue()
    return outputs


def _edit(rng: random.Random, files: list[Path], edits: list[Edit]) -> None:
    for path in rng.sample(files, min(len(files), rng.choice((1, 1, 2)))):
        lines = path.read_text(encoding="utf-8").splitlines()
        for _ in range(rng.randrange(1, 4)):
            lines = rng.choice(edits)(rng, lines)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _files(model: Path) -> list[Path]:
    return sorted(p for p in model.rglob("*.yaml") if p.name != "archlex.yaml")


def _added_or_removed(rng: random.Random, model: Path) -> None:
    """A model file removed, or a copy of one added beside it (its ids renamed, or not)."""
    files = _files(model)
    chosen = rng.choice(files)
    if rng.random() < 0.5 and len(files) > 2:
        chosen.unlink()
        return
    text = chosen.read_text(encoding="utf-8")
    if rng.random() < 0.7:
        text = re.sub(r"\bid: (\S+)", r"id: \1-copy", text)
    chosen.with_name(f"copy-{rng.randrange(1000)}-{chosen.name}").write_text(text, "utf-8")


def _manifest_edited(rng: random.Random, model: Path, report: Report) -> None:
    """A waiver of one of the last findings added, or the waivers taken out, or a comment."""
    manifest = model / "archlex.yaml"
    text = manifest.read_text(encoding="utf-8")
    targeted = [f for f in report.findings if f.target is not None]
    if "\nwaivers:" in text and rng.random() < 0.3:
        text = text[: text.index("\nwaivers:")] + "\n"
    elif targeted and "\nwaivers:" not in text:
        finding = rng.choice(targeted)
        text += (
            f"waivers:\n  - rule: {finding.rule}\n    target: {finding.target}\n"
            "    reason: accepted for the test\n"
        )
    else:
        text += "# a comment\n"
    manifest.write_text(text, encoding="utf-8")


def _compare(model: Path, cache: ParseCache, rounds: int, seed: int) -> tuple[int, int]:
    """Edit at random round after round; each time the incremental report must equal the
    cold one. How many rounds reused the last check, and how many were neutral edits."""
    rng = random.Random(seed)
    cold = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    reused = neutral = 0
    for round_number in range(rounds):
        only_neutral = round_number % 2 == 0
        files = _files(model)
        # Mostly files with findings in them, so that the findings have to move.
        placed = sorted({model / f.file for f in cold.findings} & set(files))
        _edit(
            rng,
            placed if placed and rng.random() < 0.7 else files,
            NEUTRAL if only_neutral else EDITS,
        )
        if not only_neutral and rng.random() < 0.25:
            _added_or_removed(rng, model)
        if not only_neutral and rng.random() < 0.2:
            _manifest_edited(rng, model, cold)
        warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
        cold = check_model(model, model.parent, today=TODAY)
        assert _outputs(warm) == _outputs(cold), f"round {round_number}"
        assert warm.exit_code == cold.exit_code
        reused += isinstance(warm.model, ReportModel)
        neutral += only_neutral
    return reused, neutral


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated model of three states (benchmarks/generate.py)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    out = tmp_path_factory.mktemp("generated") / "model"
    generate.generate_model(out, 300, states=3, seed=7)
    return out


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
