"""Where archlex caches what it derived from a model, and the fingerprint of archlex's own code
that every cached entry is keyed by. Plain Python: `archlex catalog` uses it before, and often
instead of, loading the models."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import warnings
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
    digest = hashlib.sha256(f"{kind}:{archlex.__version__}".encode())
    digest.update(_modules())
    return digest.hexdigest()


@functools.cache
def _modules() -> bytes:
    """The relative path, size and time of every module of the package, listed once per
    process (several kinds of entry are keyed by them), with os.scandir (pathlib's rglob
    costs several times as much)."""
    found: list[str] = []
    folders = [(Path(archlex.__file__).parent, "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    folders.append((Path(entry.path), f"{prefix}{entry.name}/"))
                elif entry.name.endswith(".py"):
                    stat = entry.stat()
                    found.append(f"{prefix}{entry.name}:{stat.st_size}:{stat.st_mtime_ns};")
    return "".join(sorted(found)).encode()


_CHECKSUM = 32  # bytes of sha256 before the pickled payload
_TRUST: dict[Path, bool] = {}  # each cache folder's verdict, once per process


class UntrustedCacheWarning(UserWarning):
    """The cache folder, or a file in it, can be written by someone else: it is not read."""


def trusted(folder: Path) -> bool:
    """Whether entries may be read from the cache folder: it is owned by the user running
    archlex and writable by nobody else (unpickling an entry can run code). A missing folder
    is made private. Warns once (UntrustedCacheWarning) when it is not trusted; a folder that
    cannot be made or read is simply not used (every read is a miss)."""
    verdict = _TRUST.get(folder)
    if verdict is None:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            problem = _exposed(folder.stat())
        except OSError:
            problem = ""
        verdict = _TRUST[folder] = problem is None
        if problem:
            _warn(folder, f"the cache folder {folder} {problem}")
    return verdict


def _exposed(stat: os.stat_result) -> str | None:
    """What makes a folder or file writable by another user, or None when nothing does."""
    if not hasattr(os, "getuid"):  # Windows: access is a matter of ACLs, not of these bits
        return None
    if stat.st_uid != os.getuid():
        return f"belongs to another user (uid {stat.st_uid})"
    if stat.st_mode & 0o022:
        return f"is writable by group or others (mode {stat.st_mode & 0o777:04o})"
    return None


def _warn(folder: Path, problem: str) -> None:
    """Stop reading the folder, and say so once."""
    _TRUST[folder] = False
    warnings.warn(
        f"{problem}: the cache is not used; make the folder yours and private "
        f"(chmod -R go-w {folder}) or set ARCHLEX_CACHE_DIR to another one",
        UntrustedCacheWarning,
        stacklevel=3,
    )


def read_sealed(path: Path, folder: Path) -> Any:
    """The value `write_sealed` kept at `path` in the cache folder `folder`, or None when the
    folder or the file is not trusted, or the file is missing, unreadable, fails its checksum
    or does not unpickle: a cache entry is a miss then, never trusted."""
    blob = read_private(path, folder)
    if blob is None:
        return None
    payload = blob[_CHECKSUM:]
    if len(blob) <= _CHECKSUM or hashlib.sha256(payload).digest() != blob[:_CHECKSUM]:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a corrupt or incompatible entry is a miss
        return None


def read_private(path: Path, folder: Path) -> bytes | None:
    """The bytes of a file in the cache folder `folder`, or None when the folder or the file is
    not trusted (`trusted`: someone else could have written it) or the file cannot be read.
    Every entry archlex reads from the cache goes through here: a pickle could run code, and a
    drawing or a page is copied into the site as it is."""
    if not trusted(folder):
        return None
    try:
        with path.open("rb") as stream:
            problem = _exposed(os.fstat(stream.fileno()))
            if problem is not None:
                _warn(folder, f"the cache file {path} {problem}")
                return None
            return stream.read()
    except OSError:
        return None


def write_sealed(path: Path, value: object) -> None:
    """Keep `value` at `path`, pickled behind its sha256, atomically; a cache that cannot be
    written, or that is not trusted (`trusted`), is skipped."""
    with contextlib.suppress(pickle.PicklingError, RecursionError):
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        write_private(path, hashlib.sha256(payload).digest() + payload)


def write_private(path: Path, content: bytes) -> None:
    """Keep `content` at `path` in the cache folder, atomically (a reader never sees half a
    file) and private to the user (`read_private` reads it back under any umask); a cache
    that cannot be written, or that is not trusted (`trusted`), is skipped."""
    if any(not ok and folder in path.parents for folder, ok in _TRUST.items()):
        return
    import tempfile  # here: a run that reads every entry it needs writes none

    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            Path(temporary).replace(path)
        finally:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
