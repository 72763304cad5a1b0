"""The roadmap product: roadmap.md and the Gantt chart, from the example and from small models."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.graph import build_graph
from archlex.graph.critical_path import critical_path
from archlex.model import WorkPackage
from archlex.outcome import Report
from archlex.render.concept.docx_layout import plan_figure, read_drawing
from archlex.render.output import render_products
from archlex.render.roadmap.gantt import ROW, Row
from archlex.render.roadmap.gantt_print import print_parts
from archlex.toolkit.escape import md_cell
from archlex.toolkit.money import cost_by_source, cost_by_year, money, split, to_cents
from tests.conftest import WriteModel

SVG = "{http://www.w3.org/2000/svg}"
AMOUNT = re.compile(r"([\d\u00a0]+\.\d\d)\u00a0([A-Z]{3})")
HOSTILE = "<script>alert(1)</script> | x"
HOSTILE_MODEL = """\
roadmap:
  phases:
    - {id: PH-1, name: "Phase <b>one</b>", start: 2030-01-01, end: 2030-12-31}
  work_packages:
    - id: WP-A
      name: "<script>alert(1)</script> | x"
      phase: PH-1
      start: 2030-01-01
      end: 2030-06-30
      cost:
        {amount: 1000.01, currency: EUR, funding: {BMVI: 33.3, "[x](javascript:alert(1))": 33.3}}
    - id: WP-B
      name: Second
      phase: PH-1
      start: 2030-07-01
      end: 2031-03-31
      depends_on: [WP-A]
      cost: {amount: 999.99, currency: USD, funding: {ISF: 100}}
  milestones:
    - {id: MS-1, name: "Ready & <done>", date: 2030-05-01, after: [WP-A]}
"""


@pytest.fixture(scope="module")
def rendered(example: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("roadmap") / "out"
    render_products(example, out, ["roadmap"])
    return out / "roadmap"


def cents(text: str) -> int:
    return int(text.replace("\u00a0", "").replace(".", ""))


def section(markdown: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = markdown.index(f"\n{heading}\n") + len(heading) + 2
    ends = [m.start() for m in re.finditer(r"\n(#+) ", markdown[start:]) if len(m[1]) <= len(level)]
    return markdown[start : start + ends[0]] if ends else markdown[start:]


def table(text: str) -> list[list[str]]:
    """The rows (without the header) of the first Markdown table in the text."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = itertools.takewhile(lambda line: line.startswith("|"), lines[first + 2 :])
    return [[c.strip() for c in line.strip("|").split("|")] for line in rows]


def packages_in_svg(svg: Path) -> dict[str, ET.Element]:
    root = ET.parse(svg).getroot()
    return {
        g.attrib["id"].removeprefix("wp-"): g
        for g in root.iter(f"{SVG}g")
        if g.attrib.get("id", "").startswith("wp-")
    }


def test_every_work_package_is_in_the_markdown_and_the_chart(
    example: Report, rendered: Path
) -> None:
    markdown = (rendered / "roadmap.md").read_text(encoding="utf-8")
    rows = table(section(markdown, "## Work packages"))
    assert [r[0] for r in rows] == sorted(
        (p.id for p in example.model.work_packages),
        key=lambda i: (next(p.start for p in example.model.work_packages if p.id == i), i),
    )
    in_chart = packages_in_svg(rendered / "gantt.svg")
    assert sorted(in_chart) == sorted(p.id for p in example.model.work_packages)
    for package in example.model.work_packages:
        assert f"| {package.id} | {md_cell(package.name)} |" in markdown
        title = in_chart[package.id].find(f"{SVG}title")
        assert title is not None and title.text is not None
        assert title.text.startswith(f"{package.id} {package.name}: {package.start} to")


def test_the_critical_path_in_the_markdown_is_the_computed_one(
    example: Report, rendered: Path
) -> None:
    computed = critical_path(build_graph(example.model))
    assert computed.packages == ("WP-03", "WP-06", "WP-13", "WP-14", "WP-18")
    markdown = (rendered / "roadmap.md").read_text(encoding="utf-8")
    text = section(markdown, "## Critical path")
    assert [r[1] for r in table(text)] == list(computed.packages)
    assert f"**{' → '.join(computed.packages)}**: 1\u00a0404 days of work" in text
    assert "from 2025-03-03 to 2028-06-30 (1\u00a0216 days)" in text
    assert "WP-14 starts 2027-04-05, before WP-13" in text
    slack = {r[0]: int(r[3].replace("\u00a0", "")) for r in table(section(markdown, "### Slack"))}
    assert slack == computed.slack
    chart = packages_in_svg(rendered / "gantt.svg")
    assert sorted(i for i, g in chart.items() if "critical" in g.attrib["class"]) == sorted(
        computed.packages
    )


def test_the_budget_adds_up(example: Report, rendered: Path) -> None:
    markdown = (rendered / "roadmap.md").read_text(encoding="utf-8")
    costs = [p.cost for p in example.model.work_packages if p.cost is not None]
    total = sum(to_cents(c.amount) for c in costs)
    assert total == 26_380_000_00
    years = table(section(markdown, "### By year"))
    assert [r[0] for r in years] == ["2025", "2026", "2027", "2028", "**Total**"]
    assert sum(cents(AMOUNT.findall(r[1])[0][0]) for r in years[:-1]) == total
    assert years[-1][1] == f"**{money(total, 'EUR')}**"
    sources = table(section(markdown, "### By funding source"))
    assert [r[0] for r in sources] == ["AMIF", "BMVI", "ISF", "state budget", "**Total**"]
    assert sum(cents(AMOUNT.findall(r[1])[0][0]) for r in sources[:-1]) == total
    for row in table(section(markdown, "## Work packages")):
        cost, funding = row[9], row[10]
        assert sum(cents(a) for a, _ in AMOUNT.findall(funding)) == cents(
            AMOUNT.findall(cost)[0][0]
        )
    assert "| WP-05 |" in markdown and "ISF 25 %: 575\u00a0000.00\u00a0EUR" in markdown


def test_milestones_and_deadlines(rendered: Path) -> None:
    markdown = (rendered / "roadmap.md").read_text(encoding="utf-8")
    milestones = table(section(markdown, "## Milestones and deadlines"))
    ms04 = next(r for r in milestones if r[0] == "MS-04")
    assert ms04[2:] == [
        "2027-05-03",
        "2019/817 Art 72(1), 2019/818 Art 68(1)",
        "2026-06-12",
        "WP-06, WP-07, WP-08",
        "2027-04-30",
        # The ESP started on the day Implementing Decision (EU) 2026/1155 set.
        "late: 325 days after the legal deadline",
    ]
    deadlines = table(section(markdown, "### Obligations with a deadline"))
    assert [r[0] for r in deadlines] == [
        "eu.817-7-2",
        "eu.817-16-2",
        "eu.817-16-3",
        "eu.818-7-2",
        "eu.818-16-2",
        "eu.818-16-3",
    ]
    assert deadlines[0][3].startswith("2028-06-12 (2 years after eu.ESP starts operations")
    assert deadlines[0][5] == "on time"
    assert deadlines[1][3].startswith("2025-05-19 (eu.sBMS starts operations on 2025-05-19")
    assert deadlines[1][4:] == [
        "WP-04 (ends 2025-12-19)<br>WP-06 (ends 2026-12-18)",
        "late: work ends 578 days after the deadline",
    ]


def test_rendering_twice_gives_identical_bytes(example: Report, tmp_path: Path) -> None:
    render_products(example, tmp_path / "one", ["roadmap"])
    render_products(example, tmp_path / "two", ["roadmap"])
    names = sorted(p.name for p in (tmp_path / "one" / "roadmap").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two" / "roadmap").iterdir())
    assert {"roadmap.md", "gantt.svg"} <= set(names)
    for name in names:
        one = (tmp_path / "one" / "roadmap" / name).read_bytes()
        assert one == (tmp_path / "two" / "roadmap" / name).read_bytes(), name


@pytest.mark.skipif(
    shutil.which("rsvg-convert") is None,
    reason="rsvg-convert (Debian: librsvg2-bin) is not installed; the renderer then skips the PNG",
)
def test_the_png_is_written_with_rsvg_convert(rendered: Path) -> None:
    assert (rendered / "gantt.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_chart_is_self_contained(rendered: Path) -> None:
    svg = (rendered / "gantt.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    assert root.attrib["font-family"] == "DejaVu Sans, sans-serif"
    assert "<script" not in svg and "href" not in svg.replace("url(#critical-hatch)", "")
    assert "@font-face" not in svg and "http://" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    ids = [e.attrib["id"] for e in root.iter() if "id" in e.attrib]
    assert len(ids) == len(set(ids))
    assert 'id="today"' not in svg, "no today line without SOURCE_DATE_EPOCH"


def test_source_date_epoch_draws_the_today_line(
    example: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 3, 1, tzinfo=dt.UTC).timestamp()))
    )
    render_products(example, tmp_path / "out", ["roadmap"])
    svg = (tmp_path / "out" / "roadmap" / "gantt.svg").read_text(encoding="utf-8")
    assert '<g id="today">' in svg and "today 2026-03-01" in svg


def test_model_text_is_escaped_and_several_currencies_add_up(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({"roadmap.yaml": HOSTILE_MODEL})
    report = check_model(root, root)
    render_products(report, tmp_path / "out", ["roadmap"])
    markdown = (tmp_path / "out" / "roadmap" / "roadmap.md").read_text(encoding="utf-8")
    svg_path = tmp_path / "out" / "roadmap" / "gantt.svg"
    svg = svg_path.read_text(encoding="utf-8")
    for text in (markdown, svg):
        assert "<script" not in text and "<b>" not in text and "<done>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#124; x" in markdown
    assert "[x](" not in markdown and "\\[x\\](javascript" in markdown
    for line in section(markdown, "## Work packages").splitlines():
        if line.startswith("| WP-"):
            assert line.count("|") == 12, line  # every cell stays in its column
    title = packages_in_svg(svg_path)["WP-A"].find(f"{SVG}title")
    assert title is not None and title.text is not None and title.text.startswith(f"WP-A {HOSTILE}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | x" in svg
    # 33.3 % + 33.3 % leave 33.4 % not assigned; each currency has its own total
    assert "not assigned 33.4 %: 334.01\u00a0EUR" in markdown
    years = table(section(markdown, "### By year"))
    assert years[-1] == ["**Total**", "**1\u00a0000.01\u00a0EUR**", "**999.99\u00a0USD**"]
    # the milestone comes before the work it waits for ends
    status = table(section(markdown, "## Milestones and deadlines"))[0][-1]
    assert status == "late: its work ends 60 days after it"
    assert 'class="milestone late"' in svg and "2030-05-01 (late)" in svg


def test_a_cycle_renders_without_a_critical_path(write_model: WriteModel, tmp_path: Path) -> None:
    cyclic = HOSTILE_MODEL.replace(
        "      phase: PH-1\n      start: 2030-01-01",
        "      phase: PH-1\n      depends_on: [WP-B]\n      start: 2030-01-01",
    )
    root = write_model({"roadmap.yaml": cyclic})
    report = check_model(root, root)
    assert any(f.rule == "roadmap-cycle" for f in report.findings)
    render_products(report, tmp_path / "out", ["roadmap"])
    markdown = (tmp_path / "out" / "roadmap" / "roadmap.md").read_text(encoding="utf-8")
    assert "No critical path: work packages WP-A, WP-B depend on each other in a cycle" in markdown
    chart = packages_in_svg(tmp_path / "out" / "roadmap" / "gantt.svg")
    assert sorted(chart) == ["WP-A", "WP-B"]
    assert all("critical" not in g.attrib["class"] for g in chart.values())


def test_sixty_packages_get_a_row_each(write_model: WriteModel, tmp_path: Path) -> None:
    lines = ["roadmap:", "  phases:"]
    lines += [
        f"    - {{id: PH-{y}, name: Year {y}, start: {y}-01-01, end: {y}-12-31}}"
        for y in (2030, 2031, 2032)
    ]
    lines.append("  work_packages:")
    for n in range(60):
        start = dt.date(2030, 1, 1) + dt.timedelta(days=18 * n)
        name = f"Work package number {n} with a name too long for the label column of the chart"
        depends = f", depends_on: [WP-{n - 1:02d}]" if n % 3 else ""
        lines.append(
            f"    - {{id: WP-{n:02d}, name: {name}, phase: PH-{start.year}, start: {start}, "
            f"end: {start + dt.timedelta(days=40)}{depends}}}"
        )
    root = write_model({"roadmap.yaml": "\n".join(lines) + "\n"})
    render_products(check_model(root, root), tmp_path / "out", ["roadmap"])
    svg = tmp_path / "out" / "roadmap" / "gantt.svg"
    chart = packages_in_svg(svg)
    assert len(chart) == 60
    label_y = sorted(float(g.findall(f"{SVG}text")[0].attrib["y"]) for g in chart.values())
    assert all(b - a >= ROW for a, b in itertools.pairwise(label_y))
    names = [g.findall(f"{SVG}text")[1].text or "" for g in chart.values()]
    assert all(n.endswith("…") for n in names)
    height = float(ET.parse(svg).getroot().attrib["height"])
    assert height >= 60 * ROW
    _printed_in_readable_parts(tmp_path / "out" / "roadmap", list(chart))


def _printed_in_readable_parts(folder: Path, packages: list[str]) -> None:
    """A chart too long for a page is printed in parts (no whole PNG): each on a page where
    its labels print at 7 pt or more, every package in exactly one of them, in order."""
    assert not (folder / "gantt.png").exists()
    parts = sorted(folder.glob("gantt-*.svg"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(parts) >= 2
    seen: list[str] = []
    for number, part in enumerate(parts, 1):
        assert part.name == f"gantt-{number}.svg"
        drawing = read_drawing(part)
        assert drawing is not None
        plan = plan_figure(drawing, "A4")
        assert plan.smallest_text(drawing) >= 7.0 and plan.page.paper == "A3", part.name
        root = ET.parse(part).getroot()
        assert f"(part {number} of {len(parts)})" in (root.findtext(f"{SVG}title") or "")
        seen += packages_in_svg(part)
        if shutil.which("rsvg-convert"):
            assert part.with_suffix(".png").is_file()
    assert seen == packages  # the whole chart's rows, in its order


def _rows(blocks: list[int]) -> list[Row]:
    rows: list[Row] = []
    for size in blocks:
        rows += [Row("group", label=f"G{len(rows)}"), *(Row("package") for _ in range(size))]
    return rows


def test_the_printed_parts_keep_a_phase_together_and_repeat_its_heading() -> None:
    assert print_parts(_rows([5, 5]), most=34) == [_rows([5, 5])]  # fits: printed whole
    parts = print_parts(_rows([10, 20, 8, 40]), most=34)
    assert [len(p) for p in parts] == [32, 9, 34, 8]  # 32 + 9 > 34: the third starts a part
    assert [p[0].kind for p in parts] == ["group"] * 4
    assert parts[3][0] == parts[2][0]  # the fourth goes on under its heading again
    assert sum(len(p) for p in parts) == len(_rows([10, 20, 8, 40])) + 1


def test_costs_split_to_the_cent() -> None:
    thirds = [("a", Decimal(1)), ("b", Decimal(1)), ("c", Decimal(1))]
    assert split(100, thirds) == [("a", 34), ("b", 33), ("c", 33)]
    assert money(123456789, "EUR") == "1\u00a0234\u00a0567.89\u00a0EUR"
    assert money(-5, "EUR") == "-0.05\u00a0EUR"
    assert to_cents(0.1 + 0.2) == 30
    package = WorkPackage.model_validate(
        {
            "id": "WP-X",
            "name": "x",
            "start": "2030-12-31",
            "end": "2031-01-02",
            "cost": {"amount": 100, "funding": {"A": 50, "B": 60}},
        }
    )
    assert [(s.key, s.cents) for s in cost_by_year(package)] == [("2030", 3333), ("2031", 6667)]
    assert [(s.key, s.cents) for s in cost_by_source(package)] == [("A", 4545), ("B", 5455)]
