"""A content-keyed cache of what Graphviz drew, for rebuilds: the same DOT source and options
give the same SVG, PNG and layout, so an unchanged diagram is copied instead of laid out again.

Off unless a caller opens `drawings_cached_in(folder)` (the site build does, with archlex's
cache folder); the key holds the DOT source, the options and the `dot` program's size and
time, so an upgraded Graphviz draws again. Entries unused for 30 days are dropped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

_FOLDER: ContextVar[Path | None] = ContextVar("drawings", default=None)
_KEPT_SECONDS = 30 * 24 * 3600
_PARTS = ("svg", "png", "plain")


@contextlib.contextmanager
def drawings_cached_in(folder: Path | None) -> Iterator[None]:
    """Within the block, `run_dot` takes unchanged drawings from `folder` (None: no cache)."""
    token = _FOLDER.set(folder)
    try:
        yield
    finally:
        _FOLDER.reset(token)
        if folder is not None:
            _drop_unused(folder)


def drawing_key(dot: str, options: tuple[str, ...], source: str) -> str | None:
    """The key of one drawing, or None when no cache is open."""
    if _FOLDER.get() is None:
        return None
    stat = Path(dot).stat()
    digest = hashlib.sha256(f"{dot}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    digest.update("\0".join(options).encode() + b"\0" + source.encode("utf-8", "replace"))
    return digest.hexdigest()


def _parts(png: Path | None) -> tuple[str, ...]:
    return _PARTS if png is not None else ("svg", "plain")


def cached_drawing(key: str | None, svg: Path, png: Path | None) -> str | None:
    """Write the cached SVG and PNG (if asked) of `key` and return its layout; None when not
    cached."""
    folder = _FOLDER.get()
    if key is None or folder is None:
        return None
    files = [folder / f"{key}.{part}" for part in _parts(png)]
    try:
        *images, plain = [path.read_bytes() for path in files]
    except OSError:
        return None
    for target, content in zip([svg, png], images, strict=False):
        assert target is not None
        target.write_bytes(content)
    for path in files:
        with contextlib.suppress(OSError):
            os.utime(path)  # in use: kept
    return plain.decode("utf-8")


def keep_drawing(key: str | None, svg: Path, png: Path | None, plain: str) -> None:
    """Store a drawing just made (the layout last: an entry counts only when complete)."""
    folder = _FOLDER.get()
    if key is None or folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    images = [path.read_bytes() for path in (svg, png) if path is not None]
    contents = (*images, plain.encode("utf-8"))
    for part, content in zip(_parts(png), contents, strict=True):
        partial = folder / f"{key}.{os.getpid()}.tmp"
        partial.write_bytes(content)
        partial.replace(folder / f"{key}.{part}")


def _drop_unused(folder: Path) -> None:
    oldest = time.time() - _KEPT_SECONDS
    for path in folder.glob("*.*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < oldest:
                path.unlink()
