"""One piece of work run in a forked process beside the caller's own, waited for at the end of
a block: the site build writes the concept's DOCX (python-docx, one core) while it generates
the pages (Python, the other core).

The child inherits everything as it is at the fork (the checked model, the files written so
far); what it writes is its own output, and it sends back only whether it failed and why. An
`ArchlexError` in the child is raised in the caller as one naming the work, any other failure
as a `RuntimeError` with the child's traceback (a bug: exit code 3); a failure in the caller's
block stops the child. `Beside` is the same child started now and waited for later, whose end
a process forked meanwhile can wait for too: the build draws the printed PNGs of the diagrams
in one while the other products and the pages are written, and the DOCX's process waits for
them.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

from archlex.errors import ArchlexError
from archlex.progress import QUIET, Progress

Failure = tuple[bool, str, str | None]  # an ArchlexError?, message, hint or traceback


@contextmanager
def run_beside(
    name: str, work: Callable[[], object], forked: bool = True, progress: Progress = QUIET
) -> Iterator[None]:
    """Run `work` in a forked process while the block runs, and wait for it at the block's
    end (`forked=False`, or where there is no fork: run it first, in this process); the wait
    is a stage of `progress`."""
    if not forked or not hasattr(os, "fork"):
        work()
        yield
        return
    beside = Beside(name, work)
    try:
        yield
    except BaseException:
        beside.stop()
        raise
    finally:
        with progress.stage(f"Finishing {name}"):
            failure = beside.outcome()
    beside.raise_failure(failure)


class Beside:
    """`work` in a process forked when this is made, waited for later (`wait`), by the process
    that made it; a process forked from that one meanwhile can wait for its end too (`ended`).

    `as_is`: an `ArchlexError` of the work is raised with its own message (not one naming the
    work), as if the caller had done the work itself."""

    def __init__(self, name: str, work: Callable[[], object], as_is: bool = False) -> None:
        context = multiprocessing.get_context("fork")
        self.name, self.as_is = name, as_is
        self._reader, writer = context.Pipe(duplex=False)
        self._succeeded = context.Event()
        # Only the child holds this pipe's writing end (closed here, and not inherited by
        # processes forked later): a process reading it sees its end when the child ends,
        # however it ends.
        self._end, end = os.pipe()
        self._child = context.Process(
            target=_child, args=(work, writer, self._succeeded, end), name=name, daemon=True
        )
        self._child.start()
        writer.close()
        os.close(end)
        self._failure: Failure | None = None
        self._waited = False

    def ended(self) -> bool:
        """Wait until the work has ended (from any process forked after this was made);
        whether it succeeded."""
        while os.read(self._end, 1):  # nothing is written: the end of the file is the end
            pass
        return self._succeeded.is_set()

    def outcome(self) -> Failure | None:
        """Wait for the child (once; later calls give the same answer): what went wrong."""
        if not self._waited:
            self._failure = _outcome(self._reader, self._child)
            self._reader.close()
            self._waited = True
        return self._failure

    def wait(self) -> None:
        """Wait for the work; raise its failure here."""
        self.raise_failure(self.outcome())

    def stop(self) -> None:
        """Stop the work (the caller failed): nothing it does matters any more."""
        if not self._waited:
            self._child.terminate()
            self._child.join()
            self._reader.close()
            os.close(self._end)
            self._waited = True

    def raise_failure(self, failure: Failure | None) -> None:
        """Raise what went wrong in the child, if anything did."""
        if failure is None:
            return
        expected, message, detail = failure
        if expected:
            raise ArchlexError(message if self.as_is else f"{self.name}: {message}", detail)
        raise RuntimeError(f"{self.name} failed in its own process: {message}\n{detail}")


def _child(work: Callable[[], object], writer: Connection, succeeded: Any, end: int) -> None:
    """In the child: do the work, then send None, or what went wrong (and say whether it
    succeeded to any process waiting for its end: `end`, the pipe, closes when it exits)."""
    failure: Failure | None = None
    try:
        work()
    except ArchlexError as error:
        failure = (True, error.message, error.hint)
    except Exception as error:  # a bug: the caller reports it with the child's traceback
        failure = (False, repr(error), "".join(traceback.format_exception(error)))
    if failure is None:
        succeeded.set()
    writer.send(failure)
    writer.close()


def _outcome(reader: Connection, child: Any) -> Failure | None:
    """What the child sent, once it has ended; a child that died says so by its exit code."""
    try:
        failure: Failure | None = reader.recv()
    except EOFError:
        child.join()
        stopped = f"its process stopped without finishing (exit code {child.exitcode})"
        return (False, stopped, "")
    child.join()
    return failure
