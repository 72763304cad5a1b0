"""Suspect links: model elements that cite a provision whose catalog entry changed since the
model was last reviewed against the catalog (`reviewed_against:`, written by `archlex review`)."""

from __future__ import annotations

from collections.abc import Iterator

from archlex.catalog.fingerprint import describe_changes
from archlex.check.context import CheckContext, check
from archlex.findings import Finding
from archlex.review import Suspect, suspects
from archlex.rules import severity_of


@check("provision-changed")
def changed_provisions(context: CheckContext) -> Iterator[Finding]:
    """An element citing a provision whose fingerprint differs from the one reviewed."""
    record = context.model.manifest.reviewed_against
    for suspect in suspects(context.project):
        yield _finding(context, suspect, record.catalog if record else None)


def _finding(context: CheckContext, suspect: Suspect, catalog: str | None) -> Finding:
    citation = suspect.citation
    record = context.model.manifest.reviewed_against
    when = f" on {record.on}" if record and record.on else ""
    if citation.waiver is None:
        subject = f"{citation.kind} `{citation.entity}` cites"
    else:
        waiver = context.model.manifest.waivers[citation.waiver]
        subject = f"the waiver of `{waiver.rule}` on `{citation.entity}` rests on"
    message = (
        f"{subject} `{citation.provision}`, whose catalog entry changed since the review "
        f"against {catalog or 'the catalog'}{when}: {describe_changes(suspect.aspects)} changed"
    )
    hint = (
        f'see `archlex catalog show "{citation.provision}"`, adapt what needs it, then run '
        f'`archlex review "{citation.provision}"`'
    )
    if citation.waiver is None:
        return context.finding(
            "provision-changed", citation.entity, message, *citation.path, hint=hint
        )
    line, column = context.project.manifest_source.key_at("waivers", citation.waiver)
    return Finding(
        "provision-changed",
        severity_of("provision-changed"),
        message,
        context.project.manifest_source.file,
        line,
        column,
        citation.entity,
        hint,
    )
