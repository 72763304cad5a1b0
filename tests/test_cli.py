"""The command line: help with examples, version, exit codes, output formats, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archlex import __version__
from tests.conftest import REPO, WriteModel, run_archlex

COMMANDS = [
    "validate",
    "check",
    "rules",
    "schema",
    "init",
    "catalog list",
    "catalog show",
    "catalog search",
    "diff",
    "impact",
]


def test_version() -> None:
    result = run_archlex("--version")
    assert (result.returncode, result.stdout) == (0, f"archlex {__version__}\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run_archlex(*command.split(), "--help")
    assert result.returncode == 0
    assert "Example: archlex " + command in result.stdout


def test_no_arguments_shows_help_and_usage_errors_exit_2() -> None:
    bare = run_archlex()
    assert "validate" in bare.stdout + bare.stderr
    assert run_archlex("validate", "--format", "xml").returncode == 2
    assert run_archlex("no-such-command").returncode == 2


def test_missing_model_exits_2_with_one_clear_line(tmp_path: Path) -> None:
    result = run_archlex("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.startswith("archlex: error: no model manifest at ")
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_future_format_version_exits_2(write_model: WriteModel) -> None:
    root = write_model({}, manifest="archlex: 2\nname: From the future\n")
    result = run_archlex("validate", str(root))
    assert result.returncode == 2
    assert "archlex.yaml:1:10: the manifest is format version 2" in result.stderr


def test_json_output_is_the_contract_object(write_model: WriteModel) -> None:
    root = write_model({"s.yaml": "systems:\n  - {id: s, name: S, kind: national, owner: x}\n"})
    result = run_archlex("validate", str(root), "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert set(report) == {"version", "findings", "summary"} and report["version"] == 1
    [finding] = report["findings"]
    assert set(finding) >= {"rule", "severity", "target", "message", "file", "line", "column"}
    assert (finding["rule"], finding["target"], finding["file"]) == (
        "unknown-reference",
        "s",
        "s.yaml",
    )
    assert report["summary"]["findings"] == {"error": 1, "warning": 0, "info": 0}
    assert report["summary"]["entities"]["system"] >= 1


def test_text_output_never_lets_model_text_start_a_line(write_model: WriteModel) -> None:
    text = (
        'systems:\n  - {id: s, name: S, kind: national, owner: "x\\n::error::forged ##[error]x"}\n'
    )
    result = run_archlex("validate", str(write_model({"s.yaml": text})))
    assert result.returncode == 1
    assert not any(line.lstrip().startswith("::") for line in result.stdout.splitlines())
    assert "##[" not in result.stdout  # GitHub's runner obeys that form anywhere in a line


def test_internal_error_is_one_line_and_exit_3_with_traceback_only_on_debug(
    tmp_path: Path,
) -> None:
    # A bug anywhere below the CLI (here: the API raising) must end in one clear line.
    code = (
        "import sys; import archlex.cli.commands as a\n"
        "def boom(*args, **kwargs): raise RuntimeError('boom')\n"
        "a.validate_model = boom\n"
        "sys.argv = ['archlex'] + sys.argv[1:]\n"
        "a.main()\n"
    )
    script = tmp_path / "run.py"
    script.write_text(code)
    plain = subprocess.run(
        [sys.executable, str(script), "validate"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert plain.returncode == 3
    assert plain.stderr.splitlines()[0] == "archlex: internal error: RuntimeError: boom"
    assert "Traceback" not in plain.stderr
    debug = subprocess.run(
        [sys.executable, str(script), "--debug", "validate"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert debug.returncode == 3 and "Traceback" in debug.stderr


def test_init_creates_a_model_that_validates_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "new-model"
    created = run_archlex("init", str(target))
    assert created.returncode == 0, created.stderr
    files = sorted(p.name for p in target.iterdir())
    assert "archlex.yaml" in files and "schema" in files
    for path in target.glob("*.yaml"):
        first, second = path.read_text().splitlines()[:2]
        assert first.startswith("# yaml-language-server: $schema=schema/")
        assert second.startswith("# ")  # says what goes in the file
    validated = run_archlex("validate", str(target))
    assert validated.returncode == 0, validated.stdout
    assert "No findings." in validated.stdout
    again = run_archlex("init", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr
