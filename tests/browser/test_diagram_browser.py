"""The site's interactive diagrams in a real browser: a click on a box opens its page, the
keyboard reaches every box and zooms, a drag pans without following a link, the roadmap's
Gantt chart zooms the same way, and axe-core finds no serious accessibility violation on
pages that hold one.

Against the example's site, built once per session (conftest.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, Page

from archlex.site.pages_diagrams import SKIP_LINKS
from tests.browser.conftest import AXE, SHOTS, Served, Watched

CONTEXT = "diagrams/context.html"
PROCESS = "processes/P-BORDER-ENTRY.html"
SYSTEM = "systems/NVIS.html"
TECHNICAL = "technical/index.html"
DATA = "diagrams/data.html"
ROADMAP = "roadmap/index.html"
FIGURE = "figure.archlex-diagram"


def _open(watched: Watched, served: Served, path: str) -> Page:
    page = watched.page
    answer = page.goto(served.at(path), wait_until="load")
    assert answer is not None and answer.status == 200, path
    page.wait_for_selector(f"{FIGURE}[data-archlex-ready]")
    return page


def _view_box(page: Page) -> list[float]:
    value = page.get_attribute(f"{FIGURE} svg", "viewBox") or ""
    return [float(v) for v in value.split()]


def _system_link(page: Page) -> tuple[Any, str]:
    """The first box of a system in the first diagram, and the address it opens."""
    link = page.locator(f"{FIGURE} svg g.node a[href*='systems/']").first
    href = link.get_attribute("href")
    assert href, "no box in the diagram links to a system page"
    return link, urlsplit(urljoin(page.url, href)).path


def test_clicking_a_system_in_a_diagram_opens_its_page(
    example_site: Served, watched: Watched
) -> None:
    for path in (CONTEXT, PROCESS):
        page = _open(watched, example_site, path)
        link, target = _system_link(page)
        name = link.locator("title").text_content() or ""
        link.click()
        page.wait_for_url(f"**{target}")
        heading = page.locator("article h1").inner_text()
        assert name.split(":")[0] in heading, f"{path}: {target} is not the page of {name!r}"
    assert not watched.errors, watched.errors
    assert not watched.failed, watched.failed


def test_every_box_and_line_of_the_context_view_links_to_a_page(
    example_site: Served, watched: Watched
) -> None:
    page = _open(watched, example_site, CONTEXT)
    groups = page.locator(f"{FIGURE} svg g.node, {FIGURE} svg g.edge")
    linked = page.locator(f"{FIGURE} svg g.node > a[href], {FIGURE} svg g.edge > a[href]")
    legend = page.locator(f"{FIGURE} svg g.node:not(:has(a)), {FIGURE} svg g.edge:not(:has(a))")
    assert linked.count() > 20
    # Only the legend (one box of a table, and its sample lines) links nowhere.
    assert linked.count() + legend.count() == groups.count()
    assert legend.count() <= 12, f"{legend.count()} boxes and lines link nowhere"
    titles = linked.locator("title").all_text_contents()
    assert all(t.strip() for t in titles), "a link without a tooltip"


def test_the_keyboard_reaches_the_boxes_and_zooms(example_site: Served, watched: Watched) -> None:
    page = _open(watched, example_site, PROCESS)
    whole = _view_box(page)
    page.focus(f"{FIGURE} .archlex-diagram__view")
    page.keyboard.press("+")
    zoomed = _view_box(page)
    assert zoomed[2] < whole[2] * 0.8, (whole, zoomed)
    page.keyboard.press("ArrowRight")
    assert _view_box(page)[0] > zoomed[0], "the right arrow does not pan"
    page.keyboard.press("0")
    assert _view_box(page) == whole
    page.click(f"{FIGURE} button[data-zoom='in']")
    assert _view_box(page)[2] < whole[2]
    page.click(f"{FIGURE} button[data-zoom='reset']")
    assert _view_box(page) == whole
    # Tab from the diagram's box reaches its first link, drawn with a visible focus.
    page.focus(f"{FIGURE} .archlex-diagram__view")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('svg') !== null")
    assert focused, "Tab does not move into the diagram"
    stroke = page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('path, polygon')).stroke"
    )
    assert stroke == "rgb(194, 24, 91)", f"the focused box is not drawn differently: {stroke}"
    target = urljoin(page.url, page.evaluate("document.activeElement.getAttribute('href')"))
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_a_drag_pans_and_does_not_open_the_link(example_site: Served, watched: Watched) -> None:
    page = _open(watched, example_site, CONTEXT)
    page.click(f"{FIGURE} button[data-zoom='in']")
    page.click(f"{FIGURE} button[data-zoom='in']")
    before = _view_box(page)
    # Start on a link that is in sight after zooming: the drag must not follow it.
    x, y = page.evaluate(
        """() => {
          const view = document.querySelector(".archlex-diagram__view").getBoundingClientRect();
          for (const a of document.querySelectorAll(".archlex-diagram svg g.node > a")) {
            const r = a.getBoundingClientRect();
            const x = r.x + r.width / 2, y = r.y + r.height / 2;
            if (x > view.left + 80 && x < view.right && y > view.top + 40 && y < view.bottom)
              return [x, y];
          }
          return [view.x + view.width / 2, view.y + view.height / 2];
        }"""
    )
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 60, y - 30, steps=6)
    page.mouse.up()
    page.wait_for_timeout(100)
    assert urlsplit(page.url).path.endswith(CONTEXT), "the drag followed the link"
    after = _view_box(page)
    assert after[0] > before[0] and after[2] == before[2], (before, after)


def _text_height(page: Page) -> float:
    """The height on screen of the first work package's name in the Gantt chart."""
    name = page.locator(f"{FIGURE} svg g.package text").nth(1).bounding_box()
    assert name is not None
    return float(name["height"])


def test_the_roadmaps_gantt_chart_zooms_and_its_rows_open_their_pages(
    example_site: Served, watched: Watched
) -> None:
    for path, language in ((ROADMAP, "en"), (f"lv/{ROADMAP}", "lv")):
        page = _open(watched, example_site, path)
        assert page.locator("html").get_attribute("lang") == language, path
        assert page.locator(f"{FIGURE} .archlex-diagram__tools").is_visible()
        whole, small = _view_box(page), _text_height(page)
        assert small < 9, f"{path}: the chart fits the column ({small} px text)"
        page.click(f"{FIGURE} button[data-zoom='in']")
        page.click(f"{FIGURE} button[data-zoom='in']")
        zoomed = _view_box(page)
        assert zoomed[2] < whole[2] * 0.6
        assert zoomed[:2] == whole[:2], "not zoomed at the top left corner, where the labels are"
        assert _text_height(page) >= 11.5, "zoomed twice, the text is not near its own size"
        name = page.locator(f"{FIGURE} svg g.package text").nth(1).bounding_box()
        view = page.locator(f"{FIGURE} .archlex-diagram__view").bounding_box()
        assert name is not None and view is not None
        assert view["x"] <= name["x"] < view["x"] + view["width"] / 2, "the labels out of sight"
        page.click(f"{FIGURE} button[data-zoom='reset']")
        assert _view_box(page) == whole
        row = page.locator(f"{FIGURE} svg g.package > a[href*='work-packages/']").first
        title = row.locator("title").text_content() or ""
        href = row.get_attribute("href") or ""
        row.locator("text").nth(1).click()  # the name
        page.wait_for_url(f"**{urlsplit(urljoin(page.url, href)).path}")
        assert title.split(" ")[0] in page.locator("article h1").inner_text(), title
    assert not watched.errors, watched.errors
    assert not watched.failed, watched.failed


def _serious(page: Page) -> list[str]:
    assert AXE.is_file(), f"{AXE} is missing: run scripts/browser-deps.sh"
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['impact']} {v['id']}: {v['help']} "
        f"[{'; '.join(' '.join(map(str, n['target'])) for n in v['nodes'][:4])}]"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violation_on_a_diagram(
    example_site: Served, watched: Watched
) -> None:
    found: list[str] = []
    for path in (CONTEXT, PROCESS, SYSTEM, TECHNICAL, DATA, ROADMAP):
        found += [f"{path}: {line}" for line in _serious(_open(watched, example_site, path))]
    assert not found, "axe-core found serious or critical violations:\n" + "\n".join(found)


def test_diagram_screenshots(example_site: Served, browser: Browser) -> None:
    """Desktop and phone screenshots of a diagram page, whole and zoomed, in /tmp/site-shots/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for size, (width, height) in {"desktop": (1400, 1000), "phone": (390, 844)}.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        try:
            for path in (CONTEXT, SYSTEM, TECHNICAL, ROADMAP):
                page.goto(example_site.at(path), wait_until="load")
                page.wait_for_selector(f"{FIGURE}[data-archlex-ready]")
                page.locator(FIGURE).first.scroll_into_view_if_needed()
                name = Path(path).with_suffix("").as_posix().replace("/", "-")
                page.screenshot(path=str(SHOTS / f"{size}-{name}.png"))
                page.locator(f"{FIGURE} button[data-zoom='in']").first.click()
                page.locator(f"{FIGURE} button[data-zoom='in']").first.click()
                shot = SHOTS / f"{size}-{name}-zoomed.png"
                page.screenshot(path=str(shot))
                assert shot.stat().st_size > 0
        finally:
            context.close()


def test_a_skip_link_takes_the_keyboard_past_a_diagram_of_many_links(
    example_site: Served, watched: Watched
) -> None:
    page = _open(watched, example_site, DATA)
    skip = page.locator(f"{FIGURE} a.archlex-skip")
    assert skip.count() == 1
    links = page.locator(f"{FIGURE} svg a[href]").count()
    assert links > 50 and str(links) in (skip.text_content() or "")
    hidden = skip.bounding_box()
    assert hidden is not None and hidden["x"] < 0  # out of sight until it has the focus
    # From the download link above the diagram, Tab reaches the skip link first.
    page.focus("article a[href$='data.png']")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('archlex-skip')")
    shown = skip.bounding_box()
    assert shown is not None and shown["x"] >= 0 and shown["width"] > 20  # seen on focus
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = page.evaluate(
        "[document.activeElement.closest('svg') === null,"
        " document.activeElement.closest('figure.archlex-diagram') === null]"
    )
    assert after == [True, True], "Tab after the skip link still lands in the diagram"
    # Only a diagram with more than SKIP_LINKS links has one.
    counts = []
    for figure in _open(watched, example_site, PROCESS).locator(FIGURE).all():
        links = figure.locator("svg a[href]").count()
        counts.append(links)
        assert figure.locator("a.archlex-skip").count() == int(links > SKIP_LINKS), links
    assert min(counts) <= SKIP_LINKS < max(counts), counts  # both kinds were seen


def _points(svg: str, attribute: str) -> float:
    found = re.search(rf'{attribute}="([0-9.]+)pt"', svg)
    assert found is not None, attribute
    return float(found[1])


def test_a_diagram_drawn_as_svg_only_gives_its_png_from_the_browser(
    example_site: Served, watched: Watched, tmp_path: Path
) -> None:
    # `archlex build` draws no PNG of a sequence view (no document prints it).
    page = _open(watched, example_site, "diagrams/sequence-P-BORDER-ENTRY.html")
    link = page.locator("article [data-archlex-png] a")
    assert link.is_visible() and link.inner_text() == "PNG"
    with page.expect_download() as caught:
        link.click()
    saved = tmp_path / caught.value.suggested_filename
    caught.value.save_as(saved)
    assert saved.name == "sequence-P-BORDER-ENTRY.png"
    data = saved.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    # The size of the PNG Graphviz would write: the SVG's points at 96 dpi.
    svg = page.request.get(example_site.at("diagrams/sequence-P-BORDER-ENTRY.svg")).text()
    points = [_points(svg, attribute) for attribute in ("width", "height")]
    assert (width, height) == (round(points[0] * 4 / 3), round(points[1] * 4 / 3))
    assert page.url.endswith("sequence-P-BORDER-ENTRY.html")  # the page stays
    assert not watched.errors, watched.errors
    assert not watched.failed, watched.failed
