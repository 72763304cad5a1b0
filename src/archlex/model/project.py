"""The manifest, `archlex.yaml`: what the model includes, its scope, checks and waivers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from archlex.model.common import Record
from archlex.model.document import Document
from archlex.model.file import ModelFile
from archlex.model.record import Field

if TYPE_CHECKING:
    from archlex.model.annotated import FormatVersion, LocalText, Ref, RegulationId, Texts

FORMAT_VERSION = 1


class Scope(Record):
    """What the state is bound by: regulations, EU systems used, options taken up."""

    regulations: list[RegulationId] | None = Field(
        default=None, description="Regulations in scope; absent means every regulation loaded."
    )
    systems: list[Ref] = Field(default_factory=list, description="EU systems the state uses.")
    options: Texts = Field(
        default_factory=list, description="Optional provisions taken up, e.g. cir-identity-checks."
    )


class Checks(Record):
    """How findings fail a run."""

    fail_on: Literal["error", "warning", "never"] = Field(
        default="error", description="Lowest severity that fails the run."
    )
    disable: Texts = Field(default_factory=list, description="Rule ids to switch off.")


class Waiver(Record):
    """An accepted finding: which rule, on what, why, and until when."""

    rule: str = Field(description="Rule id.")
    target: Ref | None = Field(default=None, description="Entity id; absent means any.")
    reason: str = Field(description="Why the finding is accepted.")
    expires: dt.date | None = Field(default=None, description="When the waiver stops hiding it.")


class ReviewRecord(Record):
    """The catalog a model was last reviewed against: the fingerprint of each provision it
    cited then (written by `archlex review`)."""

    catalog: str | None = Field(default=None, description="The catalog release, e.g. eu 2026.12.")
    on: dt.date | None = Field(default=None, description="The day of the review.")
    provisions: dict[str, str] = Field(
        default_factory=dict, description="Provision -> its fingerprint when reviewed."
    )


def _version_number(value: Any) -> Any:
    # The loader reads `archlex: 1` as the text "1"; the version is a number.
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _the_eu_library() -> list[str]:
    # A named function, not a lambda: the class's validator is kept pickled between runs.
    return ["eu"]


class Manifest(Record):
    """The settings of a model's manifest, `archlex.yaml`."""

    archlex: FormatVersion = Field(description="Format version; this is version 1.")
    name: LocalText = Field(description="Name of the model.")
    member_state: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code."
    )
    language: str = Field(default="en", pattern=r"^[a-z]{2}$", description="Document language.")
    include: Texts = Field(
        default_factory=list, description="Globs of model files, relative to the manifest."
    )
    uses: list[str] = Field(default_factory=_the_eu_library, description="Bundled libraries.")
    scope: Scope | None = Field(default=None, description="What the state is bound by.")
    checks: Checks = Field(default_factory=Checks, description="How findings fail the run.")
    waivers: list[Waiver] = Field(default_factory=list, description="Accepted findings.")
    release: str | None = Field(
        default=None, description="A library's release, e.g. 2026.12 (the `eu` library's)."
    )
    reviewed_against: ReviewRecord | None = Field(
        default=None,
        description="The catalog the model was last reviewed against (`archlex review`).",
    )
    document: Document | None = Field(
        default=None, description="The concept document: control data, layout, own chapters."
    )


class ManifestFile(Manifest, ModelFile):
    """The manifest as a file: its settings, and entities like any model file."""
