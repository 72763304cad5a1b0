"""Dates, durations and things in the words a reader of a document uses, not in the model's
notation: `4 January 2027` for 2027-01-04, `5 years` for P5Y, a system's name for its id."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from babel.dates import format_date

from archlex.i18n import N_, Translator, translator
from archlex.model import Model
from archlex.model.infrastructure import Volume

PER = {
    "second": N_("per second"),
    "minute": N_("per minute"),
    "hour": N_("per hour"),
    "day": N_("per day"),
    "month": N_("per month"),
    "year": N_("per year"),
}
NBSP = "\u00a0"  # a date or a duration is one word: no line breaks inside it
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def date_words(day: dt.date | None, language: str = "en") -> str:
    """`4 January 2027` (`2027. gada 4. janvāris`), held together by no-break spaces."""
    if day is None:
        return ""
    if language == "en":  # the translator keeps ISO dates for English tables and listings
        return format_date(day, "d MMMM y", locale="en").replace(" ", NBSP)
    return translator(language).date(day).replace(" ", NBSP)


def duration_words(text: str | None, language: str = "en") -> str:
    """`P5Y` as `5 years`, `P1Y6M` as `1 year 6 months`; other text unchanged."""
    if not text:
        return ""
    match = _DURATION.match(text.strip())
    if not match or not any(match.groups()):
        return text
    tr = translator(language)
    parts = []
    for value, unit in zip(match.groups(), _UNITS, strict=True):
        if value:
            parts.append(unit(tr, int(value)).format(n=value).replace(" ", NBSP))
    return " ".join(parts)


# One function per unit, so that each call's literal strings reach the message catalog.
_UNITS: tuple[Callable[[Translator, int], str], ...] = (
    lambda tr, n: tr.ngettext("{n} year", "{n} years", n),
    lambda tr, n: tr.ngettext("{n} month", "{n} months", n),
    lambda tr, n: tr.ngettext("{n} week", "{n} weeks", n),
    lambda tr, n: tr.ngettext("{n} day", "{n} days", n),
)


def whole(text: str) -> str:
    """Text that must not break across lines (a provision, `2019/817 Art 7(1)`): no-break spaces."""
    return text.replace(" ", NBSP)


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


def abbreviation(model: Model, entity_id: str) -> str:
    """An organisation's abbreviation as its name gives it last in brackets (`IeM IC`,
    `eu-LISA`), else its id without the library prefix."""
    found = model.get(entity_id)
    name = str(getattr(found, "name", None) or "")
    if name.endswith(")") and "(" in name:
        inside = name[name.rindex("(") + 1 : -1].split(", ")[-1]
        if 0 < len(inside) <= 12:
            return inside
    return entity_id.removeprefix("eu.")


def volume_words(volume: Volume | None, tr: Translator) -> str:
    """`300 (peak 1,500) searches per minute`; empty when no figure is given."""
    if volume is None or (volume.average is None and volume.peak is None):
        return ""
    figures = [tr.number(volume.average) if volume.average is not None else ""]
    if volume.peak is not None:
        figures.append(tr.gettext("(peak %(peak)s)") % {"peak": tr.number(volume.peak)})
    return f"{' '.join(f for f in figures if f)} {volume.unit} {tr.gettext(PER[volume.per])}"
