"""Where archlex caches what it derived from a model, and the fingerprint of archlex's own code
that every cached entry is keyed by. Plain Python: `archlex catalog` uses it before, and often
instead of, loading the models."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import archlex


def default_folder() -> Path:
    """$ARCHLEX_CACHE_DIR, else $XDG_CACHE_HOME/archlex, else ~/.cache/archlex."""
    if os.environ.get("ARCHLEX_CACHE_DIR"):
        return Path(os.environ["ARCHLEX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "archlex"


def code_fingerprint(kind: str) -> str:
    """archlex's version and the size and time of each of its modules, for one kind of cached
    entry: a changed archlex (an upgrade, or an edit in a source checkout) never reads an older
    entry."""
    package = Path(archlex.__file__).parent
    digest = hashlib.sha256(f"{kind}:{archlex.__version__}".encode())
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        digest.update(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


_CHECKSUM = 32  # bytes of sha256 before the pickled payload


def read_sealed(path: Path) -> Any:
    """The value `write_sealed` kept at `path`, or None when it is missing, unreadable, fails its
    checksum or does not unpickle: a cache entry is a miss then, never trusted."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    payload = blob[_CHECKSUM:]
    if len(blob) <= _CHECKSUM or hashlib.sha256(payload).digest() != blob[:_CHECKSUM]:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a corrupt or incompatible entry is a miss
        return None


def write_sealed(path: Path, value: object) -> None:
    """Keep `value` at `path`, pickled behind its sha256, atomically; a cache that cannot be
    written is skipped."""
    with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(hashlib.sha256(payload).digest() + payload)
            Path(temporary).replace(path)
        finally:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
