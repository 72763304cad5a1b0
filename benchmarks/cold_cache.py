"""The cache folder of the cold runs (`--no-cache`): archlex's own data, nothing else.

`--no-cache` reads no model data from the cache, but it uses (and keeps) the validators of
archlex's model classes, which depend only on archlex's code and pydantic's version, as
bytecode does, and the bundled libraries as loaded (docs/performance.md). The cold runs get a
folder of their own, filled once by an untimed run, and afterwards it must hold nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

# The only entries `--no-cache` may write (archlex.load.validators, .compiled_library).
KEPT = ("validators", "libraries")


def cold_env(folder: Path) -> dict[str, str]:
    """The environment of a cold run: this process's, with its own cache folder."""
    return {**os.environ, "ARCHLEX_CACHE_DIR": str(folder)}


def model_data_in(folder: Path) -> list[str]:
    """What a cold run's cache folder holds besides the validators (it must be nothing)."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name not in KEPT)


def honest(folder: Path) -> str | None:
    """Why the cold runs' figures cannot stand (they wrote model data), or None."""
    found = model_data_in(folder)
    return f"--no-cache wrote {', '.join(found)} into its cache folder" if found else None
