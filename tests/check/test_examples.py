"""Each rule's documented examples (`archlex rules ID`, docs/rules.md) do what they say: dropped
into a small model with the `eu` library, the `bad` snippet makes the rule fire and the `good`
one does not. A snippet of manifest settings goes into the manifest; any other into a file of
its own, beside a file with the organisations, systems and data the snippets refer to."""

from __future__ import annotations

import pytest

from archlex.outcome import Report
from archlex.rules import RULES, VALIDATE_RULES, RuleInfo, explain_rule
from tests.check.models import check
from tests.conftest import WriteModel

MANIFEST = """\
archlex: 1
name: Example of a rule
member_state: LV
uses: [eu]
"""

SNIPPET = "snippet.yaml"

CONTEXT = """\
organisations:
  - id: iem-ic
    name: Information Centre of the Ministry of the Interior (IeM IC)
    kind: it-centre
data:
  - id: facial-image
    name: Facial image
    personal: true
    special: true
    controller: iem-ic
    retention: P5Y
    legal_basis: ["2019/817 Art 18(1)"]
  - id: travel-document
    name: Travel document data
    personal: true
    controller: iem-ic
    retention: P5Y
    legal_basis: ["2019/817 Art 18(1)"]
systems:
  - id: border-control
    name: Border control system
    kind: national
    operator: iem-ic
  - id: pis
    name: Police information system
    kind: national
    operator: iem-ic
"""

# Rules whose snippets are manifest settings, with the files the model needs beside them.
MANIFEST_SNIPPETS: dict[str, dict[str, str]] = {
    "include-outside": {
        "systems/border.yaml": CONTEXT,
        "shared/organisations.yaml": "organisations: []\n",
    },
    "include-unmatched": {"organisations.yaml": CONTEXT, "flows/border.yaml": "flows: []\n"},
    # A requirement that no work package delivers, for the waiver to accept.
    "waiver-expired": {
        "context.yaml": CONTEXT
        + "requirements:\n"
        + "  - id: REQ-CRRS-01\n"
        + "    title: National statistics from the CRRS\n"
        + "    allocated_to: [eu.CRRS]\n"
    },
    # A requirement that is allocated, so that the waiver of its allocation is not needed.
    "waiver-unused": {
        "context.yaml": CONTEXT
        + "requirements:\n"
        + "  - id: REQ-ESP-01\n"
        + "    title: Border guards search EES, VIS and SIS through the ESP\n"
        + "    allocated_to: [border-control]\n"
    },
    # A requirement citing the provision the review recorded; the finding is written on it.
    "provision-changed": {
        "context.yaml": CONTEXT
        + "requirements:\n"
        + "  - id: REQ-ESP-01\n"
        + "    title: Border guards search EES, VIS and ETIAS only through the ESP\n"
        + '    satisfies: ["2019/817 Art 7(2)"]\n'
        + "    allocated_to: [border-control]\n"
    },
}
# Manifest snippets whose finding is written on an element in another file.
FINDING_FILES = {"provision-changed": "context.yaml"}


def with_snippet(write_model: WriteModel, rule: RuleInfo, snippet: str) -> tuple[Report, str]:
    """Check a model holding the snippet; the report and the file the snippet went into."""
    if rule.id in MANIFEST_SNIPPETS:
        includes = "" if snippet.startswith("include:") else 'include: ["*.yaml"]\n'
        root = write_model(MANIFEST_SNIPPETS[rule.id], MANIFEST + includes + snippet)
        return check(root), FINDING_FILES.get(rule.id, "archlex.yaml")
    files = {"context.yaml": CONTEXT, SNIPPET: snippet}
    return check(write_model(files, MANIFEST + 'include: ["*.yaml"]\n')), SNIPPET


def rules_in(report: Report, file: str) -> set[str]:
    """The rules of the findings written in one file."""
    return {f.rule for f in report.findings if f.file == file}


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda rule: rule.id)
def test_bad_example_fires_and_good_example_does_not(
    write_model: WriteModel, rule: RuleInfo
) -> None:
    bad, file = with_snippet(write_model, rule, rule.bad)
    assert rule.id in rules_in(bad, file)
    # Besides the rule shown, the snippet loads cleanly.
    assert rules_in(bad, file) & set(VALIDATE_RULES) <= {rule.id}

    good, file = with_snippet(write_model, rule, rule.good)
    assert rule.id not in rules_in(good, file)
    assert not rules_in(good, file) & set(VALIDATE_RULES)


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda rule: rule.id)
def test_every_rule_is_explained_with_examples(rule: RuleInfo) -> None:
    assert rule.explanation and rule.bad and rule.good
    assert rule.bad != rule.good
    assert rule.bad.endswith("\n") and rule.good.endswith("\n")
    explained = explain_rule(rule)
    assert rule.explanation in explained
    assert "Fires on:" in explained and "Fixed:" in explained
