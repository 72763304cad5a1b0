"""Running a typer app as the `archlex` command: operational errors and bugs become exit codes
2 and 3 with one clear line, never a traceback (unless --debug). Imports nothing heavy, so that
`archlex catalog` starts fast."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from typing import Any

from archlex.errors import ArchlexError

EXIT_USAGE = 2
EXIT_INTERNAL = 3

debug = {"on": False}  # set by the --debug option


def run(app: Any, **arguments: Any) -> None:
    """Run a typer app (arguments go to click's main: `prog_name`, `args`) and exit."""
    guarded(lambda: app(standalone_mode=True, **arguments))


def guarded(command: Callable[[], object]) -> None:
    """Run a command; an operational error or a bug exits with its code and one line."""
    warnings.showwarning = _warning_line
    try:
        command()
    except ArchlexError as error:
        fail(f"archlex: error: {error.message}", error.hint)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        fail("archlex: interrupted", None)
        sys.exit(130)
    except Exception as error:  # a bug: one clear line, the traceback only with --debug
        if debug["on"]:
            import traceback  # only for a bug, with --debug

            traceback.print_exc()
        fail(
            f"archlex: internal error: {type(error).__name__}: {error}",
            "this is a bug in archlex; rerun with --debug and report the traceback",
        )
        sys.exit(EXIT_INTERNAL)


def fail(message: str, hint: str | None) -> None:
    """One line on standard error, and a hint to fix it."""
    sys.stderr.write(message + "\n")
    if hint:
        sys.stderr.write(f"    hint: {hint}\n")


_shown = warnings.showwarning


def _warning_line(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    """archlex's own warnings (an untrusted cache folder, ...) as one line on standard error;
    anyone else's as Python shows them."""
    if category.__module__.startswith("archlex."):
        sys.stderr.write(f"archlex: warning: {message}\n")
    else:
        _shown(message, category, filename, lineno, file, line)
