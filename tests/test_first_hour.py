"""The first hour, scripted: the README's tour on a copy of the example, then a new user's own
model (`archlex init` -> edit -> validate -> check -> render -> build -> serve), run from the
repository root and from inside the model, with no error the user did not cause.

The tour's lines are read from README.md, so the tour stays honest. Three of them are run
differently, and said so here: `archlex lsp` waits for an editor (tests/lsp drives it);
`archlex serve model/` runs on the new model at the end of the
walk (on a free port, started and stopped; building the example's site twice would double the
test's time), and `archlex --install-completion` is left to tests/test_completion.py (installing
would edit the shell's start-up file of whoever runs the tests).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CACHE_DIR, EXAMPLE, REPO
from tests.hostile.cli import CliResult, run_in_process

ARCHLEX = Path(sys.executable).parent / "archlex"
# What only the model can cause: the example has open gaps, so its `check` exits 1.
MAY_FAIL_ON_FINDINGS = {"check"}
NOT_THE_USERS_DOING = ("Traceback", "internal error", "WARNING")


def tour_lines() -> list[str]:
    """The archlex commands of the README's five-minute tour, comments removed."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## A five-minute tour\n\n```sh\n(.*?)```", readme, re.S)
    assert block is not None, "the README has no tour"
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in block[1].splitlines()]
    return [line for line in lines if line.startswith("archlex ")]


def run(line: str, cwd: Path) -> CliResult:
    """One command line as a user types it (with `> FILE`), through the real entry point."""
    words = shlex.split(line)[1:]
    target = None
    if ">" in words:
        words, target = words[: words.index(">")], words[words.index(">") + 1]
    result = run_in_process(*words, cwd=cwd)
    allowed = {0, 1} if words[0] in MAY_FAIL_ON_FINDINGS else {0}
    assert result.exit_code in allowed, f"{line}: exit {result.exit_code}\n{result.stderr}"
    for words_of_a_bug in NOT_THE_USERS_DOING:
        assert words_of_a_bug not in result.stdout + result.stderr, f"{line}:\n{result.stderr}"
    if target is not None:
        (cwd / target).write_text(result.stdout, encoding="utf-8")
    return result


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository like the user's: the example in `model/`, committed on branch main."""
    root = tmp_path_factory.mktemp("repository")
    shutil.copytree(EXAMPLE, root / "model")
    git = [
        "git",
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.lv",
        "-c",
        "init.defaultBranch=main",
    ]
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "model"]):
        subprocess.run([*git, *command], cwd=root, check=True, capture_output=True)
    return root


def test_the_readme_tour_and_a_new_users_first_hour(repository: Path) -> None:
    deferred = [line for line in tour_lines() if line.startswith(("archlex serve ", "archlex lsp"))]
    # serve runs on the new model below; the language server waits for an editor (tests/lsp)
    assert deferred == ["archlex serve model/", "archlex lsp"]
    for line in tour_lines():
        if line in deferred:
            continue
        if line == "archlex --install-completion":
            continue  # it edits the shell's start-up file; tests/test_completion.py checks it
        run(line, repository)
    assert json.loads((repository / "archlex.sarif").read_text())["version"] == "2.1.0"
    assert (repository / "site" / "index.html").is_file()
    assert (repository / "build" / "concept" / "concept.docx").is_file()
    assert (repository / "model.xml").is_file()
    assert (repository / "model-file.schema.json").read_text().startswith("{")
    walk_the_new_model(repository, repository / "my-model")


def walk_the_new_model(root: Path, model: Path) -> None:
    """init (done by the tour) -> validate -> check -> edit -> render -> build -> serve."""
    assert "No findings." in run("archlex validate", model).stdout  # inside the model
    before = coverage(run("archlex check my-model --format json", root))
    text = run("archlex check my-model", root).stdout
    assert text.splitlines()[-1].startswith("Next: start with 2019/817 Chapter")
    assert "my-model/archlex.yaml:" in text  # a path that opens from the repository root
    # A typo, as a user makes one: named with a path that opens, then fixed.
    organisations = model / "organisations.yaml"
    good = organisations.read_text(encoding="utf-8")
    organisations.write_text(good.replace("kind: border-guard", "kind: border-gaurd"), "utf-8")
    broken = run_in_process("validate", "my-model", cwd=root)
    assert broken.exit_code == 1 and broken.stdout.startswith("my-model/organisations.yaml:")
    for refused in (["render", "my-model", "--out", "b"], ["export", "archimate", "my-model"]):
        result = run_in_process(*refused, cwd=root)  # what cannot be read is never written
        assert result.exit_code == 2 and "my-model/organisations.yaml:" in result.stderr
    assert not (root / "b").exists()
    organisations.write_text(good, encoding="utf-8")
    dsl = run("archlex export structurizr my-model -o -", root).stdout  # `-o -`: stdout
    assert dsl.startswith('workspace "National interoperability architecture"')
    trace_data_protection(model)
    after = coverage(run("archlex check --format json", model))
    assert after["traced"] > before["traced"]
    run("archlex render my-model --out my-model/build", root)  # inside the model: allowed
    run("archlex build", model)  # the natural layout: ./site next to archlex.yaml
    assert (model / "site" / "index.html").is_file()
    assert "No findings." in run("archlex validate", model).stdout  # outputs not read back
    serve(root, model)


def coverage(result: CliResult) -> dict[str, int]:
    """The overall coverage figures of a `check --format json`."""
    figures: dict[str, int] = json.loads(result.stdout)["summary"]["coverage"]["overall"]
    return figures


def trace_data_protection(model: Path) -> None:
    """The user's edit: a requirement that traces an obligation the check said was open."""
    with (model / "requirements.yaml").open("a", encoding="utf-8") as requirements:
        requirements.write(
            "  - id: REQ-DP-01\n"
            "    title: Our authorities act as data controllers\n"
            "    text: Each authority shall act as controller for what it processes.\n"
            "    type: legal\n"
            "    priority: must\n"
            '    satisfies: ["2019/817 Art 40"]\n'
            "    status: proposed\n"
        )


# `serve` started with SIGINT at its default, as from a terminal: a test run started in the
# background of a shell (`make test &`, some CI runners) ignores SIGINT, and `serve` would
# inherit that and never see the Ctrl+C the test sends. Set, then exec: no fork-time hook.
_CTRL_C_AS_IN_A_TERMINAL = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def serve(root: Path, model: Path) -> None:
    """`archlex serve` on a free port of 127.0.0.1: it builds, answers, and stops on Ctrl+C."""
    env = {**os.environ, "ARCHLEX_CACHE_DIR": CACHE_DIR, "NO_COLOR": "1"}
    command = [str(ARCHLEX), "serve", "my-model", "--port", "0", "--out", "served"]
    process = subprocess.Popen(
        [sys.executable, "-c", _CTRL_C_AS_IN_A_TERMINAL, *command],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = _serving_url(process)
        with urllib.request.urlopen(url + "index.html", timeout=30) as response:
            assert response.status == 200
            assert "National interoperability architecture" in response.read().decode("utf-8")
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Stopped." in out and "Traceback" not in err


def _serving_url(process: subprocess.Popen[str]) -> str:
    """The address `serve` prints once the site is built."""
    assert process.stdout is not None
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        found = re.search(r"Serving on (http://127\.0\.0\.1:\d+/)", line)
        if found:
            return found[1]
    raise AssertionError(f"serve did not start: {process.stderr.read() if process.stderr else ''}")
