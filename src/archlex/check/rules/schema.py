"""A field is missing, is not one that kind of entity has, or holds a value of the wrong type: text
where a list belongs, a date that is not a date, a `kind` or `status` outside its allowed values.
The entity is loaded without the faulty field, or left out when a required field is at fault, so
every later check would run on a model other than the one written. The message names the field, what
was expected and what was found, and the hint offers the closest allowed value or field name; the
manifest's settings (`uses`, `checks.disable`, the waivers' rules) are checked the same way.
"""

from __future__ import annotations

from archlex.check.context import CheckContext
from archlex.check.reads import REFERENCES
from archlex.check.references import check_references
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "schema",
    Severity.ERROR,
    Phase.VALIDATE,
    "a field is missing, unknown or of the wrong type",
    contract=True,
    reads=REFERENCES,
    reach=REFERENCES,
    through={},
)
def unknown_rule_names(context: CheckContext) -> list[Finding]:
    """A rule id in `checks.disable` or a waiver that names no rule (the loader, which
    knows no rules, reports every other schema finding while it reads)."""
    return context.from_pass(check_references)
