"""The charts product: the numbers drawn are the numbers of `check` and of the roadmap, the
table beside each chart says the same, every segment is named in words, and the bytes are the
same for the same model."""

from __future__ import annotations

import itertools
import random
import re
import shutil
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest

from archlex.api import check_model
from archlex.i18n import translator
from archlex.outcome import Report
from archlex.render.charts import style
from archlex.render.charts.budget_grid import budget_grid, split_both
from archlex.render.charts.figures import Chart, all_charts
from archlex.render.charts.svg import axis_ticks, chart_svg
from archlex.render.charts.tables import chart_table
from archlex.render.output import render_products
from archlex.toolkit.money import cost_by_source, cost_by_year, sum_shares
from tests.conftest import WriteModel

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def rendered(example: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("charts") / "out"
    render_products(example, out, ["charts"])
    return out / "charts"


def _drawn(svg: str) -> dict[str, tuple[int, dict[str, int]]]:
    """Per bar (its key): the total it states and its segments' values by series."""
    root = ElementTree.fromstring(svg)
    bars = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "bar":
            continue
        segments = {
            s.attrib["data-series"]: int(s.attrib["data-value"])
            for s in group.iter(f"{SVG}g")
            if "data-series" in s.attrib
        }
        bars[group.attrib["data-bar"]] = (int(group.attrib["data-total"]), segments)
    return bars


def _texts(element: ElementTree.Element) -> list[str]:
    return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]


def test_the_coverage_chart_draws_the_coverage_of_check(example: Report, rendered: Path) -> None:
    assert example.coverage is not None
    expected = {
        regulation: (found.applicable, {s: c for s, c in found.states.items() if c})
        for regulation, found in example.coverage.by_regulation().items()
    }
    assert _drawn((rendered / "coverage.svg").read_text(encoding="utf-8")) == expected
    assert sum(t for t, _ in expected.values()) == example.coverage.overall().applicable


def test_the_findings_chart_counts_the_open_findings_by_rule(
    example: Report, rendered: Path
) -> None:
    counts = Counter((f.rule, f.severity.value) for f in example.active)
    drawn = _drawn((rendered / "findings.svg").read_text(encoding="utf-8"))
    assert {(r, s): v for r, (_, seg) in drawn.items() for s, v in seg.items()} == counts
    assert sum(t for t, _ in drawn.values()) == len(example.active)
    assert list(drawn) == sorted(drawn, key=lambda r: (-drawn[r][0], r))  # most first


def test_the_budget_chart_adds_up_to_the_roadmaps_totals(example: Report, rendered: Path) -> None:
    packages = example.model.work_packages
    by_year = sum_shares(s for p in packages for s in cost_by_year(p))
    by_source = sum_shares(s for p in packages for s in cost_by_source(p))
    drawn = _drawn((rendered / "budget.svg").read_text(encoding="utf-8"))
    assert {(y, "EUR"): total for y, (total, _) in drawn.items()} == by_year
    sources: Counter[tuple[str, str]] = Counter()
    for _, segments in drawn.values():
        sources.update({(s, "EUR"): v for s, v in segments.items()})
    assert dict(sources) == by_source
    # And the total written at each bar's end is that year's amount, to the cent.
    root = ElementTree.parse(rendered / "budget.svg").getroot()
    tr = translator(example.model.manifest.language)
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "bar":
            year = group.attrib["data-bar"]
            assert tr.money(by_year[(year, "EUR")], "EUR") in _texts(group)


def test_a_cost_split_both_ways_keeps_both_totals() -> None:
    chance = random.Random(15)
    for _ in range(300):
        total = chance.randrange(0, 10**9)
        rows = _parts(chance, total, chance.randrange(1, 6))
        columns = _parts(chance, total, chance.randrange(1, 6))
        cells = split_both(rows, columns)
        for key, cents in rows:
            assert sum(v for (r, _), v in cells.items() if r == key) == cents
        for key, cents in columns:
            assert sum(v for (_, c), v in cells.items() if c == key) == cents
        for (r, c), value in cells.items():
            exact = dict(rows)[r] * dict(columns)[c] / total
            assert abs(value - exact) < 1 + 1e-6


def _parts(chance: random.Random, total: int, count: int) -> list[tuple[str, int]]:
    cuts = sorted(chance.randrange(0, total + 1) for _ in range(count - 1))
    bounds = [0, *cuts, total]
    return [(f"k{i}", bounds[i + 1] - bounds[i]) for i in range(count)]


def test_the_grid_of_the_example_is_whole_cents(example: Report) -> None:
    grid = budget_grid(example.model.work_packages)
    assert grid and all(isinstance(v, int) and v > 0 for v in grid.values())


def _table_values(chart: Chart, language: str) -> dict[tuple[str, str], str]:
    """The table's cells by (bar label, series label), whichever way round it is."""
    head, rows = chart_table(chart, translator(language))
    bars = {b.label for b in chart.bars}
    cells = {}
    for row in rows[:-1]:
        for heading, cell in zip(head[1:-1], row[1:-1], strict=True):
            key = (row[0], heading) if row[0] in bars else (heading, row[0])
            cells[key] = cell
    return cells


@pytest.mark.parametrize("language", ["en", "lv"])
def test_each_table_says_what_its_chart_draws(example: Report, language: str) -> None:
    tr = translator(language)
    for chart in all_charts(example, tr):
        cells = _table_values(chart, language)
        drawn = _drawn(chart_svg(chart, tr))
        for bar in chart.bars:
            for series, value in zip(chart.series, bar.values, strict=True):
                expected = tr.number(value / 100, 2) if chart.currency else tr.number(value)
                assert cells[(bar.label, series.label)] == expected, (chart.name, bar, series)
                assert drawn[bar.key][1].get(series.key, 0) == value
            assert drawn[bar.key][0] == bar.total
        _, rows = chart_table(chart, tr)
        grand = sum(b.total for b in chart.bars)
        expected = tr.number(grand / 100, 2) if chart.currency else tr.number(grand)
        assert rows[-1][-1] == f"**{expected}**"


def test_every_segment_is_named_in_words_not_by_colour_alone(
    example: Report, rendered: Path
) -> None:
    """Inside its segment or in the line under its bar, each value is written after the name
    of its series; and the SVG is an image with a title and a description of every number."""
    tr = translator(example.model.manifest.language)
    for chart in all_charts(example, tr):
        root = ElementTree.parse(rendered / f"{chart.name}.svg").getroot()
        ident = f"chart-{chart.name}"
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == f"{ident}-title {ident}-desc"
        labels = {t.get("id"): "".join(t.itertext()) for t in root}
        assert labels[f"{ident}-title"] == chart.title
        groups = {g.get("data-bar"): g for g in root.iter(f"{SVG}g") if g.get("class") == "bar"}
        for bar in chart.bars:
            texts = _texts(groups[bar.key])
            for series, value in zip(chart.series, bar.values, strict=True):
                named = f"{series.label} {chart.short(tr, value)}"
                assert (named in texts) == bool(value), (chart.name, bar.key, named)
                assert f"{series.label} {chart.amount(tr, value)}" in labels[f"{ident}-desc"]


def test_the_same_model_gives_the_same_bytes(
    example: Report, rendered: Path, tmp_path: Path
) -> None:
    render_products(example, tmp_path / "again", ["charts"])
    again = tmp_path / "again" / "charts"
    names = sorted(p.name for p in rendered.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    expected = {"coverage.svg", "findings.svg", "budget.svg"}
    if shutil.which("rsvg-convert"):
        expected |= {"coverage.png", "findings.png", "budget.png"}
    assert set(names) == expected
    for name in names:
        assert (rendered / name).read_bytes() == (again / name).read_bytes(), name


def test_latvian_charts_write_latvian_amounts(example: Report) -> None:
    tr = translator("lv")
    [budget] = [c for c in all_charts(example, tr) if c.currency]
    svg = chart_svg(budget, tr)
    assert "Budžets pa gadiem un finansējuma avotiem (EUR)" in svg
    # `1 250 000,00 EUR`: thousands apart by a no-break space, a decimal comma, the ISO code.
    assert re.search(r">[0-9]{1,3}(\xa0[0-9]{3})+,[0-9]{2}\xa0EUR<", svg)
    assert "valsts budžets" in svg


@pytest.mark.parametrize(
    ("maximum", "most", "ticks"),
    [
        (0, 6, [0, 1]),
        (4, 6, [0, 1, 2, 3, 4]),
        (79, 6, [0, 20, 40, 60, 80]),
        (153, 6, [0, 50, 100, 150, 200]),
        (10_354_148.21, 5, [0, 2_500_000, 5_000_000, 7_500_000, 10_000_000, 12_500_000]),
        (10, 2, [0, 5, 10]),
    ],
)
def test_the_axis_has_round_ticks_past_the_longest_bar(
    maximum: float, most: int, ticks: list[int]
) -> None:
    assert axis_ticks(maximum, most) == ticks


PALETTES = {
    "coverage": list(style.COVERAGE.values()),
    "severity": list(style.SEVERITY.values()),
    "sources": [*style.SOURCES, style.UNASSIGNED],
}


@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_fills_stay_apart_in_greyscale_and_their_text_is_legible(palette: str) -> None:
    """Two fills with the same pattern (or none) differ in lightness by a tenth at least, and
    text on any fill has WCAG AA contrast (4.5:1)."""
    fills = PALETTES[palette]
    for one, other in itertools.combinations(fills, 2):
        if one.pattern == other.pattern:
            apart = abs(style.luminance(one.colour) - style.luminance(other.colour))
            assert apart >= 0.1, (one, other, apart)
    for fill in fills:
        assert style.contrast(fill.colour, fill.ink) >= 4.5, fill


HOSTILE_SOURCE = '<b>"x" & y</b> | [x](javascript:alert(1))'
TWO_CURRENCIES = f"""\
roadmap:
  work_packages:
    - id: WP-A
      name: A
      start: 2030-01-01
      end: 2030-06-30
      cost: {{amount: 1000.01, currency: EUR, funding: {{BMVI: 60, '{HOSTILE_SOURCE}': 30}}}}
    - id: WP-B
      name: B
      start: 2030-07-01
      end: 2031-03-31
      cost: {{amount: 999.99, currency: USD, funding: {{ISF: 100}}}}
"""


def test_model_text_in_a_chart_stays_text_and_each_currency_has_its_chart(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({"roadmap.yaml": TWO_CURRENCIES})
    report = check_model(root, root)
    render_products(report, tmp_path / "out", ["charts"])
    folder = tmp_path / "out" / "charts"
    assert {p.stem for p in folder.glob("*.svg")} >= {"budget-eur", "budget-usd"}
    assert not (folder / "budget.svg").exists()
    svg = ElementTree.parse(folder / "budget-eur.svg").getroot()  # well-formed XML
    texts = " ".join(_texts(svg))
    assert f"{HOSTILE_SOURCE} " in texts  # as typed, never markup
    assert "<b>" not in (folder / "budget-eur.svg").read_text(encoding="utf-8")
    assert _drawn((folder / "budget-eur.svg").read_text(encoding="utf-8")) == {
        "2030": (100001, {"BMVI": 60001, HOSTILE_SOURCE: 30000, "not assigned": 10000})
    }
    tr = translator("en")
    [eur] = [c for c in all_charts(report, tr) if c.currency == "EUR"]
    head, rows = chart_table(eur, tr)
    cells = " ".join([*head, *(c for row in rows for c in row)])
    assert "<b>" not in cells and "\\[x\\](javascript" in cells and "&#124;" in cells
    assert all(len(row) == len(head) for row in rows)


def test_a_model_without_costs_or_findings_draws_only_what_it_has(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({})
    report = check_model(root, root)
    names = [c.name for c in all_charts(report, translator("en"))]
    assert "budget" not in names
    assert ("findings" in names) == bool(report.active)
