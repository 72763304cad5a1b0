"""Where archlex caches what it derived from a model, and the fingerprint of archlex's own code
that every cached entry is keyed by. Plain Python: `archlex catalog` uses it before, and often
instead of, loading the models."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

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
