"""The fast reader (rapidyaml) against the reference reader (libyaml): the same data, the same
positions, the same models and findings; and whatever it cannot read exactly, it refuses."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archlex.check.run import run_checks
from archlex.findings import sort_findings
from archlex.load import fast_positions, fast_reader
from archlex.load.positions import SourceNode
from archlex.load.project import load_project
from archlex.load.yaml_reader import parse_yaml
from tests.conftest import EXAMPLE

MODELS = Path(__file__).parent.parent / "models"
TODAY = dt.date(2026, 1, 1)

pytestmark = pytest.mark.skipif(not fast_reader.available(), reason="rapidyaml not installed")


def _model_folders() -> list[Path]:
    return [EXAMPLE, *sorted(p.parent for p in MODELS.rglob("archlex.yaml"))]


def _outcome(folder: Path, fast: bool) -> tuple[list[dict[str, Any]], list[Any], list[Any]]:
    """Findings of validate and check, every entity, and where each entity is written."""
    project = load_project(folder, folder, None, fast)
    findings, coverage = run_checks(project, TODAY, set())
    report = [f.to_json() for f in sort_findings([*project.findings, *findings])]
    entities = [(kind, e.model_dump(mode="json")) for kind, e in project.model.entities()]
    places = [
        (entity.id, located.file, located.at(), located.key_at())
        for entity, located in project.sources.placed
    ]
    return report, entities, [*places, coverage]


@pytest.mark.parametrize("folder", _model_folders(), ids=lambda p: p.name)
def test_both_readers_give_the_same_model_findings_and_positions(folder: Path) -> None:
    assert _outcome(folder, fast=True) == _outcome(folder, fast=False)


def _positions(node: SourceNode, path: tuple[str | int, ...] = ()) -> list[Any]:
    """Every position of a reference tree, by path."""
    found = [(path, node.line, node.column, node.key_line, node.key_column)]
    children = node.children
    items = children.items() if isinstance(children, dict) else enumerate(children or [])
    for step, child in items:
        found += _positions(child, (*path, step))
    return found


def _fast_positions(raw: bytes, reference: SourceNode) -> list[Any]:
    body = fast_reader.model_bytes(raw)
    assert body is not None
    root = fast_positions.RymlPositions(body, lambda: reference).root()
    found = []
    for path, *_ in _positions(reference):
        node = root.find(path)[0]
        found.append((path, node.line, node.column, node.key_line, node.key_column))
    return found


def _assert_same_as_reference(raw: bytes) -> None:
    """If the fast reader takes the file, it reads what the reference reads, at its places."""
    data = fast_reader.read_fast(raw)
    if data is None:
        return
    document = parse_yaml(raw)
    assert not document.problems
    assert data == document.data
    assert _fast_positions(raw, document.source) == _positions(document.source)


@pytest.mark.parametrize(
    "file",
    sorted({*EXAMPLE.rglob("*.yaml"), *MODELS.rglob("*.yaml")}),
    ids=lambda p: p.name,
)
def test_every_file_of_the_test_models_reads_alike(file: Path) -> None:
    _assert_same_as_reference(file.read_bytes())


def test_the_example_is_read_by_the_fast_reader() -> None:
    files = [p for p in EXAMPLE.rglob("*.yaml") if p.name != "archlex.yaml"]
    taken = [p for p in files if fast_reader.read_fast(p.read_bytes()) is not None]
    assert len(taken) >= len(files) // 2  # otherwise the fast path would test nothing


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # repeated key
        "a: &x 1\nb: *x\n",  # anchor and alias
        "base: {a: 1}\nb:\n  <<: {a: 2}\n",  # merge key
        "a: !!str 1\n",  # tag
        "a: ~\n",  # plain null that JSON would keep as text
        "a: NULL\n",
        "a: '~'\n",  # the same text quoted: JSON cannot tell them apart
        "a: [true, false]\n",  # booleans in a flow collection
        "a: 1\n---\nb: 2\n",  # two documents
        "%YAML 1.1\n---\na: 1\n",
        "? a\n: b\n",  # complex key
        "a:\tb\n",
        "a: b\r\n",
        'a: "\\x41"\n',  # an escape beyond JSON's
        'a: "\\ud83d\\ude00"\n',  # surrogates
        "a: .inf\nb: [1, +2]\n",
        "- a\n",  # not a mapping
        "",
        "# only a comment\n",
        "a: [b\n",  # not YAML at all
        "a: b: c\n",
    ],
)
def test_what_the_fast_reader_cannot_read_exactly_is_refused(text: str) -> None:
    assert fast_reader.read_fast(text.encode()) is None


def test_booleans_and_numbers_stay_the_text_typed() -> None:
    raw = b"a: true\nb: false\nc: 1.10\nd: 0755\ne: NO\nf: '-'\ng: 12\nh:\ni: null\n"
    assert fast_reader.read_fast(raw) == parse_yaml(raw).data
    assert fast_reader.read_fast(raw) == {
        "a": "true",
        "b": "false",
        "c": "1.10",
        "d": "0755",
        "e": "NO",
        "f": "-",
        "g": "12",
        "h": None,
        "i": None,
    }


def test_refused_files_and_errors_print_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    assert fast_reader.read_fast(b"a: [b\n") is None
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


_WORDS = st.sampled_from(
    ["id", "name", "x", "NO", "yes", "1.10", "0755", "true", "null", "a b", "é", "Ω", "-1", "1e3"]
)
_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x85\u2028\u2029\ufeff"),
    max_size=12,
)


def _scalar(value: str, style: int) -> str:
    if style == 0 and value and value == value.strip() and value.isalnum():
        return value
    if style == 1:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=style == 2)


def _yaml(value: Any, indent: int, style: int) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return " {}\n"
        if style == 3:
            inner = ", ".join(f"{k}: {_scalar(str(v), 2)}" for k, v in value.items())
            return " {" + inner + "}\n"
        lines = [f"{pad}{k}:{_yaml(v, indent + 2, style)}" for k, v in value.items()]
        return "\n" + "".join(lines)
    if isinstance(value, list):
        if not value:
            return " []\n"
        if style == 3:
            return " [" + ", ".join(_scalar(str(v), 2) for v in value) + "]\n"
        return "\n" + "".join(f"{pad}-{_yaml(v, indent + 2, style)}" for v in value)
    return " " + _scalar(value, style) + "\n"


_VALUES = st.recursive(
    st.one_of(_WORDS, _TEXT),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_WORDS, inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(
    max_examples=int(os.environ.get("ARCHLEX_FAST_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.dictionaries(_WORDS, _VALUES, min_size=1, max_size=4), st.integers(0, 3))
def test_generated_yaml_reads_alike(data: dict[str, Any], style: int) -> None:
    text = "".join(f"{key}:{_yaml(value, 2, style)}" for key, value in data.items())
    _assert_same_as_reference(text.encode("utf-8"))


_EXAMPLE_FILES = sorted(EXAMPLE.rglob("*.yaml"))
_NOISE = st.one_of(
    st.binary(max_size=20),
    st.lists(st.sampled_from([b" ", b"\n", b"- ", b": ", b"#", b'"', b"'", b"[", b"]", b"{"])).map(
        b"".join
    ),
)


@settings(max_examples=int(os.environ.get("ARCHLEX_FAST_EXAMPLES", "300")), deadline=None)
@given(st.sampled_from(_EXAMPLE_FILES), _NOISE, st.integers(0, 10**6))
def test_mutated_example_files_read_alike(file: Path, noise: bytes, where: int) -> None:
    raw = file.read_bytes()
    where %= len(raw)
    _assert_same_as_reference(raw[:where] + noise + raw[where:])


def test_without_rapidyaml_the_reference_reader_gives_the_same_report(tmp_path: Path) -> None:
    """rapidyaml is optional at run time: without it every file goes through libyaml."""
    script = (
        "import sys; sys.modules['ryml'] = None\n"  # makes `import ryml` fail
        "from archlex.load import fast_reader; assert not fast_reader.available()\n"
        "from archlex.cli.commands import main; main()\n"
    )
    reports = []
    for blocked in (True, False):
        command = [sys.executable, "-c", script] if blocked else [sys.executable, "-m", "archlex"]
        result = subprocess.run(
            [
                *command,
                "check",
                str(EXAMPLE),
                "--no-cache",
                "--format",
                "json",
                "--as-of",
                "2026-01-01",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
        assert result.stderr == ""
        reports.append(json.loads(result.stdout))
    assert reports[0] == reports[1]
    assert reports[0]["findings"]
