"""The progress bar: on stderr when it is a terminal, absent otherwise, never on stdout."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

from archlex.progress import QUIET, TerminalProgress, on_terminal
from tests.conftest import CACHE_DIR, EXAMPLE, REPO

STAGES = (b"Loading the model", b"Checking the rules")


def _run(argv: list[str], stderr_on_terminal: bool) -> tuple[int, bytes, bytes]:
    """Run archlex with stdout a pipe and stderr a pty (or a pipe); exit code, stdout, stderr."""
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120", "ARCHLEX_CACHE_DIR": CACHE_DIR}
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "archlex", *argv]
    if not stderr_on_terminal:
        done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=120)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # read while it runs, so a full pty buffer never blocks the child
        while True:
            try:
                data = os.read(leader, 4096)
            except OSError:  # EIO: the child closed its end
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=follower
        )
        os.close(follower)
        stdout, _ = process.communicate(timeout=120)
    finally:
        reader.join(timeout=10)
        os.close(leader)
    return process.returncode, stdout, b"".join(chunks)


def test_check_shows_its_stages_on_a_terminal_and_nothing_in_a_pipe() -> None:
    argv = ["check", str(EXAMPLE), "--no-cache", "--as-of", "2026-01-01"]
    code_tty, out_tty, err_tty = _run(argv, stderr_on_terminal=True)
    code_pipe, out_pipe, err_pipe = _run(argv, stderr_on_terminal=False)
    assert code_tty == code_pipe
    assert out_tty == out_pipe  # the report on stdout is byte-identical
    assert all(stage in err_tty for stage in STAGES), err_tty[-500:]
    assert not any(stage in err_pipe for stage in STAGES)
    assert not any(stage in out_tty for stage in STAGES)


def test_a_stream_that_is_no_terminal_gets_the_quiet_progress() -> None:
    with on_terminal(io.StringIO()) as progress:
        assert progress is QUIET
        with progress.stage("anything", 3) as advance:
            advance(1)  # does nothing, fails nothing


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_that_counts_and_clears(tmp_path: Path) -> None:
    screen = _Terminal()
    with on_terminal(screen) as progress:
        assert isinstance(progress, TerminalProgress)
        with progress.stage("Writing the pages", 2) as advance:
            advance(1)
            advance(1)
    text = screen.getvalue()
    assert "Writing the pages" in text
    assert "2/2" in text
