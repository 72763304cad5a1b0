"""A manifest as the parse cache keeps it: read and validated once, replayed on every load
whose manifest bytes are the same (no YAML reader, no pydantic validator built for it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archlex.load.cache import FileOutcome
from archlex.load.positions import SourceNode
from archlex.model import Manifest


@dataclass(kw_only=True)
class ManifestEntry(FileOutcome):
    """What reading a manifest added (FileOutcome's fields: its YAML problems and the findings
    about its settings), its position tree, its settings, and what its own entities added
    (None until they are validated: the loader adds them after its libraries')."""

    source: SourceNode
    manifest: Manifest
    entities: FileOutcome | None = None
    key: str = ""  # the entry's key in the parse cache; not kept in the entry
    data: dict[str, Any] = field(default_factory=dict)  # the parsed YAML; not kept either

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if k not in ("key", "data")}
