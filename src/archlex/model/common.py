"""Building blocks shared by every entity kind: ids, references, provisions, the base class.

The annotated types of fields (`Id`, `Ref`, `ProvisionRef` ...) are in
`archlex.model.annotated`, which pydantic reads; the functions they call are here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archlex.catalog.provision import PROVISION_FORMAT, Provision, parse_provision
from archlex.model.record import Field, Record

if TYPE_CHECKING:
    from archlex.model.annotated import Id, LocalText, Texts, Verification

ID_PATTERN = r"^[\w.-]+$"
REGULATION_ID_PATTERN = r"^[\w./-]+$"


def _to_provision(value: Any) -> Provision:
    if isinstance(value, Provision):
        return value
    if not isinstance(value, str):
        raise ValueError(f"a provision is a string: {PROVISION_FORMAT}")
    provision = parse_provision(value)
    if provision is None:
        raise ValueError(f"{value!r} is not a provision; write {PROVISION_FORMAT}")
    return provision


def _none_as_empty(value: Any) -> Any:
    # `tags:` with nothing after it reads as null; an author means "none".
    return [] if value is None else value


def _strict_flag(value: Any) -> Any:
    # YAML 1.1's yes/no/on/off are read as text (see the loader); only true/false are booleans.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError("write true or false")


PARTIAL = "partial"


def _verification(value: Any) -> Any:
    if isinstance(value, str) and value.lower() == PARTIAL:
        return PARTIAL
    return _strict_flag(value)


class Entity(Record):
    """Anything with an id that other entities can refer to."""

    id: Id
    name: LocalText | None = Field(default=None, description="Human-readable name.")
    description: LocalText | None = Field(
        default=None, description="What it is, in a sentence or two."
    )
    tags: Texts = Field(default_factory=list, description="Free tags for grouping.")


class Provenance(Record):
    """Whether a catalog entry was checked against the text of the act, and where."""

    verified: Verification = Field(
        default=False, description="Checked against the text of the act (true, partial, false)."
    )
    source: str | None = Field(default=None, description="Where it was checked.")


__all__ = ["Entity", "Provenance", "Record"]
