"""Data flows between systems and the business processes they make up."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from archlex.model.common import Entity, Record
from archlex.model.record import Field, model_validator

if TYPE_CHECKING:
    from archlex.model.annotated import LocalText, ProvisionRefs, Ref, Refs, Texts


class Sync(StrEnum):
    """How a flow is triggered."""

    QUERY = "query"
    PUSH = "push"
    BATCH = "batch"


class Logging(Record):
    """How a flow is logged: the fields and retention, or the component that logs it."""

    fields: Texts = Field(default_factory=list, description="Fields written to the log.")
    retention: str | None = Field(default=None, description="Retention, e.g. P1Y.")
    by: Ref | None = Field(default=None, description="The component that keeps the log.")

    @model_validator(mode="after")
    def _says_something(self) -> Logging:
        if not self.fields and self.by is None:
            raise ValueError("logging needs `fields` (and `retention`) or `by: <component id>`")
        return self


class Flow(Entity):
    """Data moving from one system or component to another."""

    from_: Ref = Field(alias="from", description="Sending system or component.")
    to: Ref = Field(description="Receiving system or component.")
    via: Ref | None = Field(default=None, description="Interface it passes, e.g. a NUI.")
    data: Refs = Field(default_factory=list, description="Data categories carried.")
    purpose: str | None = Field(default=None, description="Why: free text or a purpose id.")
    legal_basis: ProvisionRefs = Field(default_factory=list, description="Provisions allowing it.")
    sync: Sync | None = Field(default=None, description="query, push or batch.")
    logging: Logging | None = Field(default=None, description="How the flow is logged.")
    process: Ref | None = Field(default=None, description="The process it belongs to.")


class Process(Entity):
    """A business process: its owner and the flows it runs, in order."""

    name: LocalText = Field(description="Name of the process.")
    owner: Ref | None = Field(default=None, description="Organisation that owns it.")
    steps: Refs = Field(default_factory=list, description="Flow ids, in order.")
