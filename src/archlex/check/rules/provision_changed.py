"""The manifest's `reviewed_against:` records, for each provision the model cites, a fingerprint of
what the catalog said about it when the architect last reviewed the model: its title, its
obligations and access (our summaries), its deadline with the date derived from events, and when it
applies (dates, amendments, conditions). A newer catalog, after an amending act or an implementing
decision, gives some provisions another fingerprint; every requirement, flow, milestone, work
package (through what it delivers) and waiver (through its target) that cites one is then suspect,
and this finding says what changed. Read the provision (`archlex catalog show`, or `archlex catalog
diff OLD NEW` for the release), adapt the model, and accept the new entry with `archlex review` (all
cited provisions, or `-p PROVISION`), which writes the record and says what it accepted. A model
without `reviewed_against:` gets no such finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archlex.catalog.fingerprint import describe_changes
from archlex.check.context import CheckContext
from archlex.check.reads import APPLICABLE, reads
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule, severity_of

if TYPE_CHECKING:
    from archlex.check.review import Suspect


@rule(
    "provision-changed",
    Severity.WARNING,
    Phase.CHECK,
    "an element cites a provision whose catalog entry changed since the last review",
    reads=reads(
        APPLICABLE,
        access={"provision", "purpose", "role", "systems", "via"},
        flows={"legal_basis"},
        mid_links={"colour", "meaning", "provision"},
        milestones={"deadline_of"},
        obligations={"deadline", "summary"},
        regulations={"amended_by", "articles"},
        requirements={"satisfies"},
        standards={"name", "provision"},
        work_packages={"delivers"},
    ),
    reach={},
    through={},
    idle=lambda manifest: manifest.reviewed_against is None,  # never reviewed
)
def changed_provisions(context: CheckContext) -> Iterator[Finding]:
    """An element citing a provision whose fingerprint differs from the one reviewed."""
    record = context.model.manifest.reviewed_against
    if record is None:
        return  # never reviewed: nothing to compare (and no need to import the review)
    from archlex.check.review import suspects

    for suspect in suspects(context.project):
        yield _finding(context, suspect, record.catalog)


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
        return context.finding(citation.entity, message, *citation.path, hint=hint)
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
