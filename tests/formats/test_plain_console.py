"""The text format's plain writer (archlex.formats.text_out.PlainOut) writes what rich writes
without colour, whatever the text, or says it cannot (then rich writes the report)."""

from __future__ import annotations

import io
import random

from rich.console import Console
from rich.text import Text

from archlex.formats.text_out import Line, PlainOut

PIECES = [
    "a", " ", "\t", "\n", "\x07", "\x08", "\r", "\x0b", "\x0c", "\x1b", "\x00", "\x7f", "[bold]",
    "[/]", ":smile:", "é", "中", "😀", "\u0301", "\u200b", "\u2028", "\\", "x" * 50,
]  # fmt: skip


def _rich(text: Text, soft_wrap: bool) -> str:
    stream = io.StringIO()
    console = Console(
        file=stream, highlight=False, force_terminal=False, no_color=True, width=10_000
    )
    console.print(text, soft_wrap=soft_wrap)
    return stream.getvalue()


def test_the_plain_writer_writes_what_rich_writes_or_leaves_it_to_rich() -> None:
    rng = random.Random(5)
    exact = 0
    for _ in range(600):
        value = "".join(rng.choice(PIECES) for _ in range(rng.randrange(12)))
        soft_wrap = rng.random() < 0.7
        line = Line(value, style="bold")
        line.append("[rule]", style="red")
        line.append(value[::-1])
        text = Text(value, style="bold")
        text.append("[rule]", style="red")
        text.append(value[::-1])
        out = PlainOut()
        out.print(line, soft_wrap=soft_wrap)
        if out.exact:
            exact += 1
            assert out.text() == _rich(text, soft_wrap), repr(value)
    assert exact > 100  # most lines need no rich
