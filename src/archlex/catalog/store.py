"""The catalog index in the cache folder, and when it may be trusted.

An index is stored with its inputs: the bytes (sha256) of every file the load read or tried to
read, and the names in every folder whose contents could change what is loaded (the model's
folders, where include patterns match, and the working folder, where the model is looked for).
It is used only when every input is unchanged and archlex's code is the same, so it is never
wrong: an edited, added or removed file is a miss. A corrupt or unreadable entry is a miss too.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archlex.cache_folder import code_fingerprint, read_private, write_private
from archlex.catalog.index import INDEX_FORMAT, CatalogIndex, index_from_json, index_to_json

_SKIPPED_FOLDERS = {".git", "__pycache__"}


@dataclass
class Inputs:
    """What an index was built from: file digests (None: the file did not exist) and folder
    listings."""

    files: dict[str, str | None] = field(default_factory=dict)
    folders: dict[str, str | None] = field(default_factory=dict)

    def add_file(self, path: Path) -> None:
        """Record a file's bytes as they are now."""
        self.files[str(path)] = _file_digest(path)

    def add_tree(self, root: Path) -> None:
        """Record the listing of a folder and of every folder below it."""
        for folder, subfolders, _ in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if d not in _SKIPPED_FOLDERS)
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        """Record the names in one folder (not below it)."""
        self.folders[str(folder)] = _folder_digest(folder)

    def unchanged(self) -> bool:
        """True when every recorded file and folder is as it was."""
        return all(_file_digest(Path(p)) == digest for p, digest in self.files.items()) and all(
            _folder_digest(Path(p)) == digest for p, digest in self.folders.items()
        )


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _folder_digest(folder: Path) -> str | None:
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return None
    return hashlib.sha256("\0".join(names).encode("utf-8", "surrogateescape")).hexdigest()


class CatalogStore:
    """Catalog indexes in `folder`/catalog, one per (working folder, model argument)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "catalog"
        self._code = code_fingerprint(f"catalog-{INDEX_FORMAT}")

    def _entry(self, cwd: Path, model: Path | None) -> Path:
        where = f"{cwd.resolve()}\0{model.resolve() if model is not None else ''}"
        return self.folder / (hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest())

    def get(self, cwd: Path, model: Path | None) -> CatalogIndex | None:
        """The stored index when its inputs and archlex are unchanged, else None."""
        raw = read_private(self._entry(cwd, model), self.folder)  # the user's own files only
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            if data["code"] != self._code:
                return None
            inputs = Inputs(dict(data["inputs"]["files"]), dict(data["inputs"]["folders"]))
            if not inputs.unchanged():
                return None
            return index_from_json(data["index"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, corrupt or of another version: a miss, never an error

    def put(self, cwd: Path, model: Path | None, index: CatalogIndex, inputs: Inputs) -> None:
        """Store an index atomically."""
        data: dict[str, Any] = {
            "code": self._code,
            "inputs": {"files": inputs.files, "folders": inputs.folders},
            "index": index_to_json(index),
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_private(self._entry(cwd, model), text.encode("utf-8"))
