"""`archlex --help` and `archlex rules` without importing typer or the rules: the text typer
prints for `--help` at 80 columns or more is kept in help.txt next to this module, the list of
rules in rules.txt (tests/test_startup.py fails when either is out of date; `make help-text`
writes them again), and `archlex.cli.main` prints them. rules.txt starts with the digest of
the rule modules it was written from: a rule added or edited since (a new module is all a new
rule takes) is listed by importing the rules again, until `make help-text`."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sys

# os.path, not pathlib: importing pathlib would be a third of the fast path's own time
HELP_FILE = os.path.join(os.path.dirname(__file__), "help.txt")  # noqa: PTH118, PTH120
RULES_FILE = os.path.join(os.path.dirname(__file__), "rules.txt")  # noqa: PTH118, PTH120
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


def rules_digest() -> str:
    """The sha256 of archlex/rules.py and of each module of archlex/check/rules, by name."""
    package = os.path.dirname(os.path.dirname(__file__))  # noqa: PTH120
    folder = os.path.join(package, "check", "rules")  # noqa: PTH118
    digest = hashlib.sha256()
    with os.scandir(folder) as entries:
        modules = sorted(e.path for e in entries if e.name.endswith(".py"))
    for path in [os.path.join(package, "rules.py"), *modules]:  # noqa: PTH118
        with open(path, "rb") as stream:  # noqa: PTH123
            digest.update(f"{os.path.basename(path)}\0".encode() + stream.read())  # noqa: PTH119
    return digest.hexdigest()


def kept_rules() -> str | None:
    """The kept list of `archlex rules`, if written from the rule modules there are now."""
    with open(RULES_FILE, encoding="utf-8") as stream:  # noqa: PTH123
        first, _, listed = stream.read().partition("\n")
    return listed if first == f"# {rules_digest()}" else None


def typer_help() -> str:
    """What typer itself prints for `archlex --help` at 80 columns."""
    return _typer_output("--help")


def typer_rules() -> str:
    """What `archlex rules` prints through typer, importing every rule."""
    return _typer_output("rules")


def _typer_output(*arguments: str) -> str:
    from archlex.cli.commands import app  # typer and every command: only to write the file

    buffer = io.StringIO()
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(WIDTH)
    try:
        with contextlib.redirect_stdout(buffer):
            app(list(arguments), prog_name="archlex", standalone_mode=False)
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return buffer.getvalue()


if __name__ == "__main__":  # make help-text
    rules = f"# {rules_digest()}\n{typer_rules()}"
    for kept, text in ((HELP_FILE, typer_help()), (RULES_FILE, rules)):
        with open(kept, "w", encoding="utf-8", newline="\n") as stream:  # noqa: PTH123
            stream.write(text)
