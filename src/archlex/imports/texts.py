"""An imported text merged into the model's text of the same field, language by language.

A file carries one text per field, in one language: a ReqIF export says which (`xml:lang` on
its root, none for English), a spreadsheet is taken to be in the model's written language.
A field the model gives in several languages (`title: {en: ..., lv: ...}`) gets the file's
text in the file's language only, the others kept; a plain text written in another language
becomes a mapping of both. A text the file shows only because the model gave none in its
language (the export fell back to the written one) changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from archlex.imports.registry import EntityUpdate, ImportPlan
from archlex.load import Project
from archlex.model.text import DEFAULT_LANGUAGE, Text


def merged_text(existing: Text, new: str, language: str, written: str) -> str | dict[str, str]:
    """The field's value once the file's text `new`, in `language`, is taken into the model's
    `existing` text (a plain one is in the model's `written` language)."""
    translations = existing.translations
    if translations:
        if language not in translations and new == str(existing):
            return dict(translations)  # the export's fallback, come back unchanged
        return {**translations, language: new}
    if new == str(existing) or language == written:
        return new
    return {written: str(existing), language: new}


def in_their_languages(plan: ImportPlan, project: Project) -> list[EntityUpdate]:
    """The plan's updates with each text of an entity the model has merged into its text."""
    written = project.model.manifest.language or DEFAULT_LANGUAGE
    language = plan.language or written
    updates = []
    for update in plan.updates:
        entity = project.model.get(update.id)
        if entity is None:
            updates.append(update)
            continue
        fields: dict[str, Any] = dict(update.fields)
        for key, value in update.fields.items():
            existing = getattr(entity, key, None)
            if isinstance(value, str) and isinstance(existing, Text):
                fields[key] = merged_text(existing, value, language, written)
        updates.append(replace(update, fields=fields))
    return updates
