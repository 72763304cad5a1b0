"""The model at a git revision: resolved with git, copied out of git's objects, never checked out.

The user's working tree and index are only ever read: a revision's files are written into a
temporary folder of our own (from `git ls-tree` and `git cat-file`), and the working tree is
loaded where it lies.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from archlex.errors import ArchlexError
from archlex.load.manifest import MANIFEST_NAME, find_manifest

GIT_TIMEOUT = 60  # seconds for one git command
MAIN_BRANCHES = ("main", "master", "origin/main", "origin/master")
SYMLINK_MODE = "120000"


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
                try:
                    base = self.git("merge-base", "HEAD", branch).decode().strip()
                except ArchlexError as error:
                    raise ArchlexError(
                        f"HEAD and {branch} have no commit in common in {self.root}",
                        "name the revisions to compare: archlex diff REV_A [REV_B] [PATH]",
                    ) from error
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
        entries = self._tree(commit)
        contents = self._blobs([entry.object_id for entry in entries])
        for entry in entries:
            write_entry(into, entry, contents[entry.object_id])
        return into / self.model_folder / MANIFEST_NAME

    def _tree(self, commit: str) -> list[TreeEntry]:
        """The files under the model's folder at a commit, as git stores them.

        Read from the tree rather than through `git archive`, which applies the repository's
        `export-ignore` and `export-subst` attributes and could drop or rewrite model files.
        """
        folder = self.model_folder.as_posix()
        listing = self.git("ls-tree", "-r", "-z", "--full-tree", commit, "--", folder)
        entries = []
        for record in listing.split(b"\0"):
            if not record:
                continue
            info, _, path = record.partition(b"\t")
            mode, kind, object_id = info.decode().split(" ")
            if kind == "blob":  # a submodule (a commit) has no files here
                entries.append(TreeEntry(mode, object_id, path.decode("utf-8", "surrogateescape")))
        return entries

    def _blobs(self, object_ids: list[str]) -> dict[str, bytes]:
        """The contents of blobs, by id, in one `git cat-file --batch`."""
        unique = sorted(set(object_ids))
        if not unique:
            return {}
        out = run_git(self.root, "cat-file", "--batch", stdin="\n".join(unique) + "\n")
        contents: dict[str, bytes] = {}
        offset = 0
        for object_id in unique:
            end = out.index(b"\n", offset)
            size = int(out[offset:end].split(b" ")[2])
            contents[object_id] = out[end + 1 : end + 1 + size]
            offset = end + 1 + size + 1  # the content is followed by a newline
        return contents

    def _has_file(self, commit: str, path: str) -> bool:
        try:
            kind = self.git("cat-file", "-t", f"{commit}:{path}").decode().strip()
        except ArchlexError:
            return False
        return kind == "blob"


@dataclass(frozen=True)
class TreeEntry:
    """A file in a commit's tree: its mode, blob id and path from the repository's root."""

    mode: str
    object_id: str
    path: str


def write_entry(into: Path, entry: TreeEntry, content: bytes) -> None:
    """Write one file of a tree under `into`; nothing is ever written outside it."""
    relative = PurePosixPath(entry.path)
    if relative.is_absolute() or ".." in relative.parts:
        return  # git does not store such paths; a crafted tree is not followed
    target = into.joinpath(*relative.parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    if entry.mode == SYMLINK_MODE:
        pointed = os.path.normpath(target.parent / content.decode("utf-8", "surrogateescape"))
        if Path(pointed).is_relative_to(into):  # a link out of the copy is left out
            target.symlink_to(content.decode("utf-8", "surrogateescape"))
        return
    target.write_bytes(content)


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
            f"{manifest.parent} is not in a git repository ({error.message})",
            "archlex diff compares revisions of a model kept in git; run it inside the repository",
        ) from error
    root = Path(top).resolve()
    if not manifest.parent.is_relative_to(root):
        raise ArchlexError(
            f"the model {manifest.parent} lies outside its git repository {root} (a link?)",
            "pass the model's folder inside the repository",
        )
    folder = PurePosixPath(manifest.parent.relative_to(root).as_posix())
    return Repository(root, folder), manifest


def _commit(revision: str) -> str:
    """The revision peeled to a commit (a tag names its commit), as `git rev-parse` reads it."""
    return f"{revision}^{{commit}}"


def run_git(cwd: Path, *args: str, stdin: str | None = None) -> bytes:
    """Run one git command, read-only by our use; a failure is an ArchlexError."""
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin.encode() if stdin is not None else None,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError as error:
        raise ArchlexError("git is not installed", "install git and run again") from error
    except subprocess.TimeoutExpired as error:
        raise ArchlexError(f"git {args[0]} took longer than {GIT_TIMEOUT} s") from error
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ArchlexError(f"git {args[0]} failed: " + (detail[0] if detail else "no message"))
    return result.stdout
