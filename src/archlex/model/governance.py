"""What a concept needs besides the architecture: risks, architecture decisions, the national
legal acts to adopt or amend, and the funds that pay for the work."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from archlex.model.common import Entity, Record
from archlex.model.record import Field

if TYPE_CHECKING:
    from archlex.model.annotated import Flag, LocalText, ProvisionRefs, Ref, Refs, Texts


class Level(StrEnum):
    """Low, medium or high: a risk's likelihood or impact."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class RiskStatus(StrEnum):
    """Where a risk stands."""

    OPEN = "open"
    MITIGATED = "mitigated"
    ACCEPTED = "accepted"
    CLOSED = "closed"


class Risk(Entity):
    """A risk to the implementation: how likely, how bad, who owns it and what is done."""

    title: LocalText = Field(description="The risk in a few words.")
    likelihood: Level = Field(description="How likely it is: low, medium or high.")
    impact: Level = Field(description="How bad it would be: low, medium or high.")
    owner: Ref | None = Field(default=None, description="Organisation that manages it.")
    mitigation: str | None = Field(default=None, description="What is done to reduce it.")
    related: Refs = Field(
        default_factory=list, description="Work packages, systems or obligations it threatens."
    )
    status: RiskStatus = Field(default=RiskStatus.OPEN, description="Where it stands.")

    @property
    def is_high(self) -> bool:
        """High: likelihood x impact is 6 or more on a scale of 1 to 3 each."""
        score = {Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}
        return score[self.likelihood] * score[self.impact] >= 6


class DecisionStatus(StrEnum):
    """The state of an architecture decision record."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SUPERSEDED = "superseded"


class Option(Record):
    """One option an architecture decision weighed."""

    name: str = Field(description="The option.")
    pros: Texts = Field(default_factory=list, description="What speaks for it.")
    cons: Texts = Field(default_factory=list, description="What speaks against it.")


class Decision(Entity):
    """An architecture decision record: the question, the options, what was chosen and why."""

    title: LocalText = Field(description="The decision in a few words.")
    status: DecisionStatus = Field(default=DecisionStatus.PROPOSED, description="Its state.")
    date: dt.date | None = Field(default=None, description="When it was taken (ISO 8601).")
    context: str = Field(description="The question and what forces the choice.")
    options: list[Option] = Field(default_factory=list, description="The options weighed.")
    decision: str = Field(description="What was chosen, and why.")
    consequences: str | None = Field(default=None, description="What follows from it.")
    relates_to: Refs = Field(default_factory=list, description="Entities it concerns.")
    provisions: ProvisionRefs = Field(default_factory=list, description="Provisions it serves.")
    superseded_by: Ref | None = Field(default=None, description="The decision that replaced it.")


class ActKind(StrEnum):
    """The rank of a national legal act."""

    LAW = "law"
    CABINET_REGULATION = "cabinet-regulation"
    ORDER = "order"
    OTHER = "other"


class NationalAct(Entity):
    """A national legal act the member state adopts or amends to implement the regulations."""

    title: LocalText = Field(description="Title of the act (mark a placeholder as one).")
    kind: ActKind = Field(description="law, cabinet-regulation, order or other.")
    action: str = Field(
        default="amend", pattern=r"^(adopt|amend)$", description="adopt (new) or amend."
    )
    implements: ProvisionRefs = Field(
        default_factory=list, description="Provisions of the regulations it implements."
    )
    responsible: Ref | None = Field(default=None, description="Organisation that drafts it.")
    work_package: Ref | None = Field(default=None, description="Work package that delivers it.")
    deadline: dt.date | None = Field(default=None, description="When it must be in force.")
    example: Flag = Field(
        default=False, description="An illustrative entry, not a confirmed act or title."
    )


class Fund(Entity):
    """A source of money that `cost.funding` names: an EU instrument or a national budget."""

    name: LocalText = Field(description="Name of the fund or budget.")
    eu: Flag = Field(default=False, description="An EU instrument (e.g. BMVI).")
    programme: str | None = Field(default=None, description="The national programme under it.")
    max_rate: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="The most it may pay of a work package's cost, in percent (co-financing).",
    )
    increased_rate: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="The higher rate it may pay where a work package gives `cost.rate_basis` "
        "(e.g. BMVI: 90 % for specific actions and the actions of its Annex IV).",
    )
