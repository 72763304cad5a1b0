"""An `include` pattern matches no file. It is usually a misspelt folder or a file that was moved or
renamed, and the entities in those files then drop out of the analysis with no other sign: their
flows, requirements and work packages simply stop counting, and obligations they traced become gaps.
Fix the pattern, or delete it if the files are gone for good.
"""

from __future__ import annotations

from archlex.findings import Severity
from archlex.rules import Phase, declare

# Reported by the loader, while it expands the manifest's `include`.
RULE = declare(
    __name__,
    "include-unmatched",
    Severity.WARNING,
    Phase.VALIDATE,
    "an include pattern matches no file",
)
