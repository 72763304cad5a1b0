"""Fuzzing the loader and the checks with mutated copies of the worked example.

Mutations: delete, duplicate, retype and rename keys and values; cut a file at a random byte;
splice junk in; repeat or indent a line. Every mutated model must end in exit code 0, 1 or 2
(an `ArchlexError` is exit code 2; any other exception is a traceback, a failure), with each
finding and each error pointing at a file that exists and a line that exists in it.

Each case runs in-process through `check_model` with an in-memory parse cache, as the CLI
runs with its disk cache: the unchanged files and the bundled library are not parsed again,
so a case costs a few hundredths of a second. CI runs a short session; `make fuzz` a long one
(see tests/hostile/README.md for the command that runs it in parallel chunks).
"""

from __future__ import annotations

import atexit
import copy
import functools
import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archlex.api import Report, check_model
from archlex.errors import ArchlexError
from archlex.formats import format_names, write_report
from archlex.load.cache import FileOutcome, ParseCache
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


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class MemoryCache(ParseCache):
    """The parse cache, kept in memory. Entries are shared, not copied: the loader copies an
    outcome's lists into its own and entities are frozen, so no case changes the next one's
    (test_memory_cache_is_not_changed_by_a_run checks it)."""

    def __init__(self) -> None:
        super().__init__(Path("/nonexistent"))
        self.entries: dict[str, FileOutcome] = {}

    def get(self, key: str) -> FileOutcome | None:
        return self.entries.get(key)

    def put(self, key: str, outcome: FileOutcome) -> None:
        if len(self.entries) < 500:  # the unchanged files; mutated ones rarely come back
            self.entries[key] = outcome


CACHE = MemoryCache()


@functools.lru_cache(maxsize=64)
def _parsed(text: bytes) -> Any:
    """The data of a source file, parsed once (callers get a deep copy)."""
    return yaml.load(text, Loader=_LOADER)


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
        data = copy.deepcopy(_parsed(text))
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
        container.insert(key, copy.deepcopy(container[key]))
    elif action == "duplicate" and isinstance(container, dict):
        container[draw(st.sampled_from([*keys, "id", "name"]) | HOSTILE_TEXT)] = copy.deepcopy(
            container[key]
        )
    elif action == "rename" and isinstance(container, dict):
        container[draw(HOSTILE_TEXT)] = container.pop(key)
    else:
        container[key] = draw(VALUES)
    dumped: str = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return dumped.encode("utf-8")


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


def _assert_clean(root: Path, report: Report, report_format: str) -> None:
    assert report.exit_code in (0, 1, 2)
    for finding in report.findings:
        path = _file_on_disk(root, finding.file)
        assert path.is_file(), finding
        lines = path.read_bytes().count(b"\n") + 1
        assert 1 <= finding.line <= lines, finding
        assert finding.column >= 1, finding
        assert finding.message, finding
    # Every format can write every report (one per case: all of them cost a third of a case).
    write_report(report, report_format, io.StringIO(), report_format == "text")


def _assert_clean_error(root: Path, error: ArchlexError) -> None:
    """Exit code 2: a clear message, and the place it names exists."""
    assert error.message
    if error.file is not None:
        path = _file_on_disk(root, error.file)
        assert path.is_file(), error.message
        assert error.line is not None, error.message
        assert 1 <= error.line <= path.read_bytes().count(b"\n") + 1, error.message
        assert f"{error.file}:{error.line}:" in error.message


@functools.lru_cache(maxsize=1)
def _workspace() -> Path:
    """One copy of the example per process; each case rewrites only the files it mutated
    and puts them back after (writing every file for every case cost a third of a case)."""
    root = Path(tempfile.mkdtemp(prefix="archlex-fuzz-"))
    atexit.register(shutil.rmtree, root, True)
    for name, text in SOURCES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text)
    return root


def _check(files: dict[str, bytes], report_format: str) -> None:
    root = _workspace()
    changed = [name for name, text in files.items() if text != SOURCES[name]]
    try:
        for name in changed:
            (root / name).write_bytes(files[name])
        try:
            report = check_model(root, root, cache=CACHE)
        except ArchlexError as error:
            _assert_clean_error(root, error)
            return
        _assert_clean(root, report, report_format)
    finally:
        for name in changed:
            (root / name).write_bytes(SOURCES[name])


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_model(), st.sampled_from(format_names()))
def test_mutated_example_never_crashes(files: dict[str, bytes], report_format: str) -> None:
    _check(files, report_format)


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_model(), st.sampled_from(format_names()))
def test_mutated_example_never_crashes_at_length(
    files: dict[str, bytes], report_format: str
) -> None:
    _check(files, report_format)
    _count_case()


_CASES = [0]


def _count_case() -> None:
    """Every 500 cases, write how many passed to $ARCHLEX_FUZZ_PROGRESS (a long run can be
    stopped and still say how far it got)."""
    _CASES[0] += 1
    progress = os.environ.get("ARCHLEX_FUZZ_PROGRESS")
    if progress and _CASES[0] % 500 == 0:
        Path(progress).write_text(f"{_CASES[0]} cases passed\n", encoding="utf-8")


def test_memory_cache_is_not_changed_by_a_run() -> None:
    """The shared cache entries give the same report before and after mutated runs."""
    files = dict(SOURCES)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(text)
        fresh = check_model(root, root).findings
        check_model(root, root, cache=CACHE)
        assert check_model(root, root, cache=CACHE).findings == fresh
