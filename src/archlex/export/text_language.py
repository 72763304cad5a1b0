"""The language each exported text is really in (docs/export.md, "Languages").

The model is put in the output language before it is exported (`localized.in_language`), and a
text it does not give in that language stays as written: the language a tool reading the export
is told must be the one of the text, not the output language.
"""

from __future__ import annotations

from dataclasses import dataclass

from archlex.i18n import SOURCE_LANGUAGE, Translator
from archlex.model.text import DEFAULT_LANGUAGE, Text

# What archlex writes itself (ids, codes, dates, numbers, the names of the relationships it
# derives) is in its own vocabulary, English, as the property definitions' names are.
ARCHLEX_LANGUAGE = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class LangText:
    """A text and the language it is in: one `name`, `documentation`, `label` or property
    `value` of the exchange format (its LangStringType)."""

    text: str
    language: str


def archlex_words(text: str) -> LangText:
    """A text archlex writes itself: an id, a code, a date, a derived relationship's name."""
    return LangText(text, ARCHLEX_LANGUAGE)


def translated(tr: Translator, message: str) -> LangText:
    """A message of archlex's catalogs in `tr`'s language; in English (the msgid) where the
    catalog does not translate it (a language archlex has no catalog for)."""
    language = tr.language if tr.translates(message) else SOURCE_LANGUAGE
    return LangText(tr.gettext(message), language)


@dataclass(frozen=True)
class TextLanguages:
    """The languages of a model's texts once it is put in `output`: a text the model gives in
    `output` is in it; another text given per language is in the one it falls back to; a plain
    text is in the language its file is written in, `written` for the model's own files and
    English for the bundled libraries' (the entities in `library`)."""

    output: str
    written: str = DEFAULT_LANGUAGE
    library: frozenset[str] = frozenset()

    def of(self, text: str, entity_id: str | None = None) -> LangText:
        """A text of the entity `entity_id` (None: the manifest) with the language it is in."""
        if isinstance(text, Text) and text.translations:
            return LangText(text, _given_in(text, self.output) or self.written)
        plain = DEFAULT_LANGUAGE if entity_id in self.library else self.written
        return LangText(text, plain)

    def value(self, text: str, entity_id: str) -> LangText:
        """A property value: a model text (`Text`) as `of` says, anything else (ids, codes,
        dates, numbers) archlex's own words."""
        return self.of(text, entity_id) if isinstance(text, Text) else archlex_words(text)

    def composed(self, text: str, *parts: LangText) -> LangText:
        """A text made of `parts` (and of words neither model nor catalog gives: provisions,
        ids): in the output language only where every part is; else in the language of the
        first part that is not, the part a reader of the output language may not read."""
        others = [part.language for part in parts if part.language != self.output]
        return LangText(text, others[0] if others else self.output)


def _given_in(text: Text, output: str) -> str | None:
    """The language whose wording the text shows: the output language's where the model gives
    it, else the one it fell back to (English first, as `Text` does)."""
    preferred = [output, DEFAULT_LANGUAGE, *text.translations]
    return next((code for code in preferred if text.translations.get(code) == text), None)
