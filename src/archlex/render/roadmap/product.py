"""The roadmap product: roadmap.md (phases, packages, critical path, deadlines, budget) and
the Gantt chart (gantt.svg, and gantt.png when rsvg-convert is installed).

Amounts are kept in whole cents and split by the largest-remainder method, so the parts of
every split add up to the whole to the cent; they are written as `1,250,000.00 EUR`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from decimal import Decimal
from pathlib import Path

from archlex.errors import ArchlexError
from archlex.files import write_text_atomic
from archlex.graph import build_graph
from archlex.graph.critical_path import CriticalPath, critical_path, duration_days
from archlex.model import Milestone, Model, Obligation, WorkPackage
from archlex.render.registry import RenderContext, renderer
from archlex.render.roadmap.gantt import gantt_svg, write_png
from archlex.toolkit.escape import md_cell
from archlex.toolkit.money import (
    UNASSIGNED,
    Share,
    cost_by_source,
    cost_by_year,
    money,
    sum_shares,
    to_cents,
)

PACKAGE_COLUMNS = "ID | Work package | Phase | Owner | Start | End | Days | Depends on | Delivers"
PACKAGE_COLUMNS += " | Cost | Funding"
MILESTONE_COLUMNS = "ID | Milestone | Date | Deadline of | Legal deadline | Waits for | Work ends"
MILESTONE_COLUMNS += " | Status"


@renderer("roadmap", order=30)
def render_roadmap(context: RenderContext) -> list[Path]:
    """roadmap.md, gantt.svg and (with rsvg-convert) gantt.png."""
    folder = context.folder("roadmap")
    model = context.report.model
    critical = critical_path(build_graph(model))
    late = {m.id for m in model.milestones if _milestone_status(model, m).startswith("late")}
    svg = gantt_svg(model, critical, late, source_date())
    written = [folder / "roadmap.md"]
    if svg is not None:
        write_text_atomic(folder / "gantt.svg", svg)
        written.append(folder / "gantt.svg")
        if write_png(folder / "gantt.svg", folder / "gantt.png"):
            written.append(folder / "gantt.png")
    write_text_atomic(folder / "roadmap.md", roadmap_markdown(context, critical, svg is not None))
    return written


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
    parts = [
        f"# Roadmap: {md_cell(model.manifest.name)}",
        _overview(model),
        "![Gantt chart of the roadmap](gantt.svg)" if has_chart else "",
        *_phases(model),
        "## Work packages",
        _table(PACKAGE_COLUMNS, [_package_row(p) for p in _by_start(model)]),
        *_critical_section(model, critical),
        *_deadline_sections(context),
        *_budget_sections(model),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


# --- Sections ----------------------------------------------------------------------------


def _overview(model: Model) -> str:
    packages = model.work_packages
    if not packages:
        return "The roadmap has no work packages."
    first = min(p.start for p in packages)
    last = max(p.end for p in packages)
    totals = sum_shares(
        Share("total", p.cost.currency, to_cents(p.cost.amount))
        for p in packages
        if p.cost is not None
    )
    cost = ", ".join(money(c, cur) for (_, cur), c in sorted(totals.items())) or "no cost given"
    return (
        f"{_count(len(packages), 'work package')} in {_count(len(model.phases), 'phase')}, "
        f"from {first} to {last}, and {_count(len(model.milestones), 'milestone')}. "
        f"Total cost: {cost}."
    )


def _phases(model: Model) -> list[str]:
    phases = sorted(model.phases, key=lambda p: (p.start, p.id))
    known = {p.id for p in phases}
    parts = ["## Phases"] if model.phases or model.work_packages else []
    for phase in phases:
        inside = [p for p in _by_start(model) if p.phase == phase.id]
        parts.append(
            f"### {md_cell(phase.id)}: {md_cell(phase.name)} ({phase.start} to {phase.end})"
        )
        parts.append(_bullets(inside) or "No work packages.")
    loose = [p for p in _by_start(model) if p.phase not in known]
    if loose:
        parts += ["### Without a phase", _bullets(loose)]
    return parts


def _bullets(packages: list[WorkPackage]) -> str:
    return "\n".join(
        f"- {md_cell(p.id)}: {md_cell(p.name)} ({p.start} to {p.end})" for p in packages
    )


def _package_row(package: WorkPackage) -> list[str]:
    cost = package.cost
    return [
        md_cell(package.id),
        md_cell(package.name),
        md_cell(package.phase or ""),
        md_cell(package.owner or ""),
        str(package.start),
        str(package.end),
        f"{duration_days(package):,}",
        md_cell(", ".join(package.depends_on)),
        md_cell(", ".join(package.delivers)),
        money(to_cents(cost.amount), cost.currency) if cost else "",
        _funding(package),
    ]


def _funding(package: WorkPackage) -> str:
    if package.cost is None:
        return ""
    percents = {s: Decimal(repr(p)) for s, p in package.cost.funding.items()}
    covered = sum(percents.values(), Decimal(0))
    lines = []
    for share in cost_by_source(package):
        percent = percents.get(share.key, 100 - covered)
        lines.append(
            f"{md_cell(share.key)} {_percent(percent)} %: {money(share.cents, share.currency)}"
        )
    if covered > 100:
        lines.append(f"(the shares add up to {_percent(covered)} %; scaled to the cost)")
    return "<br>".join(lines)


def _critical_section(model: Model, critical: CriticalPath) -> list[str]:
    intro = (
        "The critical path is the longest chain of work packages that depend on each other, "
        "measured by the sum of their durations (start and end day both counted; gaps and "
        "overlaps between the planned dates do not count). Slack is how many days longer a "
        "package could run before a chain through it became longer than the critical path."
    )
    if critical.cycle:
        cycle = ", ".join(md_cell(c) for c in critical.cycle)
        return [
            "## Critical path",
            intro,
            f"No critical path: work packages {cycle} depend on "
            "each other in a cycle (see the `roadmap-cycle` finding).",
        ]
    if not critical.packages:
        return ["## Critical path", intro, "No critical path: the roadmap has no work packages."]
    chain = [p for n in critical.packages if isinstance(p := model.get(n), WorkPackage)]
    summary = (
        f"**{' → '.join(md_cell(n) for n in critical.packages)}**: {critical.work_days:,} days "
        f"of work, planned from {critical.start} to {critical.end} ({critical.span_days:,} days)."
    )
    overlaps = [
        f"{md_cell(b.id)} starts {b.start}, before {md_cell(a.id)}, on which it depends, ends "
        f"{a.end} (see the `roadmap-order` finding)."
        for a, b in itertools.pairwise(chain)
        if b.start <= a.end
    ]
    rows = [
        [str(i), md_cell(p.id), md_cell(p.name), str(p.start), str(p.end), f"{duration_days(p):,}"]
        for i, p in enumerate(chain, start=1)
    ]
    slack = sorted(_by_start(model), key=lambda p: (critical.slack[p.id], p.id))
    slack_rows = [
        [md_cell(p.id), md_cell(p.name), f"{duration_days(p):,}", f"{critical.slack[p.id]:,}"]
        for p in slack
    ]
    return [
        "## Critical path",
        intro,
        summary,
        *overlaps,
        _table("Step | ID | Work package | Start | End | Days", rows),
        "### Slack",
        _table("ID | Work package | Days | Slack (days)", slack_rows),
    ]


def _work_end(model: Model, milestone: Milestone) -> dt.date | None:
    """When the last of the work packages a milestone waits for ends."""
    ends = [p.end for n in milestone.after if isinstance(p := model.get(n), WorkPackage)]
    return max(ends, default=None)


def _deadline_sections(context: RenderContext) -> list[str]:
    model = context.report.model
    rows = []
    for milestone in sorted(model.milestones, key=lambda m: (m.date, m.id)):
        legal = _legal_deadline(model, milestone)
        work_end = _work_end(model, milestone)
        rows.append(
            [
                md_cell(milestone.id),
                md_cell(milestone.name),
                str(milestone.date),
                md_cell(", ".join(str(p) for p in milestone.deadline_of)),
                str(legal) if legal else "",
                md_cell(", ".join(milestone.after)),
                str(work_end or ""),
                _milestone_status(model, milestone),
            ]
        )
    return [
        "## Milestones and deadlines",
        _table(MILESTONE_COLUMNS, rows) if rows else "The roadmap has no milestones.",
        "### Obligations with a deadline",
        *_obligation_deadlines(context),
    ]


def _legal_deadline(model: Model, milestone: Milestone) -> dt.date | None:
    """The earliest deadline of an obligation that the milestone's provisions trace."""
    dates = [
        o.deadline
        for o in model.obligations
        if o.deadline is not None and any(p.traces(o.provision) for p in milestone.deadline_of)
    ]
    return min(dates, default=None)


def _milestone_status(model: Model, milestone: Milestone) -> str:
    """On time, or late (and by how much) against its work and against its legal deadline."""
    work_ends, legal = _work_end(model, milestone), _legal_deadline(model, milestone)
    problems = []
    if work_ends is not None and work_ends > milestone.date:
        problems.append(f"late: its work ends {(work_ends - milestone.date).days:,} days after it")
    if legal is not None and milestone.date > legal:
        problems.append(f"late: {(milestone.date - legal).days:,} days after the legal deadline")
    if problems:
        return "; ".join(problems)
    return "on time" if work_ends or legal else "nothing to compare"


def _obligation_deadlines(context: RenderContext) -> list[str]:
    coverage = context.report.coverage
    if coverage is None:
        return ["Not checked: render from `archlex check` results to list them."]
    model = context.report.model
    rows = []
    for item in coverage.obligations:
        obligation = model.get(item.obligation)
        if not isinstance(obligation, Obligation) or obligation.deadline is None:
            continue
        packages = [p for n in item.work_packages if isinstance(p := model.get(n), WorkPackage)]
        rows.append(
            [
                md_cell(item.obligation),
                md_cell(item.provision),
                md_cell(obligation.summary),
                str(obligation.deadline),
                "<br>".join(f"{md_cell(p.id)} (ends {p.end})" for p in packages),
                _deadline_status(obligation.deadline, packages),
            ]
        )
    if not rows:
        return ["No applicable obligation has a deadline."]
    return [
        "Applicable obligations with a deadline, and the work packages that deliver them.",
        _table("Obligation | Provision | Summary | Deadline | Delivered by | Status", rows),
    ]


def _deadline_status(deadline: dt.date, packages: list[WorkPackage]) -> str:
    if not packages:
        return "not scheduled"
    last = max(p.end for p in packages)
    if last > deadline:
        return f"late: work ends {(last - deadline).days:,} days after the deadline"
    return "on time"


def _budget_sections(model: Model) -> list[str]:
    by_year = sum_shares(s for p in model.work_packages for s in cost_by_year(p))
    by_source = sum_shares(s for p in model.work_packages for s in cost_by_source(p))
    if not by_year:
        return ["## Budget", "No work package has a cost."]
    currencies = sorted({c for _, c in by_year})
    totals = {c: sum(v for (_, cur), v in by_year.items() if cur == c) for c in currencies}
    return [
        "## Budget",
        "### By year",
        "Each work package's cost is split over the calendar years it runs, pro rata by its "
        "days in each year (start and end day counted), to the cent.",
        _pivot("Year", by_year, currencies, totals, shares=False),
        "### By funding source",
        "Each work package's cost is split over its funding sources by their percentages; "
        f"what the percentages leave uncovered is listed as *{UNASSIGNED}*.",
        _pivot("Funding source", by_source, currencies, totals, shares=True),
    ]


def _pivot(
    head: str,
    cells: dict[tuple[str, str], int],
    currencies: list[str],
    totals: dict[str, int],
    shares: bool,
) -> str:
    """Keys down, currencies across (blank where a key has nothing), and a total per currency."""
    keys = sorted({k for k, _ in cells}, key=lambda k: (k == UNASSIGNED, k))
    rows = [
        [md_cell(k), *(_amount(cells, k, c, totals[c] if shares else 0) for c in currencies)]
        for k in keys
    ]
    rows.append(["**Total**", *(f"**{money(totals[c], c)}**" for c in currencies)])
    return _table(" | ".join([head, *currencies]), rows)


def _amount(cells: dict[tuple[str, str], int], key: str, currency: str, total: int) -> str:
    if (key, currency) not in cells:
        return ""
    cents = cells[(key, currency)]
    return money(cents, currency) + (f" ({100 * cents / total:.1f} %)" if total else "")


# --- Helpers -----------------------------------------------------------------------------


def _by_start(model: Model) -> list[WorkPackage]:
    return sorted(model.work_packages, key=lambda p: (p.start, p.id))


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _percent(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _table(head: str, rows: list[list[str]]) -> str:
    """A Markdown table: `head` is the header row's cells, separated by ` | `."""
    columns = head.count(" | ") + 1
    lines = [f"| {head} |", "|" + "|".join("---" for _ in range(columns)) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)
