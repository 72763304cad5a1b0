"""Model text in one or several languages: `name: Border guard` or `name: {en: ..., lv: ...}`
(the field type `LocalText` is in `archlex.model.annotated`)."""

from __future__ import annotations

import re
from typing import Any

LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
DEFAULT_LANGUAGE = "en"


class Text(str):
    """A text as a string (its English, else its first language) that also knows its
    translations; code that treats it as a string keeps working."""

    translations: dict[str, str]

    def __new__(cls, value: str, translations: dict[str, str] | None = None) -> Text:
        """The text `value`, with `translations` by two-letter language code."""
        text = super().__new__(cls, value)
        text.translations = dict(translations or {})
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (str(self), self.translations))

    def in_language(self, language: str) -> str | None:
        """The text in `language`, or None when the model does not give it."""
        return self.translations.get(language)


def _to_text(value: Any) -> Text:
    if type(value) is str:  # most texts of a model: Text(value) without the calls
        text = str.__new__(Text, value)
        text.translations = {}
        return text
    if isinstance(value, Text):
        return value
    if isinstance(value, str):
        return Text(value)
    if isinstance(value, dict) and value:
        for code, text in value.items():
            if not isinstance(code, str) or not LANGUAGE_CODE.match(code):
                raise ValueError(f"{code!r} is not a two-letter language code (en, lv, ...)")
            if not isinstance(text, str):
                raise ValueError(f"the {code} text is not a string")
        first = value.get(DEFAULT_LANGUAGE) or next(iter(value.values()))
        return Text(first, value)
    raise ValueError("a text is a string, or a mapping of language codes to strings")


def _serialize(value: Text) -> str | dict[str, str]:
    return dict(value.translations) if value.translations else str(value)


_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "propertyNames": {"pattern": LANGUAGE_CODE.pattern},
            "additionalProperties": {"type": "string"},
            "minProperties": 1,
        },
    ],
}
