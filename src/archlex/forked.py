"""Work shared with one forked helper process, so that a check uses a second core where the
machine has one: the model's files read (archlex.load.read_ahead) and the rules run
(archlex.check.run).

The work is a list of items, numbered from 0. Before the fork, every number is written into a
pipe (the queue); afterwards each process takes the next number from it, one record per read:
a read of a few bytes from a pipe is atomic, so no item is taken twice. The helper sends back
each item's result as bytes (each caller chooses the encoding) as soon as it has it, through a
second pipe that this process drains between its own items.

Why fork: the helper starts in a few milliseconds as a copy of this process, archlex imported
and the model as loaded so far, so it needs nothing sent to it but item numbers.

Nothing depends on the helper. An item it took and never answered (it failed, was killed, or
its result could not be encoded) is done by this process when it needs the result, so the
outcome is the same as with one process, only slower. The helper never writes to standard
output or error, never runs exit handlers (os._exit), and is reaped before the work returns.

A helper is forked only where it is safe: on a POSIX system with `os.fork` (not macOS, whose
system frameworks are not safe to use after a fork), from a process running one thread (forking
copies no other thread, and a lock another thread held would stay held). A thread of archlex's
own that can stop and start again (a terminal's progress display: archlex.progress) is
registered with `pausing`: it is stopped for the fork and started again in this process only.
`ARCHLEX_WORKERS` chooses: `1`, never (one process); `2`, whenever it is safe, whatever the
size of the work (the tests use it); unset (or anything else), when it pays: the work is large
enough (the caller says) and this process may use at least two CPUs.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import struct
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Protocol

# 1: one process; 2: a helper whenever it is safe; else a helper where it pays (see above).
WORKERS_VARIABLE = "ARCHLEX_WORKERS"
_NUMBER = struct.Struct("<I")  # an item's number in the queue
_HEADER = struct.Struct("<IQ")  # an answer: the item's number and the result's length
_PIPE_SIZE = 1 << 20  # Linux's default ceiling for an unprivileged process (pipe-max-size)
_FAILED = 1  # the helper's exit status when its work raised


class Pausable(Protocol):
    """A thread of archlex's own that stops (joined) and starts again: see `pausing`."""

    def stop(self) -> None: ...

    def start(self) -> None: ...


_PAUSABLE: list[Pausable] = []  # stopped around a fork, in this order (started in reverse)


@contextlib.contextmanager
def pausing(thread: Pausable) -> Iterator[None]:
    """While in this context, `thread` is stopped for each fork and started again after it
    (in this process; the helper runs without it)."""
    _PAUSABLE.append(thread)
    try:
        yield
    finally:
        _PAUSABLE.remove(thread)


def _wanted(pays: bool) -> bool:
    """Whether a helper is wanted and possible, for work that is large enough to pay for it
    (`pays`) or not; threads aside (checked at the fork, once the pausable ones are stopped)."""
    wanted = os.environ.get(WORKERS_VARIABLE, "").strip()
    if wanted == "1" or not hasattr(os, "fork") or sys.platform == "darwin":
        return False
    if wanted == "2":
        return True
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return pays and (cpus or 1) >= 2


class Shared:
    """Items 0..count-1 shared between this process and a forked helper."""

    def __init__(self, queue: int, answers: int, pid: int) -> None:
        self._queue = queue
        self._answers = answers
        self._pid = pid
        self._buffer = bytearray()
        self.helper_done = False  # the helper has ended: every answer it sent is received

    def take(self) -> int | None:
        """The next item for this process, or None when every item has been taken."""
        record = os.read(self._queue, _NUMBER.size) if self._queue >= 0 else b""
        if len(record) < _NUMBER.size:
            self._close_queue()
            return None
        number: int = _NUMBER.unpack(record)[0]
        return number

    def answers(self, wait: bool) -> Iterator[tuple[int, bytes]]:
        """The helper's answers received so far; with `wait`, wait for at least one more or for
        the helper's end (then `helper_done`)."""
        while not self.helper_done:
            if not self._readable(wait):
                return
            chunk = os.read(self._answers, _PIPE_SIZE)
            if not chunk:
                self._end()
                break
            self._buffer += chunk
            found = list(self._complete())
            yield from found
            if found:
                wait = False  # one answer was what was waited for; take the rest as they are
        yield from self._complete()

    def _readable(self, wait: bool) -> bool:
        """Whether the answers pipe has something to read (or its end); with `wait`, once it
        has."""
        poller = select.poll()
        poller.register(self._answers, select.POLLIN)
        return bool(poller.poll(None if wait else 0))

    def close(self) -> None:
        """Stop sharing: the helper is stopped if it still works, its answers are dropped, and
        it is reaped."""
        self._close_queue()
        if not self.helper_done and self._pid > 0:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            self._end()

    def __enter__(self) -> Shared:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _complete(self) -> Iterator[tuple[int, bytes]]:
        buffer = self._buffer
        start = 0
        while len(buffer) - start >= _HEADER.size:
            number, length = _HEADER.unpack_from(buffer, start)
            end = start + _HEADER.size + length
            if len(buffer) < end:
                break
            yield number, bytes(buffer[start + _HEADER.size : end])
            start = end
        del buffer[:start]

    def _close_queue(self) -> None:
        if self._queue >= 0:
            os.close(self._queue)
            self._queue = -1

    def _end(self) -> None:
        os.close(self._answers)
        self.helper_done = True
        if self._pid > 0:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)


def share(count: int, helper_work: Callable[[int], bytes | None], pays: bool) -> Shared | None:
    """Fork a helper that takes items of 0..count-1 from the queue and answers each with
    `helper_work(item)` (None: no answer, this process does the item); None when no helper
    is forked (see the module's docstring; `pays`: the work is large enough to pay for one),
    the work then being this process's alone."""
    if count < 2 or not _wanted(pays):
        return None
    paused = list(_PAUSABLE)
    for thread in paused:
        thread.stop()
    try:
        return _fork(count, helper_work)
    finally:  # only this process gets here: the helper ends in _helper
        for thread in reversed(paused):
            thread.start()


def _fork(count: int, helper_work: Callable[[int], bytes | None]) -> Shared | None:
    if threading.active_count() != 1:
        return None
    try:
        queue_out, queue_in = os.pipe()
        answers_out, answers_in = os.pipe()
    except OSError:
        return None
    with contextlib.suppress(OSError, AttributeError):  # larger buffers: fewer waits (Linux)
        import fcntl

        fcntl.fcntl(answers_in, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
        fcntl.fcntl(queue_in, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
    numbers = b"".join(_NUMBER.pack(n) for n in range(count))
    try:
        # The whole queue goes in before the fork, so the write must not wait for a reader:
        # where the pipe cannot hold it, nothing is shared.
        os.set_blocking(queue_in, False)
        queued = os.write(queue_in, numbers) == len(numbers)
        pid = os.fork() if queued else -1
    except OSError:
        pid = -1
    os.close(queue_in)
    if pid < 0:
        for fd in (queue_out, answers_out, answers_in):
            os.close(fd)
        return None
    if pid == 0:  # the helper
        os.close(answers_out)
        _helper(Shared(queue_out, -1, 0), answers_in, helper_work)
    os.close(answers_in)
    return Shared(queue_out, answers_out, pid)


def _helper(shared: Shared, answers: int, work: Callable[[int], bytes | None]) -> None:
    """The helper's whole life: items taken and answered until the queue is empty; it never
    returns into the caller's code."""
    status = 0
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)  # nothing of the helper's reaches the terminal
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        os.close(quiet)
        while (item := shared.take()) is not None:
            result = work(item)
            if result is not None:
                _write_all(answers, _HEADER.pack(item, len(result)) + result)
    except BaseException:  # whatever it was (even ^C), this process does the item
        status = _FAILED
    finally:
        os.close(answers)  # the end of the answers is seen at once, not after the exit
        os._exit(status)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
