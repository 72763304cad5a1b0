"""One model the editor has open: its manifest, an in-memory parse cache, and the last check
of the model with the editor's unsaved buffers laid over the files on disk."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from dataclasses import dataclass, field
from pathlib import Path

from archlex.api import check_model
from archlex.errors import ArchlexError
from archlex.load.cache import MemoryParseCache
from archlex.load.libraries import BUNDLED_LIBRARIES, library_manifest
from archlex.load.manifest import MANIFEST_NAME
from archlex.lsp.files import path_of
from archlex.outcome import Report


class DiskTexts:
    """Model files' text as on disk, read again only when a file's size or time changes."""

    def __init__(self) -> None:
        self._texts: dict[Path, tuple[int, int, str]] = {}

    def read(self, path: Path) -> str:
        """The file's text ("" when it cannot be read)."""
        try:
            status = path.stat()
        except OSError:
            return ""
        known = self._texts.get(path)
        if known is not None and known[:2] == (status.st_mtime_ns, status.st_size):
            return known[2]
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        self._texts[path] = (status.st_mtime_ns, status.st_size, text)
        return text


@dataclass
class Snapshot:
    """One check: the report (None when the model cannot be read) and the texts it read."""

    root: Path
    report: Report | None
    today: dt.date
    error: ArchlexError | None = None
    texts: dict[Path, str] = field(default_factory=dict)  # the open buffers, by resolved path
    disk: DiskTexts = field(default_factory=DiskTexts, repr=False)
    _lines: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def kinds(self) -> dict[str, str]:
        """Every entity id's kind (`system`, `work package`, ...), the first of a repeated id."""
        kinds: dict[str, str] = {}
        if self.report is not None:
            for kind, entity in self.report.model.entities():
                kinds.setdefault(entity.id, kind)
        return kinds

    def lines(self, display: str) -> list[str]:
        """The lines of a model file (by its name in the model) as this check read them."""
        if display not in self._lines:
            self._lines[display] = self._read(display).splitlines()
        return self._lines[display]

    def _read(self, display: str) -> str:
        path = path_of(self.root, display).resolve()
        text = self.texts.get(path)
        return text if text is not None else self.disk.read(path)

    def line(self, display: str, number: int) -> str:
        """One 1-based line of a model file, or "" past its end."""
        lines = self.lines(display)
        return lines[number - 1] if 0 < number <= len(lines) else ""


class ModelSession:
    """Checks one model again and again; only files whose text changed are read again."""

    def __init__(self, manifest: Path, today: dt.date | None = None) -> None:
        self.manifest = manifest
        self.root = manifest.parent
        self.today = today
        self.cache = MemoryParseCache()
        self.snapshot: Snapshot | None = None
        self.disk = DiskTexts()
        self._lock = threading.Lock()  # one check at a time: the cache is not shared safely

    def check(self, texts: dict[Path, str]) -> Snapshot:
        """Check the model with `texts` (open buffers, by resolved path) over the disk."""
        overlay = {path: text.encode("utf-8") for path, text in texts.items()}
        today = self.today or dt.date.today()
        with self._lock:
            try:
                report = check_model(
                    self.manifest, self.root, today=today, cache=self.cache, overlay=overlay
                )
                snapshot = Snapshot(self.root, report, today, None, dict(texts), self.disk)
            except ArchlexError as error:
                snapshot = Snapshot(self.root, None, today, error, dict(texts), self.disk)
            self.cache.sweep()
        self.snapshot = snapshot
        return snapshot


def find_manifest_for(path: Path) -> Path | None:
    """The nearest model manifest in the folders above a file (a library's counts too)."""
    for folder in path.parents:
        candidate = folder / MANIFEST_NAME
        if candidate.is_file():
            return candidate
    return None


def is_library_manifest(manifest: Path) -> bool:
    """Whether a manifest is one of the bundled libraries' (not a model of its own to check)."""
    for name in BUNDLED_LIBRARIES:
        library = library_manifest(name)
        if library is not None and library.resolve() == manifest.resolve():
            return True
    return False
