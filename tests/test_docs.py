"""Generated documentation stays current with the code it is generated from."""

from __future__ import annotations

from archlex.docs_gen.rule_reference import rule_reference
from archlex.rules import CONTRACT_RULES, RULES
from tests.conftest import REPO


def test_rule_reference_is_up_to_date() -> None:
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rule_reference(), "run `make docs` and commit docs/rules.md"


def test_every_contract_rule_exists_with_the_contracts_severity() -> None:
    contract = (REPO / "docs" / "model-format.md").read_text(encoding="utf-8")
    assert set(RULES) >= CONTRACT_RULES
    for rule in CONTRACT_RULES:
        assert f"| `{rule}` | {RULES[rule].severity.value} |" in contract, rule
