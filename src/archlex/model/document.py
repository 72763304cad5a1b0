"""The concept document's own data: title, version, status, marking, people, change history,
page settings and the chapters the author writes in Markdown (manifest key `document`)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from archlex.model.common import Record
from archlex.model.record import Field, model_validator

if TYPE_CHECKING:
    from archlex.model.annotated import LocalText, Texts


class DocumentStatus(StrEnum):
    """Where the document is on its way to signature."""

    DRAFT = "draft"
    FOR_APPROVAL = "for-approval"
    APPROVED = "approved"


class Change(Record):
    """One line of the change history."""

    version: str = Field(description="Version this change made, e.g. 0.3.")
    date: dt.date = Field(description="When (ISO 8601).")
    author: str = Field(description="Who made it.")
    summary: LocalText = Field(description="What changed, in a sentence.")


class Section(Record):
    """A chapter the author writes: Markdown text, inline or in a file next to the manifest."""

    slot: Literal["purpose", "current-state", "options", "assumptions", "before-annexes"] = Field(
        description="Where it goes: purpose (purpose and scope), current-state (as-is), options "
        "(options considered), assumptions (assumptions and constraints), before-annexes (a "
        "chapter of its own before the annexes)."
    )
    title: LocalText | None = Field(
        default=None, description="Its heading; needed for a before-annexes chapter."
    )
    text: str | None = Field(default=None, description="The Markdown text.")
    file: str | None = Field(
        default=None, description="A Markdown file with the text, relative to the manifest."
    )

    @model_validator(mode="after")
    def _one_text(self) -> Section:
        if (self.text is None) == (self.file is None):
            raise ValueError("a section needs `text` or `file`, not both")
        if self.slot == "before-annexes" and not self.title:
            raise ValueError("a before-annexes section needs a `title`")
        return self


class GlossaryEntry(Record):
    """A term of the document, its definition and its abbreviation."""

    term: LocalText = Field(description="The term.")
    definition: LocalText = Field(description="What it means in this document.")
    abbreviation: str | None = Field(default=None, description="Its abbreviation, e.g. ESP.")


class Document(Record):
    """What the concept document says about itself (document control) and how it is laid out."""

    title: LocalText | None = Field(default=None, description="Title; default: the model's name.")
    subtitle: LocalText | None = Field(default=None, description="Subtitle.")
    version: str = Field(default="0.1", description="Version, e.g. 1.0.")
    date: dt.date | None = Field(default=None, description="Date of this version.")
    status: DocumentStatus = Field(default=DocumentStatus.DRAFT, description="Status.")
    classification: LocalText | None = Field(
        default=None, description="Marking for header and title page, e.g. For official use."
    )
    organisation: LocalText | None = Field(default=None, description="Who issues it.")
    authors: Texts = Field(default_factory=list, description="Authors.")
    approvers: Texts = Field(default_factory=list, description="Who approves it.")
    history: list[Change] = Field(default_factory=list, description="Change history.")
    paper: Literal["A4", "Letter"] = Field(default="A4", description="Paper size.")
    reference_docx: str | None = Field(
        default=None,
        description="A Word template (relative to the manifest) whose styles, header, footer "
        "and logo the DOCX uses.",
    )
    sections: list[Section] = Field(default_factory=list, description="Chapters in Markdown.")
    glossary: list[GlossaryEntry] = Field(
        default_factory=list, description="Terms and abbreviations the document uses."
    )
