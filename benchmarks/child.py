"""Run one command as a child process: wall and CPU time, its own peak RSS, exit code, with a
timeout."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ChildRun:
    """What one run of a command took."""

    seconds: float
    peak_rss_mb: float
    returncode: int
    timed_out: bool
    stdout: bytes
    stderr_tail: str
    cpu_seconds: float = 0.0  # user + system time of the child (and what it waited for)


def run_child(
    argv: Sequence[str],
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 1200.0,
) -> ChildRun:
    """Run `argv`, timing it from start to exit; peak RSS and CPU time (user + system) from
    wait4 are this child's own (with the children it waited for, such as worker processes).

    The child runs in its own session so that a timeout ends it and everything it started.
    Standard output goes to a temporary file (read back afterwards) so a full pipe never
    stalls the child; standard error is kept for the report when a command fails.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=dict(env) if env is not None else None,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        return ChildRun(
            seconds,
            usage.ru_maxrss / 1024,  # Linux reports KiB
            process.returncode,
            expired.is_set(),
            out.read(),
            stderr[-2000:],
            usage.ru_utime + usage.ru_stime,
        )
