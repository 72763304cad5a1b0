"""The roadmap: phases, work packages with cost and funding, and milestones."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from archlex.model.common import Entity, Record
from archlex.model.record import Field, model_validator

if TYPE_CHECKING:
    from pydantic import NonNegativeFloat

    from archlex.model.annotated import LocalText, ProvisionRefs, Ref, Refs


class Cost(Record):
    """What a work package costs and who pays which share."""

    amount: NonNegativeFloat = Field(description="Total cost.")
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")
    funding: dict[str, NonNegativeFloat] = Field(
        default_factory=dict, description="Funding source -> percent of the amount."
    )
    specific_objective: str | None = Field(
        default=None, description="The EU fund's specific objective it serves (e.g. BMVI SO 1)."
    )
    intervention_field: str | None = Field(
        default=None, description="The EU fund's intervention field code."
    )
    rate_basis: str | None = Field(
        default=None,
        description="Why a fund's increased co-financing rate applies (e.g. an Annex IV action).",
    )
    operations: Operations | None = Field(default=None, description="Running costs after delivery.")


class Operations(Record):
    """What it costs to run what a work package delivers, once delivered."""

    from_: dt.date = Field(alias="from", description="First day of operation (ISO 8601).")
    yearly: NonNegativeFloat = Field(description="Running cost per year, in the cost's currency.")
    source: str | None = Field(default=None, description="Who pays it (a funding source).")


class Dated(Entity):
    """An entity that runs from a start date to an end date."""

    start: dt.date = Field(description="First day (ISO 8601).")
    end: dt.date = Field(description="Last day (ISO 8601).")

    @model_validator(mode="after")
    def _ends_after_start(self) -> Dated:
        if self.end < self.start:
            raise ValueError(f"`end` {self.end} is before `start` {self.start}")
        return self


class Phase(Dated):
    """A phase of the roadmap."""

    name: LocalText = Field(description="Name of the phase.")


class WorkPackage(Dated):
    """A unit of delivery: what it delivers, when, by whom, at what cost."""

    name: LocalText = Field(description="Name of the work package.")
    phase: Ref | None = Field(default=None, description="The phase it belongs to.")
    depends_on: Refs = Field(default_factory=list, description="Work packages that come first.")
    delivers: Refs = Field(default_factory=list, description="Requirements it delivers.")
    systems: Refs = Field(default_factory=list, description="Systems or components it touches.")
    owner: Ref | None = Field(default=None, description="Organisation responsible.")
    cost: Cost | None = Field(default=None, description="Cost and funding.")


class Milestone(Entity):
    """A dated point in the roadmap, possibly a legal deadline."""

    name: LocalText = Field(description="Name of the milestone.")
    date: dt.date = Field(description="When (ISO 8601).")
    after: Refs = Field(default_factory=list, description="Work packages it waits for.")
    deadline_of: ProvisionRefs = Field(
        default_factory=list, description="Provisions whose deadline it is."
    )


class Roadmap(Record):
    """The plan: phases, work packages and milestones (one file or several)."""

    phases: list[Phase] = Field(default_factory=list, description="Phases.")
    work_packages: list[WorkPackage] = Field(default_factory=list, description="Work packages.")
    milestones: list[Milestone] = Field(default_factory=list, description="Milestones.")
