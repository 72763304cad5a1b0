"""The output language: `--language` over the manifest's `language`, the same model in both."""

from __future__ import annotations

from pathlib import Path

from archlex.api import in_language
from archlex.outcome import Report
from tests.conftest import EXAMPLE, run_archlex


def test_language_option_writes_latvian_from_an_english_manifest(tmp_path: Path) -> None:
    assert "language: en" in (EXAMPLE / "archlex.yaml").read_text(encoding="utf-8")
    result = run_archlex("render", "concept", str(EXAMPLE), "--out", str(tmp_path), "-l", "lv")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "concept" / "concept.md").read_text(encoding="utf-8")
    assert "## 1. Tvērums un normatīvais pamats" in text


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    result = run_archlex("render", str(EXAMPLE), "--out", str(tmp_path), "--language", "de")
    assert result.returncode == 2
    assert "'de' is not one of 'en', 'lv'" in result.stderr
    assert not (tmp_path / "concept").exists()


def test_in_language_changes_only_the_language(example: Report) -> None:
    latvian = in_language(example, "lv")
    assert latvian.model.manifest.language == "lv"
    assert example.model.manifest.language == "en"  # the checked report is not changed
    assert latvian.model.manifest.name == example.model.manifest.name
    assert latvian.findings is example.findings
    assert in_language(example, None) is example
