"""One test per rule: a minimal model where it fires, and the same model fixed, where it must not.

Each case asserts the rule, target, file, line and column of the one finding, then applies the
smallest edit that fixes the model and asserts the rule is quiet. Behaviour of single rules that
one case cannot show (directions, scope, the `for` of a role ...) follows the cases.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from archlex.findings import Severity
from archlex.model import DataCategory
from archlex.rules import RULES
from tests.check.models import (
    BORDER_SYSTEM,
    FACIAL_IMAGE,
    LAW,
    OWN,
    ROLE,
    WITH_EU,
    check,
    of_rule,
    place,
)
from tests.conftest import WriteModel


@dataclass(frozen=True)
class RuleCase:
    """A minimal model where `rule` fires once, at `where`; replacing `fix[0]` by `fix[1]`
    (written once in the manifest and files together) silences it."""

    rule: str
    files: dict[str, str]
    where: tuple[str | None, str, int, int]  # target, file, line, column
    fix: tuple[str, str]
    manifest: str = OWN

    def fixed(self) -> tuple[dict[str, str], str]:
        """The files and the manifest with the fix applied."""
        old, new = self.fix
        files = {name: text.replace(old, new) for name, text in self.files.items()}
        return files, self.manifest.replace(old, new)


REQUIREMENT = """\
requirements:
  - id: REQ-ESP-01
    title: Border guards search EES, VIS and SIS in one query through the ESP
"""

TWO_PACKAGES = """\
roadmap:
  work_packages:
    - id: WP-ESP
      name: Search EES, VIS and SIS through the ESP
      start: 2026-04-01
      end: 2026-12-18
      depends_on: [WP-NUI]
    - id: WP-NUI
      name: Connect the national systems to the national uniform interfaces
      start: 2026-01-05
      end: 2026-03-31
"""

FLOW_TO_ESP = """\
flows:
  - id: border-control-to-esp
    from: border-control
    to: eu.ESP
    data: [facial-image]
"""

CASES = [
    RuleCase(
        "yaml-syntax",
        {
            "systems.yaml": (
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "   kind: national\n"
            )
        },
        (None, "systems.yaml", 4, 4),
        ("\n   kind:", "\n    kind:"),
    ),
    RuleCase(
        "duplicate-key",
        {
            "organisations.yaml": (
                "organisations:\n"
                "  - id: state-police\n"
                "    name: State Police\n"
                "    kind: police\n"
                "    name: Valsts policija\n"
            )
        },
        ("state-police", "organisations.yaml", 5, 5),
        ("    name: Valsts", "    description: Valsts"),
    ),
    RuleCase(
        "schema",
        {
            "systems.yaml": (
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "    kind: national\n"
                "    status: planed\n"
            )
        },
        ("visa-is", "systems.yaml", 5, 13),
        ("planed", "planned"),
    ),
    RuleCase(
        # Files are read in sorted order: the second declaration is b.yaml's.
        "duplicate-id",
        {
            "a.yaml": FACIAL_IMAGE.replace("facial-image", "biometrics"),
            "b.yaml": BORDER_SYSTEM.replace("border-control", "biometrics"),
        },
        ("biometrics", "b.yaml", 2, 9),
        ("id: biometrics\n    name: Border", "id: bdas\n    name: Border"),
    ),
    RuleCase(
        "unknown-reference",
        {"model.yaml": BORDER_SYSTEM + REQUIREMENT + "    allocated_to: [border-controll]\n"},
        ("REQ-ESP-01", "model.yaml", 8, 20),
        ("[border-controll]", "[border-control]"),
    ),
    RuleCase(
        "unknown-provision",
        {"law.yaml": LAW, "requirements.yaml": REQUIREMENT + '    satisfies: ["LV-LAW-1 Art 9"]\n'},
        ("REQ-ESP-01", "requirements.yaml", 4, 17),
        ("LV-LAW-1 Art 9", "LV-LAW-1 Art 2"),
    ),
    RuleCase(
        "id-confusable",
        {
            "systems.yaml": (
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "    kind: national\n"
                "  - id: v\u0456sa-is\n"
                "    name: Visa issuing workstation\n"
                "    kind: national\n"
            )
        },
        ("v\u0456sa-is", "systems.yaml", 5, 9),
        ("v\u0456sa-is", "visa-desk"),
    ),
    RuleCase(
        "include-outside",
        {"shared/systems.yaml": BORDER_SYSTEM},
        (None, "archlex.yaml", 4, 21),
        ("../shared/", "shared/"),
        OWN.replace('["*.yaml"]', '["*.yaml", "../shared/*.yaml"]'),
    ),
    RuleCase(
        "include-unmatched",
        {"flows/border.yaml": "flows: []\n"},
        (None, "archlex.yaml", 4, 21),
        ("flow/", "flows/"),
        OWN.replace('["*.yaml"]', '["*.yaml", "flow/*.yaml"]'),
    ),
    RuleCase(
        # `Art 3` contains `Art 3(1)`: a requirement citing the whole article traces it.
        "obligation-untraced",
        {
            "law.yaml": LAW,
            "obligations.yaml": (
                "obligations:\n"
                "  - id: LV-OB-LOG-01\n"
                '    provision: "LV-LAW-1 Art 3(1)"\n'
                "    actor: member-state\n"
                "    summary: Log every query a national authority makes through the ESP.\n"
                "requirements:\n"
                "  - id: REQ-LOG-01\n"
                "    title: The ESP gateway logs every query with user, purpose and time\n"
                '    satisfies: ["LV-LAW-1 Art 2"]\n'
            ),
        },
        ("LV-OB-LOG-01", "obligations.yaml", 2, 5),
        ('["LV-LAW-1 Art 2"]', '["LV-LAW-1 Art 3"]'),
    ),
    RuleCase(
        "requirement-unallocated",
        {"model.yaml": BORDER_SYSTEM + REQUIREMENT + "    allocated_to: []\n"},
        ("REQ-ESP-01", "model.yaml", 6, 5),
        ("allocated_to: []", "allocated_to: [border-control]"),
    ),
    RuleCase(
        "requirement-unscheduled",
        {"model.yaml": REQUIREMENT + TWO_PACKAGES.replace("depends_on", "delivers")},
        ("REQ-ESP-01", "model.yaml", 2, 5),
        ("delivers: [WP-NUI]", "delivers: [REQ-ESP-01]"),
    ),
    RuleCase(
        "flow-without-legal-basis",
        {
            "model.yaml": FACIAL_IMAGE
            + BORDER_SYSTEM
            + FLOW_TO_ESP
            + "    legal_basis: []\n    logging: {by: eu.ESP}\n"
        },
        ("border-control-to-esp", "model.yaml", 11, 5),
        ("legal_basis: []", 'legal_basis: ["2019/817 Art 7(1)"]'),
        WITH_EU,
    ),
    RuleCase(
        "flow-not-logged",
        {
            "model.yaml": FACIAL_IMAGE
            + BORDER_SYSTEM
            + FLOW_TO_ESP
            + '    legal_basis: ["2019/817 Art 7(1)"]\n    sync: query\n'
        },
        ("border-control-to-esp", "model.yaml", 11, 5),
        ("sync: query", "sync: query\n    logging: {fields: [officer-id, date-time]}"),
        WITH_EU,
    ),
    RuleCase(
        "role-unassigned",
        {
            "law.yaml": LAW + ROLE,
            "model.yaml": (
                "obligations:\n"
                "  - id: LV-OB-MID-01\n"
                '    provision: "LV-LAW-1 Art 4"\n'
                "    actor: manual-verification-authority\n"
                "    summary: Verify the yellow links of the multiple-identity detector.\n"
                "organisations:\n"
                "  - id: state-border-guard\n"
                "    name: State Border Guard\n"
                "    kind: border-guard\n"
                "    roles: []\n"
            ),
        },
        ("LV-OB-MID-01", "model.yaml", 2, 5),
        ("roles: []", "roles: [manual-verification-authority]"),
    ),
    RuleCase(
        # The first work package of the cycle by id carries the finding, on its `depends_on`.
        "roadmap-cycle",
        {"roadmap.yaml": TWO_PACKAGES + "      depends_on: [WP-ESP]\n"},
        ("WP-ESP", "roadmap.yaml", 7, 19),
        ("      depends_on: [WP-ESP]\n", ""),
    ),
    RuleCase(
        # `end` is the last day of work: starting on it is starting too early.
        "roadmap-order",
        {"roadmap.yaml": TWO_PACKAGES.replace("start: 2026-04-01", "start: 2026-03-31")},
        ("WP-ESP", "roadmap.yaml", 7, 20),
        ("start: 2026-03-31", "start: 2026-04-01"),
    ),
    RuleCase(
        # Ending on the deadline is in time.
        "deadline-missed",
        {
            "law.yaml": LAW,
            "model.yaml": (
                "obligations:\n"
                "  - id: LV-OB-ESP-01\n"
                '    provision: "LV-LAW-1 Art 2(1)"\n'
                "    actor: member-state\n"
                "    summary: Border guards search the EU systems through the ESP.\n"
                "    deadline: 2026-12-01\n"
                + REQUIREMENT
                + '    satisfies: ["LV-LAW-1 Art 2(1)"]\n'
                + TWO_PACKAGES.replace("depends_on: [WP-NUI]", "delivers: [REQ-ESP-01]")
            ),
        },
        ("LV-OB-ESP-01", "model.yaml", 2, 5),
        ("end: 2026-12-18", "end: 2026-12-01"),
    ),
    RuleCase(
        # Applying from a day before the check, it is no longer upcoming.
        "obligation-upcoming",
        {
            "law.yaml": LAW,
            "model.yaml": (
                "obligations:\n"
                "  - id: LV-OB-ESP-01\n"
                '    provision: "LV-LAW-1 Art 2(1)"\n'
                "    actor: member-state\n"
                "    summary: Border guards search the EU systems through the ESP.\n"
                "    applies_from: 2026-12-01\n"
            ),
        },
        ("LV-OB-ESP-01", "model.yaml", 2, 5),
        ("applies_from: 2026-12-01", "applies_from: 2026-06-01"),
    ),
    RuleCase(
        # A provision the review did not record is not suspect.
        "provision-changed",
        {
            "law.yaml": LAW,
            "model.yaml": REQUIREMENT + '    satisfies: ["LV-LAW-1 Art 2"]\n',
        },
        ("REQ-ESP-01", "model.yaml", 4, 17),
        ('"LV-LAW-1 Art 2": "title:0000000000"', '"LV-LAW-1 Art 5": "title:0000000000"'),
        OWN
        + "reviewed_against:\n"
        + "  catalog: own law\n"
        + "  provisions:\n"
        + '    "LV-LAW-1 Art 2": "title:0000000000"\n',
    ),
    RuleCase(
        # A waiver still holds on the day it expires.
        "waiver-expired",
        {"model.yaml": REQUIREMENT},
        ("REQ-ESP-01", "archlex.yaml", 7, 5),
        ("expires: 2026-06-30", "expires: 2026-07-01"),
        OWN
        + "waivers:\n"
        + "  - rule: requirement-unscheduled\n"
        + "    target: REQ-ESP-01\n"
        + "    reason: Planned in the 2027 budget round.\n"
        + "    expires: 2026-06-30\n",
    ),
    RuleCase(
        # A flow to a component takes part for its system too.
        "orphan-system",
        {
            "model.yaml": (
                "systems:\n"
                "  - id: pis\n"
                "    name: Police information system\n"
                "    kind: national\n"
                "  - id: border-control\n"
                "    name: Border control system\n"
                "    kind: national\n"
                "    components:\n"
                "      - id: bcs-mobile\n"
                "        name: Mobile border check application\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "    kind: national\n"
                "flows:\n"
                "  - id: police-to-visa\n"
                "    from: pis\n"
                "    to: visa-is\n"
            )
        },
        ("border-control", "model.yaml", 5, 5),
        ("flows:\n", "flows:\n  - id: police-to-mobile\n    from: pis\n    to: bcs-mobile\n"),
    ),
    RuleCase(
        # Citations match grants by article: `Art 2(3)` rests on the grant of `Art 2(1)`.
        "legal-basis-mismatch",
        {
            "law.yaml": LAW,
            "model.yaml": FACIAL_IMAGE
            + BORDER_SYSTEM
            + "access:\n"
            + "  - id: LV-ACCESS-01\n"
            + '    provision: "LV-LAW-1 Art 2(1)"\n'
            + "    role: member-state\n"
            + "    systems: [eu.ESP]\n"
            + "    purpose: National authorities search the EU systems through the ESP.\n"
            + FLOW_TO_ESP
            + '    legal_basis: ["LV-LAW-1 Art 5"]\n'
            + "    logging: {by: eu.ESP}\n",
        },
        ("border-control-to-esp", "model.yaml", 21, 18),
        ("LV-LAW-1 Art 5", "LV-LAW-1 Art 2(3)"),
        WITH_EU,
    ),
    RuleCase(
        "waiver-unused",
        {"model.yaml": BORDER_SYSTEM + REQUIREMENT + "    allocated_to: [border-control]\n"},
        ("REQ-ESP-01", "archlex.yaml", 7, 5),
        (
            "  - rule: requirement-unallocated\n"
            "    target: REQ-ESP-01\n"
            "    reason: Allocated once the ESP gateway is procured.\n",
            "  []\n",
        ),
        OWN
        + "waivers:\n"
        + "  - rule: requirement-unallocated\n"
        + "    target: REQ-ESP-01\n"
        + "    reason: Allocated once the ESP gateway is procured.\n",
    ),
    RuleCase(
        # Medium likelihood and high impact is high (2 x 3); an owner alone is not enough.
        "risk-unmanaged",
        {
            "risks.yaml": "organisations:\n"
            "  - {id: it-centre, name: IT centre of the interior, kind: it-centre}\n"
            "risks:\n"
            "  - id: RISK-ESP\n"
            "    title: The ESP starts later than planned\n"
            "    likelihood: medium\n"
            "    impact: high\n"
            "    owner: it-centre\n"
        },
        ("RISK-ESP", "risks.yaml", 6, 17),
        (
            "    owner: it-centre\n",
            "    owner: it-centre\n    mitigation: Keep the direct links.\n",
        ),
    ),
    RuleCase(
        # A view may not take the name of a default diagram: it would overwrite it.
        "view-invalid",
        {
            "views.yaml": BORDER_SYSTEM
            + "  - {id: register, name: Register, kind: national}\n"
            + "flows:\n  - {id: F-1, from: border-control, to: register}\n"
            + "views:\n"
            + "  - id: context-border-control\n"
            + "    title: Border control and its neighbours\n"
            + "    kind: context\n"
            + "    focus: border-control\n"
        },
        ("context-border-control", "views.yaml", 9, 9),
        ("id: context-border-control", "id: border-neighbours"),
    ),
    RuleCase(
        # Up to the fund's maximum is allowed; one point more is not.
        "cofinancing-above-maximum",
        {
            "money.yaml": "funds:\n"
            "  - {id: BMVI, name: Border Management and Visa Instrument, eu: true, max_rate: 75}\n"
            + TWO_PACKAGES.replace(
                "      end: 2026-12-18\n",
                "      end: 2026-12-18\n      cost: {amount: 100000, funding: {BMVI: 76}}\n",
                1,
            )
        },
        ("WP-ESP", "money.yaml", 9, 46),
        ("{BMVI: 76}", "{BMVI: 75}"),
    ),
    RuleCase(
        # A category with a controller starts the data architecture: the other needs one too.
        "data-category-incomplete",
        {
            "data.yaml": "organisations:\n"
            "  - {id: pmlp, name: Office of Citizenship and Migration Affairs, kind: migration}\n"
            "data:\n"
            "  - id: visa-application-data\n"
            "    name: Visa application data\n"
            "    personal: true\n"
            "    controller: pmlp\n"
            "    retention: P5Y\n"
            "    legal_basis: [LV-LAW-1 Art 1]\n"
            "  - id: entry-exit-records\n"
            "    name: Entry/exit records\n"
            "    personal: true\n"
            "    retention: P3Y\n"
            "    legal_basis: [LV-LAW-1 Art 2]\n"
            "  - {id: statistics, name: Statistics}\n" + LAW
        },
        ("entry-exit-records", "data.yaml", 10, 5),
        ("    retention: P3Y\n", "    retention: P3Y\n    controller: [pmlp]\n"),
    ),
    RuleCase(
        # Through an interface to a system neither master nor holder.
        "special-data-outside-holders",
        {
            "data.yaml": BORDER_SYSTEM
            + "  - {id: pis, name: Police information system, kind: national}\n"
            + "  - {id: nui, name: National interface, kind: national-interface}\n"
            + "data:\n"
            + "  - id: fingerprints\n"
            + "    name: Fingerprints\n"
            + "    personal: true\n"
            + "    special_kind: biometric\n"
            + "    master: border-control\n"
            + "    held_by: [nui]\n"
            + "flows:\n"
            + "  - id: to-police\n"
            + "    from: border-control\n"
            + "    via: nui\n"
            + "    to: pis\n"
            + "    data: [fingerprints]\n"
        },
        ("to-police", "data.yaml", 19, 12),
        ("held_by: [nui]", "held_by: [nui, pis]"),
    ),
    RuleCase(
        # A system in service with only a test instance, in a model that describes hosting.
        "system-not-deployed",
        {
            "hosting.yaml": "systems:\n"
            "  - {id: visa, name: National visa system, kind: national}\n"
            "  - {id: pis, name: Police information system, kind: national}\n"
            "nodes:\n"
            "  - id: dc\n"
            "    name: Primary data centre\n"
            "    kind: data-centre\n"
            "    hosts:\n"
            "      - {system: pis}\n"
            "      - {system: visa, environment: test}\n"
        },
        ("visa", "hosting.yaml", 2, 5),
        ("{system: visa, environment: test}", "{system: visa, environment: production}"),
    ),
    RuleCase(
        # Across the border from the NUI to the central system; inside the state it may be silent.
        "connection-without-protocol",
        {
            "links.yaml": "systems:\n"
            "  - {id: ees-adapter, name: EES adapter, kind: national}\n"
            "connections:\n"
            "  - {id: to-nui, from: ees-adapter, to: eu.NUI-EES}\n"
            "  - {id: to-ees, from: eu.NUI-EES, to: eu.EES}\n"
        },
        ("to-ees", "links.yaml", 5, 5),
        ("to: eu.EES}", "to: eu.EES, protocol: SOAP}"),
        WITH_EU,
    ),
]


def test_every_rule_has_a_case() -> None:
    assert sorted(c.rule for c in CASES) == sorted(RULES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_rule_fires_on_a_minimal_model_and_not_once_it_is_fixed(
    write_model: WriteModel, case: RuleCase
) -> None:
    report = check(write_model(case.files, case.manifest))
    [finding] = of_rule(report, case.rule)
    assert place(finding) == (case.rule, *case.where)
    assert finding.severity == RULES[case.rule].severity
    assert not finding.waived
    if RULES[case.rule].fatal:
        assert report.exit_code == 2
    elif finding.severity is Severity.ERROR:
        assert report.exit_code == 1

    old, _ = case.fix
    assert sum(text.count(old) for text in (case.manifest, *case.files.values())) == 1
    files, manifest = case.fixed()
    assert of_rule(check(write_model(files, manifest)), case.rule) == []


# What one case per rule cannot show.


def _flow(from_: str, to: str, via: str | None, data: str, logged: bool = True) -> str:
    return (
        FACIAL_IMAGE
        + "  - id: vehicle-data\n    name: Vehicle registration data\n"
        + BORDER_SYSTEM
        + "flows:\n  - id: f\n"
        + f"    from: {from_}\n    to: {to}\n    data: [{data}]\n"
        + (f"    via: {via}\n" if via else "")
        + ("    logging: {by: eu.ESP}\n" if logged else "")
    )


@pytest.mark.parametrize(
    ("from_", "to", "via", "data", "fires"),
    [
        ("border-control", "eu.ESP", None, "facial-image", True),
        ("eu.ESP", "border-control", None, "facial-image", True),  # a reply, from the EU end
        ("border-control", "eu.VIS", "eu.NUI-VIS", "facial-image", True),  # eu-central
        ("border-control", "eu.ESP", None, "vehicle-data", False),  # not personal data
        ("border-control", "eu.NUI-VIS", None, "facial-image", False),  # an interface only
        ("border-control", "national-gateway", "eu.ESP", "facial-image", True),  # through ESP
    ],
)
def test_legal_basis_is_needed_for_personal_data_at_an_eu_end(
    write_model: WriteModel, from_: str, to: str, via: str | None, data: str, fires: bool
) -> None:
    report = check(write_model({"model.yaml": _flow(from_, to, via, data)}, WITH_EU))
    assert [f.target for f in of_rule(report, "flow-without-legal-basis")] == (
        ["f"] if fires else []
    )


@pytest.mark.parametrize(
    ("from_", "to", "via", "fires"),
    [
        ("border-control", "eu.CIR", "eu.ESP", True),
        ("eu.ESP", "border-control", None, False),  # from a component, not to one
        ("border-control", "eu.VIS", "eu.NUI-VIS", False),  # no component on the way
        # Through the ESP to a central system: the query goes to the ESP, which logs it
        # (Art 10), so the national side logs it too.
        ("border-control", "eu.VIS", "eu.ESP", True),
    ],
)
def test_logging_is_needed_on_flows_to_an_interoperability_component(
    write_model: WriteModel, from_: str, to: str, via: str | None, fires: bool
) -> None:
    text = _flow(from_, to, via, "facial-image", logged=False)
    report = check(write_model({"model.yaml": text}, WITH_EU))
    assert [f.target for f in of_rule(report, "flow-not-logged")] == (["f"] if fires else [])


@pytest.mark.parametrize(
    ("held_for", "missing"),
    [
        ("[eu.SIS]", "eu.EES"),  # eu.VIS is out of scope and needs no holder
        ("[eu.EES]", None),
        ("[eu.EES, eu.SIS]", None),
    ],
)
def test_a_role_is_needed_for_each_system_of_the_obligation_in_scope(
    write_model: WriteModel, held_for: str, missing: str | None
) -> None:
    manifest = OWN.replace("uses: []", "uses: [eu]") + (
        "scope:\n  regulations: [LV-LAW-1]\n  systems: [eu.EES, eu.SIS]\n"
    )
    model = (
        "obligations:\n"
        "  - id: LV-OB-MID-01\n"
        '    provision: "LV-LAW-1 Art 4"\n'
        "    actor: manual-verification-authority\n"
        "    summary: Verify the yellow links of the multiple-identity detector.\n"
        "    systems: [eu.EES, eu.VIS]\n"
        "organisations:\n"
        "  - id: state-border-guard\n"
        "    name: State Border Guard\n"
        "    kind: border-guard\n"
        f"    roles: [{{role: manual-verification-authority, for: {held_for}}}]\n"
    )
    report = check(write_model({"law.yaml": LAW, "model.yaml": model}, manifest))
    found = [
        (f.target, f"for {missing}, and" in f.message) for f in of_rule(report, "role-unassigned")
    ]
    assert found == ([("LV-OB-MID-01", True)] if missing else [])


@pytest.mark.parametrize(
    ("satisfies", "traces"),
    [
        ("LV-LAW-1 Art 2", True),
        ("LV-LAW-1 Art 2(1)", True),
        ("LV-LAW-1 Art 2(1)(a)", True),
        ("LV-LAW-1 art. 2 (1)", True),  # forgiven on input
        ("LV-LAW-1 Art 2(2)", False),
        ("LV-LAW-1 Art 3", False),
    ],
)
def test_a_requirement_traces_an_obligation_by_containment(
    write_model: WriteModel, satisfies: str, traces: bool
) -> None:
    model = (
        "obligations:\n"
        "  - id: LV-OB-ESP-01\n"
        '    provision: "LV-LAW-1 Art 2(1)"\n'
        "    actor: member-state\n"
        "    summary: Border guards search the EU systems through the ESP.\n"
        + REQUIREMENT
        + f'    satisfies: ["{satisfies}"]\n'
    )
    report = check(write_model({"law.yaml": LAW, "model.yaml": model}, OWN))
    assert bool(of_rule(report, "obligation-untraced")) is not traces


@pytest.mark.parametrize(
    ("condition", "scope", "applies"),
    [
        ("", "", True),
        ("", "scope:\n  regulations: []\n", False),  # its regulation is out of scope
        ("    applies_when: {options_any: [cir-identity-checks]}\n", "", False),
        (
            "    applies_when: {options_any: [cir-identity-checks]}\n",
            "scope:\n  options: [cir-identity-checks]\n",
            True,
        ),
        ("    applies_when: {systems_any: [border-control]}\n", "", False),
        (
            "    applies_when: {systems_any: [border-control]}\n",
            "scope:\n  systems: [border-control]\n",
            True,
        ),
    ],
)
def test_only_applicable_obligations_are_untraced(
    write_model: WriteModel, condition: str, scope: str, applies: bool
) -> None:
    model = (
        BORDER_SYSTEM
        + "obligations:\n"
        + "  - id: LV-OB-CIR-01\n"
        + '    provision: "LV-LAW-1 Art 2(2)"\n'
        + "    actor: member-state\n"
        + "    summary: Police query the CIR to identify a person during an identity check.\n"
        + condition
    )
    report = check(write_model({"law.yaml": LAW, "model.yaml": model}, OWN + scope))
    assert [f.target for f in of_rule(report, "obligation-untraced")] == (
        ["LV-OB-CIR-01"] if applies else []
    )


def test_an_obligation_of_an_eu_body_never_applies(write_model: WriteModel) -> None:
    law = LAW + "roles:\n  - id: lv-lisa\n    name: An agency of the Union\n    tags: [eu-body]\n"
    model = (
        "obligations:\n"
        "  - id: LV-OB-OPS-01\n"
        '    provision: "LV-LAW-1 Art 1"\n'
        "    actor: lv-lisa\n"
        "    summary: Operate the central systems.\n"
    )
    report = check(write_model({"law.yaml": law, "model.yaml": model}, OWN))
    assert of_rule(report, "obligation-untraced") == []
    assert of_rule(report, "role-unassigned") == []


def test_a_cycle_of_three_and_a_package_that_depends_on_itself(write_model: WriteModel) -> None:
    roadmap = (
        TWO_PACKAGES
        + "      depends_on: [WP-SIS]\n"
        + "    - id: WP-SIS\n"
        + "      name: Search SIS through the ESP\n"
        + "      start: 2026-01-05\n"
        + "      end: 2026-03-31\n"
        + "      depends_on: [WP-ESP, WP-SIS]\n"
    )
    # WP-SIS also depends on itself: one cycle all the same, reported once.
    findings = of_rule(check(write_model({"roadmap.yaml": roadmap}, OWN)), "roadmap-cycle")
    assert [(f.target, f.message.split(": ")[1]) for f in findings] == [
        ("WP-ESP", "WP-ESP -> WP-NUI -> WP-SIS -> WP-ESP")
    ]
    # A package that depends on itself is a cycle of one.
    alone = TWO_PACKAGES.replace("depends_on: [WP-NUI]", "depends_on: [WP-ESP]")
    [finding] = of_rule(check(write_model({"roadmap.yaml": alone}, OWN)), "roadmap-cycle")
    assert place(finding) == ("roadmap-cycle", "WP-ESP", "roadmap.yaml", 7, 19)
    assert finding.message.endswith("WP-ESP -> WP-ESP")


def test_a_flow_via_a_system_keeps_it_from_being_an_orphan(write_model: WriteModel) -> None:
    model = (
        "systems:\n"
        "  - id: pis\n    name: Police information system\n    kind: national\n"
        "  - id: gateway\n    name: National ESP gateway\n    kind: national\n"
        "  - id: visa-is\n    name: National visa information system\n    kind: national\n"
        "flows:\n  - id: f\n    from: pis\n    to: visa-is\n    via: gateway\n"
    )
    assert of_rule(check(write_model({"model.yaml": model}, OWN)), "orphan-system") == []


def test_a_retiring_system_is_not_an_orphan_as_the_hint_promises(write_model: WriteModel) -> None:
    model = BORDER_SYSTEM + "    status: retiring\n"
    report = check(write_model({"model.yaml": model}, OWN))
    assert of_rule(report, "orphan-system") == []


@pytest.mark.parametrize(
    ("flow", "judged"),
    [
        ("    from: border-control\n    to: eu.ESP\n", True),
        ("    from: eu.ESP\n    to: border-control\n", False),  # no grant reaches border-control
        ("    from: border-control\n    to: eu.VIS\n    via: eu.NUI-VIS\n", False),  # no component
    ],
)
def test_only_flows_through_a_component_with_grants_for_the_target_are_judged(
    write_model: WriteModel, flow: str, judged: bool
) -> None:
    model = (
        FACIAL_IMAGE
        + BORDER_SYSTEM
        + "flows:\n  - id: f\n"
        + flow
        + "    data: [facial-image]\n"
        + '    legal_basis: ["LV-LAW-1 Art 5"]\n'
        + "    logging: {by: eu.ESP}\n"
    )
    report = check(write_model({"law.yaml": LAW, "model.yaml": model}, WITH_EU))
    assert [f.target for f in of_rule(report, "legal-basis-mismatch")] == (["f"] if judged else [])


def test_an_id_of_the_library_declared_again_is_reported_in_the_models_file(
    write_model: WriteModel,
) -> None:
    model = "systems:\n  - id: eu.ESP\n    name: National ESP client\n    kind: national\n"
    [finding] = of_rule(check(write_model({"model.yaml": model}, WITH_EU)), "duplicate-id")
    assert place(finding) == ("duplicate-id", "eu.ESP", "model.yaml", 2, 9)


DATA_ARCHITECTURE = """\
organisations:
  - {id: pmlp, name: Office of Citizenship and Migration Affairs, kind: migration}
data:
  - id: fingerprints
    name: Fingerprints
    personal: true
    special_kind: biometric
    controller: pmpl
    processor: [pmlp]
    master: nvis
    legal_basis: [LV-LAW-1 Art 9]
"""


def test_the_data_architecture_names_organisations_systems_and_provisions(
    write_model: WriteModel,
) -> None:
    report = check(write_model({"data.yaml": DATA_ARCHITECTURE + LAW}, OWN))
    found = {(f.rule, f.line, f.column) for f in report.findings if f.target == "fingerprints"}
    assert ("unknown-reference", 8, 17) in found  # controller: pmpl, a typo for pmlp
    assert ("unknown-reference", 10, 13) in found  # master: nvis, no such system
    assert ("unknown-provision", 11, 19) in found  # the law has no Article 9
    category = report.model.get("fingerprints")
    assert isinstance(category, DataCategory) and category.special  # from special_kind


def test_a_special_kind_beside_special_false_is_a_schema_error(write_model: WriteModel) -> None:
    text = DATA_ARCHITECTURE.replace("    special_kind", "    special: false\n    special_kind")
    report = check(write_model({"data.yaml": text + LAW}, OWN))
    [finding] = of_rule(report, "schema")
    assert finding.file == "data.yaml" and finding.line == 4
    assert "special_kind" in finding.message
    assert report.exit_code == 1
