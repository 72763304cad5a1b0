"""One piece of work run in a forked process beside the caller's own, waited for at the end of
a block: the site build writes the concept's DOCX (python-docx, one core) while it generates
the pages (Python, the other core).

The child inherits everything as it is at the fork (the checked model, the files written so
far); what it writes is its own output, and it sends back only whether it failed and why. An
`ArchlexError` in the child is raised in the caller as one naming the work, any other failure
as a `RuntimeError` with the child's traceback (a bug: exit code 3); a failure in the caller's
block stops the child.
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
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, writer), name=name, daemon=True)
    child.start()
    writer.close()
    try:
        yield
    except BaseException:
        child.terminate()
        child.join()
        raise
    finally:
        with progress.stage(f"Finishing {name}"):
            failure = _outcome(reader, child)
        reader.close()
    if failure is not None:
        expected, message, detail = failure
        if expected:
            raise ArchlexError(f"{name}: {message}", detail)
        raise RuntimeError(f"{name} failed in its own process: {message}\n{detail}")


def _child(work: Callable[[], object], writer: Connection) -> None:
    """In the child: do the work, then send None, or what went wrong."""
    failure: Failure | None = None
    try:
        work()
    except ArchlexError as error:
        failure = (True, error.message, error.hint)
    except Exception as error:  # a bug: the caller reports it with the child's traceback
        failure = (False, repr(error), "".join(traceback.format_exception(error)))
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
