"""A waiver's `expires` date has passed. The finding it accepted is reported again as if there were
no waiver, and this warning, on the waiver in the manifest, says why: a risk is accepted for a time,
and then someone must decide again. Fix what the waiver accepted, or renew the waiver with a new
`expires` date and a reason that is still true.
"""

from __future__ import annotations

from archlex.findings import Severity
from archlex.rules import Phase, declare

# Reported by archlex.check.waivers, once every rule has run.
RULE = declare(
    __name__,
    "waiver-expired",
    Severity.WARNING,
    Phase.CHECK,
    "a waiver is past its expiry date",
    contract=True,
)
