"""Writing outputs so that an interrupted run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
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

    def is_output(self, path: Path) -> bool:
        """Whether archlex wrote `path` into an output folder, or is writing it now."""
        folder = path.parent
        while folder != self.root and folder.is_relative_to(self.root):
            if _STAGING_NAME.match(folder.name):
                return True
            written = self._written_in(folder)
            if written is not None and path.relative_to(folder).as_posix() in written:
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
