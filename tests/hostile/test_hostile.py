"""The hostile-input suite: one case per folder under cases/, run through the real CLI.

Each case is `cases/NAME/model/` (the model, as committed) and `cases/NAME/expected.yaml`:
what the case is about, the command, how to make the files that are not committed (huge,
binary, or symbolic links), and, below the results line, the exit code and every finding's
rule, file, line and column. `ARCHLEX_UPDATE_GOLDEN=1` rewrites the results; review the diff.

For every case: the exit code and findings are exactly the expected ones, nothing prints a
traceback or an internal error, every finding and error names a file, a line and a column
that exist, the model folder is unchanged, and a case that fails to load makes
`archlex render` and `archlex build` write nothing at all.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from archlex.api import load
from tests.conftest import UPDATE_GOLDEN
from tests.hostile.cli import CliResult, run_in_process, run_limited

CASES = Path(__file__).resolve().parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.yaml").is_file())
RESULTS_LINE = "# --- results: ARCHLEX_UPDATE_GOLDEN=1 rewrites what follows ---\n"
ERROR_PLACE = re.compile(r"^archlex: error: (?P<file>[^\s:]+):(?P<line>\d+):(?P<column>\d+): ")
# A case must end well inside this many CPU seconds (CPU, not wall-clock: a loaded test machine
# must not fail a case); the whole suite is far below a minute.
CPU_LIMIT = 20.0


def _alias_bomb(model: Path, outside: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    (model / "systems.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _deep_nesting(model: Path, outside: Path) -> None:
    text = "systems:\n  - id: deep\n    name: Deep\n    kind: national\n    description:\n"
    text += "".join(f"{'  ' * (level + 3)}k{level}:\n" for level in range(80))
    (model / "systems.yaml").write_text(text + "  " * 83 + "end\n", encoding="utf-8")


def _deep_nesting_flow(model: Path, outside: Path) -> None:
    (model / "systems.yaml").write_text("systems: " + "[" * 200_000 + "\n", encoding="utf-8")


def _huge_scalar(model: Path, outside: Path) -> None:
    text = "systems:\n  - id: big\n    name: Big\n    kind: national\n    description: "
    (model / "systems.yaml").write_text(text + "x" * (2 * 1024 * 1024) + "\n", encoding="utf-8")


def _huge_file(model: Path, outside: Path) -> None:
    item = (
        "  - id: s{0}\n    name: System {0} with a long name to fill the file\n    kind: national\n"
    )
    with (model / "systems.yaml").open("w", encoding="utf-8") as stream:
        stream.write("systems:\n")
        size, index = 0, 0
        while size <= 33 * 1024 * 1024:
            chunk = "".join(item.format(index + i) for i in range(1000))
            stream.write(chunk)
            size, index = size + len(chunk), index + 1000


def _utf16(model: Path, outside: Path) -> None:
    text = "systems:\n  - id: visa-is\n    name: Visa\n    kind: national\n"
    (model / "systems.yaml").write_bytes(text.encode("utf-16"))


def _symlink_file(model: Path, outside: Path) -> None:
    secret = outside / "secret.yaml"
    secret.write_text("systems:\n  - id: secret\n    name: Secret\n    kind: national\n")
    (model / "linked.yaml").symlink_to(secret)


def _symlink_folder(model: Path, outside: Path) -> None:
    shared = outside / "shared"
    shared.mkdir()
    (shared / "secret.yaml").write_text(
        "systems:\n  - id: secret\n    name: S\n    kind: national\n"
    )
    (model / "shared").symlink_to(shared, target_is_directory=True)


GENERATORS: dict[str, Callable[[Path, Path], None]] = {
    "alias-bomb": _alias_bomb,
    "deep-nesting": _deep_nesting,
    "deep-nesting-flow": _deep_nesting_flow,
    "huge-scalar": _huge_scalar,
    "huge-file": _huge_file,
    "utf16": _utf16,
    "symlink-file": _symlink_file,
    "symlink-folder": _symlink_folder,
}


def _spec(name: str) -> tuple[dict[str, Any], str]:
    text = (CASES / name / "expected.yaml").read_text(encoding="utf-8")
    header = text.split(RESULTS_LINE)[0]
    return yaml.safe_load(text), header


def _materialise(name: str, spec: dict[str, Any], tmp_path: Path) -> Path:
    """The case's model in a fresh folder, with its generated and byte-exact files."""
    model = tmp_path / "model"
    source = CASES / name / "model"
    if source.is_dir():
        shutil.copytree(source, model, symlinks=True)
    else:  # git keeps no empty folder: the empty-model case has none
        model.mkdir()
    for file, text in (spec.get("bytes") or {}).items():
        (model / file).write_bytes(text.encode("latin-1"))  # each character is one byte
    if "generate" in spec:
        outside = tmp_path / "outside"
        outside.mkdir()
        GENERATORS[spec["generate"]](model, outside)
    return model


def _tree(folder: Path) -> dict[str, str]:
    """Every entry under a folder: a file's sha256, a link's target."""
    tree: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            tree[key] = "-> " + str(path.readlink())
        elif path.is_file():
            tree[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            tree[key] = "/"
    return tree


def _results(result: CliResult) -> dict[str, Any]:
    """Exit code, findings and the place of a fatal error, as expected.yaml records them."""
    found: dict[str, Any] = {"exit_code": result.exit_code}
    if result.stdout.strip():
        report = json.loads(result.stdout)
        found["findings"] = [
            {k: f[k] for k in ("rule", "file", "line", "column")} for f in report["findings"]
        ]
    match = ERROR_PLACE.match(result.stderr)
    if match:
        found["error"] = {
            "file": match["file"],
            "line": int(match["line"]),
            "column": int(match["column"]),
        }
    elif result.stderr:
        found["error"] = {"message": result.stderr.splitlines()[0]}
    return found


def _assert_places_exist(model: Path, found: dict[str, Any], result: CliResult) -> None:
    places = list(found.get("findings", []))
    if "line" in found.get("error", {}):
        places.append(found["error"])
    report = json.loads(result.stdout) if result.stdout.strip() else {"findings": []}
    for finding in report["findings"]:
        assert finding["message"], finding
    for place in places:
        file = model / place["file"]
        assert file.is_file() or file.is_symlink(), place
        lines = file.read_bytes().count(b"\n") + 1 if file.is_file() else 1
        assert 1 <= place["line"] <= lines, place
        assert place["column"] >= 1, place


@pytest.mark.parametrize("name", NAMES)
def test_hostile_case(name: str, tmp_path: Path) -> None:
    spec, header = _spec(name)
    model = _materialise(name, spec, tmp_path)
    before = _tree(model)
    command = spec.get("command", "validate")
    args = (command, "model", "--format", "json")
    run = run_limited if spec.get("limited") else run_in_process
    result = run(*args, cwd=tmp_path)

    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "internal error" not in output
    assert result.cpu_seconds < CPU_LIMIT, f"{name} took {result.cpu_seconds:.1f} s of CPU"
    found = _results(result)
    if UPDATE_GOLDEN:
        results = yaml.safe_dump(found, sort_keys=False, allow_unicode=True, width=100)
        (CASES / name / "expected.yaml").write_text(header + RESULTS_LINE + results)
        spec, _ = _spec(name)
    expected = {k: spec[k] for k in ("exit_code", "findings", "error") if k in spec}
    assert found == expected
    _assert_places_exist(model, found, result)

    for check in spec.get("values") or []:
        entity = load(model / "archlex.yaml", tmp_path).model.get(check["id"])
        assert entity is not None, check
        assert getattr(entity, check["field"]) == check["equals"], check

    if result.exit_code != 0 and command == "validate":  # nothing may be written
        for writer in ("render", "build"):
            out = tmp_path / f"{writer}-out"
            written = run_in_process(writer, "model", "--out", out.name, cwd=tmp_path)
            assert written.exit_code in (1, 2), written
            assert "Traceback" not in written.stdout + written.stderr
            assert not out.exists(), f"{writer} wrote {out} for a model that does not load"
            assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
                ["model", *(["outside"] if "generate" in spec else [])]
            )
    assert _tree(model) == before, "archlex changed the model folder"


def test_every_case_is_described_and_has_results() -> None:
    for name in NAMES:
        spec, _ = _spec(name)
        assert spec.get("about"), name
        assert "exit_code" in spec, f"{name}: run with ARCHLEX_UPDATE_GOLDEN=1 and review"
        assert spec.get("generate") in (None, *GENERATORS), name


def test_the_families_of_the_issue_are_covered() -> None:
    """Issue 7's list of hostile inputs, each by at least one case."""
    families = {
        "alias bomb": "alias-bomb",
        "deep nesting": "deep-nesting",
        "huge scalar": "huge-scalar",
        "huge file": "huge-file",
        "not UTF-8": "not-utf8",
        "BOM": "bom",
        "tabs": "tabs",
        "CRLF": "crlf",
        "NUL": "nul",
        "repeated keys": "repeated-keys",
        "YAML 1.1 values": "yaml11-strings",
        "merge keys": "merge-keys",
        "include ../": "include-dotdot",
        "include absolute": "include-absolute",
        "include symlink": "include-symlink-file",
        "include unmatched": "include-unmatched",
        "include manifest": "include-manifest",
        "process cycle": "process-cycle",
        "roadmap cycle": "roadmap-cycle",
        "ids in case": "ids-case",
        "look-alike ids": "ids-lookalike",
        "empty model": "empty-model",
        "only the manifest": "only-manifest",
        "future format version": "future-version",
    }
    assert set(families.values()) <= set(NAMES)
