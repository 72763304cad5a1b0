"""What keeps `archlex --version` and `archlex --help` fast: they import neither the pipeline nor
its heavy libraries (the timings are in benchmarks/bench_startup.py, never in a test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archlex.cli.help_text import HELP_FILE, kept_rules, typer_help, typer_rules

REPO = Path(__file__).resolve().parent.parent

# Heavy libraries, and archlex's own packages that pull them in, by top-level module name.
HEAVY = {"pydantic", "networkx", "jinja2", "rich", "yaml", "ryml", "babel", "mkdocs", "docx"}
PIPELINE = (
    "archlex.api",
    "archlex.load",
    "archlex.model",
    "archlex.check",
    "archlex.outcome",
    "archlex.render",
    "archlex.site",
    "archlex.export",
)


def imported_by(*arguments: str, columns: int = 80) -> tuple[set[str], str]:
    """The modules `python -X importtime -m archlex ARGUMENTS` imports, and its output."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "archlex", *arguments],
        cwd=REPO,
        env=os.environ | {"COLUMNS": str(columns)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules = {
        line.rsplit("|", 1)[-1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:")
    }
    return modules, run.stdout


def heavy_among(modules: set[str]) -> set[str]:
    """The heavy libraries and pipeline modules among `modules`."""
    return {name for name in modules if name.split(".")[0] in HEAVY or name.startswith(PIPELINE)}


@pytest.mark.parametrize("arguments", [("--version",), ("--help",), ("-h",), ("rules",)])
def test_version_help_and_rules_import_nothing_heavy(arguments: tuple[str, ...]) -> None:
    modules, output = imported_by(*arguments)
    assert "archlex.cli.main" in modules  # the trace is real: it names what was imported
    starts: dict[tuple[str, ...], str] = {
        ("--version",): "archlex 0.1.0",
        ("rules",): "cofinancing-above-maximum",
    }
    assert output.startswith(starts.get(arguments, "Usage:"))
    assert heavy_among(modules) == set()
    assert not any(name.startswith(("typer", "archlex.check", "archlex.rules")) for name in modules)


def test_help_still_lists_every_command() -> None:
    # The lazy imports must not lose a command from the help; at 80 columns or more typer is
    # not even imported (help.txt), on a narrower terminal typer wraps the help itself.
    for columns in (80, 60):
        modules, output = imported_by("--help", columns=columns)
        for command in ("validate", "check", "rules", "render", "build", "export", "catalog"):
            assert f"  {command} " in output
        assert ("typer" in modules) is (columns < 80)


def test_the_kept_help_is_what_typer_prints() -> None:
    # Adding or changing a command changes typer's help: `make help-text` writes it again.
    kept = Path(HELP_FILE).read_text(encoding="utf-8")
    assert kept == typer_help(), "src/archlex/cli/help.txt is out of date: run `make help-text`"
    listed = kept_rules()  # None once a rule module changed (tests/test_contributing.py adds one)
    assert listed == typer_rules(), "src/archlex/cli/rules.txt is out of date: `make help-text`"
    assert len(listed.splitlines()) >= 20  # every rule, one a line


def test_export_help_lists_the_registered_exports_when_asked() -> None:
    # The export commands are made from the registry only when `archlex export` is used.
    modules, output = imported_by("export", "--help")
    assert "archimate" in output and "structurizr" in output
    assert "archlex.export.registry" in modules


def test_command_help_imports_no_pipeline_and_a_check_imports_it_all() -> None:
    # A command's own help builds its options, for which typer (0.29) imports pydantic; the
    # pipeline itself stays out. A real check imports it all: the trace is read right.
    modules, _ = imported_by("check", "--help")
    assert {name for name in heavy_among(modules) if name.startswith(PIPELINE)} == set()
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "archlex", "check", "model/", "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    traced = {
        line.rsplit("|", 1)[-1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert {"archlex.api", "archlex.load", "archlex.model"} <= heavy_among(traced)


def test_a_check_with_kept_validators_imports_no_pydantic_nor_pydantic_cores_python(
    tmp_path: Path,
) -> None:
    # The model classes are plain classes (archlex.model.record): their validators come from
    # the cache folder, made by pydantic-core from kept schemas. Only the first run, which
    # keeps them, builds the pydantic twins; `--no-cache` keeps them too.
    env = os.environ | {"ARCHLEX_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-X", "importtime", "-m", "archlex", "check", "model/"]
    traced = []
    for _ in range(2):
        run = subprocess.run(
            [*command, "--no-cache"], cwd=REPO, env=env, capture_output=True, text=True
        )
        assert run.returncode in (0, 1), run.stderr[-2000:]
        traced.append(
            {
                line.rsplit("|", 1)[-1].strip()
                for line in run.stderr.splitlines()
                if line.startswith("import time:")
            }
        )
    first, second = traced
    assert {"pydantic", "archlex.model.twins"} <= first  # the trace is read right
    assert {"archlex.model.record", "archlex.model.core"} <= second
    # pydantic-core's compiled extension alone (archlex.model.core), not its Python side
    unwanted = ("pydantic", "pydantic_core", "annotated_types", "typing_extensions")
    assert {name for name in second if name.split(".")[0] in unwanted} == set()
