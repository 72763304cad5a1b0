"""`archlex --help` without importing typer: the text typer prints at 80 columns or more is kept
in help.txt next to this module (tests/test_startup.py fails when it is out of date; `make
help-text` writes it again), and `archlex.cli.main` prints it when the terminal is that wide."""

from __future__ import annotations

import contextlib
import io
import os
import sys

# os.path, not pathlib: importing pathlib would be a third of the fast path's own time
HELP_FILE = os.path.join(os.path.dirname(__file__), "help.txt")  # noqa: PTH118, PTH120
WIDTH = 80  # typer (click) wraps help at min(terminal width, 80): wider gives the same text


def columns() -> int:
    """The terminal's width as click reads it: $COLUMNS, else the terminal, else 80."""
    with contextlib.suppress(ValueError):
        if int(os.environ.get("COLUMNS", "")) > 0:
            return int(os.environ["COLUMNS"])
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or WIDTH  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return WIDTH


def typer_help() -> str:
    """What typer itself prints for `archlex --help` at 80 columns."""
    from archlex.cli.commands import app  # typer and every command: only to write the file

    buffer = io.StringIO()
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(WIDTH)
    try:
        with contextlib.redirect_stdout(buffer):
            app(["--help"], prog_name="archlex", standalone_mode=False)
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return buffer.getvalue()


if __name__ == "__main__":  # make help-text
    with open(HELP_FILE, "w", encoding="utf-8", newline="\n") as stream:  # noqa: PTH123
        stream.write(typer_help())
