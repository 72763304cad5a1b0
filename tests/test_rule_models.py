"""One broken model per loader rule, run through the real CLI: rule, target, place, exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MODELS, UPDATE_GOLDEN, run_archlex

RULE_MODELS = sorted(p.name for p in MODELS.iterdir() if (p / "archlex.yaml").is_file())
FIELDS = ("rule", "severity", "target", "file", "line", "column")


def test_every_validate_rule_has_a_broken_model() -> None:
    from archlex.rules import VALIDATE_RULES

    contract_rules = set(VALIDATE_RULES) - {"include-outside", "include-unmatched"}
    assert contract_rules <= set(RULE_MODELS)


@pytest.mark.parametrize("name", RULE_MODELS)
def test_json_names_rule_target_file_line_column_and_exit_code(name: str) -> None:
    folder = MODELS / name
    result = run_archlex("validate", str(folder), "--format", "json")
    report = json.loads(result.stdout)
    found = {
        "exit_code": result.returncode,
        "findings": [{k: f[k] for k in FIELDS} for f in report["findings"]],
    }
    expected_path = folder / "expected.json"
    if UPDATE_GOLDEN:
        expected_path.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    assert found == json.loads(expected_path.read_text(encoding="utf-8"))
    assert result.stderr == ""
    assert {f["rule"] for f in report["findings"]} == {name}


@pytest.mark.parametrize("name", RULE_MODELS)
def test_text_output_is_exact(name: str) -> None:
    folder = MODELS / name
    result = run_archlex("validate", ".", cwd=folder)
    expected_path = folder / "expected.txt"
    if UPDATE_GOLDEN:
        expected_path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected_path.read_text(encoding="utf-8")
    assert "Traceback" not in result.stderr


def _golden_files() -> list[Path]:
    return sorted(MODELS.glob("*/expected.*"))


def test_goldens_exist() -> None:
    assert len(_golden_files()) == 2 * len(RULE_MODELS)
