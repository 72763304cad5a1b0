"""`archlex impact`: what depends on an entity and what it depends on."""

from archlex.impact.analysis import (
    KIND_ORDER,
    by_kind,
    dates,
    impact_json,
    impact_of,
    kinds,
    path_text,
    title,
)

__all__ = [
    "KIND_ORDER",
    "by_kind",
    "dates",
    "impact_json",
    "impact_of",
    "kinds",
    "path_text",
    "title",
]
