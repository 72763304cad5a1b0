"""The one type for every problem archlex reports, and its ordering."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is; `fail_on` compares against this order."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: error 3, warning 2, info 1."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in a model: which rule, how bad, about what, and where it is written."""

    rule: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    target: str | None = None
    hint: str | None = None
    waived: bool = False  # hidden by a waiver: reported in JSON, not counted

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """The contract's order: file, line, column, rule (then message, to be total)."""
        return (self.file, self.line, self.column, self.rule, self.message)

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object for one finding (plus `hint` when there is one)."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "target": self.target,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }
        if self.hint:
            data["hint"] = self.hint
        if self.waived:
            data["waived"] = True
        return data


# Positions quoted inside messages ("already used at systems/a.yaml:2", "first at line 5") move
# with the text; masking them keeps a finding recognisable when lines are inserted above.
_QUOTED_POSITION = re.compile(r"(\.ya?ml):\d+(?::\d+)?|\b(line|column) \d+")


def message_without_positions(message: str) -> str:
    """The message with the file positions it quotes masked: `a.yaml:*`, `line *`."""
    return _QUOTED_POSITION.sub(lambda m: f"{m.group(1) or m.group(2)} *", message)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted as the contract asks, with exact duplicates removed."""
    return sorted(set(findings), key=lambda f: f.sort_key)
