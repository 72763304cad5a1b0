"""Requirements: what the national architecture must do, traced to the law."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from archlex.model.common import Entity
from archlex.model.record import Field

if TYPE_CHECKING:
    from archlex.model.annotated import LocalText, ProvisionRefs, Refs


class RequirementType(StrEnum):
    """What sort of requirement it is."""

    FUNCTIONAL = "functional"
    NON_FUNCTIONAL = "non-functional"
    SECURITY = "security"
    LEGAL = "legal"
    ORGANISATIONAL = "organisational"


class Priority(StrEnum):
    """MoSCoW priority."""

    MUST = "must"
    SHOULD = "should"
    COULD = "could"


class RequirementStatus(StrEnum):
    """How far a requirement has come."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    IMPLEMENTED = "implemented"
    VERIFIED = "verified"


class Requirement(Entity):
    """Something the architecture must do, with the provisions it satisfies."""

    title: LocalText = Field(description="Short statement of the requirement.")
    text: LocalText | None = Field(default=None, description="The full requirement.")
    type: RequirementType | None = Field(default=None, description="What sort it is.")
    priority: Priority | None = Field(default=None, description="must, should or could.")
    satisfies: ProvisionRefs = Field(default_factory=list, description="Provisions it satisfies.")
    allocated_to: Refs = Field(
        default_factory=list, description="Systems or components that realise it."
    )
    status: RequirementStatus = Field(
        default=RequirementStatus.PROPOSED, description="How far it has come."
    )
