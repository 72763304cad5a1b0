"""The model in one output language: every text the model gives in that language replaces its
default, and what it does not give is counted, so an output can say once where it fell back."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

from archlex.model.aggregate import Model
from archlex.model.record import Record
from archlex.model.text import DEFAULT_LANGUAGE, Text

_LISTS = tuple(f.name for f in dataclasses.fields(Model) if f.name not in ("manifest", "index"))


def localize_model(model: Model, language: str) -> Model:
    """The model with its texts in `language` where given (entities without any are kept)."""
    if language == DEFAULT_LANGUAGE:
        return model
    lists: dict[str, Any] = {
        name: [_localize(e, language) for e in getattr(model, name)] for name in _LISTS
    }
    result = dataclasses.replace(model, manifest=_localize(model.manifest, language), **lists)
    result.reindex()
    return result


def untranslated(
    model: Model, language: str, written_in: str, library: frozenset[str] = frozenset()
) -> dict[str, int]:
    """How many model parts of each kind (class name) show a text not in `language`: a plain
    string of a model written in another language (a library's entities are written in
    English), or a mapping without `language`. The manifest (the model's name) is such a part,
    written in the model's language."""
    counts: Counter[str] = Counter()
    _count(model.manifest, language, written_in, counts)
    for name in _LISTS:
        for entity in getattr(model, name):
            plain = DEFAULT_LANGUAGE if entity.id in library else written_in
            _count(entity, language, plain, counts)
    return dict(sorted(counts.items()))


def _localize(value: Any, language: str) -> Any:
    if isinstance(value, Text):
        wanted = value.in_language(language)
        return value if wanted is None or wanted == value else Text(wanted, value.translations)
    if isinstance(value, Record):
        updates = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _localize(old, language)
            if new is not old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, list):
        items = [_localize(item, language) for item in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    return value


def _count(value: Any, language: str, written_in: str, counts: Counter[str]) -> bool:
    """Count `value` (a model part) if one of its own texts is not in `language`; whether it
    holds such a text itself."""
    missing = False
    for name in type(value).model_fields:
        field = getattr(value, name)
        if isinstance(field, Text):
            missing |= _is_fallback(field, language, written_in)
        elif isinstance(field, Record):
            _count(field, language, written_in, counts)
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, Record):
                    _count(item, language, written_in, counts)
    if missing:
        counts[type(value).__name__] += 1
    return missing


def _is_fallback(text: Text, language: str, written_in: str) -> bool:
    if text.translations:
        return language not in text.translations
    return written_in != language
