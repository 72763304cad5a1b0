"""The site's roadmap page (archlex.site.pages_roadmap, gantt_svg): the product's roadmap.md
with its Gantt chart as the diagrams' interactive figure, each work package's and milestone's
row a link to its page; the product's own files unchanged."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from defusedxml import EntitiesForbidden

from archlex.api import check_model
from archlex.i18n import translator
from archlex.outcome import Report
from archlex.render.output import render_products
from archlex.site.diagram_svg import SVG
from archlex.site.gantt_svg import linked_gantt, row_entity
from archlex.site.links import SiteMap
from archlex.site.pages import product_page
from archlex.site.pages_roadmap import PREFIX
from tests.conftest import EXAMPLE, WriteModel
from tests.payload_model import IMG, SCRIPT, write_payload_model
from tests.safety import live_markup

AS_OF = dt.date(2026, 1, 1)
PAGE = "roadmap/index.md"
_FIGURE = re.compile(r'<figure class="archlex-diagram".*?</figure>', re.DOTALL)
_SVG = re.compile(r"<svg .*?</svg>", re.DOTALL)


def _docs(report: Report, root: Path) -> tuple[Path, frozenset[str]]:
    """The roadmap product written into a docs folder, and the files it wrote."""
    docs = root / "docs"
    render_products(report, docs, ["roadmap"])
    assets = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    return docs, assets


def _page(report: Report, docs: Path, assets: frozenset[str], with_docs: bool = True) -> str:
    markdown = (docs / "roadmap" / "roadmap.md").read_text(encoding="utf-8")
    site = SiteMap.build(report.model)
    tr = translator(report.model.manifest.language)
    folder = docs if with_docs else None
    return product_page("roadmap/roadmap.md", markdown, assets, site, tr, folder)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path, frozenset[str]]:
    report = check_model(EXAMPLE, EXAMPLE, today=AS_OF)
    docs, assets = _docs(report, tmp_path_factory.mktemp("roadmap-page"))
    return report, docs, assets


def test_the_chart_is_the_interactive_figure_with_its_zoom_toolbar(
    example: tuple[Report, Path, frozenset[str]],
) -> None:
    report, docs, assets = example
    page = _page(report, docs, assets)
    figures = _FIGURE.findall(page)
    assert len(figures) == 1
    figure = figures[0]
    assert "![" not in page  # the image is replaced; the download link stays
    assert "[gantt.svg](gantt.svg)" in page
    assert re.findall(r'data-zoom="(\w+)"', figure) == ["in", "out", "reset"]
    assert 'role="toolbar"' in figure and 'hidden=""' in figure  # shown by the script only
    assert figure.startswith(
        '<figure class="archlex-diagram" data-archlex-diagram="" data-archlex-zoom-from="corner">'
    )  # zoomed where the labels are
    # The chart inline at its own width at most, its ids prefixed and its labels following.
    assert f'<svg xmlns="{SVG}" id="{PREFIX}gantt"' in figure
    assert 'style="max-width:1500px"' in figure
    assert f'aria-labelledby="{PREFIX}gantt-title {PREFIX}gantt-desc"' in figure
    assert f'<title id="{PREFIX}gantt-title">' in figure
    assert 'role="img"' not in figure  # an image's links would be hidden from a screen reader
    assert f'fill="url(#{PREFIX}critical-hatch)"' in figure
    assert not re.search(r'id="(?!roadmap-gantt-)', figure.split("<svg", 1)[1])


def test_each_work_package_and_milestone_row_links_to_its_page(
    example: tuple[Report, Path, frozenset[str]],
) -> None:
    report, docs, assets = example
    figure = _FIGURE.findall(_page(report, docs, assets))[0]
    root = ET.fromstring(_SVG.findall(figure)[0])
    rows = {g.get("id", ""): g for g in root.iter(f"{{{SVG}}}g")}
    model = report.model
    for package in model.work_packages:
        link = rows[f"{PREFIX}wp-{package.id}"].find(f"{{{SVG}}}a")
        assert link is not None, package.id
        assert link.get("href") == f"../work-packages/{package.id}.html"
        title = link.find(f"{{{SVG}}}title")
        assert title is not None and (title.text or "").startswith(f"{package.id} {package.name}")
        drawn = [c.tag.split("}")[1] for c in link if not c.tag.endswith("title")]
        assert drawn[:2] == ["text", "text"] and "rect" in drawn  # id, name and bar
    for milestone in model.milestones:
        link = rows[f"{PREFIX}ms-{milestone.id}"].find(f"{{{SVG}}}a")
        assert link is not None and link.get("href") == f"../milestones/{milestone.id}.html"
    for phase in model.phases:  # no page of its own
        assert rows[f"{PREFIX}phase-{phase.id}"].find(f"{{{SVG}}}a") is None
    count = len(model.work_packages) + len(model.milestones)
    assert f"Skip the diagram&#x27;s {count} links" in figure


def test_the_products_own_files_stay_as_they_were(
    example: tuple[Report, Path, frozenset[str]],
) -> None:
    report, docs, assets = example
    before = {p: (docs / p).read_bytes() for p in assets}
    _page(report, docs, assets)
    assert {p: (docs / p).read_bytes() for p in assets} == before
    markdown = (docs / "roadmap" / "roadmap.md").read_text(encoding="utf-8")
    assert "![Gantt chart of the roadmap](gantt.svg)" in markdown
    assert "<a " not in (docs / "roadmap" / "gantt.svg").read_text(encoding="utf-8")


def test_the_page_is_the_same_every_time_and_an_image_without_the_docs_folder(
    example: tuple[Report, Path, frozenset[str]],
) -> None:
    report, docs, assets = example
    assert _page(report, docs, assets) == _page(report, docs, assets)
    plain = _page(report, docs, assets, with_docs=False)
    assert "![Gantt chart of the roadmap](gantt.svg)" in plain and "<figure" not in plain


def test_a_long_chart_is_shown_in_its_printed_parts_a_figure_each(
    write_model: WriteModel, tmp_path: Path
) -> None:
    """Forty packages: one figure of the whole would be fitted into the screen's height."""
    lines = ["roadmap:", "  work_packages:"]
    lines += [
        f"    - {{id: WP-{n:02d}, name: Work {n}, start: 2030-01-01, end: 2030-06-30}}"
        for n in range(40)
    ]
    model = write_model({"roadmap.yaml": "\n".join(lines) + "\n"})
    report = check_model(model, model, today=AS_OF)
    docs, assets = _docs(report, tmp_path)
    assert {"roadmap/gantt-1.svg", "roadmap/gantt-2.svg"} <= assets
    page = _page(report, docs, assets)
    figures = _FIGURE.findall(page)
    assert len(figures) == 2 and "![" not in page
    linked: list[str] = []
    for number, figure in enumerate(figures, 1):
        assert f'aria-label="Gantt chart, part {number} of 2"' in figure
        assert f'id="{PREFIX}{number}-gantt"' in figure
        linked += re.findall(r'href="\.\./work-packages/(WP-\d+)\.html"', figure)
    assert linked == [f"WP-{n:02d}" for n in range(40)]  # each row once, in order


def test_a_row_links_only_to_the_page_of_its_own_entity(write_model: WriteModel) -> None:
    """A work package whose id a system has too gets no page of its own: its row links
    nowhere rather than to the system's page."""
    model = write_model(
        {
            "m.yaml": "systems:\n  - {id: X, name: S, kind: national}\n"
            "roadmap:\n  work_packages:\n"
            "    - {id: X, name: W, start: 2030-01-01, end: 2030-02-01}\n"
            "    - {id: WP-2, name: V, start: 2030-01-01, end: 2030-02-01}\n"
            "  milestones:\n    - {id: MS-1, name: M, date: 2030-03-01}\n"
        }
    )
    site = SiteMap.build(check_model(model, model, today=AS_OF).model)
    assert site.kinds["X"] == "system"
    assert row_entity("wp-X", site) is None
    assert row_entity("wp-WP-2", site) == "WP-2"
    assert row_entity("ms-MS-1", site) == "MS-1"
    assert row_entity("ms-WP-2", site) is None
    assert row_entity("phase-PH-1", site) is None and row_entity("grid", site) is None


def test_hostile_names_stay_text_and_links_stay_the_sites_pages(tmp_path: Path) -> None:
    model = write_payload_model(tmp_path / "model")
    report = check_model(model, model, today=AS_OF)
    docs, assets = _docs(report, tmp_path)
    figure = _FIGURE.findall(_page(report, docs, assets))[0]
    problems, text = live_markup(figure)
    assert not problems, problems
    assert SCRIPT in text and IMG in text  # the work package's and milestone's names, as text
    links = re.findall(r'href="([^"]*)"', _SVG.findall(figure)[0])
    pages = ["../milestones/MS-1.html", "../work-packages/WP-1.html", "../work-packages/WP-2.html"]
    assert sorted(links) == pages


def test_linking_reads_the_chart_as_xml_only() -> None:
    """An entity declaration in the chart is refused (defusedxml), as in the diagrams."""
    svg = '<!DOCTYPE s [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'
    with pytest.raises(EntitiesForbidden):
        linked_gantt(svg, SiteMap(), PREFIX)


def test_the_page_is_headed_by_its_title_as_the_site_names_the_model(
    example: tuple[Report, Path, frozenset[str]],
) -> None:
    # The product's heading names the model ("Roadmap: Latvia - national ..."), which the
    # site's header shows on every page: on a phone the heading took six lines.
    report, docs, assets = example
    product = (docs / "roadmap" / "roadmap.md").read_text(encoding="utf-8")
    assert product.startswith("# Roadmap: Latvia")  # the product itself keeps it
    page = _page(report, docs, assets)
    headings = [line for line in page.splitlines() if line.startswith("# ")]
    assert headings == ["# Roadmap"]
