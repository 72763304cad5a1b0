"""docs/contributing.md's walk-through works: the rule it adds, written into a copy of archlex
as the page gives it (one module and two example files, nothing else edited), is listed,
explained, documented and tested like the rules archlex ships."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PAGE = REPO / "docs" / "contributing.md"
RULE = "system-without-operator"
BLOCK = re.compile(r'^```(?:python|yaml) title="([^"]+)"\n(.*?)^```$', re.MULTILINE | re.DOTALL)


def walkthrough_files() -> dict[str, str]:
    """The files the page says to add, by path from the repository root."""
    return {path: text for path, text in BLOCK.findall(PAGE.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of archlex's sources with the page's files added, and the bundled library."""
    root = tmp_path_factory.mktemp("contributed")
    shutil.copytree(
        REPO / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    for folder in ("model", "templates"):
        (root / folder).symlink_to(REPO / folder)
    for path, text in walkthrough_files().items():
        target = root / path
        assert not target.exists(), f"{path} would replace a file: the rule must be new"
        target.write_text(text, encoding="utf-8")
    return root


def run(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Python with the copy first on the path, from the repository (for the tests package)."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "NO_COLOR": "1", "COLUMNS": "200"}
    env["ARCHLEX_CACHE_DIR"] = str(copy / "cache")
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=600
    )


def test_the_page_adds_one_module_and_two_examples() -> None:
    assert sorted(walkthrough_files()) == [
        f"src/archlex/check/rules/examples/{RULE}.bad.yaml",
        f"src/archlex/check/rules/examples/{RULE}.good.yaml",
        f"src/archlex/check/rules/{RULE.replace('-', '_')}.py",
    ]


def test_the_copy_is_what_runs(copy: Path) -> None:
    result = run(copy, "-c", "import archlex; print(archlex.__file__)")
    assert result.stdout.strip() == str(copy / "src" / "archlex" / "__init__.py")


def test_the_new_rule_is_listed_and_explained(copy: Path) -> None:
    listed = run(copy, "-m", "archlex", "rules")
    assert re.search(rf"^{RULE} +info +a national system names no operator$", listed.stdout, re.M)
    explained = run(copy, "-m", "archlex", "rules", RULE)
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.startswith(f"{RULE} (info): a national system names no operator\n")
    assert "The operator is the organisation" in explained.stdout
    assert "Fires on:" in explained.stdout and "operator: iem-ic" in explained.stdout


def test_the_new_rule_reaches_the_rule_reference(copy: Path) -> None:
    code = "from archlex.docs_gen.rule_reference import rule_reference as r; print(r())"
    reference = run(copy, "-c", code).stdout
    assert f"| [`{RULE}`](#{RULE}) | info | *archlex* |" in reference
    assert f"\n## {RULE}\n" in reference


def test_the_examples_test_runs_the_new_rules_examples(copy: Path) -> None:
    result = run(
        copy,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/check/test_examples.py",
        "-k",
        RULE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_the_new_rule_reads_what_it_declares(copy: Path) -> None:
    args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/check/test_reads.py"]
    result = run(copy, *args, "-k", f"{RULE} or every_rule")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
