"""Work run in a forked process beside the caller's block: done by the block's end, and its
failures raised in the caller with what went wrong."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from archlex.errors import ArchlexError
from archlex.toolkit.beside import run_beside


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
