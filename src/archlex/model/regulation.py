"""Regulations, their chapters and articles, and the obligations they place on national actors."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from archlex.model.common import Entity, Provenance, Record
from archlex.model.law import Amendment, EventDate
from archlex.model.record import Field, model_validator

if TYPE_CHECKING:
    from pydantic import PositiveInt

    from archlex.model.annotated import (
        ArticleNumber,
        ArticleRange,
        LocalText,
        ProvisionRef,
        Ref,
        Refs,
        RegulationId,
    )

ARTICLE_NUMBER_PATTERN = r"^[0-9]+[a-z]*$"


class Chapter(Provenance):
    """A chapter and the range of articles it holds."""

    number: str = Field(description="Chapter number as printed, e.g. IV.")
    title: LocalText | None = Field(default=None, description="Chapter heading.")
    articles: ArticleRange = Field(description="[first, last] article of the chapter.")


class Article(Provenance):
    """An article: its number, title and paragraph count, with its provenance."""

    number: ArticleNumber = Field(description="Article number, e.g. 20 or 20a.")
    title: LocalText = Field(description="Article heading.")
    paragraphs: PositiveInt | None = Field(default=None, description="Number of paragraphs.")
    applies_from: dt.date | None = Field(
        default=None, description="The day it applies from, when later than the act's."
    )
    inserted_by: RegulationId | None = Field(
        default=None, description="The amending act that inserted it, e.g. 2024/1356."
    )


class Regulation(Entity):
    """A legal act with its articles: the two interoperability regulations or a national law."""

    id: RegulationId
    title: LocalText = Field(description="Full title.")
    short_title: LocalText | None = Field(default=None, description="Short title.")
    eli: str | None = Field(default=None, description="European Legislation Identifier URI.")
    celex: str | None = Field(default=None, description="CELEX number.")
    adopted: dt.date | None = Field(default=None, description="Date of adoption.")
    in_force: dt.date | None = Field(default=None, description="Date of entry into force.")
    applies_from: dt.date | None = Field(
        default=None, description="The day it applies from, when later than its entry into force."
    )
    amended_by: list[Amendment] = Field(
        default_factory=list, description="Acts that amend it, from when, and what they change."
    )
    chapters: list[Chapter] = Field(default_factory=list, description="Chapters.")
    articles: list[Article] = Field(default_factory=list, description="Articles.")

    @model_validator(mode="after")
    def _articles_unique(self) -> Regulation:
        seen: set[str] = set()
        for article in self.articles:
            if article.number in seen:
                raise ValueError(f"article {article.number} is listed twice")
            seen.add(article.number)
        return self

    def model_post_init(self, context: object, /) -> None:
        """Index the articles by number (in the private dict, `_articles`): provisions are
        looked up thousands of times."""
        articles = {article.number: article for article in self.articles}
        object.__setattr__(self, "__pydantic_private__", {"_articles": articles})

    def article(self, number: str) -> Article | None:
        """The article with this number, if the catalog has it."""
        private = self.__pydantic_private__
        articles: dict[str, Article] = private["_articles"] if private else {}
        return articles.get(number)


class Evidence(StrEnum):
    """What proves an obligation is met besides a requirement."""

    ROLE = "role"
    LOGGING = "logging"
    LEGAL_BASIS = "legal-basis"


class AppliesWhen(Record):
    """When an obligation applies, against the manifest's scope."""

    systems_any: Refs = Field(
        default_factory=list, description="Applies if any of these systems is in scope."
    )
    options_any: list[str] = Field(
        default_factory=list, description="Applies if the state takes up any of these options."
    )


class Obligation(Entity, Provenance):
    """What a provision asks of a national actor, in our own words."""

    provision: ProvisionRef = Field(description="The provision that sets it.")
    actor: Ref = Field(description="A role id, or member-state.")
    summary: LocalText = Field(description="What it asks, in our own words (not the legal text).")
    systems: Refs = Field(default_factory=list, description="Systems it concerns.")
    applies_when: AppliesWhen | None = Field(
        default=None, description="When it applies; absent means always."
    )
    applies_from: EventDate | dt.date | None = Field(
        default=None,
        description="The day it applies from, a date or `{after: <event>, plus: <period>}`; "
        "absent means when its article applies.",
    )
    deadline: EventDate | dt.date | None = Field(
        default=None,
        description="By when: a date, or `{after: <event>, plus: <period>}` such as "
        "`{after: eu.ESP.start, plus: P2Y}`.",
    )
    evidence: list[Evidence] = Field(default_factory=list, description="What proves it.")
