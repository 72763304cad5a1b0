"""Dates, durations and things in the words a reader of a document uses, not in the model's
notation: `4 January 2027` for 2027-01-04, `5 years` for P5Y, a system's name for its id."""

from __future__ import annotations

import datetime as dt
import re

from archlex.model import Model

NBSP = "\u00a0"  # a date or a duration is one word: no line breaks inside it
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
UNITS = {
    "en": {
        "Y": ("year", "years"),
        "M": ("month", "months"),
        "W": ("week", "weeks"),
        "D": ("day", "days"),
        "H": ("hour", "hours"),
    },
}
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$")


def date_words(day: dt.date | None, language: str = "en") -> str:
    """`4 January 2027`, held together by no-break spaces; blank for no date."""
    if day is None:
        return ""
    months = MONTHS.get(language, MONTHS["en"])
    return NBSP.join((str(day.day), months[day.month - 1], str(day.year)))


def duration_words(text: str | None, language: str = "en") -> str:
    """`P5Y` as `5 years`, `P1Y6M` as `1 year 6 months`; other text unchanged."""
    if not text:
        return ""
    match = _DURATION.match(text.strip())
    if not match or not any(match.groups()):
        return text
    units = UNITS.get(language, UNITS["en"])
    parts = []
    for value, unit in zip(match.groups(), "YMWDH", strict=True):
        if value:
            one, many = units[unit]
            parts.append(f"{int(value)}{NBSP}{one if int(value) == 1 else many}")
    return " ".join(parts)


def days_words(days: int, language: str = "en") -> str:
    """`1 day`, `1,234 days`."""
    one, many = UNITS.get(language, UNITS["en"])["D"]
    return f"{days:,}{NBSP}{one if days == 1 else many}"


def name_of(model: Model, entity_id: str | None) -> str:
    """The plain name of the entity with this id (its id when it has no name or is unknown)."""
    if not entity_id:
        return ""
    entity = model.get(entity_id)
    name = getattr(entity, "name", None) or getattr(entity, "title", None)
    return str(name) if name else entity_id


def names_of(model: Model, ids: list[str]) -> str:
    """The plain names of these entities, comma-separated."""
    return ", ".join(name_of(model, i) for i in ids)
