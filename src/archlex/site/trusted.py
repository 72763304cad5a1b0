"""A fast way of doing what mkdocs does, trusted once its first uses agreed with mkdocs' own way.

Each of the site's fast ways (page shells, the kept Markdown instance, raw block stand-ins,
the simple inline step, the block converter, the search split) does its first few pages both
ways and compares; one difference puts the fast way out of use for the rest of the process.
"""

from __future__ import annotations

CHECKS = 2  # uses of a fast way done both ways in a process before it is trusted


class Trusted:
    """Whether a fast way may be taken, and whether its next use must be checked."""

    def __init__(self, checks: int = CHECKS) -> None:
        self.left = checks  # uses still to be done both ways and compared
        self.off = False  # a use differed: the fast way is not taken again

    def take(self) -> bool:
        """Whether the fast way may be taken."""
        return not self.off

    @property
    def checking(self) -> bool:
        """Whether a use of the fast way is still to be checked against mkdocs' own way."""
        return not self.off and self.left > 0

    def agreed(self) -> None:
        """A checked use gave what mkdocs' own way gives."""
        self.left = max(self.left - 1, 0)

    def disagreed(self) -> None:
        """A checked use differed: the way is not taken again."""
        self.off = True

    def trust(self) -> None:
        """Take the way from now on without checks (for tests and benchmarks)."""
        self.left = 0

    def __repr__(self) -> str:
        return f"Trusted(left={self.left}, off={self.off})"
