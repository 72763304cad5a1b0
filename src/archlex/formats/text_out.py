"""Where the text format's lines go: rich on a terminal (colour), or plain text, which is what
rich writes without colour, without importing rich (a fifth of a re-check's start-up).

A line is a few pieces of text, each with a rich style. Without colour rich writes each line's
text and a newline, but for what it changes: it drops some control characters, expands tabs,
splits a line at a newline and wraps a line that is not soft-wrapped at the console's width.
`PlainOut` says it is not exact when a line holds any of those (then the report is written by
rich: tests/formats/test_text_out.py compares both ways).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console

# What rich changes in a line: tab, newline and the control characters it strips (rich.control).
_CHANGED_BY_RICH = re.compile(r"[\t\n\r\x07\x08\x0b\x0c]")
_UNWRAPPED = 4_000  # characters; a line not soft-wrapped is wrapped at 10,000 cells (2 a char)


class Line:
    """Pieces of text with rich styles, as rich.text.Text is used here: the first piece's
    style is the whole line's, each appended piece's its own on top."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self.pieces: list[tuple[str, str]] = [(text, style)]

    def append(self, text: str, style: str = "") -> None:
        """Add a piece at the end."""
        self.pieces.append((text, style))

    @property
    def plain(self) -> str:
        """The text without styles."""
        return "".join(text for text, _ in self.pieces)


class Out(Protocol):
    """What the text format prints to."""

    @property
    def is_terminal(self) -> bool:
        """Whether the lines go to a terminal."""

    def print(self, line: Line | None = None, soft_wrap: bool = False) -> None:
        """Print a line (an empty one without a line)."""


class PlainOut:
    """The lines as rich writes them without colour, kept to write once they are all known."""

    is_terminal = False

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.exact = True  # no line holds what rich would change

    def print(self, line: Line | None = None, soft_wrap: bool = False) -> None:
        """Keep a line."""
        text = line.plain if line is not None else ""
        if _CHANGED_BY_RICH.search(text) or (not soft_wrap and len(text) > _UNWRAPPED):
            self.exact = False
        self.lines.append(text + "\n")

    def text(self) -> str:
        """Every line kept."""
        return "".join(self.lines)


class RichOut:
    """The lines through a rich console: coloured on a terminal."""

    def __init__(self, console: Console) -> None:
        self.console = console

    @property
    def is_terminal(self) -> bool:
        """Whether rich writes to a terminal."""
        return self.console.is_terminal

    def print(self, line: Line | None = None, soft_wrap: bool = False) -> None:
        """Print a line with its styles."""
        from rich.text import Text

        if line is None:
            self.console.print()
            return
        (first, style), *rest = line.pieces
        text = Text(first, style=style)  # the first piece's style is the whole line's
        for piece, piece_style in rest:
            text.append(piece, style=piece_style or None)
        self.console.print(text, soft_wrap=soft_wrap)
