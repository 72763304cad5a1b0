"""A small real git repository with a model at three revisions and an edited working tree."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

MANIFEST = """\
archlex: 1
name: Diff test model
member_state: LV
include: [model.yaml, "flows/*.yaml"]
uses: [eu]
scope:
  regulations: ["2019/817"]
  systems: [eu.EES]
"""
V1 = """\
organisations:
  - id: police
    name: State Police
    kind: police
data:
  - id: identity
    name: Identity data
    personal: true
systems:
  - id: PIS
    name: Police information system
    kind: national
    owner: police
  - id: OLD
    name: Old register
    kind: national
requirements:
  - id: REQ-1
    title: Query the ESP
    satisfies: ["2019/817 Art 7(2)"]
    allocated_to: [PIS]
    status: proposed
  - id: REQ-DUP
    title: One id used twice (the message quotes the line of the first)
  - id: REQ-DUP
    title: The second
"""
FLOWS_V1 = """\
flows:
  - id: pis-to-esp
    from: PIS
    to: eu.ESP
    data: [identity]
    legal_basis: ["2019/817 Art 7(2)"]
"""
# v2: the flow is logged (a finding fixed), a flow without legal basis (a finding new), OLD is
# removed, REQ-1 agreed, REQ-2 traces one more obligation (coverage up).
V2 = (
    V1.replace("  - id: OLD\n    name: Old register\n    kind: national\n", "").replace(
        "status: proposed", "status: agreed"
    )
    + """\
  - id: REQ-2
    title: Connect the designated authorities to the CIR
    satisfies: ["2019/817 Art 56(2)"]
    allocated_to: [PIS]
"""
)
FLOWS_V2 = (
    FLOWS_V1
    + """\
    logging: {fields: [user, date and time], retention: P1Y}
  - id: pis-to-ees
    from: PIS
    to: eu.EES
    data: [identity]
"""
)
HOSTILE_NAME = "Police | <img src=x onerror=alert(1)> *bold* [link](http://x)\nsecond line"
GIT = ["git", "-c", "user.name=archlex tests", "-c", "user.email=tests@example.invalid"]
GIT += ["-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"]


@dataclass(frozen=True)
class Repo:
    """The repository's folder and its commits by name."""

    root: Path
    commits: dict[str, str]

    @property
    def model(self) -> Path:
        """The model's folder in the working tree."""
        return self.root / "model"

    def git(self, *args: str) -> str:
        """Run git in the repository and return its output."""
        return git(self.root, *args)


def git(root: Path, *args: str) -> str:
    """Run git, failing the test on an error."""
    result = subprocess.run(
        [*GIT, *args], cwd=root, capture_output=True, text=True, check=True, timeout=30
    )
    return result.stdout


def write_files(root: Path, model: str, flows: str, manifest: str = MANIFEST) -> None:
    """Write the model's three files."""
    folder = root / "model"
    (folder / "flows").mkdir(parents=True, exist_ok=True)
    (folder / "archlex.yaml").write_text(manifest, encoding="utf-8")
    (folder / "model.yaml").write_text(model, encoding="utf-8")
    (folder / "flows" / "police.yaml").write_text(flows, encoding="utf-8")


def commit(root: Path, message: str) -> str:
    """Commit everything; the new commit's id."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def build_repo(root: Path) -> Repo:
    """v0 (no model) and v1 on main; v2 on `feature`, checked out, with the system PIS renamed
    and a data category added in the working tree; v3 (a manifest of another format version)
    on `broken`."""
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "README.md").write_text("test\n", encoding="utf-8")
    # `git archive` would leave the flows out: revisions must be read from the tree itself
    (root / ".gitattributes").write_text("model/flows/** export-ignore\n", encoding="utf-8")
    commits = {"v0": commit(root, "no model yet")}
    write_files(root, V1, FLOWS_V1)
    commits["v1"] = commit(root, "v1")
    git(root, "checkout", "-q", "-b", "feature")
    write_files(root, V2, FLOWS_V2)
    commits["v2"] = commit(root, "v2")
    git(root, "checkout", "-q", "-b", "broken")
    write_files(root, V2, FLOWS_V2, MANIFEST.replace("archlex: 1", "archlex: 2"))
    commits["v3"] = commit(root, "v3: a manifest of another format version")
    git(root, "checkout", "-q", "feature")
    for name, commit_id in commits.items():
        git(root, "tag", name, commit_id)
    renamed = V2.replace("name: Police information system", f"name: {_quoted(HOSTILE_NAME)}")
    (root / "model" / "model.yaml").write_text(renamed, encoding="utf-8")
    added = f"data:\n  - id: hostile-data\n    name: {_quoted(HOSTILE_NAME)}\n"
    (root / "model" / "flows" / "added.yaml").write_text(added, encoding="utf-8")
    return Repo(root, commits)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """The repository, built once per test module (the tests only read it)."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for the diff tests")
    return build_repo(tmp_path_factory.mktemp("diff") / "repo")
