"""Fuzzing the loader with mutated copies of the worked example: never a traceback.

Every mutated model must end in exit code 0, 1 or 2, with each finding pointing at a file
that exists and a line that exists in it. CI runs a short session; `make fuzz` a long one.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archlex.api import Report, validate_model
from archlex.errors import ArchlexError
from archlex.formats import format_names, write_report
from archlex.load.libraries import library_manifest
from tests.conftest import EXAMPLE

EXAMPLES = int(os.environ.get("ARCHLEX_FUZZ_EXAMPLES", "60"))
SOURCES = {
    p.relative_to(EXAMPLE).as_posix(): p.read_bytes()
    for p in sorted(EXAMPLE.rglob("*.yaml"))
    if not p.relative_to(EXAMPLE).as_posix().startswith("eu/")
}
NAMES = sorted(SOURCES)
HOSTILE_TEXT = st.sampled_from(
    [
        "NO",
        "yes",
        "0755",
        "2019-01-01",
        "~",
        "",
        "<script>alert(1)</script>",
        "=1+1",
        "2019/817 Art 999",
        "eu.ESPP",
        "a b",
        "\u202e",
        "x" * 300,
        "[",
        "{",
        "*alias",
        "&anchor",
        "!!python/object/apply:os.system",
        "- item",
        "key: value",
        "1e400",
        "-",
        "null",
    ]
)
SCALARS = st.one_of(
    HOSTILE_TEXT,
    st.text(max_size=20),
    st.integers(),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.text(max_size=8), SCALARS, max_size=3),
)


def _containers(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every mapping and list inside the data."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict | list):
        found.append(path)
        items = data.items() if isinstance(data, dict) else enumerate(data)
        for key, value in items:
            found += _containers(value, (*path, key))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@st.composite
def structural_mutation(draw: st.DrawFn, text: bytes) -> bytes:
    """Delete, duplicate, retype or rename one key or item, then write the YAML back."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    containers = _containers(data)
    if not containers:
        return text
    container = _at(data, draw(st.sampled_from(containers)))
    if not container:
        return text
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    key = draw(st.sampled_from(keys))
    action = draw(st.sampled_from(["delete", "duplicate", "retype", "rename"]))
    if action == "delete":
        del container[key]
    elif action == "duplicate" and isinstance(container, list):
        container.insert(key, container[key])
    elif action == "rename" and isinstance(container, dict):
        container[draw(HOSTILE_TEXT)] = container.pop(key)
    else:
        container[key] = draw(VALUES)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def textual_mutation(draw: st.DrawFn, text: bytes) -> bytes:
    """Cut the file at a random byte, splice in junk, or repeat a line (a repeated key)."""
    action = draw(st.sampled_from(["cut", "splice", "repeat-line", "indent"]))
    at = draw(st.integers(0, len(text)))
    if action == "cut":
        return text[:at]
    if action == "splice":
        junk = draw(st.binary(max_size=6) | HOSTILE_TEXT.map(lambda s: s.encode()))
        return text[:at] + junk + text[at:]
    lines = text.split(b"\n")
    index = draw(st.integers(0, len(lines) - 1))
    if action == "repeat-line":
        lines.insert(index, lines[index])
    else:
        lines[index] = b" " * draw(st.integers(1, 3)) + lines[index]
    return b"\n".join(lines)


@st.composite
def mutated_model(draw: st.DrawFn) -> dict[str, bytes]:
    """The example with one to three files mutated."""
    files = dict(SOURCES)
    for name in draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True)):
        mutate = draw(st.sampled_from([structural_mutation, textual_mutation]))
        files[name] = draw(mutate(files[name]))
    return files


def _file_on_disk(root: Path, display: str) -> Path:
    if display.startswith("["):
        library, _, rest = display[1:].partition("]/")
        manifest = library_manifest(library)
        assert manifest is not None, display
        return manifest.parent / rest
    return root / display


def _assert_clean(root: Path, report: Report) -> None:
    assert report.exit_code in (0, 1, 2)
    for finding in report.findings:
        path = _file_on_disk(root, finding.file)
        assert path.is_file(), finding
        lines = path.read_bytes().count(b"\n") + 1
        assert 1 <= finding.line <= lines, finding
        assert finding.column >= 1, finding
        assert finding.message, finding
    for name in format_names():  # every format can write every report
        for colour in (False, True):
            write_report(report, name, io.StringIO(), colour)


def _check(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(text)
        try:
            report = validate_model(root, root)
        except ArchlexError as error:  # exit code 2: a clear message, not a traceback
            assert error.message
            return
        _assert_clean(root, report)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_model())
def test_mutated_example_never_crashes(files: dict[str, bytes]) -> None:
    _check(files)


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_model())
def test_mutated_example_never_crashes_at_length(files: dict[str, bytes]) -> None:
    _check(files)
