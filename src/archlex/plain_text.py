"""Model text written into plain-text outputs (terminal, CI logs)."""

from __future__ import annotations


def one_line(text: str) -> str:
    """Model text on one line, so it can never start a line of its own, and with the legacy
    `##[command]` form that GitHub's runner obeys anywhere in a line broken up."""
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("##[", "# #[")
