"""A content-keyed store of what Graphviz drew: the same DOT source gives the same SVG, PNG and
layout, so a drawing asked for twice is laid out once.

Two lifetimes, one store: `drawings_cached_in(folder)` keeps the drawings in archlex's cache
folder across builds (the site build opens it unless `--no-cache`), and `drawings_shared()`
keeps them for one block only, in a temporary folder, when no cache is open: within one build
a diagram tried, dropped and drawn again (`render/diagrams/product.py` keeps the drawing whose
text prints largest), or a drawing the same in two languages, is laid out once.

The key holds the DOT source and the `dot` program's path, size and time (an upgraded Graphviz
draws again), not the formats: an entry is the SVG and the layout (`-Tplain`), and the PNG when
one was asked for, all from one layout. Graphviz writes the same SVG and layout whether or not
it also writes the PNG (`tests/toolkit/test_drawings.py`), so an entry with a PNG serves a
request without one. A PNG drawn on its own (`run_png`, at the resolution it is printed at) is
one more image of the entry, named by its resolution. Cached entries unused for 30 days are
dropped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from archlex.cache_folder import read_private, write_private

_FOLDER: ContextVar[Path | None] = ContextVar("drawings", default=None)
_KEPT_SECONDS = 30 * 24 * 3600


@contextlib.contextmanager
def drawings_cached_in(folder: Path | None) -> Iterator[None]:
    """Within the block, `run_dot` takes drawings already made from `folder`, and keeps the
    ones it makes there (None: no cache; see `drawings_shared`)."""
    token = _FOLDER.set(folder)
    try:
        yield
    finally:
        _FOLDER.reset(token)
        if folder is not None:
            _drop_unused(folder)


@contextlib.contextmanager
def drawings_shared() -> Iterator[None]:
    """Within the block, a drawing is laid out once however often it is asked for: in the
    cache folder if one is open, else in a temporary folder removed at the end."""
    if _FOLDER.get() is not None:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="archlex-drawings-") as folder:
        token = _FOLDER.set(Path(folder))
        try:
            yield
        finally:
            _FOLDER.reset(token)


def drawing_key(dot: str, source: str) -> str | None:
    """The key of one drawing, or None when no store is open."""
    if _FOLDER.get() is None:
        return None
    stat = Path(dot).stat()
    digest = hashlib.sha256(f"{dot}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    digest.update(source.encode("utf-8", "replace"))
    return digest.hexdigest()


def cached_drawing(key: str | None, svg: Path, png: Path | None) -> str | None:
    """Write the stored SVG (and PNG, if asked for) of `key` and return its layout; None when
    not stored, or stored without the PNG asked for."""
    wanted = [("svg", svg), ("png", png)] if png is not None else [("svg", svg)]
    # The layout first: it is written last, so an entry with one is complete.
    plain = _copy_out(key, [("plain", None), *wanted])
    return None if plain is None else plain.decode("utf-8")


def keep_drawing(key: str | None, svg: Path, png: Path | None, plain: str) -> None:
    """Store a drawing just made (the layout last: an entry counts only when complete)."""
    if key is None:  # no store open: the files are not read
        return
    parts = [("png", png.read_bytes())] if png is not None else []
    _keep(key, [*parts, ("svg", svg.read_bytes()), ("plain", plain.encode("utf-8"))])


def cached_image(key: str | None, part: str, target: Path) -> bool:
    """Write the stored image `part` of `key` (say `png`) to `target`; whether it was stored
    (and trusted, as `cached_drawing` reads)."""
    return _copy_out(key, [(part, target)]) is not None


def keep_image(key: str | None, part: str, image: Path) -> None:
    """Store an image just drawn as the part `part` of the entry `key`."""
    if key is not None:  # else no store is open
        _keep(key, [(part, image.read_bytes())])


def _copy_out(key: str | None, parts: list[tuple[str, Path | None]]) -> bytes | None:
    """Copy the stored parts of `key` to their targets (a part without one is only read) and
    mark them in use; the first part's bytes, or None (nothing written) when a part is not
    stored, or no store is open."""
    folder = _FOLDER.get()
    if key is None or folder is None:
        return None
    # Read only when the folder and the file are the user's alone: a drawing goes into the
    # site as it is.
    stored = [read_private(folder / f"{key}.{part}", folder) for part, _ in parts]
    if any(content is None for content in stored):
        return None
    for (part, target), content in zip(parts, stored, strict=True):
        assert content is not None
        if target is not None:
            target.write_bytes(content)
        with contextlib.suppress(OSError):
            os.utime(folder / f"{key}.{part}")  # in use: kept
    return stored[0]


def _keep(key: str, parts: list[tuple[str, bytes]]) -> None:
    """Store the parts of the entry `key`, in order, each file written whole under a name of
    its own first (so the part written last says the entry is complete)."""
    folder = _FOLDER.get()
    if folder is None:
        return
    for part, content in parts:
        write_private(folder / f"{key}.{part}", content)


def _drop_unused(folder: Path) -> None:
    oldest = time.time() - _KEPT_SECONDS
    for path in folder.glob("*.*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < oldest:
                path.unlink()
