"""The built concept site in a real browser: the dashboard agrees with `archlex check`, search
finds a system, images and links resolve, model text cannot run as script, and axe-core finds
no serious accessibility violation.

Each test runs against a site built once per session and served on loopback (conftest.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

from archlex.api import load
from tests.browser.conftest import (
    AXE,
    SHOTS,
    XSS_NAME,
    XSS_SCRIPT,
    Served,
    Watched,
    crawl,
    failed_request,
)
from tests.conftest import EXAMPLE, run_archlex

# The pages the accessibility check and the screenshots look at, site-relative.
HOME = "index.html"
ARTICLE = "articles/2019-817-art-20.html"
SYSTEM = "systems/RKIS.html"
MATRIX = "matrix/index.html"

_TABLE_ROWS = """
(header) => {
  for (const table of document.querySelectorAll("article table")) {
    const heads = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
    if (!heads.includes(header)) continue;
    return [...table.querySelectorAll("tbody tr")].map(tr => {
      const cells = [...tr.querySelectorAll("td")].map(td => td.textContent.trim());
      return Object.fromEntries(heads.map((h, i) => [h, cells[i]]));
    });
  }
  return null;
}
"""


def _plain(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _open(watched: Watched, url: str) -> Page:
    page = watched.page
    answer = page.goto(url, wait_until="load")
    assert answer is not None and answer.status == 200, f"{url}: {answer and answer.status}"
    return page


def test_home_dashboard_shows_the_coverage_of_check(example_site: Served, watched: Watched) -> None:
    checked = run_archlex("check", "model", "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr
    coverage = json.loads(checked.stdout)["summary"]["coverage"]

    page = _open(watched, example_site.at(HOME))
    rows: list[dict[str, str]] | None = page.evaluate(_TABLE_ROWS, "Applicable")
    assert rows, (
        f"no coverage table (a column 'Applicable') on the home page:\n{page.inner_text('article')}"
    )
    shown = {_plain(r["Regulation"]): {k: _plain(v) for k, v in r.items()} for r in rows}

    overall = coverage["overall"]
    named = [("Overall", overall), *coverage["regulations"].items()]
    for label, figures in named:
        assert label in shown, f"{label} is not a row of the coverage table: {sorted(shown)}"
        row = shown[label]
        assert row.get("Applicable") == str(figures["applicable"]), (label, row, figures)
        assert row.get("Traced %") == f"{figures['percent']} %", (label, row, figures)
        # The per-state counts, where the table has a column for the state.
        for state, count in figures["states"].items():
            if state in row:
                assert row[state] == str(count), (label, state, row, figures)
    # And as a reader sees it: the overall percentage is in the page's text.
    assert f"{overall['percent']} %" in _plain(page.inner_text("body"))


def test_home_charts_load_with_their_titles(example_site: Served, watched: Watched) -> None:
    """The charts on the home page load (no broken image) and say what they show."""
    page = _open(watched, example_site.at(HOME))
    images = page.evaluate(
        "[...document.querySelectorAll('article img')].filter(i => i.src.includes('/charts/'))"
        ".map(i => [i.getAttribute('src'), i.alt, i.naturalWidth, i.closest('a')?.href ?? ''])"
    )
    assert [Path(str(src)).name for src, *_ in images] == [
        "coverage.svg",
        "findings.svg",
        "budget.svg",
    ]
    for src, alt, width, link in images:
        assert width == 640 and alt, (src, alt, width)
        assert str(link).endswith(str(src)), (src, link)
    assert not watched.failed


# Each cell of a column with its text's height in lines, as the browser lays it out.
_CELL_LINES = """header => {
  const tables = [...document.querySelectorAll('article table')];
  const cells = [];
  for (const table of tables) {
    const head = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
    const column = head.indexOf(header);
    if (column < 0) continue;
    for (const row of table.querySelectorAll('tbody tr')) {
      const cell = row.children[column];
      const line = parseFloat(getComputedStyle(cell).lineHeight);
      const range = document.createRange();
      range.selectNodeContents(cell);
      cells.push([cell.innerText, range.getBoundingClientRect().height / line]);
    }
  }
  return cells;
}"""


def test_dates_and_amounts_in_tables_stay_on_one_line(
    example_site: Served, watched: Watched
) -> None:
    # An ISO date breaks at its hyphens and an amount before its currency in a narrow column
    # ("2025-" above "01-06", "4 800 000.00" above "EUR"): the work packages' table has both.
    page = _open(watched, example_site.at("work-packages/index.html"))
    for header in ("Start", "End", "Cost"):
        cells = page.evaluate(_CELL_LINES, header)
        assert cells, f"no column {header!r} on the work packages' page"
        for shown, lines in cells:
            assert lines < 1.5, (header, shown, lines)


def _search(page: Page, query: str, wanted: str = "") -> list[str]:
    """Type into mkdocs-material's search box; the hrefs of the results it shows, once one has
    the path `wanted` (or 15 s have passed). On a loaded machine the box can lose keys while
    the theme's search starts ("border s control"): the query is typed again until the box
    holds it whole, and results shown for a part of it are waited past."""
    box = page.locator("input.md-search__input")
    box.click()
    for _ in range(3):
        box.fill("")
        box.press_sequentially(query, delay=20)
        if box.input_value() == query:
            break
    results = page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for(state="visible", timeout=15_000)
    hrefs: list[str] = []
    for _ in range(75):  # 15 s
        hrefs = [str(h) for h in results.evaluate_all("links => links.map(a => a.href)")]
        if any(urlsplit(h).path == wanted for h in hrefs) or not wanted:
            break
        page.wait_for_timeout(200)
    return hrefs


def test_search_finds_a_system_by_name(example_site: Served, watched: Watched) -> None:
    system = next(s for s in load(EXAMPLE).model.systems if s.id == "RKIS")
    query = system.name.split("(")[0].strip()  # "Border Control Information System"
    page = _open(watched, example_site.at(HOME))
    hrefs = _search(page, query, "/" + SYSTEM)
    # Results link to the page with `?h=<query>` (search.highlight) and maybe an anchor.
    found = {urlsplit(h).path for h in hrefs}
    assert "/" + SYSTEM in found, f"{SYSTEM} is not among the results for {query!r}: {hrefs}"


def test_every_image_on_the_system_pages_loads(example_site: Served, browser: Browser) -> None:
    systems = sorted(
        p.relative_to(example_site.root).as_posix()
        for p in (example_site.root / "systems").glob("*.html")
        if p.name != "index.html"
    )
    assert systems, "the site has no system pages"
    # The images are in the HTML: without the theme's JavaScript each page opens in a fraction
    # of the time, and no request is cut short by the next navigation.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    failed: list[str] = []
    page.on(
        "requestfailed",
        lambda r: failed.extend(f"{line} ({page.url})" for line in failed_request(r)),
    )
    page.on(
        "response",
        lambda r: failed.append(f"{r.status} {r.url} ({page.url})") if r.status >= 400 else None,
    )
    broken: list[str] = []
    images = 0
    try:
        for path in systems:
            answer = page.goto(example_site.at(path), wait_until="load")
            assert answer is not None and answer.status == 200, path
            found: list[dict[str, Any]] = page.eval_on_selector_all(
                "img", "imgs => imgs.map(i => ({src: i.src, done: i.complete, w: i.naturalWidth}))"
            )
            images += len(found)
            broken += [f"{path}: {i['src']}" for i in found if not i["done"] or i["w"] <= 0]
    finally:
        context.close()
    assert images > 0, "no <img> on any system page: the diagrams are missing"
    assert not broken, "images that did not load:\n" + "\n".join(broken)
    assert not failed, "failed requests:\n" + "\n".join(failed)


def test_no_internal_link_is_broken(example_site: Served) -> None:
    seen, broken, outside = crawl(example_site.at(HOME))
    # The site is built to be read offline: nothing a page loads comes from elsewhere.
    assert not outside, "resources loaded from outside the site:\n" + "\n".join(sorted(outside))
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(broken)[:50])
    pages = {u.removeprefix(example_site.url) for u in seen if u.endswith(".html")}
    on_disk = {
        p.relative_to(example_site.root).as_posix() for p in example_site.root.rglob("*.html")
    }
    # Every page the build wrote, in both languages, is reachable from the home page (404.html
    # is the server's); matrix.html is the matrix product's own file, linked as a download.
    assert "lv/index.html" in pages
    unreached = sorted(on_disk - pages - {"404.html", "lv/404.html"})
    assert not unreached, f"{len(unreached)} pages no link reaches: {unreached[:30]}"


def test_model_text_is_shown_as_text_and_never_runs(xss_site: Served, watched: Watched) -> None:
    for path in ("systems/XSS.html", "systems/XSS-2.html", HOME, "systems/index.html"):
        page = _open(watched, xss_site.at(path))
        page.wait_for_timeout(200)  # an onerror or a timer would have fired by now
        text = _plain(page.inner_text("body"))
        if path.startswith("systems/XSS"):
            expected = XSS_NAME if path == "systems/XSS.html" else XSS_SCRIPT
            assert expected in text, f"{path} does not show {expected!r} as text"
        assert page.evaluate("typeof window.__pwned") == "undefined", f"a script ran on {path}"
    # Search renders the index with the site's own JavaScript: the names go through it too.
    _search(page, "XSS")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined", "a script ran in search"
    assert not watched.dialogs, f"dialogs opened: {watched.dialogs}"
    injected = [f for f in watched.failed if f.rstrip("/").endswith("/x")]
    assert not injected, f"the name's <img src=x> was loaded: {injected}"


_ESCAPED_ATTRIBUTES = """
() => [...document.querySelectorAll("[title], [aria-label], [alt]")]
  .flatMap(e => ["title", "aria-label", "alt"].map(a => e.getAttribute(a) || ""))
  .filter(v => /&(lt|gt|amp|quot|#\\d+);/.test(v))
"""


def test_model_text_is_escaped_once(xss_site: Served, watched: Watched) -> None:
    """Markup in names reads as typed, also in tooltips and what a screen reader says: an
    entity such as `&lt;` in the text or an attribute means it was escaped twice."""
    for path in (HOME, "systems/XSS.html", "systems/index.html"):
        page = _open(watched, xss_site.at(path))
        text = page.inner_text("body")
        assert "&lt;" not in text and "&amp;" not in text, f"{path} shows escaped text"
        twice: list[str] = page.evaluate(_ESCAPED_ATTRIBUTES)
        assert not twice, f"{path}: attributes escaped twice: {sorted(set(twice))}"


def _axe(page: Page) -> list[dict[str, Any]]:
    assert AXE.is_file(), f"{AXE} is missing: run scripts/browser-deps.sh (npm ci in tests/browser)"
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("async () => await axe.run(document)")
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def _describe(path: str, violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    where = "; ".join(" ".join(map(str, n["target"])) for n in nodes[:4])
    more = f" (+{len(nodes) - 4} more)" if len(nodes) > 4 else ""
    return (
        f"{path}: {violation['impact']} {violation['id']}: {violation['help']} "
        f"[{len(nodes)} nodes: {where}{more}]"
    )


def test_no_serious_accessibility_violation(example_site: Served, watched: Watched) -> None:
    found: list[str] = []
    minor: list[str] = []
    for path in (HOME, ARTICLE, SYSTEM, MATRIX):
        page = _open(watched, example_site.at(path))
        for violation in _axe(page):
            line = _describe(path, violation)
            (found if violation["impact"] in ("serious", "critical") else minor).append(line)
    print("axe-core, minor and moderate:\n" + "\n".join(minor))
    assert not found, "axe-core found serious or critical violations:\n" + "\n".join(found)


def test_screenshots(example_site: Served, browser: Browser) -> None:
    """Screenshots for a person to look at, desktop and phone, in /tmp/site-shots/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    sizes = {"desktop": (1400, 1000), "phone": (390, 844)}
    for size, (width, height) in sizes.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        try:
            for path in (HOME, ARTICLE, SYSTEM, MATRIX):
                page.goto(example_site.at(path), wait_until="load")
                tall = min(int(page.evaluate("document.documentElement.scrollHeight")), 2600)
                name = Path(path).with_suffix("").as_posix().replace("/", "-")
                shot = SHOTS / f"{size}-{name}.png"
                page.screenshot(
                    path=str(shot),
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": width, "height": tall},
                )
                assert shot.stat().st_size > 0
        finally:
            context.close()
