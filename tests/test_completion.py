"""Shell completion: installable for bash, zsh and fish; entity ids, provisions and rule ids
completed from the model and the catalog, through the real `archlex` console script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CACHE_DIR, REPO

ARCHLEX = Path(sys.executable).parent / "archlex"


def complete(words: str, cwd: Path = REPO) -> list[str]:
    """What bash offers after WORDS (the last word being completed), as the script asks."""
    env = {
        **os.environ,
        "ARCHLEX_CACHE_DIR": CACHE_DIR,
        "_ARCHLEX_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    result = subprocess.run(
        [str(ARCHLEX)], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stdout.splitlines() if line]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_for_each_shell(shell: str) -> None:
    # What `--install-completion` writes for that shell; `--show-completion` would detect the
    # shell that runs the tests instead (sh under make), so the script is asked for by name.
    env = {**os.environ, "_ARCHLEX_COMPLETE": f"source_{shell}"}
    result = subprocess.run([str(ARCHLEX)], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "_ARCHLEX_COMPLETE" in result.stdout
    assert {"bash": "COMPREPLY", "zsh": "#compdef archlex", "fish": "complete --command"}[
        shell
    ] in result.stdout
    help_text = subprocess.run([str(ARCHLEX), "--help"], capture_output=True, text=True).stdout
    assert "--install-completion" in help_text


def test_impact_completes_the_models_entity_ids() -> None:
    offered = complete("archlex impact eu.C")
    assert "eu.CIR" in offered
    assert all(word.startswith("eu.C") for word in offered)


def test_impact_completes_the_ids_of_the_model_in_the_working_folder(tmp_path: Path) -> None:
    (tmp_path / "archlex.yaml").write_text(
        "archlex: 1\nname: Tiny\nmember_state: LV\ninclude: [m.yaml]\nuses: []\n", "utf-8"
    )
    (tmp_path / "m.yaml").write_text(
        "organisations:\n  - {id: ORG-A, name: A, kind: ministry}\n"
        "  - {id: ORG-B, name: B, kind: ministry}\n",
        "utf-8",
    )
    assert complete("archlex impact ORG", cwd=tmp_path) == ["ORG-A", "ORG-B"]
    assert complete("archlex impact ORG", cwd=tmp_path.parent) == []  # no model there


def test_catalog_show_completes_provisions() -> None:
    offered = complete("archlex catalog show 2019/818")
    assert {"2019/818 Art 22", "2019/818 Art 22(1)"} <= set(offered)


def test_rules_completes_rule_ids() -> None:
    assert complete("archlex rules flow-") == ["flow-not-logged", "flow-without-legal-basis"]


def test_an_unknown_id_says_where_ids_come_from(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(ARCHLEX), "impact", "zzzzzz", str(REPO / "model")],
        capture_output=True,
        text=True,
        env={**os.environ, "ARCHLEX_CACHE_DIR": CACHE_DIR},
        check=False,
    )
    assert result.returncode == 2
    assert "archlex check" not in result.stderr  # check lists no ids
    assert "TAB completes them" in result.stderr
