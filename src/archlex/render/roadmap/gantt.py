"""The roadmap as a Gantt chart, written directly as SVG, and as PNG when rsvg-convert is there.

One row per work package, grouped under its phase, on a month and quarter grid; packages on
the critical path are hatched and labelled in bold (not told by colour alone); milestones are
diamonds with their dates. Text widths are estimated, so long names are shortened with an
ellipsis and given in full in the element's tooltip (`<title>`).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from archlex.errors import ArchlexError
from archlex.graph.critical_path import CriticalPath, duration_days
from archlex.i18n import Translator, translator
from archlex.model import Milestone, Model, Phase, WorkPackage
from archlex.render.roadmap.svg_text import fit, n, svg_text, text_width, xml

FONT = "DejaVu Sans, sans-serif"
MARGIN = 20
LABEL_WIDTH = 444  # the id and name columns together; the id column takes what ids need
ID_WIDTH = (64, 160)  # least and most
CHART_X = MARGIN + LABEL_WIDTH + 16
CHART_WIDTH = 1000
WIDTH = CHART_X + CHART_WIDTH + MARGIN
TOP = 104  # where the first row starts, under the title and the year and quarter header
ROW = 22
BAR = 14
SIZE = 12  # font size of labels

BAR_FILL = "#4c78a8"
CRITICAL_FILL = "#e45756"
CRITICAL_STROKE = "#7a1f1f"
PHASE_FILL = "#9aa5b1"
PHASE_BAND = "#e8edf3"
STRIPE = "#f6f7f9"
LATE_FILL = "#d62728"
MILESTONE_FILL = "#333333"
TODAY_STROKE = "#b000b5"
HATCH_STROKE = f'stroke="{CRITICAL_STROKE}" stroke-width="1.5"'

# A row's group is named by its entity's id after one of these (the site links rows by them).
PHASE_GROUP, PACKAGE_GROUP, MILESTONE_GROUP = "phase-", "wp-", "ms-"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the chart: a phase or group heading, a work package or a milestone."""

    kind: str  # "phase", "group", "package" or "milestone"
    entity: Phase | WorkPackage | Milestone | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class Scale:
    """Where things go: days to x positions (from the first day of `first` to the day before
    `last`), and the width of the id column."""

    first: dt.date
    last: dt.date
    id_width: float

    def x(self, day: dt.date) -> float:
        """The left edge of a day."""
        return CHART_X + (day - self.first).days * CHART_WIDTH / (self.last - self.first).days


def gantt_svg(
    model: Model,
    critical: CriticalPath,
    late: Collection[str],
    today: dt.date | None,
    tr: Translator | None = None,
    part: tuple[list[Row], int, int] | None = None,
) -> str | None:
    """The chart as SVG text, or None when the roadmap has nothing with a date.

    `late` holds the milestones that are late (roadmap.md says why); `today` (from
    SOURCE_DATE_EPOCH, never the clock) draws a line when it falls inside the chart. `part`
    (rows, number, parts; gantt_print.py): a part of the chart, on the whole one's scale.
    """
    tr = tr or translator(model.manifest.language)
    rows = part[0] if part else chart_rows(model, tr)
    scale = _scale(model)
    if scale is None:
        return None
    bottom = TOP + len(rows) * ROW
    shows_today = today is not None and scale.first <= today < scale.last
    height = bottom + 64
    title = tr.gettext("Roadmap: {name}").format(name=model.manifest.name)
    if part:
        title = tr.gettext("{title} (part {part} of {parts})").format(
            title=title, part=part[1], parts=part[2]
        )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="gantt" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="{SIZE}" role="img" '
        'aria-labelledby="gantt-title gantt-desc">',
        f'<title id="gantt-title">{xml(title)}</title>',
        f'<desc id="gantt-desc">{xml(_description(model, critical, tr))}</desc>',
        _defs(),
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="30" font-size="18" font-weight="bold">'
        f"{xml(fit(title, WIDTH - 2 * MARGIN, 18, True))}</text>",
        f'<text x="{MARGIN}" y="50" fill="#555555">{xml(_subtitle(scale, tr))}</text>',
        *_bands(rows),
        *_grid(scale, bottom, tr),
        *_milestone_lines(rows, scale),
        _today(scale, today, bottom, tr) if shows_today and today is not None else "",
        *(_row(row, TOP + i * ROW, scale, critical, late, tr) for i, row in enumerate(rows)),
        *_legend(bottom + 30, shows_today, tr),
        "</svg>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def write_png(svg: Path, png: Path, zoom: float = 1.0) -> bool:
    """Convert the SVG with rsvg-convert (deterministic), `zoom` times its pixels; False when
    rsvg-convert is not installed."""
    program = shutil.which("rsvg-convert")
    if program is None:
        return False
    command = [program, "--format=png", f"--zoom={zoom:g}", f"--output={png}", str(svg)]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        raise ArchlexError(
            f"rsvg-convert could not convert {svg.name} to PNG: {error}",
            "check the rsvg-convert installation (Debian: librsvg2-bin), or uninstall it to "
            "skip the PNG",
        ) from error
    return True


def chart_rows(model: Model, tr: Translator) -> list[Row]:
    """Phases (by start) with their packages (by start), packages without a phase, milestones."""
    phases = sorted(model.phases, key=lambda p: (p.start, p.id))
    known = {p.id for p in phases}
    packages = sorted(model.work_packages, key=lambda p: (p.start, p.id))
    rows: list[Row] = []
    for phase in phases:
        rows.append(Row("phase", phase))
        rows += [Row("package", p) for p in packages if p.phase == phase.id]
    loose = [Row("package", p) for p in packages if p.phase not in known]
    if loose:
        rows += [Row("group", label=tr.gettext("Without a phase")), *loose]
    if model.milestones:
        rows.append(Row("group", label=tr.gettext("Milestones")))
        rows += [
            Row("milestone", m) for m in sorted(model.milestones, key=lambda m: (m.date, m.id))
        ]
    return rows


def _scale(model: Model) -> Scale | None:
    """Whole quarters around every date of the roadmap."""
    days = [d for e in (*model.phases, *model.work_packages) for d in (e.start, e.end)]
    days += [m.date for m in model.milestones]
    if not days:
        return None
    first, last = min(days), max(days) + dt.timedelta(days=1)
    start = dt.date(first.year, 3 * ((first.month - 1) // 3) + 1, 1)
    end = _quarter_after(last) if (last.month - 1) % 3 or last.day != 1 else last
    ids = [e.id for e in (*model.phases, *model.work_packages, *model.milestones)]
    widest = max(text_width(i, SIZE, True) + 10 for i in ids)
    return Scale(start, end, min(ID_WIDTH[1], max(ID_WIDTH[0], widest)))


def _quarter_after(day: dt.date) -> dt.date:
    month = 3 * ((day.month - 1) // 3) + 4
    return dt.date(day.year + 1, 1, 1) if month > 12 else dt.date(day.year, month, 1)


def _months(scale: Scale) -> Iterator[dt.date]:
    day = scale.first
    while day < scale.last:
        yield day
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _grid(scale: Scale, bottom: int, tr: Translator) -> Iterator[str]:
    """Month, quarter and year lines, with the years and quarters written above."""
    top = TOP - 38
    month_width = CHART_WIDTH / max(1, sum(1 for _ in _months(scale)))
    yield '<g id="grid">'
    for day in [*_months(scale), scale.last]:
        x = n(scale.x(day))
        if day.month == 1 or day == scale.first or day == scale.last:
            yield f'<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="#8a8a8a"/>'
        elif (day.month - 1) % 3 == 0:
            yield f'<line x1="{x}" y1="{TOP - 18}" x2="{x}" y2="{bottom}" stroke="#c8c8c8"/>'
        elif month_width >= 4:
            yield f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{bottom}" stroke="#ececec"/>'
        if day == scale.last:
            continue
        if day.month == 1 or day == scale.first:
            end = min(scale.last, dt.date(day.year + 1, 1, 1))
            middle = n((scale.x(day) + scale.x(end)) / 2)
            if scale.x(end) - scale.x(day) >= 40:
                yield svg_text(
                    middle, top + 14, str(day.year), ' text-anchor="middle" font-weight="bold"'
                )
        if (day.month - 1) % 3 == 0 and 3 * month_width >= 22:
            middle = n(scale.x(day) + 1.5 * month_width)
            quarter = (day.month - 1) // 3 + 1
            label = tr.gettext("Q{quarter}").format(quarter=quarter)
            yield svg_text(middle, TOP - 5, xml(label), ' text-anchor="middle" fill="#555555"')
    right = CHART_X + CHART_WIDTH
    yield f'<line x1="{CHART_X}" y1="{TOP}" x2="{right}" y2="{TOP}" stroke="#8a8a8a"/>'
    yield "</g>"


def _bands(rows: list[Row]) -> Iterator[str]:
    """A tinted band behind each heading, and light stripes behind every other package."""
    for index, row in enumerate(rows):
        y = TOP + index * ROW
        if row.kind in ("phase", "group"):
            fill = PHASE_BAND
        elif index % 2:
            fill = STRIPE
        else:
            continue
        width = WIDTH - MARGIN
        yield f'<rect x="{MARGIN // 2}" y="{y}" width="{width}" height="{ROW}" fill="{fill}"/>'


def _row(
    row: Row, y: int, scale: Scale, critical: CriticalPath, late: Collection[str], tr: Translator
) -> str:
    entity = row.entity
    if isinstance(entity, WorkPackage):
        return _package(entity, y, scale, entity.id in critical.packages, tr)
    if isinstance(entity, Milestone):
        return _milestone(entity, y, scale, entity.id in late, tr)
    if isinstance(entity, Phase):
        return _phase(entity, y, scale, tr)
    label = fit(row.label, LABEL_WIDTH, SIZE, True)
    return f'<text x="{MARGIN}" y="{y + 15}" font-weight="bold">{xml(label)}</text>'


def _labels(entity_id: str, name: str, y: int, bold: bool, scale: Scale) -> str:
    weight = ' font-weight="bold"' if bold else ""
    name = fit(name, LABEL_WIDTH - scale.id_width, SIZE, bold)
    return svg_text(
        MARGIN, y + 15, xml(fit(entity_id, scale.id_width - 8, SIZE, bold)), weight
    ) + svg_text(n(MARGIN + scale.id_width), y + 15, xml(name), weight)


def _phase(phase: Phase, y: int, scale: Scale, tr: Translator) -> str:
    x1, x2 = scale.x(phase.start), scale.x(phase.end + dt.timedelta(days=1))
    tip = f"{phase.id} {phase.name}: {_span(tr, phase.start, phase.end)}"
    return (
        f'<g id="{xml(PHASE_GROUP + phase.id)}"><title>{xml(tip)}</title>'
        f"{_labels(phase.id, phase.name, y, True, scale)}"
        f'<rect x="{n(x1)}" y="{y + 8}" width="{n(max(2.0, x2 - x1))}" height="6" '
        f'fill="{PHASE_FILL}"/></g>'
    )


def _package(package: WorkPackage, y: int, scale: Scale, is_critical: bool, tr: Translator) -> str:
    x1, x2 = scale.x(package.start), scale.x(package.end + dt.timedelta(days=1))
    box = f'x="{n(x1)}" y="{y + (ROW - BAR) // 2}" width="{n(max(2.0, x2 - x1))}" height="{BAR}"'
    days = duration_days(package)
    days_text = tr.ngettext("{n} day", "{n} days", days).format(n=tr.number(days))
    tip = f"{package.id} {package.name}: {_span(tr, package.start, package.end)}, {days_text}"
    if is_critical:
        tip += "; " + tr.gettext("on the critical path")
        bar = (
            f'<rect {box} fill="{CRITICAL_FILL}"/>'
            f'<rect {box} fill="url(#critical-hatch)" {HATCH_STROKE}/>'
        )
    else:
        bar = f'<rect {box} fill="{BAR_FILL}"/>'
    kind = "package critical" if is_critical else "package"
    return (
        f'<g id="{xml(PACKAGE_GROUP + package.id)}" class="{kind}"><title>{xml(tip)}</title>'
        f"{_labels(package.id, package.name, y, is_critical, scale)}{bar}</g>"
    )


def _milestone(milestone: Milestone, y: int, scale: Scale, is_late: bool, tr: Translator) -> str:
    x = scale.x(milestone.date) + CHART_WIDTH / (scale.last - scale.first).days / 2
    middle = y + ROW / 2
    label = tr.table_date(milestone.date)
    if is_late:
        label = tr.gettext("{date} (late)").format(date=label)
    tip = f"{milestone.id} {milestone.name}: {label}"
    halo = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"'
    if x > CHART_X + CHART_WIDTH - 110:
        text = svg_text(n(x - 11), y + 15, xml(label), f' text-anchor="end"{halo}')
    else:
        text = svg_text(n(x + 11), y + 15, xml(label), halo)
    kind = "milestone late" if is_late else "milestone"
    return (
        f'<g id="{xml(MILESTONE_GROUP + milestone.id)}" class="{kind}">'
        f"<title>{xml(tip)}</title>{_labels(milestone.id, milestone.name, y, False, scale)}"
        f"{_diamond(x, middle, LATE_FILL if is_late else MILESTONE_FILL)}{text}</g>"
    )


def _diamond(x: float, y: float, fill: str, size: float = 7) -> str:
    corners = ((x, y - size), (x + size, y), (x, y + size), (x - size, y))
    points = " ".join(f"{n(a)},{n(b)}" for a, b in corners)
    return f'<polygon points="{points}" fill="{fill}" stroke="#ffffff" stroke-width="1"/>'


def _milestone_lines(rows: list[Row], scale: Scale) -> Iterator[str]:
    """A dotted line from the top of the chart down to each milestone's diamond."""
    for index, row in enumerate(rows):
        if isinstance(row.entity, Milestone):
            x = n(scale.x(row.entity.date) + CHART_WIDTH / (scale.last - scale.first).days / 2)
            yield (
                f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{TOP + index * ROW + 4}" '
                'stroke="#777777" stroke-dasharray="2 3"/>'
            )


def _today(scale: Scale, today: dt.date, bottom: int, tr: Translator) -> str:
    x = n(scale.x(today))
    label = tr.gettext("today {date}").format(date=tr.table_date(today))
    return (
        f'<g id="today"><line x1="{x}" y1="{TOP - 18}" x2="{x}" y2="{bottom}" '
        f'stroke="{TODAY_STROKE}" stroke-width="2"/>'
        f'<text x="{x}" y="{bottom + 14}" text-anchor="middle" fill="{TODAY_STROKE}">'
        f"{xml(label)}</text></g>"
    )


def _legend(y: int, shows_today: bool, tr: Translator) -> Iterator[str]:
    box = f'y="{y}" width="28" height="{BAR}"'
    items = [
        (f'<rect x="{{x}}" {box} fill="{BAR_FILL}"/>', tr.gettext("Work package")),
        (
            f'<rect x="{{x}}" {box} fill="{CRITICAL_FILL}"/><rect x="{{x}}" {box} '
            f'fill="url(#critical-hatch)" {HATCH_STROKE}/>',
            tr.gettext("On the critical path (hatched, bold label)"),
        ),
        (
            f'<rect x="{{x}}" y="{y + 4}" width="28" height="6" fill="{PHASE_FILL}"/>',
            tr.gettext("Phase"),
        ),
        ("{diamond}", tr.gettext("Milestone")),
        (
            "{late}",
            tr.gettext("Late milestone (its work ends after it, or past a legal deadline)"),
        ),
    ]
    if shows_today:
        line = (
            f'<line x1="{{x14}}" y1="{y - 3}" x2="{{x14}}" y2="{y + BAR + 3}" '
            f'stroke="{TODAY_STROKE}" stroke-width="2"/>'
        )
        items.append((line, tr.gettext("Today")))
    yield '<g id="legend">'
    x = float(MARGIN)
    for symbol, text in items:
        yield symbol.format(
            x=n(x),
            x14=n(x + 14),
            diamond=_diamond(x + 14, y + BAR / 2, MILESTONE_FILL),
            late=_diamond(x + 14, y + BAR / 2, LATE_FILL),
        )
        yield f'<text x="{n(x + 36)}" y="{y + 11}">{xml(text)}</text>'
        x += 36 + text_width(text, SIZE) + 28
    yield "</g>"


def _defs() -> str:
    return (
        '<defs><pattern id="critical-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="none"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2.2"/></pattern></defs>'
    )


def _description(model: Model, critical: CriticalPath, tr: Translator) -> str:
    path = " -> ".join(critical.packages) or tr.gettext("none")
    text = tr.gettext(
        "Gantt chart of {packages} work packages in {phases} phases and {milestones} "
        "milestones; critical path: {path}."
    )
    return text.format(
        packages=tr.number(len(model.work_packages)),
        phases=tr.number(len(model.phases)),
        milestones=tr.number(len(model.milestones)),
        path=path,
    )


def _subtitle(scale: Scale, tr: Translator) -> str:
    last = scale.last - dt.timedelta(days=1)
    text = tr.gettext("Work packages by phase, {span}; bars run from start to end day.")
    return text.format(span=_span(tr, scale.first, last))


def _span(tr: Translator, start: dt.date, end: dt.date) -> str:
    return tr.gettext("{start} to {end}").format(start=tr.table_date(start), end=tr.table_date(end))
