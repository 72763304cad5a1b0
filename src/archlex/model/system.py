"""Systems (national, EU central, interoperability components, interfaces) and their parts;
`DataCategory` is defined in `archlex.model.data` and kept importable from here."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from archlex.model.catalog import LogPolicy
from archlex.model.common import Entity
from archlex.model.data import DataCategory
from archlex.model.record import Field

if TYPE_CHECKING:
    from archlex.model.annotated import LocalText, Ref


class SystemKind(StrEnum):
    """Where a system sits in the architecture."""

    NATIONAL = "national"
    EU_CENTRAL = "eu-central"
    INTEROPERABILITY_COMPONENT = "interoperability-component"
    NATIONAL_INTERFACE = "national-interface"
    EXTERNAL = "external"


class SystemStatus(StrEnum):
    """Life-cycle state of a system."""

    EXISTING = "existing"
    PLANNED = "planned"
    CHANGING = "changing"
    RETIRING = "retiring"


class Component(Entity):
    """A named part of a system; its id is global like any other."""


class System(Entity):
    """An information system, EU component or interface."""

    name: LocalText = Field(description="Name of the system.")
    kind: SystemKind = Field(description="Where the system sits.")
    owner: Ref | None = Field(default=None, description="Organisation that owns it.")
    operator: Ref | None = Field(default=None, description="Organisation that runs it.")
    status: SystemStatus = Field(default=SystemStatus.EXISTING, description="Life-cycle state.")
    zone: str | None = Field(default=None, description="Network or security zone.")
    components: list[Component] = Field(default_factory=list, description="Named parts.")
    logs: list[LogPolicy] = Field(
        default_factory=list, description="What the regulations require it to log."
    )


__all__ = ["Component", "DataCategory", "System", "SystemKind", "SystemStatus"]
