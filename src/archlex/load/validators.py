"""The validators of archlex's model classes, kept between runs as Python keeps bytecode.

A model class is validated by a pydantic-core validator made from the core schema of its
pydantic twin (`archlex.model.twins`). Making that schema imports pydantic and builds the twins,
most of what a small check would spend; a validator is made from its core schema in
microseconds. So the schemas one run makes are kept in the cache folder, keyed by archlex's code
and the pydantic and pydantic-core versions, and the next run gives a model class its validator
from them before it validates: a run that finds them never imports pydantic. Every run with a
cache folder reads and writes them, `--no-cache` too (they are archlex's data, not the
model's). The schema's `metadata` (what pydantic keeps for JSON Schema; pydantic-core never
reads it) is left out: it holds local functions.
An entry that fails its checksum or does not unpickle is ignored, a class it lacks is made.
"""

from __future__ import annotations

import hashlib
import importlib.util
import pickle
import re
from pathlib import Path
from typing import Any

from archlex.cache_folder import code_fingerprint, read_sealed, write_sealed
from archlex.model.core import VERSION as CORE_VERSION
from archlex.model.core import SchemaValidator
from archlex.model.record import Record

FORMAT = 1


class CompiledValidators:
    """The validators kept in `folder`/validators for this archlex and pydantic."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._kept: dict[str, tuple[Any, ...]] | None = None
        self._given: set[type[Record]] = set()
        self._used: set[type[Record]] = set()

    def prepare(self, model: type[Record]) -> None:
        """Give `model` its validator from the kept schemas, unless it has one already."""
        self._used.add(model)
        if model in self._given or _built(model):
            return
        kept = self._read().get(_name(model))
        if kept is not None:
            type.__setattr__(model, "__pydantic_validator__", SchemaValidator(*kept))
        self._given.add(model)

    def keep(self) -> None:
        """Add the validators this run built for the classes it prepared to the kept ones."""
        kept = self._read()
        new = {}
        for model in self._used:
            name = _name(model)
            if name not in kept and _built(model):
                made = _reduced(model.__dict__["__pydantic_validator__"])
                if made is not None and _picklable(made):
                    new[name] = made
        if new:
            write_sealed(self._path(), {**kept, **new})

    def _path(self) -> Path:
        """The entry for this archlex and pydantic (worked out only when a file is validated)."""
        versions = f"{_pydantic_version()}:{CORE_VERSION}"
        fingerprint = code_fingerprint(f"validators-{FORMAT}:{versions}")
        key = hashlib.sha256(fingerprint.encode()).hexdigest()
        return self.folder / "validators" / key[:2] / key

    def _read(self) -> dict[str, tuple[Any, ...]]:
        if self._kept is None:
            stored = read_sealed(self._path(), self.folder)
            self._kept = stored if isinstance(stored, dict) else {}
        return self._kept


def _name(model: type[Record]) -> str:
    return f"{model.__module__}.{model.__qualname__}"


def _built(model: type[Record]) -> bool:
    """Whether the class has its own validator (kept, or made from its twin)."""
    return "__pydantic_validator__" in model.__dict__


def _pydantic_version() -> str:
    """pydantic's version, read from its `version.py` without importing pydantic (nor
    importlib.metadata, which costs more than the validators save)."""
    spec = importlib.util.find_spec("pydantic")
    if spec is None or spec.origin is None:
        return "none"
    text = (Path(spec.origin).parent / "version.py").read_text(encoding="utf-8")
    found = re.search(r"^VERSION\s*=\s*['\"]([^'\"]+)['\"]", text, re.MULTILINE)
    return found.group(1) if found else hashlib.sha256(text.encode()).hexdigest()


def _reduced(validator: Any) -> tuple[Any, ...] | None:
    """What makes the validator again (its core schema without metadata, its config ...), or
    None when it is not one."""
    try:
        _type, (schema, *rest) = validator.__reduce__()
    except (AttributeError, TypeError, ValueError):
        return None
    return (_without_metadata(schema), *rest)


def _picklable(value: object) -> bool:
    """Whether the value pickles (a schema may hold a lambda, say a default factory: that
    class's validator is then built by each run)."""
    try:
        pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError, RecursionError):
        return False
    return True


def _without_metadata(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_metadata(v) for k, v in value.items() if k != "metadata"}
    if isinstance(value, list):
        return [_without_metadata(v) for v in value]
    return value
