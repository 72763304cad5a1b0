"""The file is not valid YAML, so archlex cannot read any entity in it and stops with exit code 2: a
gap analysis of a model with a file missing would report gaps that are not there and hide ones that
are. The usual causes are a line indented differently from its neighbours, a tab used to indent, an
unclosed quote, or a control character pasted from a word processor. The finding gives the line and
column where the parser gave up; the mistake is on that line or just before it. Fix it and run
`archlex validate` again.
"""

from __future__ import annotations

from archlex.findings import Severity
from archlex.rules import Phase, declare

# Reported by the loader, while it reads a file.
RULE = declare(
    __name__,
    "yaml-syntax",
    Severity.ERROR,
    Phase.VALIDATE,
    "a file is not valid YAML",
    contract=True,
    fatal=True,
)
