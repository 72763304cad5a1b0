"""The terminology register of the `eu` library: each term in English and Latvian, with the
source it was found in and how sure that is (`model/eu/terminology.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archlex.errors import ArchlexError
from archlex.load.libraries import library_manifest
from archlex.load.yaml_reader import UnreadableYamlError, read_yaml

FILE = "terminology.yaml"
STATUSES = ("confirmed", "cited", "secondary", "unconfirmed")


@dataclass(frozen=True)
class Term:
    """One term: its English and Latvian forms, the catalog entity it names, and its source."""

    en: str
    lv: str
    status: str
    source: str = ""
    abbreviation: str = ""
    id: str = ""
    note: str = ""

    @property
    def is_confirmed(self) -> bool:
        """Read in the Latvian text of an act (not only quoted, reproduced or proposed)."""
        return self.status == "confirmed"


def terminology_path() -> Path:
    """Where the bundled terminology register is."""
    manifest = library_manifest("eu")
    if manifest is None:  # pragma: no cover - the eu library always ships
        raise ArchlexError("the bundled eu library is missing")
    return manifest.parent / FILE


def load_terminology(path: Path | None = None) -> tuple[Term, ...]:
    """Every term of the register, in its order."""
    source = path or terminology_path()
    try:
        data = read_yaml(source).data
    except UnreadableYamlError as error:
        problem = error.problem
        raise ArchlexError(f"{source}:{problem.line}:{problem.column}: {problem.message}") from None
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ArchlexError(f"{source}: expected `terms:`, a list of terms")
    return tuple(_term(source, number, entry) for number, entry in enumerate(entries, start=1))


def by_id(terms: tuple[Term, ...]) -> dict[str, Term]:
    """The terms that name a catalog entity (or a regulation), by its id."""
    return {term.id: term for term in terms if term.id}


def _term(source: Path, number: int, entry: Any) -> Term:
    if not isinstance(entry, dict) or not {"en", "lv", "status"} <= entry.keys():
        raise ArchlexError(f"{source}: term {number} needs `en`, `lv` and `status`")
    if entry["status"] not in STATUSES:
        raise ArchlexError(
            f"{source}: term {number} ({entry['en']}) has status {entry['status']!r}",
            "one of: " + ", ".join(STATUSES),
        )
    fields = ("en", "lv", "status", "source", "abbreviation", "id", "note")
    return Term(**{name: str(entry.get(name) or "") for name in fields})
