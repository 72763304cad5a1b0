"""Progress of the long steps (loading, checking, rendering, building) for a person watching.

The core modules take an optional `Progress` and call `stage()` around each step; the base
class does nothing, so tests, pipes and CI see no difference. Only the CLI makes a
`TerminalProgress`, and only when standard error is a terminal: the bar goes to stderr and
disappears when the command ends, so standard output is the same with or without it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

Advance = Callable[[int], None]
"""Called with the number of units of the stage done since the last call."""


def _ignore(_done: int) -> None:
    """The advance of a stage nobody watches."""


class Progress:
    """Reports the stages of a command; this base reports nothing."""

    def stage(self, description: str, total: int | None = None) -> AbstractContextManager[Advance]:
        """A stage of `total` units (None: unknown); the context gives the advance function."""
        return nullcontext(_ignore)


QUIET = Progress()


class TerminalProgress(Progress):
    """A rich progress bar on a terminal: one line per stage, cleared when the command ends."""

    def __init__(self, bar: RichProgress) -> None:
        self._bar = bar

    @contextmanager
    def _stage(self, description: str, total: int | None) -> Iterator[Advance]:
        # `count` is shown only for stages that count something (pages, ...), not for "1/1".
        task = self._bar.add_task(description, total=total, count=f"0/{total}" if total else "")
        completed = 0

        def advance(done: int) -> None:
            nonlocal completed
            completed += done
            self._bar.update(task, completed=completed, count=f"{completed}/{total}")

        yield advance
        # A finished stage stays, full, until the command ends (then the display clears).
        self._bar.update(task, total=total or 1, completed=total or 1)

    def stage(self, description: str, total: int | None = None) -> AbstractContextManager[Advance]:
        """A stage shown as a bar (or a pulsing bar when the total is unknown)."""
        return self._stage(description, total)


@contextmanager
def on_terminal(stream: TextIO | None = None) -> Iterator[Progress]:
    """A progress display on `stream` (default stderr) if it is a terminal, else QUIET."""
    stream = stream if stream is not None else sys.stderr
    if not stream.isatty():
        yield QUIET
        return
    # Imported only here: commands whose output is piped never pay for rich's progress.
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as RichProgress

    bar = RichProgress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TimeElapsedColumn(),
        console=Console(file=stream, highlight=False),
        transient=True,
    )
    from archlex.forked import pausing

    with bar, pausing(_PausedForForks(bar)):
        yield TerminalProgress(bar)


class _PausedForForks:
    """The bar's refresh thread would keep a check from forking its helper (archlex.forked):
    it is stopped for the fork, and the bar drawn again after."""

    def __init__(self, bar: RichProgress) -> None:
        self._bar = bar

    def stop(self) -> None:
        # rich only asks its thread to stop; it is joined here (where rich no longer names it,
        # the thread may still run, and then the check does not fork: slower, never unsafe).
        thread = getattr(self._bar.live, "_refresh_thread", None)
        self._bar.stop()
        if isinstance(thread, threading.Thread):
            thread.join(timeout=1.0)

    def start(self) -> None:
        self._bar.start()
