"""The model at a git revision: resolved with git, copied out with `git archive`, never checked out.

The user's working tree and index are only ever read: a revision's files are extracted into a
temporary folder of our own, and the working tree is loaded where it lies.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from archlex.errors import ArchlexError
from archlex.load.manifest import MANIFEST_NAME, find_manifest

GIT_TIMEOUT = 60  # seconds for one git command
MAIN_BRANCHES = ("main", "master", "origin/main", "origin/master")


@dataclass(frozen=True)
class Repository:
    """A git work tree and where the model's folder sits inside it."""

    root: Path
    model_folder: PurePosixPath  # relative to root, '.' for a model at the top

    def git(self, *args: str) -> bytes:
        """Run git in the repository; its failure becomes an ArchlexError with git's message."""
        return run_git(self.root, *args)

    def commit(self, revision: str) -> str:
        """The full commit id a revision names, or a clear error."""
        try:
            out = self.git("rev-parse", "--verify", "-q", "--end-of-options", _commit(revision))
        except ArchlexError:
            out = b""
        if not out.strip():
            raise ArchlexError(
                f"unknown revision {revision!r} in {self.root}",
                "name a commit, branch or tag (git log --oneline shows them); in CI, fetch the "
                "history (actions/checkout with fetch-depth: 0)",
            )
        return out.decode().strip()

    def merge_base(self) -> tuple[str, str]:
        """The merge base of HEAD with the main branch, and that branch's name."""
        for branch in MAIN_BRANCHES:
            if self._exists(branch):
                base = self.git("merge-base", "HEAD", branch).decode().strip()
                return base, branch
        raise ArchlexError(
            f"no main branch in {self.root} (looked for {', '.join(MAIN_BRANCHES)})",
            "name the revisions to compare: archlex diff REV_A [REV_B] [PATH]",
        )

    def _exists(self, revision: str) -> bool:
        try:
            return bool(self.git("rev-parse", "--verify", "--quiet", _commit(revision)).strip())
        except ArchlexError:
            return False

    def materialise(self, commit: str, label: str, into: Path) -> Path:
        """Extract the model's folder at a commit into `into`; the manifest's path there."""
        manifest = (self.model_folder / MANIFEST_NAME).as_posix()
        if not self._has_file(commit, manifest):
            raise ArchlexError(
                f"there is no model at {manifest} in revision {label}",
                "compare revisions that both have the model, or pass the model's folder as PATH",
            )
        folder = self.model_folder.as_posix()
        archive = self.git("archive", "--format=tar", commit, "--", folder)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            # The `data` filter refuses absolute paths, `..` and links leaving the folder.
            tar.extractall(into, filter="data")
        return into / self.model_folder / MANIFEST_NAME

    def _has_file(self, commit: str, path: str) -> bool:
        try:
            kind = self.git("cat-file", "-t", f"{commit}:{path}").decode().strip()
        except ArchlexError:
            return False
        return kind == "blob"


def names_a_path(argument: str, cwd: Path) -> bool:
    """Whether an argument given as a revision is rather the model's path, as git guesses:
    it exists on disk and names no commit."""
    if not (cwd / argument).exists():
        return False
    try:
        found = run_git(cwd, "rev-parse", "--verify", "-q", "--end-of-options", _commit(argument))
    except ArchlexError:
        return True
    return not found.strip()


def open_repository(path: Path | None, cwd: Path) -> tuple[Repository, Path]:
    """The repository holding the model at PATH, and the model's manifest in the working tree."""
    manifest = find_manifest(path, cwd).resolve()
    try:
        top = run_git(manifest.parent, "rev-parse", "--show-toplevel").decode().strip()
    except ArchlexError as error:
        raise ArchlexError(
            f"{manifest.parent} is not in a git repository",
            "archlex diff compares revisions of a model kept in git; run it inside the repository",
        ) from error
    root = Path(top).resolve()
    folder = PurePosixPath(manifest.parent.relative_to(root).as_posix())
    return Repository(root, folder), manifest


def _commit(revision: str) -> str:
    """The revision peeled to a commit (a tag names its commit), as `git rev-parse` reads it."""
    return f"{revision}^{{commit}}"


def run_git(cwd: Path, *args: str) -> bytes:
    """Run one git command, read-only by our use; a failure is an ArchlexError."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, check=False
        )
    except FileNotFoundError as error:
        raise ArchlexError("git is not installed", "install git and run again") from error
    except subprocess.TimeoutExpired as error:
        raise ArchlexError(f"git {args[0]} took longer than {GIT_TIMEOUT} s") from error
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ArchlexError(f"git {args[0]} failed: " + (detail[0] if detail else "no message"))
    return result.stdout
