"""What each chart shows, as numbers: coverage per regulation by state, open findings by rule
and severity, the budget by year and funding source; the SVG and the table beside it are both
written from these, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass

from archlex.check.coverage import CoverageState
from archlex.findings import Severity
from archlex.i18n import N_, Translator
from archlex.outcome import Report
from archlex.render.charts import style
from archlex.render.charts.budget_grid import budget_grid
from archlex.toolkit.labels import COVERAGE_STATES, FUNDING_SOURCES, SEVERITIES
from archlex.toolkit.money import UNASSIGNED


@dataclass(frozen=True, slots=True)
class Series:
    """One kind of segment (a coverage state, a severity, a funding source) and its look."""

    key: str
    label: str
    fill: style.Fill


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its key, its label and a value per series (counts, or cents for money)."""

    key: str
    label: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        """The whole bar."""
        return sum(self.values)


@dataclass(frozen=True, slots=True)
class Chart:
    """A stacked bar chart: `name` is its file stem, `currency` empty for counts."""

    name: str
    title: str
    head: str  # what the bars are, as a table's heading
    series_head: str  # what the series are
    axis: str
    series: tuple[Series, ...]
    bars: tuple[Bar, ...]
    currency: str = ""

    def amount(self, tr: Translator, value: int) -> str:
        """A value in full: a count, or an amount with cents and currency."""
        return tr.money(value, self.currency) if self.currency else tr.number(value)

    def short(self, tr: Translator, value: int) -> str:
        """A value on the chart: a count, or whole currency units (the axis names the currency)."""
        return tr.number((value + 50) // 100 if self.currency else value)

    def description(self, tr: Translator) -> str:
        """Every number of the chart in one paragraph, for the SVG's `<desc>`."""
        parts = []
        for bar in self.bars:
            values = ", ".join(
                f"{s.label} {self.amount(tr, v)}"
                for s, v in zip(self.series, bar.values, strict=True)
            )
            total = tr.pgettext("chart", "total {amount}").format(amount=self.amount(tr, bar.total))
            parts.append(f"{bar.label}: {values} ({total})")
        return f"{self.title}. " + "; ".join(parts) + "."


COVERAGE_TITLE = N_("Coverage of the applicable obligations per regulation")
FINDINGS_TITLE = N_("Open findings by rule")
BUDGET_TITLE = N_("Budget by year and funding source ({currency})")


def coverage_chart(report: Report, tr: Translator) -> Chart | None:
    """Obligations per regulation by coverage state; None when coverage was not computed."""
    if report.coverage is None or not report.coverage.obligations:
        return None
    series = tuple(
        Series(s.value, tr.label(COVERAGE_STATES, s.value), style.COVERAGE[s.value])
        for s in CoverageState
    )
    bars = tuple(
        Bar(regulation, regulation, tuple(found.states[s.key] for s in series))
        for regulation, found in report.coverage.by_regulation().items()
    )
    head, axis = tr.gettext("Regulation"), tr.gettext("Applicable obligations")
    kind = tr.gettext("Coverage state")
    return Chart("coverage", tr.gettext(COVERAGE_TITLE), head, kind, axis, series, bars)


def findings_chart(report: Report, tr: Translator) -> Chart | None:
    """Open (not waived) findings by rule, most first, split by severity; None when none."""
    counts: dict[str, dict[str, int]] = {}
    for finding in report.active:
        by_severity = counts.setdefault(finding.rule, {})
        by_severity[finding.severity.value] = by_severity.get(finding.severity.value, 0) + 1
    if not counts:
        return None
    used = [s.value for s in Severity if any(s.value in c for c in counts.values())]
    series = tuple(Series(s, tr.label(SEVERITIES, s), style.SEVERITY[s]) for s in used)
    bars = [Bar(rule, rule, tuple(found.get(s, 0) for s in used)) for rule, found in counts.items()]
    bars.sort(key=lambda b: (-b.total, b.key))
    head, axis, kind = tr.gettext("Rule"), tr.gettext("Open findings"), tr.gettext("Severity")
    return Chart("findings", tr.gettext(FINDINGS_TITLE), head, kind, axis, series, tuple(bars))


def budget_charts(report: Report, tr: Translator) -> list[Chart]:
    """One chart per currency: the cost of the work packages by year, split by funding source
    (what no source covers last); named `budget`, or `budget-<currency>` when there are several."""
    grid = budget_grid(report.model.work_packages)
    currencies = sorted({c for _, _, c in grid})
    charts = []
    for currency in currencies:
        cells = {(y, s): v for (y, s, c), v in grid.items() if c == currency}
        sources = sorted({s for _, s in cells}, key=lambda s: (s == UNASSIGNED, s))
        series = tuple(
            Series(s, tr.label(FUNDING_SOURCES, s), _source_fill(i, s))
            for i, s in enumerate(sources)
        )
        years = sorted({y for y, _ in cells})
        bars = tuple(Bar(y, y, tuple(cells.get((y, s), 0) for s in sources)) for y in years)
        name = "budget" if len(currencies) == 1 else f"budget-{currency.lower()}"
        title = tr.gettext(BUDGET_TITLE).format(currency=currency)
        axis = tr.gettext("Amount ({currency})").format(currency=currency)
        head, kind = tr.gettext("Year"), tr.gettext("Funding source")
        charts.append(Chart(name, title, head, kind, axis, series, bars, currency))
    return charts


def _source_fill(index: int, source: str) -> style.Fill:
    if source == UNASSIGNED:
        return style.UNASSIGNED
    return style.source_fill(index)


def all_charts(report: Report, tr: Translator) -> list[Chart]:
    """Every chart the model has numbers for, in the order they are shown."""
    found = [coverage_chart(report, tr), findings_chart(report, tr)]
    return [c for c in found if c is not None] + budget_charts(report, tr)
