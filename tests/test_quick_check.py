"""`archlex check` before typer (archlex.cli.cached_check.quick_check): the command lines it
reads give exactly what typer's command gives, and every other one is left to typer."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from archlex import gc_pause
from archlex.cli.cached_check import quick_check, read_line
from archlex.cli.commands import app
from archlex.formats import CHECK_FORMATS
from tests.conftest import REPO, run_archlex

AS_OF = ["--as-of", "2026-06-01"]
# Command lines read before typer: each must write what typer's command writes.
READ_HERE = [
    ["model", *AS_OF],
    ["model/", "--format", "json", *AS_OF],
    ["model", "-f", "sarif", "--docs-url", "https://docs.example/", *AS_OF],
    ["--format=junit", "model", "--fail-on", "never", *AS_OF],
    ["model", "--min-coverage", "99.5", "--all", "--as-of=2027-01-01"],
    ["model", "--no-cache", "-f", "github", "--fail-on=warning", *AS_OF],
]
# Command lines left to typer: options it reads differently, or values it refuses.
LEFT_TO_TYPER = [
    ["model", "--bogus"],
    ["model", "other"],
    ["model", "--format", "xml"],
    ["model", "--format", "json", "-f", "text"],
    ["model", "--fail-on", "often"],
    ["model", "--min-coverage", "101"],
    ["model", "--min-coverage", "1e2"],
    ["model", "--min-coverage", "-5"],
    ["model", "--as-of", "2026-13-01"],
    ["model", "--all=yes"],
    ["model", "--output"],
    ["model", "-fjson"],
    ["model", "--", "-o"],
    ["model", "--help"],
]


@pytest.fixture(autouse=True)
def _in_the_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository (the example is `model`), with a cache of the test's own."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("ARCHLEX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("ARCHLEX_DOCS_URL", raising=False)
    monkeypatch.setitem(gc_pause._freeze, "after pauses", False)  # quick_check sets it


def quick(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> tuple[int, str] | None:
    """What quick_check writes and its exit code; None when it leaves the line to typer."""
    capsys.readouterr()
    try:
        quick_check(arguments)
    except SystemExit as exit:
        assert isinstance(exit.code, int)
        return exit.code, capsys.readouterr().out
    return None


def typer_check(arguments: list[str]) -> tuple[int, str]:
    """What typer's `check` command writes and its exit code."""
    result = CliRunner().invoke(app, ["check", *arguments])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout


@pytest.mark.parametrize("arguments", READ_HERE, ids=" ".join)
def test_a_line_read_here_writes_what_typer_writes(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    ran = quick(capsys, arguments)
    assert ran is not None  # read here, not left to typer
    assert ran == typer_check(["--no-cache", *arguments])  # checked anew: the same bytes
    assert ran[0] in (0, 1) and ran[1]


def test_the_output_file_and_the_cache_are_the_same_both_ways(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quick_file, typer_file = tmp_path / "quick.sarif", tmp_path / "typer.sarif"
    ran = quick(capsys, ["model", "-f", "sarif", "-o", str(quick_file), *AS_OF])
    assert ran is not None and ran[1] == ""
    assert typer_check(["model", "-f", "sarif", "-o", str(typer_file), *AS_OF])[1] == ""
    assert quick_file.read_bytes() == typer_file.read_bytes()
    # the entry kept holds the same text: `-o -` writes it to standard output
    assert quick(capsys, ["model", "--format", "sarif", "-o", "-", *AS_OF]) == (
        ran[0],
        quick_file.read_text(encoding="utf-8"),
    )


@pytest.mark.parametrize("arguments", LEFT_TO_TYPER, ids=" ".join)
def test_every_other_line_is_left_to_typer(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert read_line(arguments) is None
    assert quick(capsys, arguments) is None
    assert capsys.readouterr() == ("", "")  # nothing written: typer says what is wrong


def test_the_formats_read_here_are_the_registered_ones() -> None:
    assert sorted(CHECK_FORMATS.modules) == sorted(CHECK_FORMATS.names())


def test_a_model_that_cannot_be_read_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run_archlex("check", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.startswith("archlex: error: no model manifest at ")
    assert "Traceback" not in result.stderr and result.stdout == ""
