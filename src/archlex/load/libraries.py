"""The bundled libraries that a manifest names in `uses` (today: `eu`)."""

from __future__ import annotations

from pathlib import Path

import archlex

BUNDLED_LIBRARIES = ("eu",)

# In a wheel the libraries sit inside the package; in a source checkout (an editable install)
# they are the repository's model/ folders, which the wheel build copies in.
# (The package's folder, as importlib.resources.files gives it, without importing that.)
_PACKAGED = Path(archlex.__file__).parent / "library"
_CHECKOUT = Path(archlex.__file__).resolve().parents[2] / "model"


def library_manifest(name: str) -> Path | None:
    """The manifest of a bundled library, or None when there is no library of that name."""
    if name not in BUNDLED_LIBRARIES:
        return None
    for base in (_PACKAGED, _CHECKOUT):
        manifest = base / name / "archlex.yaml"
        if manifest.is_file():
            return manifest
    return None
