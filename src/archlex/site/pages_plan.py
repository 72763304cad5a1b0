"""The Plan pages, the findings and the home dashboard."""

from __future__ import annotations

from archlex.findings import Severity
from archlex.model import Milestone, WorkPackage
from archlex.render.language_note import fallback_note
from archlex.site.context import SiteContext
from archlex.site.markdown import date_cell, facts, heading, page, table, text
from archlex.site.pages_charts import home_charts
from archlex.toolkit.escape import md_cell
from archlex.toolkit.labels import (
    COVERAGE_STATES,
    ENTITY_KINDS,
    FUNDING_SOURCES,
    REQUIREMENT_STATUSES,
    SEVERITIES,
)
from archlex.toolkit.money import to_cents


def work_packages_index(context: SiteContext) -> str:
    """Every work package by phase and start date."""
    link = context.linker("work-packages/index.md")
    model = context.model
    tr = context.tr
    intro = tr._(
        "What is built when, by whom, and what it delivers. The {roadmap} has the Gantt chart, "
        "the critical path and the budget."
    )
    body = [intro.format(roadmap=link.to("roadmap/index.md", tr._("roadmap")))]
    for phase in sorted(model.phases, key=lambda p: (p.start, p.id)):
        packages = [w for w in model.work_packages if w.phase == phase.id]
        dates = tr._("{start} to {end}").format(
            start=tr.table_date(phase.start), end=tr.table_date(phase.end)
        )
        body += [
            f"**{md_cell(phase.id)}: {text(phase.name)}** ({dates})",
            _package_table(context, "work-packages/index.md", packages),
        ]
    loose = [w for w in model.work_packages if w.phase not in {p.id for p in model.phases}]
    if loose or not model.phases:
        no_phase = "**" + tr._("In no phase") + "**"
        body += [no_phase, _package_table(context, "work-packages/index.md", loose)]
    return page(tr._("Work packages"), [], body)


def _package_table(context: SiteContext, path: str, packages: list[WorkPackage]) -> str:
    tr = context.tr
    link = context.linker(path)
    rows = [
        [
            link.id(w.id),
            text(w.name),
            date_cell(tr, w.start),
            date_cell(tr, w.end),
            link.id(w.owner),
            _cost(context, w),
        ]
        for w in sorted(packages, key=lambda w: (w.start, w.id))
    ]
    return table(
        [
            tr._("Work package"),
            tr._("Name"),
            tr._("Start"),
            tr._("End"),
            tr._("Owner"),
            tr._("Cost"),
        ],
        rows,
        tr._("None."),
        amounts=[5],
    )


def _cost(context: SiteContext, package: WorkPackage) -> str:
    tr = context.tr
    if package.cost is None:
        return ""
    return tr.money(to_cents(package.cost.amount), package.cost.currency)


def work_package_page(context: SiteContext, package: WorkPackage) -> str:
    """One work package: dates, dependencies, what it delivers and touches, its cost."""
    tr = context.tr
    link = context.linker(context.site.pages[package.id])
    model = context.model
    milestones = [m for m in model.milestones if package.id in m.after]
    after = context.dependents.get(package.id, [])
    funding = package.cost.funding if package.cost else {}
    body = [
        text(package.description),
        facts(
            [
                (tr._("Name"), text(package.name)),
                (tr._("Phase"), link.id(package.phase)),
                (tr._("Start"), tr.table_date(package.start)),
                (tr._("End"), tr.table_date(package.end)),
                (tr._("Owner"), link.id(package.owner)),
                (tr._("Depends on"), link.ids(package.depends_on)),
                (tr._("Needed by"), link.ids(sorted(after))),
                (tr._("Milestones"), link.ids(sorted(m.id for m in milestones))),
                (tr._("Cost"), _cost(context, package)),
                (tr._("Funding"), _funding(context, funding)),
            ],
            tr._("Nothing recorded."),
        ),
        heading(2, tr._("Delivers")),
        table(
            [tr._("Requirement"), tr._("Title"), tr._("Status")],
            [
                [link.id(r), text(_title(context, r)), _status(context, r)]
                for r in sorted(package.delivers)
            ],
            tr._("None."),
        ),
        heading(2, tr._("Systems it touches")),
        table(
            [tr._("System"), tr._("Name")],
            [[link.id(s), text(_name(context, s))] for s in sorted(package.systems)],
            tr._("None."),
        ),
    ]
    return page(f"{package.id}: {package.name}", [tr._("work package")], body)


def _funding(context: SiteContext, funding: dict[str, float]) -> str:
    tr = context.tr
    return text(
        ", ".join(
            f"{tr.label(FUNDING_SOURCES, k)} {tr.share(v)} %" for k, v in sorted(funding.items())
        )
    )


def _title(context: SiteContext, entity_id: str) -> str:
    return str(getattr(context.model.get(entity_id), "title", "") or "")


def _name(context: SiteContext, entity_id: str) -> str:
    return str(getattr(context.model.get(entity_id), "name", "") or "")


def _status(context: SiteContext, entity_id: str) -> str:
    tr = context.tr
    status = getattr(context.model.get(entity_id), "status", None)
    return tr.label(REQUIREMENT_STATUSES, getattr(status, "value", "") or "")


def milestones_index(context: SiteContext) -> str:
    """Every milestone by date."""
    tr = context.tr
    link = context.linker("milestones/index.md")
    rows = [
        [
            link.id(m.id),
            text(m.name),
            date_cell(tr, m.date),
            link.ids(m.after),
            link.provisions(m.deadline_of),
        ]
        for m in sorted(context.model.milestones, key=lambda m: (m.date, m.id))
    ]
    return page(
        tr._("Milestones"),
        [],
        [
            table(
                [
                    tr._("Milestone"),
                    tr._("Name"),
                    tr._("Date"),
                    tr._("After"),
                    tr._("Deadline of"),
                ],
                rows,
                tr._("None."),
            )
        ],
    )


def milestone_page(context: SiteContext, milestone: Milestone) -> str:
    """One milestone: its date, what it waits for, whose deadline it is."""
    tr = context.tr
    link = context.linker(context.site.pages[milestone.id])
    body = [
        text(milestone.description),
        facts(
            [
                (tr._("Name"), text(milestone.name)),
                (tr._("Date"), tr.table_date(milestone.date)),
                (tr._("After"), link.ids(milestone.after)),
                (tr._("Deadline of"), link.provisions(milestone.deadline_of)),
            ],
            tr._("Nothing recorded."),
        ),
    ]
    return page(f"{milestone.id}: {milestone.name}", [tr._("milestone")], body)


def findings_page(context: SiteContext) -> str:
    """The open findings of `check`, worst first, and how many were waived."""
    tr = context.tr
    link = context.linker("findings.md")
    report = context.report
    active = sorted(report.active, key=lambda f: (-f.severity.rank, f.sort_key))
    rows = [
        [
            tr.label(SEVERITIES, f.severity),
            md_cell(f.rule),
            link.id(f.target),
            text(f.message) + (f"<br>*{text(f.hint)}*" if f.hint else ""),
            md_cell(f"{f.file}:{f.line}"),
        ]
        for f in active
    ]
    waived = len(report.findings) - len(active)
    body = [
        tr._("{open} open findings from `archlex check`; {waived} waived.").format(
            open=tr.number(len(active)), waived=tr.number(waived)
        ),
        table(
            [
                tr._("Severity"),
                tr._("Rule"),
                tr._("Target"),
                tr._("Message"),
                tr._("Where"),
            ],
            rows,
            tr._("No open findings."),
        ),
    ]
    return page(tr._("Findings"), [tr._("findings")], body)


def home_page(context: SiteContext) -> str:
    """The dashboard: coverage per regulation, counts, open findings, next milestones."""
    link = context.linker("index.md")
    model = context.model
    tr = context.tr
    if model.manifest.member_state:
        intro = tr._(
            "The architecture model against Regulations (EU) 2019/817 and 2019/818, for Member "
            "State {state}."
        ).format(state=text(model.manifest.member_state))
    else:
        intro = tr._("The architecture model against Regulations (EU) 2019/817 and 2019/818.")
    intro += " " + tr._(
        "Start with the **Law**, the **Architecture** or the **Plan** in the navigation."
    )
    note = fallback_note(context.report, tr)
    charts = home_charts(context)
    body = [
        intro + (f"\n\n*{md_cell(note)}*" if note else ""),
        heading(2, tr._("Coverage")),
        *charts.coverage,
        _coverage_table(context),
        heading(2, tr._("Open findings")),
        *charts.findings,
        _findings_summary(context),
        *charts.budget,
        heading(2, tr._("Next milestones")),
        table(
            [tr._("Milestone"), tr._("Name"), tr._("Date")],
            [
                [link.id(m.id), text(m.name), date_cell(tr, m.date)]
                for m in sorted(model.milestones, key=lambda m: (m.date, m.id))
                if m.date >= context.as_of
            ][:5],
            tr._("No milestone on or after {date}.").format(date=tr.table_date(context.as_of)),
        ),
        tr._("Counted from {date}.").format(date=tr.table_date(context.as_of))
        + " "
        + link.to("milestones/index.md", tr._("All milestones")),
        heading(2, tr._("The model")),
        _counts(context),
    ]
    return page(model.manifest.name, [], body)


def _coverage_table(context: SiteContext) -> str:
    coverage = context.report.coverage
    tr = context.tr
    if coverage is None:
        return "*" + tr._("Coverage was not computed.") + "*"
    link = context.linker("index.md")
    rows = []
    overall = "**" + tr._("Overall") + "**"
    named = [(r, link.id(r)) for r in coverage.by_regulation()] + [("", overall)]
    for regulation, label in named:
        found = coverage.by_regulation()[regulation] if regulation else coverage.overall()
        states = [tr.number(count) for count in found.states.values()]
        rows.append(
            [label, tr.number(found.applicable), *states, f"{tr.number(found.percent, 1)} %"]
        )
    states_head = [tr.label(COVERAGE_STATES, s) for s in coverage.overall().states]
    head = [
        tr._("Regulation"),
        tr._("Applicable"),
        *states_head,
        tr._("Traced %"),
    ]
    return (
        table(head, rows, tr._("None."), amounts=range(1, len(head)))
        + "\n\n"
        + tr._("The figures of `archlex check`: obligations by how far they are covered.")
        + " "
        + link.to("matrix/index.md", tr._("Traceability matrix"))
    )


def _findings_summary(context: SiteContext) -> str:
    tr = context.tr
    link = context.linker("index.md")
    counts = {s.value: 0 for s in Severity}
    for finding in context.report.active:
        counts[finding.severity.value] += 1
    rows = [
        [tr.label(SEVERITIES, severity), tr.number(count)] for severity, count in counts.items()
    ]
    return (
        table([tr._("Severity"), tr._("Open")], rows, tr._("None."), amounts=[1])
        + "\n\n"
        + link.to("findings.md", tr._("All findings"))
    )


def _counts(context: SiteContext) -> str:
    tr = context.tr
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
        [
            link.to(pages[kind], label) if kind in pages else md_cell(label),
            tr.number(count),
        ]
        for kind, count in sorted(counts.items())
        for label in [tr.label(ENTITY_KINDS, kind)]
    ]
    return table([tr._("Kind"), tr._("Count")], rows, tr._("None."), amounts=[1])
