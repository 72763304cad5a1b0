"""Two ids are equal but for upper and lower case, or for a letter from another alphabet that looks
like a Latin one (a Cyrillic `а`, `е`, `о`, `р`, `с` or `і`, a Greek `ο`, a full-width letter). The
model format lets ids use any letters, so archlex reads them as two entities; but nobody reading a
diagram, a matrix or a review can tell them apart, and a reference typed with the other one silently
names the wrong entity. The finding is on the later id and names the non-Latin letters it holds.
Rename one of the two. This rule is archlex's own, beyond the format's list; it never changes what
loads.
"""

from __future__ import annotations

from archlex.check.confusables import confusable_ids
from archlex.check.context import CheckContext
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "id-confusable",
    Severity.WARNING,
    Phase.VALIDATE,
    "two ids differ only in case or by look-alike letters",
    reads={},
    reach={},
    through={},
)
def confusable_id_pairs(context: CheckContext) -> list[Finding]:
    """Ids equal but for case or for look-alike letters of another alphabet."""
    return confusable_ids(context.project.sources)
