"""A waiver matches no finding: what it accepted has been fixed, its target was renamed, its rule is
switched off in `checks.disable`, or the rule or target is misspelt. Left in place, it would
silently hide the next finding of that rule on that target (on any target, when it names none),
which nobody has looked at. Delete the waiver, or correct its `rule` and `target`.
"""

from __future__ import annotations

from archlex.findings import Severity
from archlex.rules import Phase, declare

# Reported by archlex.check.waivers, once every rule has run.
RULE = declare(
    __name__,
    "waiver-unused",
    Severity.WARNING,
    Phase.CHECK,
    "a waiver matches no finding",
)
