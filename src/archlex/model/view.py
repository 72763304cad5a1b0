"""Views the model names: many diagrams over one model, each a selection of its systems and
flows (the C4 / Structurizr idea)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from archlex.model.common import Entity
from archlex.model.record import Field

if TYPE_CHECKING:
    from archlex.model.annotated import LocalText, Ref, Refs


class ViewKind(StrEnum):
    """How a view draws what it selects."""

    CONTEXT = "context"
    LANDSCAPE = "landscape"
    TECHNICAL = "technical"
    DATA = "data"
    PROCESS = "process"
    SEQUENCE = "sequence"


class View(Entity):
    """A diagram the model names: what it shows (include, exclude, focus and depth) and how
    (its kind); drawn by `archlex render diagrams` as `<id>.svg` beside the default views."""

    title: LocalText = Field(description="The diagram's title, e.g. 'Border control at the BCP'.")
    kind: ViewKind = Field(
        description=(
            "How it is drawn: context (systems and their flows), landscape (organisations and "
            "the EU side), technical (zones), data (data categories), process (data flows in "
            "step order), sequence (the flows as messages between lifelines)."
        )
    )
    include: Refs = Field(
        default_factory=list,
        description=(
            "Ids or tags of what it shows: systems or components, organisations (the systems "
            "they own or run), flows, processes (their steps), data categories (the flows that "
            "carry them). Empty: everything, or only the focus and its neighbours."
        ),
    )
    exclude: Refs = Field(
        default_factory=list,
        description="Ids or tags of what it leaves out, read as for `include`.",
    )
    focus: Ref | None = Field(
        default=None,
        description="A system or component in the middle of the view, with its neighbours.",
    )
    depth: int | None = Field(
        default=None,
        ge=1,
        le=9,
        description="How many flow hops from the focus the view reaches (default 1).",
    )
