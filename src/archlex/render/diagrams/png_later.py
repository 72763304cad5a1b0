"""The printed PNGs of the diagrams drawn after the SVGs, in a process of their own, while the
build renders the other products and writes the pages.

Only the concept's DOCX reads a PNG (python-docx embeds it): the site links to the files and
the concept's Markdown names them, but neither reads them. So when the build opens
`pngs_drawn_later()`, `render_diagrams` keeps, for each PNG, the DOT source of the drawing
kept and the resolution it is printed at, writes an empty file where the PNG goes (a product
that looks for the file finds it), and hands the lot over here at its end; the PNGs are then
drawn in a forked process, by Graphviz, side by side, the largest first, into a folder of its
own: the products are written into a staging folder that is renamed when they are all done,
so the drawings are moved into the output once the build says where it is (`place`, right
after `render_products`). The DOCX's writer
waits for them (`drawn`), the build waits for them before mkdocs copies the files (`finish`),
and a PNG Graphviz could not draw fails the build with the error `run_png` raises. Without the
block (`archlex render`), every PNG is drawn in the diagram stage as before.
"""

from __future__ import annotations

import contextvars
import multiprocessing
import os
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from archlex.toolkit.beside import Beside
from archlex.toolkit.dot import run_png

NAME = "the diagrams' PNGs"


@dataclass(frozen=True)
class PngLater:
    """One PNG to draw: the DOT source of its drawing, its file and its resolution (None:
    Graphviz's own)."""

    source: str
    png: Path
    dpi: float | None


class PngsLater:
    """The PNGs the diagram stage left to draw, and the process that draws them."""

    def __init__(self, background: bool = True) -> None:
        self.background = background and hasattr(os, "fork")
        self.pngs: list[PngLater] = []
        self._lock = threading.Lock()  # the diagrams are drawn in threads
        self._drawer: Beside | None = None
        self._root = Path()  # the folder the products are rendered into (a staging folder)
        self._placed = False
        self._where = multiprocessing.get_context("fork").Pipe(duplex=False)

    def add(self, png: PngLater) -> None:
        """Leave a PNG to draw; its file is there already, empty, until it is drawn."""
        png.png.write_bytes(b"")
        with self._lock:
            self.pngs.append(png)

    def start(self, root: Path, order: list[Path]) -> None:
        """Draw the PNGs left (under `root`, the products' folder; a failure is the first in
        `order`, the diagrams' order): in a forked process, or here and now without one."""
        place = {path: number for number, path in enumerate(order)}
        self.pngs.sort(key=lambda png: place.get(png.png, len(place)))
        self._root = root
        if not self.pngs:
            return
        if self.background:
            self._drawer = Beside(NAME, self._draw_apart, as_is=True)
        else:
            self._draw(self.pngs)

    def place(self, out: Path) -> None:
        """Say where the products' folder is now (`render_products` renamed it): the PNGs go
        there once drawn."""
        if self._drawer is not None and not self._placed:
            self._where[1].send(str(out))
        self._placed = True

    def drawn(self) -> bool:
        """Wait until every PNG is drawn (in a process forked after `start`, or in this one);
        whether they all were (if not, `finish` raises why)."""
        return self._drawer is None or self._drawer.ended()

    def finish(self) -> None:
        """Wait until every PNG is drawn; raise here what went wrong."""
        self.place(self._root)  # not renamed, if nobody said so
        if self._drawer is not None:
            self._drawer.wait()

    def stop(self) -> None:
        """Stop drawing: the build failed."""
        if self._drawer is not None:
            self._drawer.stop()

    def _draw_apart(self) -> None:
        """In the forked process: draw every PNG into a folder of its own, then move them
        into the products' folder once it is in place."""
        with tempfile.TemporaryDirectory(prefix=".pngs-", dir=self._root.parent) as folder:
            apart = [
                PngLater(png.source, Path(folder) / png.png.relative_to(self._root), png.dpi)
                for png in self.pngs
            ]
            self._draw(apart)
            out = Path(self._where[0].recv())
            for png, drawn in zip(self.pngs, apart, strict=True):
                drawn.png.replace(out / png.png.relative_to(self._root))

    @staticmethod
    def _draw(pngs: list[PngLater]) -> None:
        """Draw the PNGs, side by side, the largest first; raise the first failure."""
        for png in pngs:
            png.png.parent.mkdir(parents=True, exist_ok=True)
        largest = sorted(pngs, key=lambda png: -len(png.source))
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            tasks = {
                png.png: pool.submit(
                    contextvars.copy_context().run, run_png, png.source, png.png, png.dpi
                )
                for png in largest
            }
            for png in pngs:
                tasks[png.png].result()


_LATER: ContextVar[PngsLater | None] = ContextVar("pngs_later", default=None)


@contextmanager
def pngs_drawn_later(background: bool = True) -> Iterator[PngsLater]:
    """Within the block, the diagram stage leaves the PNGs a document prints to be drawn later
    (in a forked process if `background`); they are drawn by the block's end, and a failure of
    the block stops the drawing."""
    later = PngsLater(background)
    token = _LATER.set(later)
    try:
        yield later
    except BaseException:
        later.stop()
        raise
    else:
        later.finish()
    finally:
        _LATER.reset(token)


def pngs_later() -> PngsLater | None:
    """Where the diagram stage leaves its PNGs; None: it draws them itself."""
    return _LATER.get()
