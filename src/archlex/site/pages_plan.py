"""The Plan pages, the findings and the home dashboard."""

from __future__ import annotations

from archlex.findings import Severity
from archlex.model import Milestone, WorkPackage
from archlex.site.context import SiteContext
from archlex.site.markdown import facts, heading, page, table, text
from archlex.toolkit.escape import md_cell
from archlex.toolkit.money import money, to_cents


def work_packages_index(context: SiteContext) -> str:
    """Every work package by phase and start date."""
    link = context.linker("work-packages/index.md")
    model = context.model
    body = [
        "What is built when, by whom, and what it delivers. The "
        + link.to("roadmap/index.md", "roadmap")
        + " has the Gantt chart, the critical path and the budget."
    ]
    for phase in sorted(model.phases, key=lambda p: (p.start, p.id)):
        packages = [w for w in model.work_packages if w.phase == phase.id]
        body += [
            f"**{md_cell(phase.id)}: {text(phase.name)}** ({phase.start} to {phase.end})",
            _package_table(context, "work-packages/index.md", packages),
        ]
    loose = [w for w in model.work_packages if w.phase not in {p.id for p in model.phases}]
    if loose or not model.phases:
        body += ["**In no phase**", _package_table(context, "work-packages/index.md", loose)]
    return page("Work packages", [], body)


def _package_table(context: SiteContext, path: str, packages: list[WorkPackage]) -> str:
    link = context.linker(path)
    rows = [
        [link.id(w.id), text(w.name), str(w.start), str(w.end), link.id(w.owner), _cost(w)]
        for w in sorted(packages, key=lambda w: (w.start, w.id))
    ]
    return table(["Work package", "Name", "Start", "End", "Owner", "Cost"], rows)


def _cost(package: WorkPackage) -> str:
    if package.cost is None:
        return ""
    return money(to_cents(package.cost.amount), package.cost.currency)


def work_package_page(context: SiteContext, package: WorkPackage) -> str:
    """One work package: dates, dependencies, what it delivers and touches, its cost."""
    link = context.linker(context.site.pages[package.id])
    model = context.model
    milestones = [m for m in model.milestones if package.id in m.after]
    after = [w.id for w in model.work_packages if package.id in w.depends_on]
    funding = package.cost.funding if package.cost else {}
    body = [
        text(package.description),
        facts(
            [
                ("Name", text(package.name)),
                ("Phase", link.id(package.phase)),
                ("Start", str(package.start)),
                ("End", str(package.end)),
                ("Owner", link.id(package.owner)),
                ("Depends on", link.ids(package.depends_on)),
                ("Needed by", link.ids(sorted(after))),
                ("Milestones", link.ids(sorted(m.id for m in milestones))),
                ("Cost", _cost(package)),
                ("Funding", text(", ".join(f"{k} {v:g} %" for k, v in sorted(funding.items())))),
            ]
        ),
        heading(2, "Delivers"),
        table(
            ["Requirement", "Title", "Status"],
            [
                [link.id(r), text(_title(context, r)), _status(context, r)]
                for r in sorted(package.delivers)
            ],
        ),
        heading(2, "Systems it touches"),
        table(
            ["System", "Name"],
            [[link.id(s), text(_name(context, s))] for s in sorted(package.systems)],
        ),
    ]
    return page(f"{package.id}: {package.name}", ["work package"], body)


def _title(context: SiteContext, entity_id: str) -> str:
    return str(getattr(context.model.get(entity_id), "title", "") or "")


def _name(context: SiteContext, entity_id: str) -> str:
    return str(getattr(context.model.get(entity_id), "name", "") or "")


def _status(context: SiteContext, entity_id: str) -> str:
    status = getattr(context.model.get(entity_id), "status", None)
    return str(getattr(status, "value", "") or "")


def milestones_index(context: SiteContext) -> str:
    """Every milestone by date."""
    link = context.linker("milestones/index.md")
    rows = [
        [
            link.id(m.id),
            text(m.name),
            str(m.date),
            link.ids(m.after),
            link.provisions(m.deadline_of),
        ]
        for m in sorted(context.model.milestones, key=lambda m: (m.date, m.id))
    ]
    return page(
        "Milestones", [], [table(["Milestone", "Name", "Date", "After", "Deadline of"], rows)]
    )


def milestone_page(context: SiteContext, milestone: Milestone) -> str:
    """One milestone: its date, what it waits for, whose deadline it is."""
    link = context.linker(context.site.pages[milestone.id])
    body = [
        text(milestone.description),
        facts(
            [
                ("Name", text(milestone.name)),
                ("Date", str(milestone.date)),
                ("After", link.ids(milestone.after)),
                ("Deadline of", link.provisions(milestone.deadline_of)),
            ]
        ),
    ]
    return page(f"{milestone.id}: {milestone.name}", ["milestone"], body)


def findings_page(context: SiteContext) -> str:
    """The open findings of `check`, worst first, and how many were waived."""
    link = context.linker("findings.md")
    report = context.report
    active = sorted(report.active, key=lambda f: (-f.severity.rank, f.sort_key))
    rows = [
        [
            f.severity.value,
            md_cell(f.rule),
            link.id(f.target),
            text(f.message) + (f"<br>*{text(f.hint)}*" if f.hint else ""),
            md_cell(f"{f.file}:{f.line}"),
        ]
        for f in active
    ]
    waived = len(report.findings) - len(active)
    body = [
        f"{len(active)} open findings from `archlex check`; {waived} waived.",
        table(["Severity", "Rule", "Target", "Message", "Where"], rows, "No open findings."),
    ]
    return page("Findings", ["findings"], body)


def home_page(context: SiteContext) -> str:
    """The dashboard: coverage per regulation, counts, open findings, next milestones."""
    link = context.linker("index.md")
    model = context.model
    body = [
        "The architecture model against Regulations (EU) 2019/817 and 2019/818"
        + (
            f", for Member State {text(model.manifest.member_state)}."
            if model.manifest.member_state
            else "."
        )
        + " Start with the **Law**, the **Architecture** or the **Plan** in the navigation.",
        heading(2, "Coverage"),
        _coverage_table(context),
        heading(2, "Open findings"),
        _findings_summary(context),
        heading(2, "Next milestones"),
        table(
            ["Milestone", "Name", "Date"],
            [
                [link.id(m.id), text(m.name), str(m.date)]
                for m in sorted(model.milestones, key=lambda m: (m.date, m.id))
                if m.date >= context.as_of
            ][:5],
            f"No milestone on or after {context.as_of}.",
        ),
        f"Counted from {context.as_of}. " + link.to("milestones/index.md", "All milestones"),
        heading(2, "The model"),
        _counts(context),
    ]
    return page(model.manifest.name, [], body)


def _coverage_table(context: SiteContext) -> str:
    coverage = context.report.coverage
    if coverage is None:
        return "*Coverage was not computed.*"
    link = context.linker("index.md")
    rows = []
    named = [(r, link.id(r)) for r in coverage.by_regulation()] + [("", "**Overall**")]
    for regulation, label in named:
        found = coverage.by_regulation()[regulation] if regulation else coverage.overall()
        states = [str(count) for count in found.states.values()]
        rows.append([label, str(found.applicable), *states, f"{found.percent} %"])
    states_head = list(coverage.overall().states)
    head = ["Regulation", "Applicable", *states_head, "Traced %"]
    return (
        table(head, rows)
        + "\n\nThe figures of `archlex check`: obligations by how far they are covered. "
        + link.to("matrix/index.md", "Traceability matrix")
    )


def _findings_summary(context: SiteContext) -> str:
    link = context.linker("index.md")
    counts = {s.value: 0 for s in Severity}
    for finding in context.report.active:
        counts[finding.severity.value] += 1
    rows = [[severity, str(count)] for severity, count in counts.items()]
    return table(["Severity", "Open"], rows) + "\n\n" + link.to("findings.md", "All findings")


def _counts(context: SiteContext) -> str:
    link = context.linker("index.md")
    pages = {
        "organisation": "organisations/index.md",
        "role": "roles/index.md",
        "system": "systems/index.md",
        "data": "data/index.md",
        "flow": "flows/index.md",
        "process": "processes/index.md",
        "requirement": "requirements/index.md",
        "work package": "work-packages/index.md",
        "milestone": "milestones/index.md",
        "regulation": "regulations/index.md",
    }
    counts = context.model.counts()
    rows = [
        [link.to(pages[kind], kind) if kind in pages else md_cell(kind), str(count)]
        for kind, count in sorted(counts.items())
    ]
    return table(["Kind", "Count"], rows)
