"""A cache of parsed and validated model files, keyed by their content, in a folder users may
delete. Never wrong: the key covers the file's bytes, its name in the model and archlex's own
code; an entry that fails its checksum or does not unpickle is ignored, not trusted."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import archlex
from archlex.findings import Finding
from archlex.load.sources import Located
from archlex.load.yaml_reader import YamlProblem
from archlex.model import ModelFile
from archlex.model.common import Entity

FORMAT = 1
_CHECKSUM = 32  # bytes of sha256 before the pickled payload


@dataclass
class FileOutcome:
    """What loading one file added to the model: entities, positions, findings."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[YamlProblem] = field(default_factory=list)
    parts: list[ModelFile] = field(default_factory=list)
    invalid_ids: list[str] = field(default_factory=list)
    placed: list[tuple[Entity, Located]] = field(default_factory=list)


def default_folder() -> Path:
    """$ARCHLEX_CACHE_DIR, else $XDG_CACHE_HOME/archlex, else ~/.cache/archlex."""
    if os.environ.get("ARCHLEX_CACHE_DIR"):
        return Path(os.environ["ARCHLEX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "archlex"


def _code_fingerprint() -> str:
    """archlex's version and the size and time of each of its modules: a changed archlex
    (an upgrade, or an edit in a source checkout) never reads an older entry."""
    package = Path(archlex.__file__).parent
    digest = hashlib.sha256(f"{FORMAT}:{archlex.__version__}".encode())
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        digest.update(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


class ParseCache:
    """Entries by key in `folder`; every failure to read or write one is a miss, not an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._code = _code_fingerprint()

    def key(self, display: str, raw: bytes) -> str:
        """The key of a file: its name in the model, its bytes, and archlex's code."""
        return hashlib.sha256(f"{self._code}\0{display}\0".encode() + raw).hexdigest()

    def get(self, key: str) -> FileOutcome | None:
        """The cached outcome, or None when missing, corrupt or unreadable."""
        try:
            blob = (self.folder / key[:2] / key).read_bytes()
        except OSError:
            return None
        payload = blob[_CHECKSUM:]
        if len(blob) <= _CHECKSUM or hashlib.sha256(payload).digest() != blob[:_CHECKSUM]:
            return None
        try:
            value = pickle.loads(payload)
        except Exception:  # a corrupt or incompatible entry is a miss
            return None
        return value if isinstance(value, FileOutcome) else None

    def put(self, key: str, outcome: FileOutcome) -> None:
        """Store an outcome atomically; a cache that cannot be written is skipped."""
        folder = self.folder / key[:2]
        with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
            folder.mkdir(parents=True, exist_ok=True)
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(hashlib.sha256(payload).digest() + payload)
                Path(temporary).replace(folder / key)
            finally:
                with contextlib.suppress(OSError):
                    Path(temporary).unlink()
