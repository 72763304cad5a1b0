"""A mapping repeats a key. YAML would silently keep only one of the two values; archlex keeps the
first and reports the second, because the value lost is usually a real part of the architecture:
here the State Police would lose its identity-check role, and the obligations that need it would be
reported as unassigned while the file says otherwise. Merge the two values into one key, or rename
the one that was meant to be a different field.
"""

from __future__ import annotations

from archlex.findings import Severity
from archlex.rules import Phase, declare

# Reported by the loader, while it reads a file.
RULE = declare(
    __name__,
    "duplicate-key",
    Severity.ERROR,
    Phase.VALIDATE,
    "a mapping repeats a key",
    contract=True,
)
