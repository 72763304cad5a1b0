"""The payload model's site in a real browser: no text of the model runs as script.

Every script payload of the model calls `window.__pwned(...)`. Each page is opened with that
function defined before any of the page's own scripts, so a payload that ran leaves a record;
dialogs are recorded too, and no link or image may carry a `javascript:` URL. The pages are
one of each kind that shows model text, and the search results, which mkdocs-material's
JavaScript renders from the search index.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Served, Watched
from tests.payload_model import SCRIPT
from tests.safety import live_markup

PAGES = [
    "index.html",
    "systems/XSS.html",
    "systems/LINKS.html",
    "systems/TABLE.html",
    "systems/index.html",
    "flows/FL-1.html",
    "processes/PR-1.html",
    "requirements/REQ-1.html",
    "work-packages/WP-1.html",
    "regulations/LV-1.html",
    "articles/LV-1-art-1.html",
    "matrix/index.html",
    "matrix/matrix.html",
    "findings.html",
    "concept/index.html",
    "roadmap/index.html",
]
RECORD_CALLS = """
window.__pwned = (...args) => { (window.__calls = window.__calls || []).push(args.join(",")); };
"""
LIVE_URLS = """
() => [...document.querySelectorAll("[href], [src], [action], [formaction], [srcdoc]")]
  .flatMap(e => ["href", "src", "action", "formaction", "srcdoc"]
    .map(a => e.getAttribute(a) || "")
    .filter(v => /^\\s*(javascript|vbscript|data:text\\/html)/i.test(v.replace(/[\\t\\n\\r]/g, "")))
    .map(v => `<${e.tagName.toLowerCase()}> ${v}`))
"""


def _calls(page: Page) -> list[str]:
    calls: list[str] | None = page.evaluate("window.__calls || null")
    return calls or []


def _open(watched: Watched, url: str) -> Page:
    page = watched.page
    answer = page.goto(url, wait_until="load")
    assert answer is not None and answer.status == 200, url
    page.wait_for_timeout(250)  # an onerror, onload or timer would have fired by now
    return page


@pytest.fixture
def recording(watched: Watched) -> Watched:
    watched.page.add_init_script(RECORD_CALLS)
    return watched


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_on_the_page(payload_site: Served, recording: Watched, path: str) -> None:
    page = _open(recording, payload_site.at(path))
    assert _calls(page) == [], f"model text ran as script on {path}"
    assert recording.dialogs == [], f"dialogs on {path}: {recording.dialogs}"
    assert page.evaluate(LIVE_URLS) == [], f"a live script URL on {path}"
    assert not [f for f in recording.failed if f.rstrip("/").endswith("/x")], "<img src=x> loaded"


def test_the_payloads_are_shown_as_text(payload_site: Served, recording: Watched) -> None:
    page = _open(recording, payload_site.at("systems/XSS.html"))
    text = page.inner_text("body")
    assert SCRIPT in text and "javascript:window.__pwned('md-link')" in text
    assert "{{ 7*7 }}" in text  # no template engine ran over it


def test_search_results_run_no_payload(payload_site: Served, recording: Watched) -> None:
    page = _open(recording, payload_site.at("index.html"))
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Script", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15_000)
    page.wait_for_timeout(300)
    assert _calls(page) == [], "a search result ran model text as script"
    assert recording.dialogs == []
    assert page.evaluate(LIVE_URLS) == []


def test_no_page_of_the_site_holds_live_markup_from_the_model(payload_site: Served) -> None:
    """Every HTML page on disk, parsed: no event handler, script URL or script that calls the
    payload function (the browser tests above look at one page of each kind)."""
    root = Path(payload_site.root)
    pages = sorted(root.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        problems, _ = live_markup(page.read_text("utf-8"))
        assert problems == [], f"{page.relative_to(root)}: {problems[:3]}"


def test_the_recorder_sees_a_payload_that_runs(recording: Watched, tmp_path: Path) -> None:
    """The control: the same payloads written as live markup are caught, so an empty record
    above means nothing ran, not that nothing was watched."""
    control = tmp_path / "control.html"
    control.write_text(
        "<!doctype html><title>control</title>"
        "<img src=x onerror=\"window.__pwned('img')\"><script>window.__pwned('script')</script>"
        "<a href=\"javascript:window.__pwned('a')\">a</a>",
        encoding="utf-8",
    )
    page = _open(recording, control.as_uri())
    assert sorted(_calls(page)) == ["img", "script"]
    assert page.evaluate(LIVE_URLS) == ["<a> javascript:window.__pwned('a')"]
