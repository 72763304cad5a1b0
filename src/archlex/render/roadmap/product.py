"""The roadmap product: roadmap.md (phases, packages, critical path, deadlines, budget) and
the Gantt chart (gantt.svg, and gantt.png when rsvg-convert is installed).

Amounts are kept in whole cents and split by the largest-remainder method, so the parts of
every split add up to the whole to the cent; they are written in the output language's way
(`1 250 000.00 EUR`, `1 250 000,00 EUR`), as are dates and numbers.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path

from archlex.catalog.timeline import Timeline
from archlex.errors import ArchlexError
from archlex.files import write_text_atomic
from archlex.graph import build_graph
from archlex.graph.critical_path import CriticalPath, critical_path, duration_days
from archlex.i18n import N_, Translator, translator
from archlex.model import Milestone, Model, Obligation, WorkPackage
from archlex.render.registry import RenderContext, renderer
from archlex.render.roadmap.budget import budget_sections, funding_cell
from archlex.render.roadmap.gantt_print import write_gantt
from archlex.render.roadmap.tables import by_start, count, span, table
from archlex.toolkit.escape import md_cell
from archlex.toolkit.money import (
    Share,
    sum_shares,
    to_cents,
)

PACKAGE_COLUMNS = (
    N_("ID"),
    N_("Work package"),
    N_("Phase"),
    N_("Owner"),
    N_("Start"),
    N_("End"),
    N_("Days"),
    N_("Depends on"),
    N_("Delivers"),
    N_("Cost"),
    N_("Funding"),
)
MILESTONE_COLUMNS = (
    N_("ID"),
    N_("Milestone"),
    N_("Date"),
    N_("Deadline of"),
    N_("Legal deadline"),
    N_("Waits for"),
    N_("Work ends"),
    N_("Status"),
)


@renderer("roadmap", order=30)
def render_roadmap(context: RenderContext) -> list[Path]:
    """roadmap.md, gantt.svg and (with rsvg-convert) gantt.png, or the printed parts of a
    long chart (render/roadmap/gantt_print.py)."""
    folder = context.folder("roadmap")
    model = context.report.model
    critical = critical_path(build_graph(model))
    late = {m.id for m in model.milestones if _milestone_delays(model, m) != (0, 0)}
    tr = translator(context.language)
    chart = write_gantt(folder, model, critical, late, tr, source_date())
    write_text_atomic(folder / "roadmap.md", roadmap_markdown(context, critical, bool(chart)))
    return [folder / "roadmap.md", *chart]


def source_date() -> dt.date | None:
    """The date SOURCE_DATE_EPOCH gives (UTC), if set: the only "today" an artefact shows."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError) as error:
        raise ArchlexError(
            f"SOURCE_DATE_EPOCH is {epoch!r}, not a number of seconds since 1970",
            "set it to an integer such as `git log -1 --format=%ct`, or unset it",
        ) from error


def roadmap_markdown(context: RenderContext, critical: CriticalPath, has_chart: bool) -> str:
    """The whole of roadmap.md."""
    model = context.report.model
    tr = translator(context.language)
    chart = "![" + tr.gettext("Gantt chart of the roadmap") + "](gantt.svg)"
    parts = [
        "# " + tr.gettext("Roadmap: {name}").format(name=md_cell(model.manifest.name)),
        _overview(model, tr),
        chart if has_chart else "",
        *_phases(model, tr),
        "## " + tr.gettext("Work packages"),
        table(tr, PACKAGE_COLUMNS, [_package_row(p, tr) for p in by_start(model)]),
        *_critical_section(model, critical, tr),
        *_deadline_sections(context, tr),
        *budget_sections(model, tr),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


# --- Sections ----------------------------------------------------------------------------


def _overview(model: Model, tr: Translator) -> str:
    packages = model.work_packages
    if not packages:
        return tr.gettext("The roadmap has no work packages.")
    first = min(p.start for p in packages)
    last = max(p.end for p in packages)
    totals = sum_shares(
        Share("total", p.cost.currency, to_cents(p.cost.amount))
        for p in packages
        if p.cost is not None
    )
    cost = ", ".join(tr.money(c, cur) for (_, cur), c in sorted(totals.items()))
    counts = tr.gettext("{packages} in {phases}, from {first} to {last}, and {milestones}.")
    counts = counts.format(
        packages=count(
            tr, tr.ngettext("{n} work package", "{n} work packages", len(packages)), len(packages)
        ),
        phases=count(
            tr, tr.ngettext("{n} phase", "{n} phases", len(model.phases)), len(model.phases)
        ),
        first=tr.date(first),
        last=tr.date(last),
        milestones=count(
            tr,
            tr.ngettext("{n} milestone", "{n} milestones", len(model.milestones)),
            len(model.milestones),
        ),
    )
    total = tr.gettext("Total cost: {cost}.").format(cost=cost or tr.gettext("no cost given"))
    return f"{counts} {total}"


def _phases(model: Model, tr: Translator) -> list[str]:
    phases = sorted(model.phases, key=lambda p: (p.start, p.id))
    known = {p.id for p in phases}
    parts = ["## " + tr.gettext("Phases")] if model.phases or model.work_packages else []
    for phase in phases:
        inside = [p for p in by_start(model) if p.phase == phase.id]
        dates = span(tr, phase.start, phase.end)
        parts.append(f"### {md_cell(phase.id)}: {md_cell(phase.name)} ({dates})")
        parts.append(_bullets(inside, tr) or tr.gettext("No work packages."))
    loose = [p for p in by_start(model) if p.phase not in known]
    if loose:
        parts += ["### " + tr.gettext("Without a phase"), _bullets(loose, tr)]
    return parts


def _bullets(packages: list[WorkPackage], tr: Translator) -> str:
    return "\n".join(
        f"- {md_cell(p.id)}: {md_cell(p.name)} ({span(tr, p.start, p.end)})" for p in packages
    )


def _package_row(package: WorkPackage, tr: Translator) -> list[str]:
    cost = package.cost
    return [
        md_cell(package.id),
        md_cell(package.name),
        md_cell(package.phase or ""),
        md_cell(package.owner or ""),
        tr.table_date(package.start),
        tr.table_date(package.end),
        tr.number(duration_days(package)),
        md_cell(", ".join(package.depends_on)),
        md_cell(", ".join(package.delivers)),
        tr.money(to_cents(cost.amount), cost.currency) if cost else "",
        funding_cell(package, tr),
    ]


CRITICAL_INTRO = N_(
    "The critical path is the longest chain of work packages that depend on each other, "
    "measured by the sum of their durations (start and end day both counted; gaps and "
    "overlaps between the planned dates do not count). Slack is how many days longer a "
    "package could run before a chain through it became longer than the critical path."
)


def _critical_section(model: Model, critical: CriticalPath, tr: Translator) -> list[str]:
    head = ["## " + tr.gettext("Critical path"), tr.gettext(CRITICAL_INTRO)]
    if critical.cycle:
        cycle = ", ".join(md_cell(c) for c in critical.cycle)
        text = tr.gettext(
            "No critical path: work packages {cycle} depend on each other in a cycle "
            "(see the `roadmap-cycle` finding)."
        )
        return [*head, text.format(cycle=cycle)]
    if not critical.packages:
        return [*head, tr.gettext("No critical path: the roadmap has no work packages.")]
    chain = [p for n in critical.packages if isinstance(p := model.get(n), WorkPackage)]
    summary = tr.gettext(
        "**{chain}**: {work} days of work, planned from {start} to {end} ({span} days)."
    ).format(
        chain=" → ".join(md_cell(n) for n in critical.packages),
        work=tr.number(critical.work_days),
        start=tr.date(critical.start) if critical.start else "",
        end=tr.date(critical.end) if critical.end else "",
        span=tr.number(critical.span_days),
    )
    overlap = tr.gettext(
        "{later} starts {start}, before {earlier}, on which it depends, ends {end} "
        "(see the `roadmap-order` finding)."
    )
    overlaps = [
        overlap.format(
            later=md_cell(b.id), start=tr.date(b.start), earlier=md_cell(a.id), end=tr.date(a.end)
        )
        for a, b in itertools.pairwise(chain)
        if b.start <= a.end
    ]
    return [*head, summary, *overlaps, *_chain_tables(model, critical, chain, tr)]


def _chain_tables(
    model: Model, critical: CriticalPath, chain: list[WorkPackage], tr: Translator
) -> list[str]:
    rows = [
        [
            tr.number(i),
            md_cell(p.id),
            md_cell(p.name),
            tr.table_date(p.start),
            tr.table_date(p.end),
            tr.number(duration_days(p)),
        ]
        for i, p in enumerate(chain, start=1)
    ]
    slack = sorted(by_start(model), key=lambda p: (critical.slack[p.id], p.id))
    slack_rows = [
        [
            md_cell(p.id),
            md_cell(p.name),
            tr.number(duration_days(p)),
            tr.number(critical.slack[p.id]),
        ]
        for p in slack
    ]
    steps = (N_("Step"), N_("ID"), N_("Work package"), N_("Start"), N_("End"), N_("Days"))
    slack_head = (N_("ID"), N_("Work package"), N_("Days"), N_("Slack (days)"))
    return [
        table(tr, steps, rows),
        "### " + tr.gettext("Slack"),
        table(tr, slack_head, slack_rows),
    ]


def _work_end(model: Model, milestone: Milestone) -> dt.date | None:
    """When the last of the work packages a milestone waits for ends."""
    ends = [p.end for n in milestone.after if isinstance(p := model.get(n), WorkPackage)]
    return max(ends, default=None)


def _deadline_sections(context: RenderContext, tr: Translator) -> list[str]:
    model = context.report.model
    rows = []
    for milestone in sorted(model.milestones, key=lambda m: (m.date, m.id)):
        legal = _legal_deadline(model, milestone)
        work_end = _work_end(model, milestone)
        rows.append(
            [
                md_cell(milestone.id),
                md_cell(milestone.name),
                tr.table_date(milestone.date),
                md_cell(", ".join(str(p) for p in milestone.deadline_of)),
                tr.table_date(legal) if legal else "",
                md_cell(", ".join(milestone.after)),
                tr.table_date(work_end) if work_end else "",
                _milestone_status(model, milestone, tr),
            ]
        )
    return [
        "## " + tr.gettext("Milestones and deadlines"),
        table(tr, MILESTONE_COLUMNS, rows)
        if rows
        else tr.gettext("The roadmap has no milestones."),
        "### " + tr.gettext("Obligations with a deadline"),
        *_obligation_deadlines(context, tr),
    ]


def _legal_deadline(model: Model, milestone: Milestone) -> dt.date | None:
    """The earliest deadline of an obligation that the milestone's provisions trace, or start of
    operations an act sets under them (an implementing decision under 2019/817 Art 72(1))."""
    timeline = Timeline(model, None)
    dates = [
        deadline.date
        for o in model.obligations
        if any(p.traces(o.provision) for p in milestone.deadline_of)
        and (deadline := timeline.deadline(o)) is not None
        and deadline.date is not None
    ]
    dates += [event.date for event in timeline.starts_under(milestone.deadline_of)]
    return min(dates, default=None)


def _milestone_delays(model: Model, milestone: Milestone) -> tuple[int, int]:
    """Days the milestone's work ends after it, and days it falls after its legal deadline."""
    work_ends, legal = _work_end(model, milestone), _legal_deadline(model, milestone)
    late_work = (work_ends - milestone.date).days if work_ends else 0
    late_legal = (milestone.date - legal).days if legal else 0
    return max(late_work, 0), max(late_legal, 0)


def _milestone_status(model: Model, milestone: Milestone, tr: Translator) -> str:
    """On time, or late (and by how much) against its work and against its legal deadline."""
    late_work, late_legal = _milestone_delays(model, milestone)
    problems = []
    if late_work:
        text = tr.gettext("late: its work ends {days} days after it")
        problems.append(text.format(days=tr.number(late_work)))
    if late_legal:
        text = tr.gettext("late: {days} days after the legal deadline")
        problems.append(text.format(days=tr.number(late_legal)))
    if problems:
        return "; ".join(problems)
    comparable = _work_end(model, milestone) or _legal_deadline(model, milestone)
    return tr.gettext("on time") if comparable else tr.gettext("nothing to compare")


def _obligation_deadlines(context: RenderContext, tr: Translator) -> list[str]:
    coverage = context.report.coverage
    if coverage is None:
        return [tr.gettext("Not checked: render from `archlex check` results to list them.")]
    model = context.report.model
    timeline = Timeline(model, None)
    rows = []
    for item in coverage.obligations:
        obligation = model.get(item.obligation)
        if not isinstance(obligation, Obligation):
            continue
        deadline = timeline.deadline(obligation)
        if deadline is None or deadline.date is None:
            continue
        packages = [p for n in item.work_packages if isinstance(p := model.get(n), WorkPackage)]
        rows.append(
            [
                md_cell(item.obligation),
                md_cell(item.provision),
                md_cell(obligation.summary),
                tr.table_date(deadline.date)
                + (f" ({md_cell(deadline.derivation)})" if deadline.derivation else ""),
                "<br>".join(
                    tr.gettext("{id} (ends {end})").format(
                        id=md_cell(p.id), end=tr.table_date(p.end)
                    )
                    for p in packages
                ),
                _deadline_status(deadline.date, packages, tr),
            ]
        )
    if not rows:
        return [tr.gettext("No applicable obligation has a deadline.")]
    head: tuple[str, ...] = (N_("Obligation"), N_("Provision"), N_("Summary"), N_("Deadline"))
    head += (N_("Delivered by"), N_("Status"))
    return [
        tr.gettext(
            "Applicable obligations with a deadline, and the work packages that deliver them."
        ),
        table(tr, head, rows),
    ]


def _deadline_status(deadline: dt.date, packages: list[WorkPackage], tr: Translator) -> str:
    if not packages:
        return tr.gettext("not scheduled")
    last = max(p.end for p in packages)
    if last > deadline:
        text = tr.gettext("late: work ends {days} days after the deadline")
        return text.format(days=tr.number((last - deadline).days))
    return tr.gettext("on time")
