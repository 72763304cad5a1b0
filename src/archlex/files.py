"""Writing outputs so that an interrupted run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import hashlib
import operator
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from archlex.errors import ArchlexError

# The file that marks a folder as archlex's output and lists what archlex wrote there (see
# archlex.render.staging).
OUTPUT_MARKER = ".archlex-output"
# The name of a staging folder, where the next version of an output folder is written before it
# replaces the old one: `.<output>.archlex-<pid>-<random>`, e.g. `.site.archlex-4711-k2j9`.
_STAGING_NAME = re.compile(r"^\..+\.archlex-\d+-[^.]+$")


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file through a temporary file in the same folder, then move it into place."""
    import tempfile  # here: a check that writes nothing but its report need not import it

    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            umask = os.umask(0)
            os.umask(umask)
            Path(temporary).chmod(0o666 & ~umask)  # mkstemp creates 0600
            Path(temporary).replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            raise
    except OSError as error:
        raise ArchlexError(
            f"cannot write {path}: {error.strerror}", "check the folder exists and is writable"
        ) from error


class OutputFolders:
    """Which files below a model's folder archlex wrote as output, to be never read back as
    the model: output folders may sit inside the model's (`./site` next to `archlex.yaml`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._written: dict[Path, frozenset[str] | None] = {}
        # Folders with no output folder between them and the root: none of their files is
        # output (most folders of a model; asked once per folder, not per file).
        self._plain: dict[Path, bool] = {}

    def is_output(self, path: Path) -> bool:
        """Whether archlex wrote `path` into an output folder, or is writing it now."""
        folder = path.parent
        plain = self._plain.get(folder)
        if plain is None:
            plain = self._plain[folder] = not self._claimed(folder)
        if plain:
            return False
        while folder != self.root and folder.is_relative_to(self.root):
            if _STAGING_NAME.match(folder.name):
                return True
            written = self._written_in(folder)
            if written is not None and path.relative_to(folder).as_posix() in written:
                return True
            folder = folder.parent
        return False

    def _claimed(self, folder: Path) -> bool:
        """Whether the folder or one above it (below the root) is a staging folder or holds
        an output marker: then its files are each looked at."""
        while folder != self.root and folder.is_relative_to(self.root):
            if _STAGING_NAME.match(folder.name) or self._written_in(folder) is not None:
                return True
            folder = folder.parent
        return False

    def _written_in(self, folder: Path) -> frozenset[str] | None:
        if folder not in self._written:
            self._written[folder] = written_by_archlex(folder)
        return self._written[folder]


def written_by_archlex(folder: Path) -> frozenset[str] | None:
    """The files the folder's marker lists (None: no marker). A marker without a list, from an
    archlex that did not write one, claims every file of the folder."""
    try:
        lines = (folder / OUTPUT_MARKER).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    if lines and lines[0].endswith(":"):
        return frozenset(line for line in lines[1:] if line)
    return frozenset(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# What pathlib raises for a pattern that is no glob ("", "/abs", "**x"), depending on the pattern
# and the Python version: `except BAD_GLOB` around `glob_files`.
BAD_GLOB = (ValueError, IndexError, NotImplementedError)


# Paths in pathlib's order, compared by a tuple each keeps: pathlib compares the parts, case
# folded on Windows only, making them again for each comparison (hundreds of files a glob).
_PATH_ORDER = None if os.name == "nt" else operator.attrgetter("parts")


def glob_files(root: Path, pattern: str, outputs: OutputFolders) -> list[Path]:
    """The files an `include` glob matches below `root`, sorted, leaving out what archlex wrote
    as output. Raises one of `BAD_GLOB` for a pattern that is no glob."""
    matched = (p for p in root.glob(pattern) if p.is_file() and not outputs.is_output(p))
    return sorted(matched, key=_PATH_ORDER)


@dataclass
class Inputs:
    """What one load of a model read: each file (path, sha256 of its bytes) and each `include`
    glob it expanded (folder, pattern). A result derived from the model alone stays right while
    `changed()` is False (archlex.cli.report_cache)."""

    files: list[tuple[str, str]] = field(default_factory=list)
    globs: list[tuple[str, str]] = field(default_factory=list)
    listing: list[tuple[str, ...]] = field(default_factory=list)  # each glob's files, once read

    def read(self, path: Path, raw: bytes) -> None:
        """Record a file's bytes as read."""
        self.files.append((str(path), hashlib.sha256(raw).hexdigest()))

    def unreadable(self, path: Path) -> None:
        """Record a file that could not be read (no digest)."""
        self.files.append((str(path), ""))

    def snapshot(self) -> None:
        """Record what each glob matches now (after the load, once)."""
        self.listing = _listing(self.globs)

    def changed(self) -> bool:
        """Whether any file's bytes, or what any glob matches, differ from what was read."""
        for path, digest in self.files:
            try:
                if hashlib.sha256(Path(path).read_bytes()).hexdigest() != digest:
                    return True
            except OSError:
                if digest:
                    return True
        return self.listing_changed()

    def listing_changed(self) -> bool:
        """Whether any `include` glob matches other files now than when the load read them."""
        return _listing(self.globs) != self.listing


def _listing(globs: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """Each glob's files, with the real path each resolves to (a link may change target)."""
    found: list[tuple[str, ...]] = []
    outputs: dict[str, OutputFolders] = {}
    for root, pattern in globs:
        folder = outputs.setdefault(root, OutputFolders(Path(root)))
        try:
            matched = glob_files(Path(root), pattern, folder)
        except BAD_GLOB:
            found.append(("not a glob",))
            continue
        found.append(tuple(f"{p}\0{p.resolve()}" for p in matched))
    return found
