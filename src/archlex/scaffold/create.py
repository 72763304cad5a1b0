"""`archlex init`: a new model that validates, each file saying what goes in it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from archlex.errors import ArchlexError
from archlex.model.json_schema import SCHEMAS, json_schema_text

_FILES = resources.files(__package__) / "files"


def create_model(directory: Path) -> list[Path]:
    """Write a starter model into `directory`; refuse to overwrite an existing model."""
    if (directory / "archlex.yaml").exists():
        raise ArchlexError(
            f"{directory / 'archlex.yaml'} already exists",
            "choose a new folder; archlex init never overwrites a model",
        )
    if directory.exists() and not directory.is_dir():
        raise ArchlexError(f"{directory} is a file, not a folder", "choose a new folder")
    written: list[Path] = []
    try:
        for entry in sorted(_FILES.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                written.append(_write(directory / entry.name, entry.read_text("utf-8")))
        for kind in SCHEMAS:
            written.append(
                _write(directory / "schema" / f"{kind}.schema.json", json_schema_text(kind))
            )
    except OSError as error:
        raise ArchlexError(
            f"cannot write {directory}: {error.strerror}", "check the folder's permissions"
        ) from error
    return written


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise ArchlexError(f"{path} already exists", "choose a new folder")
    path.write_text(text, encoding="utf-8")
    return path
