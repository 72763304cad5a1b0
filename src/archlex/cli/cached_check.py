"""`archlex check` run before typer is imported: from the report cache, or checked here.

typer builds a pydantic validator for each option of a command, so parsing `check`'s options
costs more than reading its cached report, and a good part of checking the example anew. The
common forms of the command line (a PATH and the options below, each once, with values typer
would take) are read here: the report comes from the cache when it holds it, else the model is
checked (`run_check`) and the report written and kept. Anything else goes to typer
(archlex.cli.commands.check), which builds the same request (`check_request`) and calls the
same `run_check`, so both ways read and write the same entry and the same text.
tests/test_report_cache.py and tests/cli/test_quick_check.py run both ways on the same model.
"""

from __future__ import annotations

import atexit
import datetime as dt
import io
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from archlex.cache_folder import default_folder
from archlex.cli.report_cache import CachedReport, ReportCache
from archlex.files import write_text_atomic
from archlex.formats.registry import CHECK_FORMATS, DOCS_URL, FormatOptions
from archlex.gc_pause import collector_paused, freeze_after_pauses

if TYPE_CHECKING:
    from archlex.outcome import Report

# Option spellings -> the parameter they set; all take a value but --all.
_OPTIONS = {
    "--format": "format",
    "-f": "format",
    "--output": "output",
    "-o": "output",
    "--fail-on": "fail_on",
    "--min-coverage": "min_coverage",
    "--as-of": "as_of",
    "--docs-url": "docs_url",
    "--all": "all",
}
_FAIL_ON = {"error", "warning", "never"}
# A --min-coverage that typer reads the same way; any other spelling is left to typer.
_PERCENT = re.compile(r"[0-9]{1,3}(?:\.[0-9]+)?")


@dataclass(frozen=True)
class CheckLine:
    """What a command line of `archlex check` asks for, its values read and valid."""

    path: Path | None
    output_format: str  # a name of CHECK_FORMATS
    output: Path | None
    fail_on: str | None
    min_coverage: float | None
    today: dt.date
    no_cache: bool
    options: FormatOptions

    def request(self) -> tuple[object, ...]:
        """What shapes the report, besides the model: the key of its cache entry."""
        return (
            "check",
            str(Path.cwd()),
            str(self.path),
            self.output_format,
            self.fail_on,
            self.min_coverage,
            self.today,
            self.options,
        )


def is_colour_terminal() -> bool:
    """Whether standard output is a terminal that takes colour, as rich decides it."""
    if not sys.stdout.isatty() and not {"FORCE_COLOR", "TTY_COMPATIBLE"} & os.environ.keys():
        return False  # what rich would say, without importing rich
    from rich.console import Console

    console = Console()
    return console.is_terminal and not console.no_color


def quick_check(arguments: list[str], ending: bool = False) -> None:
    """Run `archlex check ARGUMENTS` and exit, when the command line is one read here;
    return (to let typer run it) otherwise. `ending`: this is the command's own process (the
    console script), which ends at once once the report is written (`end_at_once`)."""
    if "_ARCHLEX_COMPLETE" in os.environ:  # shell completion is typer's
        return
    line = read_line(arguments)
    if line is None:
        return
    freeze_after_pauses(True)  # one command, then exit: see archlex.gc_pause
    try:
        code = run_check(line, ending)
        if ending:
            end_at_once(code)
    except BrokenPipeError:  # `archlex check | head`: ended quietly with exit code 1, as click
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code)


# What the checked model's objects are kept by until the process ends (see end_at_once).
_LEFT_TO_THE_EXIT: list[object] = []


def end_at_once(code: int) -> NoReturn:
    """End the process with `code` once its output is flushed, without freeing its objects one
    by one: at 100k entities, dropping the checked model and then the interpreter's own
    teardown cost about a tenth of the check, and the system frees the memory at once. The
    check has written everything it writes (report, cache entries) by now, and archlex
    registers no exit handlers. When something else waits for the exit (an exit handler, as
    coverage.py registers; a profiler or tracer, as `python -m cProfile` runs), the process
    exits as usual, so that it still runs."""
    sys.stdout.flush()
    sys.stderr.flush()
    if _exit_awaited():
        sys.exit(code)
    os._exit(code)


def _exit_awaited() -> bool:
    """Whether anything runs at the interpreter's exit: exit handlers (counted by CPython's
    `atexit._ncallbacks`; elsewhere assumed), a profiler or a tracer."""
    handlers = getattr(atexit, "_ncallbacks", None)
    waiting = handlers() if callable(handlers) else 1
    return bool(waiting) or sys.getprofile() is not None or sys.gettrace() is not None


def run_check(line: CheckLine, ending: bool = False) -> int:
    """Write the report of `archlex check` (from the report cache when it holds it, else
    checked anew and kept) and return the exit code; `ending`: the process ends after it
    (see `end_at_once`), so the model checked is never freed."""
    colour = _is_stdout(line.output) and is_colour_terminal()
    # The report as written is kept only without colour (a terminal's width shapes it).
    cache = None if line.no_cache or colour else ReportCache(default_folder(), line.request())
    cached = cache.get() if cache else None
    if cached is None:
        from archlex.formats.registry import write_report

        report = _checked(line)
        if ending:
            _LEFT_TO_THE_EXIT.append(report)
        if colour:  # straight to the terminal
            write_report(report, line.output_format, sys.stdout, True, line.options)
            return report.exit_code
        buffer = io.StringIO()
        write_report(report, line.output_format, buffer, False, line.options)
        cached = CachedReport(buffer.getvalue(), report.exit_code)
        if cache:
            from archlex.check.incremental import named_files

            watched = _absent(line.path, report.project.manifest_path)
            cache.put(report.project.inputs, watched + named_files(report.project), cached)
    _write(line.output, cached.text)
    return cached.exit_code


def from_cache(arguments: list[str]) -> CachedReport | None:
    """The cached report for `archlex check ARGUMENTS`, written to its output; None when the
    command line is not one read here or the cache does not hold the report."""
    line = read_line(arguments)
    if line is None or line.no_cache:
        return None
    if _is_stdout(line.output) and is_colour_terminal():
        return None  # coloured text is written for the terminal's width: never cached
    cached = ReportCache(default_folder(), line.request()).get()
    if cached is not None:
        _write(line.output, cached.text)
    return cached


def read_line(arguments: list[str]) -> CheckLine | None:
    """The command line's values, or None for anything but the simple forms and values."""
    values = _parse(arguments)
    if values is None:
        return None
    try:
        return _line(values, "--no-cache" in arguments)
    except ValueError:  # a value typer would refuse: let it say so
        return None


def _checked(line: CheckLine) -> Report:
    """The model checked anew (through the parse cache unless --no-cache)."""
    # The collector paused from the imports on (the model's objects are many and no
    # garbage): one check, then the process ends (archlex.gc_pause).
    with collector_paused():
        from archlex.api import check_model  # the pipeline only when it runs
        from archlex.load.cache import ParseCache, ValidatorsOnly
        from archlex.progress import on_terminal

        cache = (ValidatorsOnly if line.no_cache else ParseCache)(default_folder())
        with on_terminal() as progress:
            return check_model(
                line.path,
                Path.cwd(),
                line.fail_on,
                line.min_coverage,
                line.today,
                cache,
                progress,
                incremental=True,  # the report is all it needs of the project
                helper=True,  # this process ends with the check: it may fork a helper
            )


def _is_stdout(output: Path | None) -> bool:
    """Whether `--output` means standard output: not given, or `-`."""
    return output is None or str(output) == "-"


def _write(output: Path | None, text: str) -> None:
    """As cli.output.write_output, without typer."""
    if _is_stdout(output):
        sys.stdout.write(text)
    else:
        assert output is not None  # for mypy: _is_stdout covers None
        write_text_atomic(output, text)


def _absent(path: Path | None, manifest: Path) -> list[Path]:
    """Without a PATH, the manifest is ./archlex.yaml if there is one: while it is absent, the
    manifest found (./model/archlex.yaml) stays the one."""
    first = Path.cwd() / "archlex.yaml"
    return [first] if path is None and manifest != first else []


def _line(values: dict[str, str], no_cache: bool) -> CheckLine:
    fail_on = values.get("fail_on")
    if fail_on is not None and fail_on not in _FAIL_ON:
        raise ValueError(fail_on)
    given = values.get("min_coverage")
    if given is not None and not _PERCENT.fullmatch(given):
        raise ValueError(given)
    coverage = float(given) if given is not None else None
    if coverage is not None and not 0 <= coverage <= 100:
        raise ValueError(coverage)
    output_format = values.get("format", "text")
    if output_format not in CHECK_FORMATS.modules:  # unknown, or a format only typer finds
        raise ValueError(output_format)
    as_of = values.get("as_of")
    today = dt.date.fromisoformat(as_of) if as_of is not None else dt.date.today()
    docs_url = values.get("docs_url") or os.environ.get("ARCHLEX_DOCS_URL") or DOCS_URL
    return CheckLine(
        Path(values["path"]) if "path" in values else None,
        output_format,
        Path(values["output"]) if "output" in values else None,
        fail_on,
        coverage,
        today,
        no_cache,
        FormatOptions(show_all="all" in values, docs_url=docs_url),
    )


def _parse(arguments: list[str]) -> dict[str, str] | None:
    """The options and PATH, or None for anything but the simple forms (each option once)."""
    values: dict[str, str] = {}
    rest = iter(arguments)
    for argument in rest:
        if argument == "--no-cache":
            continue
        if argument and not argument.startswith("-") and "path" not in values:
            values["path"] = argument
            continue
        name, equals, inline = (
            argument.partition("=")
            if argument.startswith("--")
            else (
                argument,
                "",
                "",
            )
        )
        key = _OPTIONS.get(name)
        if key is None or key in values:
            return None
        if key == "all":
            if equals:
                return None
            values[key] = ""
            continue
        value = inline if equals else next(rest, None)
        if not value:
            return None
        values[key] = value
    return values
