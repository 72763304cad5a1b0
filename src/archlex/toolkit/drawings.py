"""A content-keyed store of what Graphviz drew: the same DOT source gives the same SVG, PNG and
layout, so a drawing asked for twice is laid out once.

Two lifetimes, one store: `drawings_cached_in(folder)` keeps the drawings in archlex's cache
folder across builds (the site build opens it unless `--no-cache`), and `drawings_shared()`
keeps them for one block only, when no cache is open: within one build a diagram tried,
dropped and drawn again (`render/diagrams/product.py` keeps the drawing whose text prints
largest), or a drawing the same in two languages, is laid out once. That store keeps the SVGs
and layouts in memory (a file of its own for each cost about a millisecond a part, a tenth of
the diagram stage's own Python time at 10k entities) and the PNGs in a temporary folder (they
are most of the bytes, and each is asked for once): at 10k, 48 MB of memory a language.

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
from typing import Protocol

from archlex.cache_folder import read_private, write_private


class _Store(Protocol):
    """Where the parts of the drawings are kept: `_Folder` or `_Memory`."""

    def read(self, name: str) -> bytes | None:
        """The part stored as `name` (`<key>.<part>`), None when there is none."""

    def mark_used(self, name: str) -> None:
        """Note that the part `name` was used (kept longer)."""

    def write(self, name: str, content: bytes) -> None:
        """Store `content` as `name`."""


class _Folder:
    """The parts as files of a cache folder, read only when the folder and the file are the
    user's alone (a drawing goes into the site as it is)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read(self, name: str) -> bytes | None:
        """The file's bytes."""
        return read_private(self.folder / name, self.folder)

    def mark_used(self, name: str) -> None:
        """The file's time set to now: in use, kept (`_drop_unused`)."""
        with contextlib.suppress(OSError):
            os.utime(self.folder / name)

    def write(self, name: str, content: bytes) -> None:
        """Written whole under a name of its own first (`write_private`)."""
        write_private(self.folder / name, content)


class _Memory:
    """The SVGs and layouts in a dict, for one block (`drawings_shared`), and the images (PNG,
    most of the bytes, and drawn once for the drawing kept) in a folder. Two threads write
    different names, or the same bytes under one name; a dict's item is set whole."""

    def __init__(self, images: _Folder) -> None:
        self.parts: dict[str, bytes] = {}
        self.images = images

    def read(self, name: str) -> bytes | None:
        """The bytes stored as `name`."""
        return self.images.read(name) if _is_image(name) else self.parts.get(name)

    def mark_used(self, name: str) -> None:
        """Nothing to do: the block keeps every part."""

    def write(self, name: str, content: bytes) -> None:
        """Keep the bytes."""
        if _is_image(name):
            self.images.write(name, content)
        else:
            self.parts[name] = content


def _is_image(name: str) -> bool:
    return name.endswith(".png")


_STORE: ContextVar[_Store | None] = ContextVar("drawings", default=None)
_KEPT_SECONDS = 30 * 24 * 3600


@contextlib.contextmanager
def drawings_cached_in(folder: Path | None) -> Iterator[None]:
    """Within the block, `run_dot` takes drawings already made from `folder`, and keeps the
    ones it makes there (None: no cache; see `drawings_shared`)."""
    token = _STORE.set(None if folder is None else _Folder(folder))
    try:
        yield
    finally:
        _STORE.reset(token)
        if folder is not None:
            _drop_unused(folder)


@contextlib.contextmanager
def drawings_shared() -> Iterator[None]:
    """Within the block, a drawing is laid out once however often it is asked for: in the
    cache folder if one is open, else in memory and a temporary folder, let go at the end."""
    if _STORE.get() is not None:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="archlex-drawings-") as images:
        token = _STORE.set(_Memory(_Folder(Path(images))))
        try:
            yield
        finally:
            _STORE.reset(token)


def drawing_key(dot: str, source: str) -> str | None:
    """The key of one drawing, or None when no store is open."""
    if _STORE.get() is None:
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
    store = _STORE.get()
    if key is None or store is None:
        return None
    stored = [store.read(f"{key}.{part}") for part, _ in parts]
    if any(content is None for content in stored):
        return None
    for (part, target), content in zip(parts, stored, strict=True):
        assert content is not None
        if target is not None:
            target.write_bytes(content)
        store.mark_used(f"{key}.{part}")
    return stored[0]


def _keep(key: str, parts: list[tuple[str, bytes]]) -> None:
    """Store the parts of the entry `key`, in order (so the part written last says the entry
    is complete)."""
    store = _STORE.get()
    if store is None:
        return
    for part, content in parts:
        store.write(f"{key}.{part}", content)


def _drop_unused(folder: Path) -> None:
    oldest = time.time() - _KEPT_SECONDS
    for path in folder.glob("*.*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < oldest:
                path.unlink()
