"""A cache of parsed and validated model files, keyed by their content, in a folder users may
delete. Never wrong: the key covers the file's bytes, its name in the model and archlex's own
code; an entry that fails its checksum or does not unpickle is ignored, not trusted."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from archlex.cache_folder import code_fingerprint, default_folder, read_sealed, write_sealed
from archlex.findings import Finding
from archlex.load.sources import Located
from archlex.model import ModelFile
from archlex.model.common import Entity

if TYPE_CHECKING:  # the YAML reader is imported when an entry with a problem is read
    from archlex.load.yaml_reader import YamlProblem

FORMAT = 1

__all__ = ["FileOutcome", "MemoryParseCache", "ParseCache", "ValidatorsOnly", "default_folder"]


@dataclass
class FileOutcome:
    """What loading one file added to the model: entities, positions, findings."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[YamlProblem] = field(default_factory=list)
    parts: list[ModelFile] = field(default_factory=list)
    invalid_ids: list[str] = field(default_factory=list)
    placed: list[tuple[Entity, Located]] = field(default_factory=list)


class ParseCache:
    """Entries by key in `folder`; every failure to read or write one is a miss, not an error."""

    # A load through a cache folder records what it read (files.Inputs), for the report cache
    # of `archlex check`; the language server's cache in memory has no use for it.
    records_inputs = True
    # Whether it holds model files' outcomes (`ValidatorsOnly` does not), and whether
    # pydantic's validators are kept beside them (archlex.load.validators).
    holds_files = True
    keeps_validators = True

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._code = code_fingerprint(f"parse-{FORMAT}")

    def key(self, display: str, raw: bytes) -> str:
        """The key of a file: its name in the model, its bytes, and archlex's code."""
        return hashlib.sha256(f"{self._code}\0{display}\0".encode() + raw).hexdigest()

    def get(self, key: str) -> FileOutcome | None:
        """The cached outcome, or None when missing, corrupt or unreadable."""
        value = read_sealed(self.folder / key[:2] / key, self.folder)
        return value if isinstance(value, FileOutcome) else None

    def put(self, key: str, outcome: FileOutcome) -> None:
        """Store an outcome atomically; a cache that cannot be written is skipped."""
        write_sealed(self.folder / key[:2] / key, outcome)

    def has(self, key: str) -> bool:
        """Whether an entry is kept under this key (it may still prove unreadable)."""
        return (self.folder / key[:2] / key).is_file()


class ValidatorsOnly(ParseCache):
    """`--no-cache`: no model data read or written, only pydantic's validators of archlex's
    classes, which depend on archlex's code and pydantic's version alone (as bytecode does)."""

    records_inputs = False
    holds_files = False

    def get(self, key: str) -> FileOutcome | None:
        """Nothing: every file is read anew."""
        return None

    def put(self, key: str, outcome: FileOutcome) -> None:
        """Nothing is kept."""

    def has(self, key: str) -> bool:
        """Nothing is kept."""
        return False


class MemoryParseCache(ParseCache):
    """The same cache kept in memory, for a long-running process (the language server):
    no pickling, and `sweep` forgets the files that the last loads did not ask for."""

    records_inputs = False
    keeps_validators = False  # it builds each validator once and keeps it in memory

    def __init__(self) -> None:
        super().__init__(Path())
        self._entries: dict[str, FileOutcome] = {}
        self._used: set[str] = set()

    def get(self, key: str) -> FileOutcome | None:
        """The outcome stored under this key, if any."""
        self._used.add(key)
        return self._entries.get(key)

    def put(self, key: str, outcome: FileOutcome) -> None:
        """Keep an outcome."""
        self._used.add(key)
        self._entries[key] = outcome

    def has(self, key: str) -> bool:
        """Whether an outcome is kept under this key."""
        return key in self._entries

    def sweep(self) -> None:
        """Forget every entry not asked for since the last sweep (edited files' old text)."""
        self._entries = {k: v for k, v in self._entries.items() if k in self._used}
        self._used = set()
