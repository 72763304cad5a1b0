"""A personal-data category has no controller, no retention or no legal basis, in a model that
describes its data architecture (at least one of its own data categories names a `controller`). The
record of processing activities (GDPR Art 30, and the same for law-enforcement processing) needs
all three for every category, and the data protection officer and the supervisory authority ask for
them before anything else. Name the organisation that decides on the processing (`controller`, in
Latvian "pārzinis"), how long the data are kept (`retention`, with `retention_basis` where a
provision sets it) and the provisions that allow the processing (`legal_basis`, or
`legal_basis_text` where the catalog has no provision for it). A model that names no controller
anywhere gets no such finding: it has not started its data architecture yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.reads import reads
from archlex.findings import Finding, Severity
from archlex.model import DataCategory
from archlex.rules import Phase, rule

FIELDS = ("controller", "retention", "legal_basis")


@rule(
    "data-category-incomplete",
    Severity.WARNING,
    Phase.CHECK,
    "a personal-data category has no controller, retention or legal basis",
    reads=reads(
        data={"controller", "legal_basis", "legal_basis_text", "personal", "retention", "special"}
    ),
    reach={},
    through={},
)
def incomplete_categories(context: CheckContext) -> Iterator[Finding]:
    """Each personal category missing a controller, a retention or a legal basis."""
    own = [d for d in context.model.data if not context.is_library(d.id)]
    if not any(d.controller for d in own):
        return
    for category in own:
        if not (category.personal or category.special):
            continue
        missing = [name for name in FIELDS if not _has(category, name)]
        if missing:
            yield context.finding(
                category.id,
                f"personal data category `{category.id}` has no "
                f"{' and no '.join(m.replace('_', ' ') for m in missing)}",
                hint=f"add `{missing[0]}:` ({HINTS[missing[0]]})",
            )


def _has(category: DataCategory, name: str) -> bool:
    """Whether the category gives this field; a legal basis may be given in words."""
    if name == "legal_basis":
        return bool(category.legal_basis or category.legal_basis_text)
    return bool(getattr(category, name))


HINTS = {
    "controller": "the organisation id that decides on the processing",
    "retention": "how long the data are kept, e.g. P5Y or a sentence",
    "legal_basis": 'the provisions that allow the processing, e.g. ["2019/817 Art 18(1)"]',
}
