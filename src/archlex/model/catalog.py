"""What the regulations grant and define beyond obligations: access, MID links, standards."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from archlex.model.common import Entity, Provenance
from archlex.model.record import Field
from archlex.model.regulation import AppliesWhen

if TYPE_CHECKING:
    from archlex.model.annotated import LocalText, ProvisionRef, Ref, Refs, Texts


class AccessGrant(Entity, Provenance):
    """A provision that lets a kind of national authority reach a system for a purpose."""

    provision: ProvisionRef = Field(description="The provision that grants the access.")
    role: Ref = Field(description="Who is granted access: a role id, or member-state.")
    systems: Refs = Field(description="Systems or components the access reaches.")
    via: Ref | None = Field(default=None, description="The component used, e.g. eu.ESP.")
    purpose: str = Field(description="For what purpose, in our own words.")
    applies_when: AppliesWhen | None = Field(
        default=None, description="When the grant exists; absent means always."
    )


class LinkColour(StrEnum):
    """The colours of links in the multiple-identity detector."""

    YELLOW = "yellow"
    GREEN = "green"
    RED = "red"
    WHITE = "white"


class MidLink(Entity, Provenance):
    """A type of MID link: what it means, who verifies it, what follows."""

    colour: LinkColour = Field(description="yellow, green, red or white.")
    provision: ProvisionRef = Field(description="The provision that defines it.")
    meaning: str = Field(description="What the link says about the identities it links.")
    verified_by: Refs = Field(
        default_factory=list, description="Roles that verify or act on the link."
    )
    follow_up: str | None = Field(default=None, description="What follows from the link.")


class Standard(Entity, Provenance):
    """A standard the regulations set, such as the universal message format."""

    name: LocalText = Field(description="Name of the standard.")
    provision: ProvisionRef | None = Field(default=None, description="Where it is set.")


class LogPolicy(Provenance):
    """What a component must log, for how long, under which provision."""

    provision: ProvisionRef = Field(description="The provision that sets the logging.")
    fields: Texts = Field(default_factory=list, description="What each log entry records.")
    retention: str | None = Field(default=None, description="How long, e.g. P1Y.")
    kept_by: Texts = Field(default_factory=list, description="Who keeps the logs.")
