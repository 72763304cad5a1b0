"""The text format's console without colour writes what rich writes, whatever the text."""

from __future__ import annotations

import io
import random

from rich.console import Console
from rich.text import Text

from archlex.formats.text import PlainConsole

PIECES = [
    "a", " ", "\t", "\n", "\x07", "\x08", "\r", "\x0b", "\x0c", "\x1b", "\x00", "\x7f", "[bold]",
    "[/]", ":smile:", "é", "中", "😀", "\u0301", "\u200b", "\u2028", "\\", "x" * 50,
]  # fmt: skip


def _written(console_type: type[Console], text: Text, soft_wrap: bool) -> str:
    stream = io.StringIO()
    console = console_type(
        file=stream, highlight=False, force_terminal=False, no_color=True, width=80
    )
    console.print(text, soft_wrap=soft_wrap)
    console.print()
    return stream.getvalue()


def test_plain_console_writes_what_rich_writes() -> None:
    rng = random.Random(5)
    for _ in range(600):
        value = "".join(rng.choice(PIECES) for _ in range(rng.randrange(12)))
        text = Text(value, style="bold")
        text.append("[rule]", style="red")
        text.append(value[::-1])
        soft_wrap = rng.random() < 0.7
        assert _written(PlainConsole, text, soft_wrap) == _written(Console, text, soft_wrap)
