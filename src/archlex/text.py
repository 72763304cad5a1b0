"""Model text made safe for one line of plain-text output, and "did you mean" hints."""

from __future__ import annotations

import re
from collections.abc import Sequence

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """Model text on one line, so it can never start a line of its own, and with the legacy
    `##[command]` form that GitHub's runner obeys anywhere in a line broken up."""
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("##[", "# #[")


def squash_whitespace(text: str) -> str:
    """Model text as one phrase: control characters and runs of whitespace become one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def closest(word: str, candidates: Sequence[str], count: int = 1) -> list[str]:
    """The candidates closest to `word`, best first (for "did you mean" hints)."""
    import difflib  # here: only a finding with a suggestion needs it

    return difflib.get_close_matches(word, candidates, n=count, cutoff=0.6)


def did_you_mean(word: str, candidates: Sequence[str]) -> str | None:
    """A "did you mean" hint, or None when nothing is close."""
    matches = closest(word, candidates, 3)
    if not matches:
        return None
    return "did you mean " + " or ".join(f"`{m}`" for m in matches) + "?"
