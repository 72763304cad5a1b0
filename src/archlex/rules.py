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
        RuleInfo(
            "yaml-syntax",
            _E,
            "a file is not valid YAML",
            fatal=True,
            explanation=(
                "The file is not valid YAML, so archlex cannot read any entity in it and stops "
                "with exit code 2: a gap analysis of a model with a file missing would report "
                "gaps that are not there and hide ones that are. The usual causes are a line "
                "indented differently from its neighbours, a tab used to indent, an unclosed "
                "quote, or a control character pasted from a word processor. The finding gives "
                "the line and column where the parser gave up; the mistake is on that line or "
                "just before it. Fix it and run `archlex validate` again."
            ),
            bad=(
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "   kind: national\n"
            ),
            good=(
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "    kind: national\n"
            ),
        ),
        RuleInfo(
            "duplicate-key",
            _E,
            "a mapping repeats a key",
            explanation=(
                "A mapping repeats a key. YAML would silently keep only one of the two values; "
                "archlex keeps the first and reports the second, because the value lost is "
                "usually a real part of the architecture: here the State Police would lose its "
                "identity-check role, and the obligations that need it would be reported as "
                "unassigned while the file says otherwise. Merge the two values into one key, "
                "or rename the one that was meant to be a different field."
            ),
            bad=(
                "organisations:\n"
                "  - id: state-police\n"
                "    name: State Police (Valsts policija)\n"
                "    kind: police\n"
                "    roles: [sirene-bureau, designated-authority]\n"
                "    roles: [identity-check-police-authority]\n"
            ),
            good=(
                "organisations:\n"
                "  - id: state-police\n"
                "    name: State Police (Valsts policija)\n"
                "    kind: police\n"
                "    roles:\n"
                "      - sirene-bureau\n"
                "      - designated-authority\n"
                "      - identity-check-police-authority\n"
            ),
        ),
        RuleInfo(
            "schema",
            _E,
            "a field is missing, unknown or of the wrong type",
            explanation=(
                "A field is missing, is not one that kind of entity has, or holds a value of the "
                "wrong type: text where a list belongs, a date that is not a date, a `kind` or "
                "`status` outside its allowed values. The entity is loaded without the faulty "
                "field, or left out when a required field is at fault, so every later check "
                "would run on a model other than the one written. The message names the field, "
                "what was expected and what was found, and the hint offers the closest allowed "
                "value or field name; the manifest's settings (`uses`, `checks.disable`, the "
                "waivers' rules) are checked the same way."
            ),
            bad=(
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "    kind: national\n"
                "    status: planed\n"
            ),
            good=(
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "    kind: national\n"
                "    status: planned\n"
            ),
        ),
        RuleInfo(
            "duplicate-id",
            _E,
            "two entities share an id",
            explanation=(
                "Two entities share an id. Ids are unique across the whole model, across all "
                "kinds of entity and including the bundled libraries, because a reference such "
                "as `allocated_to: [biometrics]` names an id without a kind and must mean exactly "
                "one thing. The second declaration is reported at its `id`, and references "
                "resolve to the first one read. Rename one of them and update the references to "
                "it; the library's ids all start with `eu.`, so a model's own ids never need "
                "that prefix."
            ),
            bad=(
                "systems:\n"
                "  - id: biometrics\n"
                "    name: Biometric data processing system (BDAS)\n"
                "    kind: national\n"
                "data:\n"
                "  - id: biometrics\n"
                "    name: Facial images and fingerprints\n"
                "    personal: true\n"
                "    special: true\n"
            ),
            good=(
                "systems:\n"
                "  - id: bdas\n"
                "    name: Biometric data processing system (BDAS)\n"
                "    kind: national\n"
                "data:\n"
                "  - id: biometrics\n"
                "    name: Facial images and fingerprints\n"
                "    personal: true\n"
                "    special: true\n"
            ),
        ),
        RuleInfo(
            "unknown-reference",
            _E,
            "a reference names no entity",
            explanation=(
                "A field that refers to another entity (an owner or operator, a flow's `from`, "
                "`to` or `via`, `allocated_to`, `delivers`, `depends_on`, a role, a waiver's "
                "`target` ...) names an id that no entity of the expected kind has. The link is "
                "left out of the graph that traceability and the roadmap checks are built from, "
                "so the model no longer says what its author meant. The hint offers the closest "
                "existing ids: fix the spelling, or declare the missing entity (EU systems and "
                "components come from the `eu` library: `eu.ESP`, `eu.CIR`, `eu.VIS` ...)."
            ),
            bad=(
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
                "    allocated_to: [border-controll]\n"
            ),
            good=(
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
                "    allocated_to: [border-control]\n"
            ),
        ),
        RuleInfo(
            "unknown-provision",
            _E,
            "a provision is not in the catalog",
            explanation=(
                "A provision cited in `satisfies`, `legal_basis`, `deadline_of`, an obligation, "
                "an access grant or a role names a regulation that is not loaded, an article "
                "the regulation does not have, or a paragraph beyond the article's count. A "
                "citation that points nowhere proves nothing: the requirement traces no "
                "obligation, and the flow has no legal basis that an auditor could look up. "
                "Write it as `<regulation> Art <article>[(<paragraph>)][(<point>)]`, e.g. "
                "`2019/817 Art 7(2)`; the hint lists the loaded regulations or the article "
                "range."
            ),
            bad=(
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                '    satisfies: ["2019/871 Art 7(2)"]\n'
                "    allocated_to: [border-control]\n"
            ),
            good=(
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
                "    allocated_to: [border-control]\n"
            ),
        ),
        RuleInfo(
            "id-confusable",
            _W,
            "two ids differ only in case or by look-alike letters",
            explanation=(
                "Two ids are equal but for upper and lower case, or for a letter from another "
                "alphabet that looks like a Latin one (a Cyrillic `а`, `е`, `о`, `р`, `с` or "
                "`і`, a Greek `ο`, a full-width letter). The model format lets ids use any "
                "letters, so archlex reads them as two entities; but nobody reading a diagram, "
                "a matrix or a review can tell them apart, and a reference typed with the "
                "other one silently names the wrong entity. The finding is on the later id "
                "and names the non-Latin letters it holds. Rename one of the two. This rule "
                "is archlex's own, beyond the format's list; it never changes what loads."
            ),
            bad=(
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "    kind: national\n"
                "  - id: VISA-IS\n"
                "    name: Visa issuing workstation\n"
                "    kind: national\n"
            ),
            good=(
                "systems:\n"
                "  - id: visa-is\n"
                "    name: National visa information system\n"
                "    kind: national\n"
                "  - id: visa-workstation\n"
                "    name: Visa issuing workstation\n"
                "    kind: national\n"
            ),
        ),
        RuleInfo(
            "include-outside",
            _E,
            "an include leaves the model's folder",
            explanation=(
                "An `include` pattern points outside the model's folder (through `..` or an "
                "absolute path), or matches a symbolic link to a file outside it. archlex reads "
                "only files inside the model's folder, so that the model checked in CI is "
                "exactly the one in the repository and a model received from elsewhere cannot "
                "read other files of the machine; the pattern is ignored. Move or copy the "
                "files into the model's folder, or share catalogs between models as a library "
                "named in `uses`."
            ),
            bad=("include:\n  - systems/*.yaml\n  - ../shared/organisations.yaml\n"),
            good=("include:\n  - systems/*.yaml\n  - shared/organisations.yaml\n"),
        ),
        RuleInfo(
            "include-unmatched",
            _W,
            "an include pattern matches no file",
            explanation=(
                "An `include` pattern matches no file. It is usually a misspelt folder or a file "
                "that was moved or renamed, and the entities in those files then drop out of the "
                "analysis with no other sign: their flows, requirements and work packages "
                "simply stop counting, and obligations they traced become gaps. Fix the "
                "pattern, or delete it if the files are gone for good."
            ),
            bad=("include:\n  - organisations.yaml\n  - flow/*.yaml\n"),
            good=("include:\n  - organisations.yaml\n  - flows/*.yaml\n"),
        ),
        RuleInfo(
            "obligation-untraced",
            _E,
            "an applicable obligation has no requirement",
            explanation=(
                "An obligation that applies to the Member State (its regulation is in "
                "`scope.regulations`, its actor is a national authority, and its `applies_when` "
                "matches the scope's systems and options) is satisfied by no requirement: "
                "nothing in the architecture answers what the provision asks, which is the gap "
                "this analysis exists to find. A requirement traces an obligation when a "
                "provision it `satisfies` contains the obligation's or is contained by it "
                "(`Art 7` and `Art 7(1)` trace each other; `Art 7(2)` and `Art 7(1)` do not). "
                "Add a requirement that satisfies the provision, or, where the obligation is met "
                "outside the architecture, waive the finding with a reason; findings on the "
                "`eu` library's obligations are placed on the manifest's `scope:`."
            ),
            bad=(
                "regulations:\n"
                "  - id: LV-IISL\n"
                "    title: Law on the Interior Information Systems (interoperability amendments)\n"
                "    articles:\n"
                "      - {number: 7, title: Logging of queries, paragraphs: 2}\n"
                "obligations:\n"
                "  - id: LV-IISL-7-1\n"
                '    provision: "LV-IISL Art 7(1)"\n'
                "    actor: member-state\n"
                "    summary: Keep a national log of every query made through the ESP.\n"
                "requirements:\n"
                "  - id: REQ-LOG-01\n"
                "    title: The ESP gateway logs every query with user, purpose and time\n"
                '    satisfies: ["LV-IISL Art 7(2)"]\n'
            ),
            good=(
                "regulations:\n"
                "  - id: LV-IISL\n"
                "    title: Law on the Interior Information Systems (interoperability amendments)\n"
                "    articles:\n"
                "      - {number: 7, title: Logging of queries, paragraphs: 2}\n"
                "obligations:\n"
                "  - id: LV-IISL-7-1\n"
                '    provision: "LV-IISL Art 7(1)"\n'
                "    actor: member-state\n"
                "    summary: Keep a national log of every query made through the ESP.\n"
                "requirements:\n"
                "  - id: REQ-LOG-01\n"
                "    title: The ESP gateway logs every query with user, purpose and time\n"
                '    satisfies: ["LV-IISL Art 7(1)"]\n'
            ),
        ),
        RuleInfo(
            "requirement-unallocated",
            _W,
            "a requirement is allocated to nothing",
            explanation=(
                "A requirement is allocated to no system or component, so nobody can tell which "
                "part of the architecture will realise it, who builds it or what it costs, and "
                "until it is implemented it takes the obligations it traces no further than "
                "`traced` in the coverage. Add `allocated_to` with the ids of the national "
                "systems or components that realise it."
            ),
            bad=(
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                "    type: functional\n"
                "    priority: must\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
            ),
            good=(
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                "    type: functional\n"
                "    priority: must\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
                "    allocated_to: [border-control]\n"
            ),
        ),
        RuleInfo(
            "requirement-unscheduled",
            _W,
            "no work package delivers a requirement",
            explanation=(
                "No work package `delivers` the requirement, so the roadmap gives it no date, "
                "owner or budget, legal deadlines cannot be checked against it, and it takes the "
                "obligations it traces no further than `allocated` in the coverage. Add the "
                "requirement to the `delivers` of the work package that builds it, or, when the "
                "work is someone else's (eu-LISA's, say), waive the finding with a reason and an "
                "expiry date."
            ),
            bad=(
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
                "    allocated_to: [border-control]\n"
            ),
            good=(
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
                "    allocated_to: [border-control]\n"
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-ESP\n"
                "      name: Connect the border control system to the ESP\n"
                "      start: 2026-01-05\n"
                "      end: 2026-09-30\n"
                "      delivers: [REQ-ESP-01]\n"
            ),
        ),
        RuleInfo(
            "flow-without-legal-basis",
            _E,
            "a flow carries personal data to or from an EU system and cites no provision",
            explanation=(
                "A flow carries personal or special-category (biometric) data to or from an EU "
                "central system or an interoperability component, but its `legal_basis` cites "
                "no provision. Every such processing needs a basis in Union or national law, "
                "and a supervisory authority auditing the national side will ask for it flow by "
                "flow; a flow without one is either unlawful or undocumented. Cite the "
                "provisions that allow it, e.g. `2019/817 Art 7(2)` for a search through the "
                "ESP or `2019/817 Art 20(1)` for a CIR query during a police identity check."
            ),
            bad=(
                "flows:\n"
                "  - id: border-control-to-esp\n"
                "    from: border-control\n"
                "    to: eu.ESP\n"
                "    data: [facial-image, travel-document]\n"
                "    purpose: Search EES, VIS and SIS during the border check\n"
                "    sync: query\n"
                "    logging: {fields: [officer-id, purpose, date-time], retention: P1Y}\n"
            ),
            good=(
                "flows:\n"
                "  - id: border-control-to-esp\n"
                "    from: border-control\n"
                "    to: eu.ESP\n"
                "    data: [facial-image, travel-document]\n"
                "    purpose: Search EES, VIS and SIS during the border check\n"
                '    legal_basis: ["2019/817 Art 7(2)"]\n'
                "    sync: query\n"
                "    logging: {fields: [officer-id, purpose, date-time], retention: P1Y}\n"
            ),
        ),
        RuleInfo(
            "flow-not-logged",
            _E,
            "a flow to or through an interoperability component is not logged",
            explanation=(
                "A flow goes to an interoperability component (the ESP, the sBMS, the CIR, the "
                "MID, the CRRS) and says nothing about logging. The regulations require logs of "
                "the queries of the components (Articles 10, 16, 24 and 36 of both), kept by "
                "eu-LISA and by each Member State for its own authorities, and those logs are "
                "what the supervisory authority audits. Add `logging: {fields: [...], "
                "retention: P1Y}` with what the national side records, or `logging: {by: "
                "<component id>}` naming the component that keeps the log."
            ),
            bad=(
                "flows:\n"
                "  - id: police-to-cir\n"
                "    from: pis\n"
                "    to: eu.CIR\n"
                "    via: eu.ESP\n"
                "    data: [facial-image]\n"
                "    purpose: Identify a person during a police identity check\n"
                '    legal_basis: ["2019/817 Art 20(1)"]\n'
                "    sync: query\n"
            ),
            good=(
                "flows:\n"
                "  - id: police-to-cir\n"
                "    from: pis\n"
                "    to: eu.CIR\n"
                "    via: eu.ESP\n"
                "    data: [facial-image]\n"
                "    purpose: Identify a person during a police identity check\n"
                '    legal_basis: ["2019/817 Art 20(1)"]\n'
                "    sync: query\n"
                "    logging: {fields: [officer-id, purpose, date-time, result], retention: P1Y}\n"
            ),
        ),
        RuleInfo(
            "role-unassigned",
            _E,
            "an applicable obligation needs a role nobody holds",
            explanation=(
                "An applicable obligation is addressed to a role (manual-verification-authority, "
                "central-access-point ...) that no organisation in the model holds, or holds "
                "only for other systems than those of the obligation that are in scope. The "
                "regulations give these tasks to authorities that each Member State designates "
                "and notifies; a task with no authority will not be done. Give the role, in its "
                "`roles`, to the organisation that carries out the task, with `for: [...]` when "
                "it holds the role only for some systems."
            ),
            bad=(
                "obligations:\n"
                "  - id: LV-OB-MID-01\n"
                '    provision: "2019/817 Art 29(3)"\n'
                "    actor: manual-verification-authority\n"
                "    summary: Verify the yellow MID links created by border checks without delay.\n"
                "    systems: [eu.EES]\n"
                "organisations:\n"
                "  - id: state-border-guard\n"
                "    name: State Border Guard (Valsts robežsardze)\n"
                "    kind: border-guard\n"
                "    roles: [border-authority]\n"
            ),
            good=(
                "obligations:\n"
                "  - id: LV-OB-MID-01\n"
                '    provision: "2019/817 Art 29(3)"\n'
                "    actor: manual-verification-authority\n"
                "    summary: Verify the yellow MID links created by border checks without delay.\n"
                "    systems: [eu.EES]\n"
                "organisations:\n"
                "  - id: state-border-guard\n"
                "    name: State Border Guard (Valsts robežsardze)\n"
                "    kind: border-guard\n"
                "    roles:\n"
                "      - border-authority\n"
                "      - {role: manual-verification-authority, for: [eu.EES, eu.VIS]}\n"
            ),
        ),
        RuleInfo(
            "roadmap-cycle",
            _E,
            "work packages depend on each other in a cycle",
            explanation=(
                "Work packages depend on each other in a cycle (A on B and B on A, or a longer "
                "loop), so none of them can start first: the roadmap cannot be scheduled, and "
                "every date and critical path derived from it is meaningless. The finding lists "
                "the cycle and is placed on the `depends_on` of its first work package. Remove "
                "the dependency that is not real, or split a work package so that the part "
                "the others wait for stands on its own."
            ),
            bad=(
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-NUI\n"
                "      name: Connect the national systems to the national uniform interfaces\n"
                "      start: 2026-01-05\n"
                "      end: 2026-06-30\n"
                "      depends_on: [WP-ESP]\n"
                "    - id: WP-ESP\n"
                "      name: Search EES, VIS and SIS through the ESP\n"
                "      start: 2026-07-01\n"
                "      end: 2026-12-18\n"
                "      depends_on: [WP-NUI]\n"
            ),
            good=(
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-NUI\n"
                "      name: Connect the national systems to the national uniform interfaces\n"
                "      start: 2026-01-05\n"
                "      end: 2026-06-30\n"
                "    - id: WP-ESP\n"
                "      name: Search EES, VIS and SIS through the ESP\n"
                "      start: 2026-07-01\n"
                "      end: 2026-12-18\n"
                "      depends_on: [WP-NUI]\n"
            ),
        ),
        RuleInfo(
            "roadmap-order",
            _W,
            "a work package starts before one it depends on ends",
            explanation=(
                "A work package starts on or before the last day (`end`) of a work package it "
                "depends on, so the plan counts on work that is not finished yet. Either the "
                "dependency is real and the dates are wrong, which puts later milestones and "
                "legal deadlines at risk, or the dates are right and the dependency is not "
                "real. Move the start after the dependency's end, or remove the dependency."
            ),
            bad=(
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-NUI\n"
                "      name: Connect the national systems to the national uniform interfaces\n"
                "      start: 2026-01-05\n"
                "      end: 2026-06-30\n"
                "    - id: WP-ESP\n"
                "      name: Search EES, VIS and SIS through the ESP\n"
                "      start: 2026-05-04\n"
                "      end: 2026-12-18\n"
                "      depends_on: [WP-NUI]\n"
            ),
            good=(
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-NUI\n"
                "      name: Connect the national systems to the national uniform interfaces\n"
                "      start: 2026-01-05\n"
                "      end: 2026-06-30\n"
                "    - id: WP-ESP\n"
                "      name: Search EES, VIS and SIS through the ESP\n"
                "      start: 2026-07-01\n"
                "      end: 2026-12-18\n"
                "      depends_on: [WP-NUI]\n"
            ),
        ),
        RuleInfo(
            "deadline-missed",
            _E,
            "the work delivering an obligation ends after its deadline",
            explanation=(
                "An applicable obligation has a `deadline`, and a work package that delivers a "
                "requirement tracing it ends after that date: as written, the plan misses a date "
                "the law sets. The finding names the work package that ends last. Bring the work "
                "forward or split out the part the obligation needs, or record how the obligation "
                "is met in the meantime and waive the finding with a reason and an expiry date."
            ),
            bad=(
                "obligations:\n"
                "  - id: LV-OB-ESP-01\n"
                '    provision: "2019/817 Art 7(2)"\n'
                "    actor: member-state\n"
                "    summary: Border guards search EES, VIS and ETIAS through the ESP.\n"
                "    deadline: 2026-06-30\n"
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
                "    allocated_to: [border-control]\n"
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-ESP\n"
                "      name: Connect the border control system to the ESP\n"
                "      start: 2026-01-05\n"
                "      end: 2026-09-30\n"
                "      delivers: [REQ-ESP-01]\n"
            ),
            good=(
                "obligations:\n"
                "  - id: LV-OB-ESP-01\n"
                '    provision: "2019/817 Art 7(2)"\n'
                "    actor: member-state\n"
                "    summary: Border guards search EES, VIS and ETIAS through the ESP.\n"
                "    deadline: 2026-06-30\n"
                "requirements:\n"
                "  - id: REQ-ESP-01\n"
                "    title: Border guards search EES, VIS and SIS in one query through the ESP\n"
                '    satisfies: ["2019/817 Art 7(2)"]\n'
                "    allocated_to: [border-control]\n"
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-ESP\n"
                "      name: Connect the border control system to the ESP\n"
                "      start: 2026-01-05\n"
                "      end: 2026-06-26\n"
                "      delivers: [REQ-ESP-01]\n"
            ),
        ),
        RuleInfo(
            "waiver-expired",
            _W,
            "a waiver is past its expiry date",
            explanation=(
                "A waiver's `expires` date has passed. The finding it accepted is reported again "
                "as if there were no waiver, and this warning, on the waiver in the manifest, "
                "says why: a risk is accepted for a time, and then someone must decide again. "
                "Fix what the waiver accepted, or renew the waiver with a new `expires` date and "
                "a reason that is still true."
            ),
            bad=(
                "waivers:\n"
                "  - rule: requirement-unscheduled\n"
                "    target: REQ-CRRS-01\n"
                "    reason: Reporting is delivered by eu-LISA; no national work.\n"
                "    expires: 2026-06-30\n"
            ),
            good=(
                "waivers:\n"
                "  - rule: requirement-unscheduled\n"
                "    target: REQ-CRRS-01\n"
                "    reason: Reporting is delivered by eu-LISA; to review in the 2027 budget.\n"
                "    expires: 2027-06-30\n"
            ),
        ),
        RuleInfo(
            "orphan-system",
            _I,
            "a system takes part in no flow",
            explanation=(
                "A system of the model takes part in no flow: it neither sends, receives nor "
                "relays (`via`) any data, and no flow touches any of its components. Either its "
                "flows are missing, and with them the legal-basis and logging checks they would "
                "get, or the system plays no part in the interoperability architecture and need "
                "not be in the model. Model the flows it takes part in, or remove it; systems of "
                "the `eu` library are never reported."
            ),
            bad=(
                "systems:\n"
                "  - id: mobile-border-app\n"
                "    name: Mobile border check application\n"
                "    kind: national\n"
                "    status: planned\n"
            ),
            good=(
                "systems:\n"
                "  - id: mobile-border-app\n"
                "    name: Mobile border check application\n"
                "    kind: national\n"
                "    status: planned\n"
                "flows:\n"
                "  - id: mobile-app-to-border-control\n"
                "    from: mobile-border-app\n"
                "    to: border-control\n"
                "    data: [travel-document]\n"
                "    sync: query\n"
            ),
        ),
        RuleInfo(
            "legal-basis-mismatch",
            _W,
            "a flow cites provisions, but none of them grants access to its target",
            explanation=(
                "A flow that reaches or passes an interoperability component cites provisions, "
                "but none of them is in an article whose `access` grant in the catalog reaches "
                "the flow's target. The flow then rests on no access right to that system, which "
                "is what a data-protection audit checks. Only flows whose target the catalog has "
                "grants for are judged, and citations match grants by article, so a neighbouring "
                "paragraph counts. Cite the provision that grants the access (the hint lists "
                "them, e.g. `2019/817 Art 7` for the ESP), or add an `access` entry when your own "
                "law grants it."
            ),
            bad=(
                "flows:\n"
                "  - id: border-control-to-esp\n"
                "    from: border-control\n"
                "    to: eu.ESP\n"
                "    data: [facial-image, travel-document]\n"
                "    purpose: Search EES, VIS and SIS during the border check\n"
                '    legal_basis: ["2019/817 Art 20(1)"]\n'
                "    sync: query\n"
                "    logging: {fields: [officer-id, purpose, date-time], retention: P1Y}\n"
            ),
            good=(
                "flows:\n"
                "  - id: border-control-to-esp\n"
                "    from: border-control\n"
                "    to: eu.ESP\n"
                "    data: [facial-image, travel-document]\n"
                "    purpose: Search EES, VIS and SIS during the border check\n"
                '    legal_basis: ["2019/817 Art 7(2)"]\n'
                "    sync: query\n"
                "    logging: {fields: [officer-id, purpose, date-time], retention: P1Y}\n"
            ),
        ),
        RuleInfo(
            "waiver-unused",
            _W,
            "a waiver matches no finding",
            explanation=(
                "A waiver matches no finding: what it accepted has been fixed, its target was "
                "renamed, its rule is switched off in `checks.disable`, or the rule or target is "
                "misspelt. Left in place, it would silently hide the next finding of that rule "
                "on that target (on any target, when it names none), which nobody has looked "
                "at. Delete the waiver, or correct its `rule` and `target`."
            ),
            bad=(
                "waivers:\n"
                "  - rule: requirement-unallocated\n"
                "    target: REQ-ESP-01\n"
                "    reason: Allocated once the ESP gateway is procured.\n"
                "    expires: 2027-06-30\n"
            ),
            good="waivers: []\n",
        ),
        RuleInfo(
            "risk-unmanaged",
            _W,
            "an open high risk has no mitigation or no owner",
            explanation=(
                "An open risk is high (likelihood times impact is 6 or more, with low, medium "
                "and high counted 1, 2 and 3: high likelihood with at least medium impact, or "
                "the other way round), but nobody owns it or nothing is done about it. The "
                "concept goes to the ministry for approval with a risk nobody manages, which is "
                "what the approvers ask about first. Name the organisation that manages it "
                "(`owner`) and what reduces it (`mitigation`), or set `status: accepted` when "
                "the ministry accepts it as it is."
            ),
            bad=(
                "risks:\n"
                "  - id: RISK-ESP-DELAY\n"
                "    title: The ESP enters into operation later than planned\n"
                "    likelihood: high\n"
                "    impact: high\n"
            ),
            good=(
                "risks:\n"
                "  - id: RISK-ESP-DELAY\n"
                "    title: The ESP enters into operation later than planned\n"
                "    likelihood: high\n"
                "    impact: high\n"
                "    owner: interior-it-centre\n"
                "    mitigation: Keep the direct national connections until the ESP is stable.\n"
                "organisations:\n"
                "  - {id: interior-it-centre, name: IT centre of the interior, kind: it-centre}\n"
            ),
        ),
        RuleInfo(
            "cofinancing-above-maximum",
            _E,
            "a work package asks a fund for more than its maximum co-financing rate",
            explanation=(
                "A work package's `cost.funding` gives a fund a larger share of the cost than "
                "the fund's `max_rate` allows (an EU instrument such as BMVI co-finances up to a "
                "rate its regulation and the national programme set). The managing authority "
                "would reject the application, and the financing plan would not add up. Lower "
                "the fund's share to its maximum and cover the rest from another source, such "
                "as the state budget."
            ),
            bad=(
                "funds:\n"
                "  - {id: BMVI, name: Border Management and Visa Instrument, eu: true, "
                "max_rate: 75}\n"
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-ESP\n"
                "      name: National ESP gateway\n"
                "      start: 2026-01-05\n"
                "      end: 2026-12-18\n"
                "      cost: {amount: 1000000, funding: {BMVI: 90, state-budget: 10}}\n"
            ),
            good=(
                "funds:\n"
                "  - {id: BMVI, name: Border Management and Visa Instrument, eu: true, "
                "max_rate: 75}\n"
                "roadmap:\n"
                "  work_packages:\n"
                "    - id: WP-ESP\n"
                "      name: National ESP gateway\n"
                "      start: 2026-01-05\n"
                "      end: 2026-12-18\n"
                "      cost: {amount: 1000000, funding: {BMVI: 75, state-budget: 25}}\n"
            ),
        ),
    )
}

# The contract's rule ids (docs/model-format.md); the others are archlex's own.
CONTRACT_RULES = frozenset(
    {
        "yaml-syntax",
        "duplicate-key",
        "schema",
        "duplicate-id",
        "unknown-reference",
        "unknown-provision",
        "obligation-untraced",
        "requirement-unallocated",
        "requirement-unscheduled",
        "flow-without-legal-basis",
        "flow-not-logged",
        "role-unassigned",
        "roadmap-cycle",
        "roadmap-order",
        "deadline-missed",
        "waiver-expired",
        "orphan-system",
    }
)

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
    "id-confusable",
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
