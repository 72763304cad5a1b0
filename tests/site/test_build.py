"""`archlex build`: the concept site, built for real with mkdocs-material (no mocks)."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from defusedxml import EntitiesForbidden
from defusedxml.ElementTree import fromstring as defused_fromstring

from archlex.api import check_model
from archlex.errors import ArchlexError
from archlex.i18n import translator
from archlex.outcome import Report
from archlex.render.charts.figures import all_charts
from archlex.render.concept.product import (
    DOCX_LATER,
    DOCX_SETTING,
    docx_writer_of,
    render_concept,
)
from archlex.render.concept.technical_values import technical_tables
from archlex.render.diagrams.product import PNG_DOCUMENTS, PNG_SETTING
from archlex.render.registry import RenderContext
from archlex.site.build import CONCEPT_DOCX, build_site
from archlex.site.context import SiteContext
from archlex.site.diagram_svg import interactive_svg, parse_svg
from archlex.site.links import SiteMap, slug
from archlex.site.pages import site_pages
from tests.conftest import EXAMPLE

AS_OF = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def example() -> Report:
    return check_model(EXAMPLE, EXAMPLE, today=AS_OF)


@pytest.fixture(scope="module")
def built(example: Report, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example's site and its kept mkdocs project, built once for the module."""
    root = tmp_path_factory.mktemp("example")
    build_site(example, root / "site", AS_OF, root / "project")
    return root / "site", root / "project"


def html_page(site: Path, markdown_path: str) -> Path:
    return site / markdown_path.replace(".md", ".html")


def cells(html: str) -> list[list[str]]:
    """The text of every table row's cells."""
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.DOTALL)
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r)]
        for r in rows
    ]


def test_home_shows_the_coverage_check_computed(example: Report, built: tuple[Path, Path]) -> None:
    assert example.coverage is not None
    rows = cells((built[0] / "index.html").read_text(encoding="utf-8"))
    figures = {**example.coverage.by_regulation(), "Overall": example.coverage.overall()}
    assert set(figures) >= {"2019/817", "2019/818"}
    for label, found in figures.items():
        expected = [label, str(found.applicable), *map(str, found.states.values())]
        assert [*expected, f"{found.percent} %"] in rows


def test_home_shows_the_charts_beside_tables_of_their_numbers(
    example: Report, built: tuple[Path, Path]
) -> None:
    """Each chart is an image with its title as text alternative, its SVG is in the site, and
    a table on the page (for coverage, the coverage table) has the numbers it draws."""
    page = html.unescape((built[0] / "index.html").read_text(encoding="utf-8"))
    rows = {r[0]: r for r in cells(page) if r}
    tr = translator(example.model.manifest.language)
    charts = all_charts(example, tr)
    assert [c.name for c in charts] == ["coverage", "findings", "budget"]
    for chart in charts:
        assert f'<img alt="{chart.title}" src="charts/{chart.name}.svg"' in page, chart.name
        assert (built[0] / "charts" / f"{chart.name}.svg").is_file()

        def full(value: int, currency: str = chart.currency) -> str:
            return tr.number(Decimal(value) / 100, 2) if currency else tr.number(value)

        for bar in chart.bars:
            row = rows[bar.label]
            if chart.name == "coverage":  # label, applicable, the states, traced %
                assert row[1:-1] == [full(bar.total), *map(full, bar.values)], row
            else:
                assert row == [bar.label, *map(full, bar.values), full(bar.total)], row


def test_a_page_per_system_article_requirement_and_work_package(
    example: Report, built: tuple[Path, Path]
) -> None:
    site_map = SiteMap.build(example.model)
    model = example.model
    ids = [e.id for e in [*model.systems, *model.requirements, *model.work_packages]]
    for entity_id in ids:
        assert html_page(built[0], site_map.pages[entity_id]).is_file(), entity_id
    regulations = {r for r, _ in site_map.articles}
    assert regulations == {"2019/817", "2019/818"}
    for (regulation, number), path in site_map.articles.items():
        page = html_page(built[0], path).read_text(encoding="utf-8")
        assert f"{regulation} Art {number}" in page
    article_20 = html_page(built[0], site_map.articles[("2019/817", "20")])
    assert 'href="http://data.europa.eu/eli/reg/2019/817/art_20/oj"' in article_20.read_text()


def test_a_system_page_shows_the_named_views_that_show_it(
    example: Report, built: tuple[Path, Path]
) -> None:
    site_map = SiteMap.build(example.model)
    rkis = html_page(built[0], site_map.pages["RKIS"]).read_text(encoding="utf-8")
    assert "Border control at the border crossing point" in rkis
    assert "diagrams/view-border-bcp.svg" in rkis
    assert "view-law-enforcement.svg" not in rkis  # the border system is not in that view
    pis = html_page(built[0], site_map.pages["PIS"]).read_text(encoding="utf-8")
    assert "diagrams/view-law-enforcement.svg" in pis
    assert (built[0] / "diagrams" / "view-law-enforcement.svg").is_file()


class Links(HTMLParser):
    """Every href/src of a page, by tag."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.found.append((tag, name, value))


def links_of(page: Path) -> list[tuple[str, str, str]]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_every_id_on_a_system_page_links_to_an_existing_page(
    example: Report, built: tuple[Path, Path]
) -> None:
    site, _ = built
    site_map = SiteMap.build(example.model)
    for system in example.model.systems:
        page = html_page(site, site_map.pages[system.id])
        targets = {
            (page.parent / href.split("#")[0]).resolve()
            for tag, _, href in links_of(page)
            if tag == "a" and not re.match(r"^[a-z]+:|^#", href)
        }
        assert all(t.exists() for t in targets), [t for t in targets if not t.exists()]
        parts = {system.id, *(c.id for c in system.components)}
        related = [f.id for f in example.model.flows if parts & {f.from_, f.to}]
        related += [r.id for r in example.model.requirements if parts & set(r.allocated_to)]
        for entity_id in related:
            assert html_page(site, site_map.pages[entity_id]).resolve() in targets, entity_id


EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)
RESOURCE_TAGS = {"script", "link", "img", "iframe", "source", "video", "audio", "embed", "object"}


def test_nothing_is_loaded_from_the_network(built: tuple[Path, Path]) -> None:
    site, _ = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 400
    for page in pages:
        for tag, _attribute, value in links_of(page):
            assert not (tag in RESOURCE_TAGS and EXTERNAL.match(value)), (page, tag, value)
    for sheet in sorted(site.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", text), sheet
    assert not (site / "sitemap.xml.gz").exists()  # not reproducible, and useless offline
    assert (site / "search" / "search_index.js").exists() or (
        site / "search" / "search_index.json"
    ).exists()


def test_the_pages_written_are_the_pages_the_model_gives(
    example: Report, built: tuple[Path, Path]
) -> None:
    """Deterministic: a second run over the same model gives the same Markdown."""
    docs = built[1] / "docs"
    assets = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    again = site_pages(check_model(EXAMPLE, EXAMPLE, today=AS_OF), AS_OF, assets, docs)
    for path, text in again.items():
        assert (docs / path).read_text(encoding="utf-8") == text, path


def test_a_folder_of_someone_elses_files_is_not_replaced(example: Report, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(ArchlexError, match="did not write"):
        build_site(example, out, AS_OF)
    assert (out / "notes.txt").read_text() == "mine"


def test_an_entitys_own_tags_group_it_on_the_tags_page(
    example: Report, built: tuple[Path, Path]
) -> None:
    site, _ = built
    tagged = [o for o in example.model.organisations if "steering-group" in o.tags]
    assert tagged
    tags_page = (site / "tags.html").read_text(encoding="utf-8")
    section = tags_page.split('id="tag:steering-group"', 1)[1].split("<h2", 1)[0]
    for organisation in tagged:
        assert f"{organisation.id}.html" in section, organisation.id


def test_ids_in_the_products_tables_link_to_their_pages(
    example: Report, built: tuple[Path, Path]
) -> None:
    site, _ = built
    matrix = (site / "matrix" / "index.html").read_text(encoding="utf-8")
    requirement = next(r for r in example.model.requirements if r.satisfies)
    assert f'href="../requirements/{slug(requirement.id)}.html"' in matrix
    assert 'href="../articles/' in matrix  # provisions link to their articles
    roadmap = (site / "roadmap" / "index.html").read_text(encoding="utf-8")
    package = example.model.work_packages[0]
    assert f'href="../work-packages/{slug(package.id)}.html"' in roadmap


def test_a_data_page_gives_its_data_architecture(example: Report, built: tuple[Path, Path]) -> None:
    site_map = SiteMap.build(example.model)
    page = html_page(built[0], site_map.pages["fingerprints"])
    html = page.read_text(encoding="utf-8")
    for label in ("Controller", "Processor", "Master copy", "Retention set by", "Also held by"):
        assert f"<strong>{label}:</strong>" in html, label
    assert re.search(r'<a href="[^"]*BDAS[^"]*">BDAS</a>', html)  # the master, a link
    assert [
        "Fingerprint set",
        "finger positions, images, capture device, capture date, quality score",
    ] in cells(html)
    index = html_page(built[0], "data/index.md").read_text(encoding="utf-8")
    row = next(r for r in cells(index) if r and r[0] == "fingerprints")
    assert row[4:6] == ["VRS, PMLP, VP", "BDAS"]


def test_the_technical_page_shows_the_views_and_the_concepts_tables(
    example: Report, built: tuple[Path, Path]
) -> None:
    page = (built[0] / "technical" / "index.html").read_text(encoding="utf-8")
    rows = cells(page)
    tables = technical_tables(example.model, translator("en"))
    head = tables["hosting_head"]
    assert head == ["System", "Production", "Instances", "Other environments", "Availability"]
    assert head in rows and tables["connection_head"] in rows
    shown = {r[0]: r for r in rows if r}
    esp = shown["National ESP gateway"]
    assert esp[1:3] == ["NUI segment, IeM IC primary data centre (Riga)", "2"]
    assert esp[4] == "99.9\u00a0%"
    link = shown["National ESP gateway \u2192 European search portal"]
    assert link[1:] == [
        "EU communication infrastructure",
        "REST, UMF (XML) (Universal message format)",
        "99.9\u00a0%",
        "300 (peak 1\u00a0500) searches per minute",
    ]
    # both technical views, interactive: their boxes link to the systems' pages
    assert page.count('class="archlex-diagram"') == 2
    assert re.search(r'<a href="[^"]*systems/ESP-GW\.html"', page)
    # the data of both pages come from one place: the concept says the same
    concept = (built[0] / "concept" / "index.html").read_text(encoding="utf-8")
    assert "300 (peak 1\u00a0500) searches per minute" in html.unescape(concept)


def test_a_png_is_drawn_only_for_the_diagrams_the_concept_prints(
    example: Report, built: tuple[Path, Path]
) -> None:
    docs = built[1] / "docs"
    model = example.model
    printed = {"context", "legend", "technical", "technical-border", "data", "data-special"}
    printed |= {f"process-{p.id}" for p in model.processes} | {v.id for v in model.views}
    concept = (docs / "concept" / "index.md").read_text(encoding="utf-8")
    assert set(re.findall(r"diagrams/([^/()\s]+)\.png\)", concept)) == printed
    assert {p.stem for p in (docs / "diagrams").glob("*.png")} == printed
    svgs = {p.stem for p in (docs / "diagrams").glob("*.svg")}
    assert {f"sequence-{p.id}" for p in model.processes} < svgs - printed  # SVG only
    diagram_page = (built[0] / "diagrams" / "sequence-P-BORDER-ENTRY.html").read_text()
    assert 'href="sequence-P-BORDER-ENTRY.svg"' in diagram_page
    assert 'href="sequence-P-BORDER-ENTRY.png"' not in diagram_page  # no file: made in the browser
    assert 'download="sequence-P-BORDER-ENTRY.png"' in diagram_page
    context_page = (built[0] / "diagrams" / "context.html").read_text(encoding="utf-8")
    assert 'href="context.png"' in context_page


def test_the_concept_docx_written_beside_the_pages_is_the_one_written_alone(
    example: Report, built: tuple[Path, Path], tmp_path: Path
) -> None:
    """The build writes concept.docx in a process of its own while it writes the pages; the
    same file as the concept product writes in one process, and linked from the concept page."""
    docs = tmp_path / "docs"
    shutil.copytree(built[1] / "docs" / "diagrams", docs / "diagrams")  # not drawn again
    later = {PNG_SETTING: PNG_DOCUMENTS, DOCX_SETTING: DOCX_LATER}
    render_concept(RenderContext(example, docs, later))  # concept.md only
    assert not (docs / CONCEPT_DOCX).exists()
    docx_writer_of(RenderContext(example, docs, {}))()
    assert (built[0] / CONCEPT_DOCX).read_bytes() == (docs / CONCEPT_DOCX).read_bytes()
    page = (built[0] / "concept" / "index.html").read_text(encoding="utf-8")
    assert 'href="concept.docx"' in page


def test_a_diagram_read_once_has_each_pages_links(
    example: Report, built: tuple[Path, Path], tmp_path: Path
) -> None:
    """The pages read each diagram once and place it on every page that shows it; a
    context lives for one build or one serve update: the next one reads the files again."""
    report, docs = example, built[1] / "docs"
    assets = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    context = SiteContext(report, SiteMap.build(report.model), AS_OF, assets, docs=docs)
    asset = "diagrams/context-RKIS.svg"
    svg = (docs / asset).read_text(encoding="utf-8")
    for where in ("diagrams/context-RKIS.md", "systems/RKIS.md", "index.md"):
        placed = context.diagram_svg(asset, "d-x-").at(where)
        assert placed == interactive_svg(svg, context.diagram_links, where, "d-x-")
        assert "\x00" not in placed.markup and placed.links > 5
    assert 'href="../flows/' in context.diagram_svg(asset, "d-x-").at("systems/RKIS.md").markup
    assert 'href="flows/' in context.diagram_svg(asset, "d-x-").at("index.md").markup
    moved = tmp_path / "docs"
    shutil.copytree(docs, moved)
    (moved / asset).write_text(svg.replace("RKIS", "RKIS-NEW"), encoding="utf-8")
    later = SiteContext(report, context.site, AS_OF, assets, docs=moved)
    assert "RKIS-NEW" in later.diagram_svg(asset, "d-x-").at("index.md").markup


def test_a_diagram_is_read_as_defusedxml_reads_it(built: tuple[Path, Path]) -> None:
    """Without an entity declaration ElementTree's C parser reads the same tree; with one,
    defusedxml refuses it."""
    drawn = sorted((built[1] / "docs" / "diagrams").glob("*.svg"))
    assert len(drawn) > 20
    for path in drawn:
        svg = path.read_text(encoding="utf-8")
        expected = ET.tostring(defused_fromstring(svg.encode("utf-8")), encoding="unicode")
        assert ET.tostring(parse_svg(svg), encoding="unicode") == expected, path
    entity = '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    with pytest.raises(EntitiesForbidden):
        parse_svg(entity)
