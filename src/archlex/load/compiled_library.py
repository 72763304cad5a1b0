"""The bundled libraries as loaded (their manifests and files read, validated and placed), kept
in the cache folder as archlex's own data, like pydantic's validators (archlex.load.validators).

Every check reads the `eu` library, and reading its files (YAML parsed, every entity
validated) is a good part of what a check of a small model costs. The library is archlex's
data, not the model's, so even `--no-cache` (no data of the *model* from a cache) takes it
from here: one entry per library, keyed by archlex's code (its version and modules), holding
the outcome of each file under the file's own key (its name and bytes). A file whose bytes
changed misses and is read anew, and the entry then keeps only the files the last load read.
The outcomes are the ones a load makes, but that each entity's own position is worked out
before they are kept (archlex.load.sources.PlacedNode), so that a finding about a library
entity parses no library file; the positions are the ones a load works out
(tests/load/test_compiled_library.py), so the reports are the same.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from archlex.cache_folder import code_fingerprint, read_sealed, write_sealed
from archlex.load.cache import FileOutcome, ParseCache
from archlex.load.manifest_entry import ManifestEntry

FORMAT = 1


class CompiledLibrary(ParseCache):
    """One library's files as loaded, in `folder`/libraries: read once, written when a file
    was read anew (`keep`)."""

    records_inputs = False

    def __init__(self, folder: Path, name: str) -> None:
        super().__init__(folder)
        code = code_fingerprint(f"library-{FORMAT}:{name}")
        digest = hashlib.sha256(code.encode()).hexdigest()
        self._path = folder / "libraries" / digest[:2] / digest
        self._kept: dict[str, FileOutcome] | None = None
        self._used: dict[str, FileOutcome] = {}
        self._changed = False

    def get(self, key: str) -> FileOutcome | None:
        """The file's outcome as a load made it, if this library's entry holds it."""
        if self._kept is None:
            stored = read_sealed(self._path, self.folder)
            self._kept = stored if isinstance(stored, dict) else {}
        outcome = self._kept.get(key)
        if isinstance(outcome, FileOutcome):
            self._used[key] = outcome
            return outcome
        return None

    def put(self, key: str, outcome: FileOutcome) -> None:
        """Keep a file's outcome (written by `keep`)."""
        self._used[key] = outcome
        self._changed = True

    def keep(self) -> None:
        """Write the entry when a file was read anew: the outcomes of the files this load read,
        with each entity's own position worked out (sources.PlacedNode)."""
        if self._changed:
            write_sealed(self._path, {key: _placed(o) for key, o in self._used.items()})
            self._changed = False


def _placed(outcome: FileOutcome) -> FileOutcome:
    """A copy of the outcome whose entities have their own positions worked out: a finding
    about one (an untraced obligation of the catalog) then parses no library file."""
    kept = copy.copy(outcome)  # as pickled: a manifest's key and parsed YAML are not kept
    kept.placed = [(entity, located.placed()) for entity, located in outcome.placed]
    if isinstance(kept, ManifestEntry) and kept.entities is not None:
        kept.entities = _placed(kept.entities)
    return kept
