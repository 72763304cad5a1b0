"""Work shared with a forked helper (archlex.forked): every item done once, by one process or
the other; an item the helper never answers done here; the same model, findings and reports
as one process gives, the helper's part included.

Each case runs in a process of its own, as the command does: a helper is forked only from a
process running one thread, which a pytest worker is not always.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import CACHE_DIR, EXAMPLE, REPO

MODELS = sorted(p for p in (REPO / "tests" / "models").iterdir() if p.is_dir())


def _run(
    workers: str, *args: str, cache: Path | str = CACHE_DIR
) -> subprocess.CompletedProcess[str]:
    """`python ARGS` run alone, with ARCHLEX_WORKERS=workers and the cache folder `cache`."""
    env = {
        **os.environ,
        "ARCHLEX_WORKERS": workers,
        "ARCHLEX_CACHE_DIR": str(cache),
        "NO_COLOR": "1",
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _python(script: str, workers: str, *args: str) -> str:
    """Standard output of a Python script run alone, with ARCHLEX_WORKERS=workers."""
    done = _run(workers, "-c", textwrap.dedent(script), *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


SHARE = """
    import json, os, sys, time
    from archlex.forked import share

    fail = int(sys.argv[1])  # the item whose work kills the helper (-1: none)
    parent = os.getpid()

    def work(item):
        if item == fail:
            os._exit(3)  # killed mid-work: never answers
        time.sleep(0.01)
        return json.dumps([item, os.getpid()]).encode()

    shared = share(12, work, pays=True)
    done = {}
    if shared is None:
        print(json.dumps(None))
        sys.exit()
    with shared:
        while (item := shared.take()) is not None:
            time.sleep(0.01)
            done[item] = parent
        while not shared.helper_done:
            for item, answer in shared.answers(wait=True):
                number, pid = json.loads(answer)
                assert number == item
                done[item] = pid
    print(json.dumps({"parent": parent, "done": {str(k): v for k, v in done.items()}}))
"""


def test_each_item_is_taken_once_and_both_processes_take_some() -> None:
    result = json.loads(_python(SHARE, "2", "-1"))
    done = {int(item): pid for item, pid in result["done"].items()}
    assert sorted(done) == list(range(12))
    assert result["parent"] in done.values()
    helper = set(done.values()) - {result["parent"]}
    assert len(helper) == 1  # the helper really worked, in a process of its own


def test_an_item_the_helper_never_answers_is_left_to_this_process() -> None:
    result = json.loads(_python(SHARE, "2", "5"))
    done = {int(item) for item in result["done"]}
    # Item 5 killed the helper: neither it nor anything after reached this process from the
    # helper; whatever this process took itself it did. The callers do the rest (below).
    assert 5 not in done or result["done"]["5"] == result["parent"]
    assert done  # and the sharing ended, rather than waiting for a helper that is gone


def test_one_worker_forks_no_helper() -> None:
    assert json.loads(_python(SHARE, "1", "-1")) is None


LOAD = """
    import dataclasses, json, sys
    from pathlib import Path
    from archlex.api import load
    from archlex.load.read_ahead import ReadAhead

    fail = int(sys.argv[2])
    if fail >= 0:  # the helper dies on this file: it is read here instead
        answer = ReadAhead._answer
        def dying(self, index):
            if index == fail:
                import os
                os._exit(3)
            return answer(self, index)
        ReadAhead._answer = dying
    project = load(Path(sys.argv[1]), Path.cwd(), helper=True)
    print(json.dumps({
        "entities": [
            [type(e).__name__, e.model_dump(mode="json"), located.file, located.at()]
            for e, located in project.sources.placed
        ],
        "findings": [dataclasses.astuple(f) for f in project.findings],
        "files": project.files,
    }, default=str))
"""


@pytest.mark.parametrize("model", [EXAMPLE, *MODELS], ids=lambda p: p.name)
def test_a_load_shared_with_a_helper_is_the_load_of_one_process(model: Path) -> None:
    alone = _python(LOAD, "1", str(model), "-1")
    assert _python(LOAD, "2", str(model), "-1") == alone
    assert json.loads(alone)["entities"]


def test_a_file_the_helper_never_answers_is_read_here() -> None:
    alone = _python(LOAD, "1", str(EXAMPLE), "-1")
    for dies_on in (0, 3, 7):
        assert _python(LOAD, "2", str(EXAMPLE), str(dies_on)) == alone


def _report(model: Path, output_format: str, workers: str) -> tuple[int, str]:
    done = _run(workers, "-m", "archlex", "check", str(model), "--no-cache", "-f", output_format)
    return done.returncode, done.stdout


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit", "github"])
def test_a_check_shared_with_a_helper_writes_the_report_of_one_process(
    output_format: str,
) -> None:
    for model in (EXAMPLE, *MODELS):
        alone = _report(model, output_format, "1")
        assert _report(model, output_format, "2") == alone, model.name


def test_a_queue_the_pipe_cannot_hold_is_not_shared() -> None:
    script = """
        from archlex.forked import share
        print(share(1_000_000, lambda item: b"", pays=True) is None)
    """
    assert _python(script, "2").strip() == "True"


RULES = """
    import json, os, pickle, sys
    from pathlib import Path
    from archlex.api import check_model
    import archlex.check.run as run

    parent = os.getpid()
    if sys.argv[2] == "helper-fails":  # the helper cannot send any result: all done here
        class Failing:
            HIGHEST_PROTOCOL = pickle.HIGHEST_PROTOCOL
            loads = staticmethod(pickle.loads)
            @staticmethod
            def dumps(value, protocol):
                if os.getpid() != parent:
                    raise RuntimeError("no result from the helper")
                return pickle.dumps(value, protocol)
        run.pickle = Failing
    report = check_model(Path(sys.argv[1]), Path.cwd(), helper=True)
    print(json.dumps({
        "findings": [repr(f) for f in report.findings],
        "coverage": [repr(c) for c in report.coverage.obligations],
    }))
"""


def test_rules_the_helper_never_answers_run_here() -> None:
    alone = _python(RULES, "1", str(EXAMPLE), "-")
    assert json.loads(alone)["findings"] and json.loads(alone)["coverage"]
    assert _python(RULES, "2", str(EXAMPLE), "-") == alone
    assert _python(RULES, "2", str(EXAMPLE), "helper-fails") == alone


def test_the_files_a_parse_cache_lacks_are_read_on_two_cores(tmp_path: Path) -> None:
    def check(cache: Path, workers: str) -> tuple[int, str, str]:
        done = _run(workers, "-m", "archlex", "check", str(EXAMPLE), "-f", "json", cache=cache)
        return done.returncode, done.stdout, done.stderr

    alone = check(tmp_path / "alone", "1")
    shared = tmp_path / "shared"
    assert check(shared, "2") == alone  # an empty cache: every file read anew
    entries = sorted(p for p in shared.glob("??/*") if len(p.name) == 64)
    assert len(entries) > 10
    for entry in entries[::2]:  # half of the files' entries gone: those files are read again
        entry.unlink()
    for kept in ("reports", "checks"):  # and no report or last check to answer from
        shutil.rmtree(shared / kept, ignore_errors=True)
    assert check(shared, "2") == alone
    assert sorted(p for p in shared.glob("??/*") if len(p.name) == 64) == entries


def test_a_check_that_ends_at_once_still_lets_exit_handlers_and_profilers_run(
    tmp_path: Path,
) -> None:
    # The console script ends a check with os._exit (no model freed object by object), unless
    # something waits for the exit: coverage.py's handler, `python -m cProfile`'s stats.
    handler = tmp_path / "handler-ran"
    script = f"""
        import atexit, pathlib, sys
        atexit.register(lambda: pathlib.Path({str(handler)!r}).write_text("ran"))
        sys.argv = ["archlex", "check", {str(EXAMPLE)!r}, "--no-cache"]
        from archlex.cli.main import main
        main()
    """
    with_handler = _run("1", "-c", textwrap.dedent(script))
    assert handler.read_text() == "ran"
    plain = _run("1", "-m", "archlex", "check", str(EXAMPLE), "--no-cache")
    assert plain.returncode == 1 and "Found" in plain.stdout  # the example has findings
    assert (with_handler.returncode, with_handler.stdout) == (plain.returncode, plain.stdout)
    stats = tmp_path / "check.prof"
    profiled = _run("1", "-m", "cProfile", "-o", str(stats), "-m", "archlex", "check", str(EXAMPLE))
    assert profiled.stdout == plain.stdout
    assert stats.stat().st_size > 0


PAUSED = """
    import json, threading
    from archlex.forked import pausing, share

    events = []

    class Ticker:  # a thread of archlex's own, as the terminal's progress display runs one
        def __init__(self):
            self.thread = None
        def start(self):
            events.append("start")
            self.stopping = threading.Event()
            self.thread = threading.Thread(target=self.stopping.wait)
            self.thread.start()
        def stop(self):
            events.append("stop")
            self.stopping.set()
            self.thread.join()

    ticker = Ticker()
    ticker.start()
    with pausing(ticker):
        shared = share(4, lambda item: b"x", pays=True)
        forked = shared is not None
        running = threading.active_count()
        if shared:
            shared.close()
    unpaused = share(4, lambda item: b"x", pays=True)  # no longer registered: no fork
    ticker.stop()
    print(json.dumps([forked, running, events, unpaused is None]))
"""


def test_a_registered_thread_is_stopped_for_the_fork_and_started_again() -> None:
    forked, running, events, unpaused_refused = json.loads(_python(PAUSED, "2"))
    assert forked
    assert running == 2  # the ticker's thread runs again in this process after the fork
    assert events == ["start", "stop", "start", "stop"]
    assert unpaused_refused  # a thread nobody registered still prevents the fork


ON_A_TERMINAL = """
    import os, sys
    forks = []
    fork = os.fork
    def counted():
        pid = fork()
        if pid:
            forks.append(pid)
        return pid
    os.fork = counted
    model, report, counts = sys.argv[1:]
    sys.argv = ["archlex", "check", model, "--no-cache", "--format", "json", "--output", report]
    from archlex.cli.main import main
    try:
        main(ending=False)
    except SystemExit:
        pass
    with open(counts, "w") as out:
        out.write(str(len(forks)))
"""


def test_a_check_on_a_terminal_forks_its_helper_and_writes_the_same_report(
    tmp_path: Path,
) -> None:
    # On a terminal the progress display runs a thread; it is paused for the fork, so a check
    # watched by a person uses the second core too.
    import pty

    def check_on_a_terminal(workers: str) -> tuple[str, int]:
        report, counts = tmp_path / f"report-{workers}.json", tmp_path / f"forks-{workers}"
        env = {**os.environ, "ARCHLEX_WORKERS": workers, "ARCHLEX_CACHE_DIR": str(CACHE_DIR)}
        pid, terminal = pty.fork()
        if pid == 0:  # pragma: no cover - the child process
            os.chdir(REPO)
            script = textwrap.dedent(ON_A_TERMINAL)
            os.execve(
                sys.executable,
                [sys.executable, "-c", script, str(EXAMPLE), str(report), str(counts)],
                env,
            )
        shown = b""
        while True:
            try:
                chunk = os.read(terminal, 65536)
            except OSError:  # the terminal closed: the child ended
                break
            if not chunk:
                break
            shown += chunk
        os.waitpid(pid, 0)
        os.close(terminal)
        assert counts.is_file(), shown.decode(errors="replace")
        return report.read_text(), int(counts.read_text())

    alone, no_forks = check_on_a_terminal("1")
    shared, forks = check_on_a_terminal("2")
    assert (no_forks, forks) == (0, 2)  # the helper of the load and that of the rules
    assert shared == alone
