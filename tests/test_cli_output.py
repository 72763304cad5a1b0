"""One way to write (`-o FILE`, `-o -`) and one exit code for a model that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, WriteModel, run_archlex

BROKEN = {"s.yaml": "systems:\n  - {id: s, name: S, kind: national, owner: nobody}\n"}


def test_dash_means_standard_output_for_an_export() -> None:
    result = run_archlex("export", "structurizr", "model/", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("workspace ") and "wrote" not in result.stdout


def test_dash_means_standard_output_for_a_report() -> None:
    result = run_archlex("validate", "model/", "--format", "json", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('{\n  "version": 1,')
    assert not (REPO / "-").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["render", "matrix"],
        ["build"],
        ["export", "archimate"],
        ["impact", "s"],
    ],
    ids=lambda c: " ".join(c),
)
def test_a_model_that_cannot_be_read_is_exit_code_2_everywhere(
    write_model: WriteModel, tmp_path: Path, command: list[str]
) -> None:
    root = write_model(BROKEN)
    out = tmp_path / "out"
    options = [] if command[0] == "impact" else ["--out", str(out)]
    result = run_archlex(*command, str(root), *options)
    assert (result.returncode, result.stdout) == (2, "")
    assert "error[unknown-reference]" in result.stderr
    assert not out.exists()
