"""The ArchiMate concepts as archlex builds them: elements and relationships, before XML."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from archlex.export.archimate_layout import Bounds, Box
from archlex.export.text_language import LangText

Properties = list[tuple[str, LangText]]


@dataclass(frozen=True)
class Element:
    """An ArchiMate element; `archlex_id` is None for elements archlex derives (deliverables)."""

    identifier: str
    type: str
    name: LangText
    documentation: LangText | None
    properties: Properties
    archlex_id: str | None


@dataclass(frozen=True)
class Relationship:
    """An ArchiMate relationship between two elements (or a relationship and an element)."""

    identifier: str
    type: str
    source: str
    target: str
    name: LangText | None = None
    properties: Properties = field(default_factory=list)
    archlex_id: str | None = None


def derived_id(kind: str, source: str, target: str) -> str:
    """A stable identifier for a relationship archlex derives from a reference."""
    digest = hashlib.sha256(f"{kind}\n{source}\n{target}".encode()).hexdigest()[:20]
    return f"rel-{digest}"


@dataclass
class Figure:
    """A figure of a view: an element's (`element` set) or a plain container with a label."""

    key: str
    element: str | None = None
    label: LangText | None = None
    children: list[Figure] = field(default_factory=list)

    def box(self) -> Box:
        """The figure as a box for the layout."""
        return Box(self.key, [child.box() for child in self.children])


@dataclass
class View:
    """A diagram: its figures, the relationships drawn between them, and their bounds."""

    identifier: str
    name: LangText
    documentation: LangText
    figures: list[Figure]
    lines: list[tuple[str, str, str]]  # relationship, source element, target element
    bounds: dict[str, Bounds] = field(default_factory=dict)
    # Pairs of figures the layout places left to right although no line joins them.
    hints: list[tuple[str, str]] = field(default_factory=list)
