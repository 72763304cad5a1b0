"""The rule reference (docs/rules.md), generated from the rules themselves."""

from __future__ import annotations

from archlex.rules import RULES, RuleInfo


def rule_reference() -> str:
    """Markdown: a table of every rule, then a section per rule with its examples."""
    lines = [
        "# Rules",
        "",
        "Generated from the rule modules (`src/archlex/check/rules/`) by `make docs`; do not",
        "edit by hand.",
        "`archlex rules` lists them and `archlex rules ID` explains one. Rules marked *archlex*",
        "extend the contract's list (`docs/model-format.md`); the others are the contract's.",
        "",
        "| rule | severity | origin | fires when |",
        "|---|---|---|---|",
    ]
    ordered = sorted(RULES.values(), key=lambda r: r.id)
    lines += [
        f"| [`{r.id}`](#{r.id}) | {r.severity.value} | {_origin(r)} | {r.summary} |"
        for r in ordered
    ]
    for rule in ordered:
        lines += [
            "",
            f"## {rule.id}",
            "",
            f"**{rule.severity.value}**"
            + (", stops the run (exit code 2)" if rule.fatal else "")
            + f": {rule.summary}.",
            "",
        ]
        if rule.explanation:
            lines += [rule.explanation, ""]
        lines += _example("Fires on", rule.bad) + _example("Fixed", rule.good)
    return "\n".join(lines).rstrip("\n") + "\n"


def _origin(rule: RuleInfo) -> str:
    return "contract" if rule.contract else "*archlex*"


def _example(title: str, snippet: str) -> list[str]:
    if not snippet:
        return []
    return [f"{title}:", "", "```yaml", snippet.strip("\n"), "```", ""]
