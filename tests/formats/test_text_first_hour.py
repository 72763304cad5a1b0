"""The text format on a new user's model: the catalog's findings grouped by chapter with a
count, the first few shown, a next step; every finding in the machine formats; paths that
open from where archlex was run."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from archlex.scaffold import create_model
from tests.conftest import REPO
from tests.hostile.cli import run_in_process

GROUP_LINE = re.compile(r"^  (2019/81[78] Chapter [IVX]+ \(.+\)): (\d+) \((.+)\)$")
FINDING_LINE = re.compile(r"^ *(\S+?):(\d+):(\d+): (error|warning|info)\[([a-z-]+)\]: ")


@pytest.fixture(scope="module")
def new_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh `archlex init` model in FOLDER/my-model."""
    folder = tmp_path_factory.mktemp("first-hour")
    create_model(folder / "my-model")
    return folder / "my-model"


def _check(*args: str, cwd: Path) -> tuple[int, str]:
    result = run_in_process("check", *args, cwd=cwd)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout


def test_text_groups_the_catalog_by_chapter_and_ends_with_a_next_step(new_model: Path) -> None:
    code, text = _check(cwd=new_model)
    assert code == 1
    lines = text.splitlines()
    groups = {m[1]: int(m[2]) for m in map(GROUP_LINE.match, lines) if m}
    assert len(groups) >= 5
    shown = [line for line in lines if FINDING_LINE.match(line)]
    assert len(shown) == 3  # the first few, not a wall of ~80 identical positions
    total = int(re.search(r"^(\d+) findings about the bundled catalog", text, re.M)[1])  # type: ignore[index]
    assert total == sum(groups.values())
    assert f"{total - 3} findings not shown: see them all with --all" in text
    # The coverage table and the next step come last, after the findings.
    assert lines.index("Coverage of the applicable obligations:") > lines.index(shown[-1])
    step = re.fullmatch(r"Next: start with (.+): (\d+) obligations untraced\.", lines[-1])
    assert step is not None, lines[-1]
    untraced = {
        m[1]: int(re.search(r"(\d+) obligation-untraced", m[3])[1])  # type: ignore[index]
        for m in map(GROUP_LINE.match, lines)
        if m and "obligation-untraced" in m[3]
    }
    assert int(step[2]) == max(untraced.values()) == untraced[step[1]]
    assert f"The first 3 of {step[1]}:" in text


def test_all_shows_every_finding_and_json_keeps_every_finding(new_model: Path) -> None:
    _, text = _check("--all", cwd=new_model)
    _, machine = _check("--format", "json", cwd=new_model)
    findings = json.loads(machine)["findings"]
    shown = [line for line in text.splitlines() if FINDING_LINE.match(line)]
    assert len(shown) == len(findings) > 40
    assert "not shown" not in text
    assert f"Found {len(findings)} errors." in text


def test_init_tells_a_story_some_obligations_traced_and_the_rest_open(new_model: Path) -> None:
    _, machine = _check("--format", "json", cwd=new_model)
    coverage = json.loads(machine)["summary"]["coverage"]["overall"]
    assert 0 < coverage["states"]["scheduled"] < coverage["applicable"]
    untraced = {f["target"] for f in json.loads(machine)["findings"]}
    assert "eu.817-11-2" not in untraced and "eu.817-10-2" in untraced  # traced, and open


def test_an_expired_waiver_is_listed_with_the_models_own_findings(
    new_model: Path, tmp_path: Path
) -> None:
    model = tmp_path / "my-model"
    shutil.copytree(new_model, model)
    manifest = model / "archlex.yaml"
    manifest.write_text(
        manifest.read_text("utf-8").replace(
            "waivers: []",
            "waivers:\n  - {rule: obligation-untraced, target: eu.818-74, reason: Elsewhere.,"
            " expires: 2026-01-01}",
        ),
        "utf-8",
    )
    _, text = _check("--as-of", "2026-06-01", str(model), cwd=tmp_path)
    first = text.splitlines()[0]
    assert first.startswith("my-model/archlex.yaml:") and "warning[waiver-expired]" in first
    _, machine = _check("--format", "json", str(model), cwd=tmp_path)
    rules = " ".join(f["rule"] for f in json.loads(machine)["findings"])
    assert "obligation-untraced" in rules


@pytest.mark.parametrize("where", ["inside", "parent", "elsewhere"])
def test_text_paths_are_relative_to_where_archlex_runs(
    new_model: Path, tmp_path: Path, where: str
) -> None:
    model = tmp_path / "my-model"
    shutil.copytree(new_model, model)
    systems = model / "systems.yaml"
    systems.write_text(
        systems.read_text("utf-8").replace("owner: border-guard", "owner: border-gaurd"), "utf-8"
    )
    (tmp_path / "elsewhere").mkdir()
    cwd = {"inside": model, "parent": tmp_path, "elsewhere": tmp_path / "elsewhere"}[where]
    prefix = {"inside": "", "parent": "my-model/", "elsewhere": model.resolve().as_posix() + "/"}
    result = run_in_process("validate", str(model), cwd=cwd)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{prefix[where]}systems.yaml:8:"), result.stdout
    opened = FINDING_LINE.match(result.stdout)
    assert opened is not None and (cwd / opened[1]).is_file()  # a path that opens


def test_a_handful_of_catalog_findings_is_shown_whole_under_its_chapters() -> None:
    _, text = _check("model", cwd=REPO)  # the example: a few open gaps left
    total = int(re.search(r"^(\d+) findings about the bundled catalog", text, re.M)[1])  # type: ignore[index]
    assert 0 < total <= 10
    placed = [line for line in text.splitlines() if line.startswith("    model/archlex.yaml:")]
    assert len(placed) == total and "not shown" not in text
