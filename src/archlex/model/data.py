"""Data categories and their data architecture: entities and attributes, controller and
processor, legal basis and retention, the system with the master copy, special categories."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from archlex.model.common import Entity, Record
from archlex.model.record import Field, model_validator

if TYPE_CHECKING:
    from archlex.model.annotated import (
        Flag,
        LocalText,
        Organisations,
        ProvisionRefs,
        Ref,
        Refs,
        Texts,
    )


class SpecialKind(StrEnum):
    """Which special category of personal data (GDPR Art 9(1)) a data category is."""

    BIOMETRIC = "biometric"
    GENETIC = "genetic"
    HEALTH = "health"
    RACIAL_OR_ETHNIC_ORIGIN = "racial-or-ethnic-origin"
    POLITICAL_OPINIONS = "political-opinions"
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS = "religious-or-philosophical-beliefs"
    TRADE_UNION_MEMBERSHIP = "trade-union-membership"
    SEX_LIFE_OR_ORIENTATION = "sex-life-or-orientation"
    OTHER = "other"


def _one_or_many(value: Any) -> Any:
    # `controller: PMLP` is short for `controller: [PMLP]` (joint controllers are a list).
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


_ONE_OR_MANY_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "description": "One organisation id."},
        {"type": "array", "items": {"type": "string"}, "description": "Organisation ids."},
    ]
}


class DataEntity(Record):
    """A kind of record inside a data category (a person, a travel document, a fingerprint
    set), with the attributes the model lists for it."""

    name: LocalText = Field(description="Name of the entity, e.g. Person.")
    description: LocalText | None = Field(default=None, description="What one record is.")
    attributes: Texts = Field(
        default_factory=list, description="Its attributes, e.g. surname, date of birth."
    )


class DataCategory(Entity):
    """A category of data that systems hold and flows carry."""

    name: LocalText = Field(description="Name of the data category.")
    personal: Flag = Field(default=False, description="Personal data.")
    special: Flag = Field(default=False, description="Biometric or other special-category data.")
    special_kind: SpecialKind | None = Field(
        default=None,
        description="Which special category (biometric, health, ...); implies `special: true`.",
    )
    retention: str | None = Field(
        default=None, description="How long it is kept: free text or an ISO 8601 duration."
    )
    retention_basis: ProvisionRefs = Field(
        default_factory=list, description="Provisions that set the retention period."
    )
    legal_basis: ProvisionRefs = Field(
        default_factory=list, description="Provisions under which the data are processed."
    )
    legal_basis_text: str | None = Field(
        default=None,
        description="The basis in words where the catalog has no provision for it (a national "
        "law, the act of an EU system the catalog does not hold).",
    )
    controller: Organisations = Field(
        default_factory=list,
        description="Organisation(s) that decide why and how the data are processed "
        "(Latvian: pārzinis); one id or a list of joint controllers.",
    )
    processor: Organisations = Field(
        default_factory=list,
        description="Organisation(s) that process the data on the controller's behalf "
        "(Latvian: apstrādātājs); one id or a list.",
    )
    master: Ref | None = Field(
        default=None, description="The system or component that holds the master copy."
    )
    held_by: Refs = Field(
        default_factory=list,
        description="Other systems or components that may hold or pass the data on (copies, "
        "caches, interfaces); with `master`, where special-category data may flow.",
    )
    entities: list[DataEntity] = Field(
        default_factory=list, description="The records the category holds, with attributes."
    )

    @model_validator(mode="before")
    @staticmethod
    def _special_from_kind(data: Any) -> Any:
        """A `special_kind` makes the category special; `special: false` beside it is a mistake."""
        if not isinstance(data, dict) or data.get("special_kind") is None:
            return data
        if str(data.get("special", "true")).lower() == "false":
            raise ValueError("`special_kind` makes the category special: drop `special: false`")
        return {**data, "special": True}

    @property
    def holders(self) -> list[str]:
        """The master system and every other system that may hold the data."""
        return [*([self.master] if self.master else []), *self.held_by]
