"""Work run in a forked process beside the caller's block: done by the block's end, and its
failures raised in the caller with what went wrong."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from archlex.errors import ArchlexError
from archlex.toolkit.beside import Beside, run_beside


def test_the_work_is_done_in_another_process_by_the_end_of_the_block(tmp_path: Path) -> None:
    target = tmp_path / "pid"

    def work() -> None:
        time.sleep(0.2)
        target.write_text(str(os.getpid()), encoding="utf-8")

    with run_beside("the test work", work):
        assert not target.exists()  # still sleeping: the block runs beside it
    assert int(target.read_text(encoding="utf-8")) != os.getpid()


def test_without_a_fork_the_work_runs_first_in_this_process(tmp_path: Path) -> None:
    target = tmp_path / "pid"
    with run_beside("the test work", lambda: target.write_text(str(os.getpid())), forked=False):
        assert int(target.read_text(encoding="utf-8")) == os.getpid()


def test_an_error_of_the_work_is_raised_with_its_name_and_hint() -> None:
    def work() -> None:
        raise ArchlexError("reference DOCX x.docx: not a Word file", "give a .docx template")

    with pytest.raises(ArchlexError) as raised, run_beside("the concept DOCX", work):
        pass
    assert raised.value.message == "the concept DOCX: reference DOCX x.docx: not a Word file"
    assert raised.value.hint == "give a .docx template"


def test_a_bug_or_a_crash_of_the_work_is_not_an_archlex_error() -> None:
    def bug() -> None:
        raise KeyError("lost")

    bugged = pytest.raises(RuntimeError, match=r"(?s)KeyError\('lost'\).*in bug")
    with bugged, run_beside("the test work", bug):
        pass
    with pytest.raises(RuntimeError, match="exit code 3"), run_beside("a", lambda: os._exit(3)):
        pass


def test_a_failure_of_the_block_stops_the_work() -> None:
    start = time.perf_counter()
    failed = pytest.raises(ValueError, match="the block failed")
    with failed, run_beside("the test work", lambda: time.sleep(60)):
        raise ValueError("the block failed")
    assert time.perf_counter() - start < 30


def _in_a_fork(work: Callable[[], bool]) -> bool:
    """What `work` answers in a process forked from this one (as the build forks the DOCX's)."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer and leave at once
        os.write(writer, b"1" if work() else b"0")
        os._exit(0)
    os.close(writer)
    answer = os.read(reader, 1)
    os.waitpid(pid, 0)
    os.close(reader)
    return answer == b"1"


def test_a_process_forked_meanwhile_waits_for_the_end_of_the_work(tmp_path: Path) -> None:
    target = tmp_path / "done"

    def work() -> None:
        time.sleep(0.3)
        target.write_text("done", encoding="utf-8")

    beside = Beside("the test work", work)
    assert _in_a_fork(lambda: beside.ended() and target.is_file())
    beside.wait()
    assert target.read_text(encoding="utf-8") == "done"


def test_a_process_forked_meanwhile_learns_that_the_work_failed_or_died() -> None:
    failed = Beside("the test work", lambda: 1 / 0)
    assert not _in_a_fork(failed.ended)
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        failed.wait()
    died = Beside("the test work", lambda: os._exit(5))
    assert not _in_a_fork(died.ended)
    with pytest.raises(RuntimeError, match="exit code 5"):
        died.wait()


def test_an_error_of_work_waited_for_later_can_be_raised_as_its_own() -> None:
    def work() -> None:
        raise ArchlexError("Graphviz could not draw x.png (exit code 1): Error", "report this")

    own = Beside("the diagrams' PNGs", work, as_is=True)
    with pytest.raises(ArchlexError) as raised:
        own.wait()
    assert raised.value.message == "Graphviz could not draw x.png (exit code 1): Error"
    assert raised.value.hint == "report this"
    named = Beside("the diagrams' PNGs", work)
    with pytest.raises(ArchlexError, match=r"^the diagrams' PNGs: Graphviz could not draw"):
        named.wait()


def test_work_stopped_is_waited_for_no_more() -> None:
    start = time.perf_counter()
    beside = Beside("the test work", lambda: time.sleep(60))
    beside.stop()
    beside.wait()  # stopped: nothing to raise, nothing to wait for
    assert time.perf_counter() - start < 30
