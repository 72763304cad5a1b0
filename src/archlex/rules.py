"""The catalogue of rule ids: the contract's, and the ones archlex adds, with severities."""

from __future__ import annotations

from dataclasses import dataclass

from archlex.findings import Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule id, its default severity, and what makes it fire."""

    id: str
    severity: Severity
    summary: str
    fatal: bool = False  # the model could not be read at all: exit code 2
    explanation: str = ""  # a paragraph: why it matters and how to fix it
    bad: str = ""  # a YAML snippet where the rule fires
    good: str = ""  # the same snippet fixed


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, RuleInfo] = {
    rule.id: rule
    for rule in (
        RuleInfo("yaml-syntax", _E, "a file is not valid YAML", fatal=True),
        RuleInfo("duplicate-key", _E, "a mapping repeats a key"),
        RuleInfo("schema", _E, "a field is missing, unknown or of the wrong type"),
        RuleInfo("duplicate-id", _E, "two entities share an id"),
        RuleInfo("unknown-reference", _E, "a reference names no entity"),
        RuleInfo("unknown-provision", _E, "a provision is not in the catalog"),
        RuleInfo("include-outside", _E, "an include leaves the model's folder"),
        RuleInfo("include-unmatched", _W, "an include pattern matches no file"),
        RuleInfo("obligation-untraced", _E, "an applicable obligation has no requirement"),
        RuleInfo("requirement-unallocated", _W, "a requirement is allocated to nothing"),
        RuleInfo("requirement-unscheduled", _W, "no work package delivers a requirement"),
        RuleInfo(
            "flow-without-legal-basis",
            _E,
            "a flow carries personal data to or from an EU system and cites no provision",
        ),
        RuleInfo("flow-not-logged", _E, "a flow to an interoperability component is not logged"),
        RuleInfo("role-unassigned", _E, "an applicable obligation needs a role nobody holds"),
        RuleInfo("roadmap-cycle", _E, "work packages depend on each other in a cycle"),
        RuleInfo("roadmap-order", _W, "a work package starts before one it depends on ends"),
        RuleInfo(
            "deadline-missed", _E, "the work delivering an obligation ends after its deadline"
        ),
        RuleInfo("waiver-expired", _W, "a waiver is past its expiry date"),
        RuleInfo("orphan-system", _I, "a system takes part in no flow"),
        RuleInfo(
            "legal-basis-mismatch",
            _W,
            "a flow cites provisions, but none of them grants access to its target",
        ),
        RuleInfo("waiver-unused", _W, "a waiver matches no finding"),
    )
}

# The rules `archlex validate` applies; the rest belong to `archlex check`.
VALIDATE_RULES = (
    "yaml-syntax",
    "duplicate-key",
    "schema",
    "duplicate-id",
    "unknown-reference",
    "unknown-provision",
    "include-outside",
    "include-unmatched",
)


def severity_of(rule: str) -> Severity:
    """The default severity of a rule."""
    return RULES[rule].severity


def explain_rule(rule: RuleInfo) -> str:
    """A rule's id, severity, explanation and examples, as `archlex rules ID` prints them."""
    text = (
        f"{rule.id} ({rule.severity.value}): {rule.summary}\n\n{rule.explanation or rule.summary}\n"
    )
    if rule.bad:
        text += f"\nFires on:\n\n{_indent(rule.bad)}\n"
    if rule.good:
        text += f"\nFixed:\n\n{_indent(rule.good)}\n"
    return text


def _indent(snippet: str) -> str:
    return "\n".join("    " + line if line else "" for line in snippet.strip("\n").splitlines())
