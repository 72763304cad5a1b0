"""The law over time: amending acts, dates an act sets, and dates derived from events."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from archlex.model.common import Entity, Provenance, Record
from archlex.model.record import Field

if TYPE_CHECKING:
    from archlex.model.annotated import (
        Duration,
        Event,
        ProvisionRef,
        ProvisionRefs,
        Ref,
        RegulationId,
    )

EVENT_PATTERN = r"^[\w./-]+\.(start|applies|in_force)$"
DURATION_PATTERN = r"^P(\d+Y|\d+Y\d+M|\d+Y\d+M\d+D|\d+M|\d+M\d+D|\d+W|\d+D|\d+Y\d+D)$"


class ActKind(StrEnum):
    """What kind of legal act a catalogued act is."""

    REGULATION = "regulation"
    DIRECTIVE = "directive"
    IMPLEMENTING_DECISION = "implementing-decision"
    IMPLEMENTING_REGULATION = "implementing-regulation"
    DELEGATED_REGULATION = "delegated-regulation"
    NATIONAL_LAW = "national-law"


class ChangeKind(StrEnum):
    """How an amending act changes a provision."""

    INSERTED = "inserted"
    REPLACED = "replaced"
    DELETED = "deleted"


class Change(Record):
    """One provision an amending act inserts, replaces or deletes."""

    provision: ProvisionRef = Field(description="The provision of the amended act.")
    change: ChangeKind = Field(description="inserted, replaced or deleted.")


class Amendment(Provenance):
    """An act that amends this one, from when, and what it changes."""

    act: RegulationId = Field(description="The amending act, e.g. 2024/1356.")
    article: str | None = Field(default=None, description="Where in the amending act, e.g. Art 23.")
    date_of_application: dt.date | None = Field(
        default=None, description="The day the changes apply from."
    )
    changes: list[Change] = Field(default_factory=list, description="What it changes.")


class Start(Provenance):
    """The day an act sets for a component or system to start operations."""

    component: Ref = Field(description="The component or system, e.g. eu.ESP.")
    date: dt.date = Field(description="The day it starts operations.")
    provision: str | None = Field(
        default=None, description="Where in the act the date is set, e.g. Art 1."
    )


class Act(Entity, Provenance):
    """An act catalogued for what it does to the regulations, not article by article: an
    amending regulation, or an implementing decision that sets a start of operations."""

    id: RegulationId
    kind: ActKind = Field(description="What kind of act it is.")
    title: str = Field(description="Full title.")
    eli: str | None = Field(default=None, description="European Legislation Identifier URI.")
    celex: str | None = Field(default=None, description="CELEX number.")
    adopted: dt.date | None = Field(default=None, description="Date of adoption.")
    published: dt.date | None = Field(default=None, description="Date of publication.")
    in_force: dt.date | None = Field(default=None, description="Date of entry into force.")
    applies_from: dt.date | None = Field(
        default=None, description="The day it applies from, when later than its entry into force."
    )
    legal_basis: ProvisionRefs = Field(
        default_factory=list, description="The provisions it is adopted under."
    )
    starts: list[Start] = Field(
        default_factory=list, description="Days it sets for components to start operations."
    )

    @property
    def effective(self) -> dt.date | None:
        """The first day it is law: entry into force, else publication, else adoption."""
        return self.in_force or self.published or self.adopted


class EventDate(Record):
    """A date derived from a catalogued event: `{after: eu.ESP.start, plus: P2Y}`."""

    after: Event
    plus: Duration | None = Field(default=None, description="How long after the event.")

    def __str__(self) -> str:
        return f"{self.plus} after {self.after}" if self.plus else self.after


DateRule = dt.date | EventDate
