"""`archlex check` answered from the report cache before typer is imported.

typer builds a pydantic validator for each option of a command, so parsing `check`'s options
costs more than reading its cached report. The common forms of the command line (a PATH and the
options below, each once) are read here; when the cache holds the report for them, it is
written and archlex exits. Anything else, and every miss, goes to typer as before
(archlex.cli.commands.check), which builds the same request (`check_request`) and so reads and
writes the same entry. tests/test_report_cache.py runs both ways on the same model.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from archlex.cache_folder import default_folder
from archlex.cli.report_cache import CachedReport, ReportCache
from archlex.files import write_text_atomic
from archlex.formats.registry import DOCS_URL, FormatOptions

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


def check_request(
    path: Path | None,
    output_format: str,
    fail_on: str | None,
    min_coverage: float | None,
    today: dt.date,
    options: FormatOptions,
) -> tuple[object, ...]:
    """What shapes a check's report, besides the model: the key of its cache entry."""
    return (
        "check",
        str(Path.cwd()),
        str(path),
        output_format,
        fail_on,
        min_coverage,
        today,
        options,
    )


def is_colour_terminal() -> bool:
    """Whether standard output is a terminal that takes colour, as rich decides it."""
    if not sys.stdout.isatty() and not {"FORCE_COLOR", "TTY_COMPATIBLE"} & os.environ.keys():
        return False  # what rich would say, without importing rich
    from rich.console import Console

    console = Console()
    return console.is_terminal and not console.no_color


def from_cache(arguments: list[str]) -> CachedReport | None:
    """The cached report for `archlex check ARGUMENTS`, written to its output; None when the
    command line is not one read here or the cache does not hold the report."""
    values = _parse(arguments)
    if values is None or "--no-cache" in arguments:
        return None
    output = Path(values["output"]) if "output" in values else None
    if (output is None or str(output) == "-") and is_colour_terminal():
        return None  # coloured text is written for the terminal's width: never cached
    try:
        request = _request(values)
    except ValueError:  # a value typer would refuse: let it say so
        return None
    cached = ReportCache(default_folder(), request).get()
    if cached is not None and output is not None and str(output) != "-":
        write_text_atomic(output, cached.text)  # as cli.output.write_output, without typer
    elif cached is not None:
        sys.stdout.write(cached.text)
    return cached


def _request(values: dict[str, str]) -> tuple[object, ...]:
    fail_on = values.get("fail_on")
    if fail_on is not None and fail_on not in _FAIL_ON:
        raise ValueError(fail_on)
    coverage = float(values["min_coverage"]) if "min_coverage" in values else None
    if coverage is not None and not 0 <= coverage <= 100:
        raise ValueError(coverage)
    as_of = values.get("as_of")
    today = dt.date.fromisoformat(as_of) if as_of is not None else dt.date.today()
    docs_url = values.get("docs_url") or os.environ.get("ARCHLEX_DOCS_URL") or DOCS_URL
    options = FormatOptions(show_all="all" in values, docs_url=docs_url)
    path = Path(values["path"]) if "path" in values else None
    return check_request(path, values.get("format", "text"), fail_on, coverage, today, options)


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
