"""`archlex check`'s report as it was written, for a model none of whose inputs changed.

An entry is keyed by archlex's code and data files, the command's options, the day it is
evaluated on and the folder it runs from; it keeps the digest of every file the load read and
the files each `include` glob matched (archlex.files.Inputs). It is used only when all of them
are the same again, so the output is byte-identical to checking anew; anything else checks
anew and replaces the entry. A hit imports neither the loader nor pydantic. Like the parse
cache, an entry that fails its checksum or does not unpickle is a miss, never trusted.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import archlex
from archlex.cache_folder import read_sealed, write_sealed
from archlex.files import Inputs

FORMAT = 2


@dataclass(frozen=True)
class CachedReport:
    """What a run wrote and its exit code."""

    text: str
    exit_code: int


class ReportCache:
    """The one entry for a request (the options that shape the report) in `folder`/reports."""

    def __init__(self, folder: Path, request: tuple[object, ...]) -> None:
        key = hashlib.sha256(f"{_fingerprint()}\0{request!r}".encode()).hexdigest()
        self.folder = folder
        self.path = folder / "reports" / key[:2] / key

    def get(self) -> CachedReport | None:
        """The report, if the entry is sound and no input of the model changed since."""
        entry = read_sealed(self.path, self.folder)
        try:
            version, files, globs, listing, presence, text, exit_code = entry
        except (TypeError, ValueError):  # not an entry of this shape: a miss
            return None
        inputs = Inputs(files, globs, listing)
        if version != FORMAT or _moved(presence) or inputs.changed():
            return None
        return CachedReport(text, exit_code)

    def put(self, inputs: Inputs, watched: list[Path], report: CachedReport) -> None:
        """Keep a report with what it was made from; a cache that cannot be written is
        skipped. `watched`: files the load did not read whose coming or going changes the
        report (a manifest that would be found instead, the files the document names)."""
        if not inputs.files:  # the load recorded nothing: nothing to check an entry against
            return
        presence = [(str(p), p.is_file()) for p in watched]
        entry = (FORMAT, inputs.files, inputs.globs, inputs.listing, presence)
        write_sealed(self.path, (*entry, report.text, report.exit_code))


def _moved(presence: list[tuple[str, bool]]) -> bool:
    """Whether a watched file came or went since the report was made."""
    return any(Path(path).is_file() != was for path, was in presence)


def _fingerprint() -> str:
    """archlex's version and the size and time of every file of the package (its code, message
    catalogs, templates, the bundled library when it sits there): a changed archlex never
    reads an older report."""
    digest = hashlib.sha256(f"report-{FORMAT}:{archlex.__version__}".encode())
    for where, size, modified in _files(Path(archlex.__file__).parent, ""):
        digest.update(f"{where}:{size}:{modified};".encode())
    return digest.hexdigest()


def _files(folder: Path | os.DirEntry[str], prefix: str) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime) of every file below a folder, in a stable order, with
    os.scandir: pathlib's rglob would cost a cached report a third of its time."""
    found: list[tuple[str, int, int]] = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir() and entry.name != "__pycache__":
                found += _files(entry, f"{prefix}{entry.name}/")
            elif entry.is_file():
                stat = entry.stat()
                found.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns))
    return found
