"""Running the real `archlex` entry point, in this process or in a child with a memory limit."""

from __future__ import annotations

import contextlib
import io
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from archlex.cli import main
from tests.conftest import CACHE_DIR

# A child's address space: archlex's own imports need about 400 MiB of it; a YAML bomb that
# got past the limits would need many times more.
MEMORY_LIMIT = 1536 * 1024 * 1024
ENV = {"NO_COLOR": "1", "COLUMNS": "200", "ARCHLEX_CACHE_DIR": CACHE_DIR}


@dataclass(frozen=True)
class CliResult:
    """What a run of `archlex` printed and returned."""

    exit_code: int
    stdout: str
    stderr: str
    cpu_seconds: float  # CPU, not wall-clock: a busy test machine must not fail a run


def run_in_process(*args: str, cwd: Path) -> CliResult:
    """`archlex ARGS` through `archlex.cli.main`, as the console script calls it, without a
    new interpreter (a tenth of the time): the same parsing, error handling and exit codes."""
    stdout, stderr = io.StringIO(), io.StringIO()
    saved_argv, saved_env = sys.argv, {k: os.environ.get(k) for k in ENV}
    os.environ.update(ENV)
    sys.argv = ["archlex", *args]
    started = time.process_time()
    try:
        with (
            contextlib.chdir(cwd),
            contextlib.redirect_stdout(stdout),
            contextlib.redirect_stderr(stderr),
        ):
            try:
                main(ending=False)  # this process goes on: no ending at once
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    finally:
        sys.argv = saved_argv
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return CliResult(code, stdout.getvalue(), stderr.getvalue(), time.process_time() - started)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args: str, cwd: Path, timeout: float = 60) -> CliResult:
    """`archlex ARGS` in a child process whose address space is capped at MEMORY_LIMIT: a
    file that expanded without bound would end in a MemoryError (exit code 3), not a swap."""
    started = _children_cpu()
    done = subprocess.run(
        [sys.executable, "-m", "archlex", *args],
        cwd=cwd,
        env={**os.environ, **ENV},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=_limit_memory,
    )
    return CliResult(done.returncode, done.stdout, done.stderr, _children_cpu() - started)


def _children_cpu() -> float:
    """CPU seconds used so far by this process's finished children."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime
