"""Where a command's text goes (standard output, or `-o FILE`), and the model it will not use."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from archlex.files import write_text_atomic
from archlex.formats import write_report
from archlex.outcome import Report
from archlex.registry import Registry

EXIT_UNREADABLE = 2  # the contract's exit code for a model that cannot be read


def is_stdout(output: Path | None) -> bool:
    """Whether `--output` means standard output: not given, or `-`."""
    return output is None or str(output) == "-"


def write_output(output: Path | None, text: str) -> None:
    """Write to standard output, or replace the file whole (never half-written)."""
    if is_stdout(output):
        sys.stdout.write(text)
    else:
        assert output is not None  # for mypy: is_stdout covers None
        write_text_atomic(output, text)


def refuse_unreadable(report: Report) -> None:
    """A model the loader could not read correctly is not rendered, built, exported or
    analysed: the result would be wrong. Its findings go to standard error; exit code 2."""
    if report.blocking:
        only_broken = Report(report.project, report.blocking, report.fail_on)
        write_report(only_broken, "text", sys.stderr, False)
        raise typer.Exit(EXIT_UNREADABLE)


def choice(registry: Callable[[], Registry[Any]]) -> Callable[[str], str]:
    """A typer callback that accepts only the names registered in a family (exit code 2 for
    another); `registry` is called only when the option is read, so nothing heavy is imported
    before a command runs."""

    def check(value: str) -> str:
        names = registry().names()
        if value not in names:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(names)}")
        return value

    return check
