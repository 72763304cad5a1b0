"""An `include` pattern points outside the model's folder (through `..` or an absolute path), or
matches a symbolic link to a file outside it. archlex reads only files inside the model's folder, so
that the model checked in CI is exactly the one in the repository and a model received from
elsewhere cannot read other files of the machine; the pattern is ignored. Move or copy the files
into the model's folder, or share catalogs between models as a library named in `uses`.
"""

from __future__ import annotations

from archlex.findings import Severity
from archlex.rules import Phase, declare

# Reported by the loader, while it expands the manifest's `include`.
RULE = declare(
    __name__,
    "include-outside",
    Severity.ERROR,
    Phase.VALIDATE,
    "an include leaves the model's folder",
)
