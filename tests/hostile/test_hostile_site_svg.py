"""The site's interactive diagrams (archlex.site.diagram_svg, pages_diagrams) under hostile text.

The payload model's names and descriptions go through the real diagrams product (Graphviz)
and into the SVGs the site embeds in its pages as raw HTML: every figure must hold them as
text only (no element, event handler or script URL from the model), every link must be one
of the site's own pages, and a tooltip Graphviz wrote must stay text whatever it holds.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from archlex.api import check_model
from archlex.render.diagrams.product import render_diagrams
from archlex.render.registry import RenderContext
from archlex.site.diagram_svg import DiagramLinks, interactive_svg
from archlex.site.links import SiteMap
from archlex.site.pages import site_pages
from tests.payload_model import IMG, SCRIPT, write_payload_model
from tests.safety import live_markup

AS_OF = dt.date(2026, 1, 1)
_FIGURE = re.compile(r'<figure class="archlex-diagram".*?</figure>', re.DOTALL)
# A link in a figure: a page of the site, relative, nothing else.
_SITE_PAGE = re.compile(r"^(\.\./)?([A-Za-z0-9_-]+/)?[A-Za-z0-9_-]+\.html$")


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v or "" for k, v in attrs if k in ("href", "xlink:href")]


def _hrefs(markup: str) -> list[str]:
    """The link of every element (not text that looks like one)."""
    parser = _Hrefs()
    parser.feed(markup)
    return parser.found


@pytest.fixture(scope="module")
def payload_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The site's pages of the payload model, its diagrams drawn by Graphviz for real."""
    root = tmp_path_factory.mktemp("payload-svg")
    model = write_payload_model(root / "model")
    report = check_model(model, model, today=AS_OF)
    docs = root / "docs"
    render_diagrams(RenderContext(report, docs))
    assets = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    return site_pages(report, AS_OF, assets, docs)


def test_every_figure_holds_the_model_text_as_text(payload_pages: dict[str, str]) -> None:
    figures = {path: _FIGURE.findall(text) for path, text in payload_pages.items()}
    figures = {path: found for path, found in figures.items() if found}
    assert any(p.startswith("diagrams/") for p in figures), "no diagram page has a figure"
    assert any(p.startswith("processes/") for p in figures), "no process page embeds one"
    shown = ""
    for path, found in figures.items():
        for figure in found:
            problems, text = live_markup(figure)
            assert not problems, f"{path}: live markup in a diagram: {problems}"
            shown += text
            links = _hrefs(figure)
            assert links or path == "diagrams/legend.md", f"{path}: a figure without links"
            odd = [link for link in links if not _SITE_PAGE.match(link)]
            assert not odd, f"{path}: links that are not the site's pages: {odd}"
    # The names were there, as text: in the tooltips of the boxes that stand for them.
    assert SCRIPT in shown and IMG in shown


def test_a_tooltip_graphviz_wrote_stays_text(tmp_path: Path) -> None:
    """Whatever a `tooltip` holds, it arrives as the text of a `<title>`, never as markup."""
    hostile = html.escape('"><script>window.__pwned(1)</script><a href="javascript:x">F-1')
    svg = (
        '<?xml version="1.0"?>\n<svg width="100pt" height="50pt" viewBox="0 0 100 50" '
        'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<g id="graph0" class="graph"><title>g</title>'
        '<g id="node1" class="node"><title>SYS&#45;1</title>'
        '<polygon points="0,0 1,1"/><text>box</text></g>'
        '<g id="edge1" class="edge"><title>SYS&#45;1&#45;&gt;SYS&#45;2</title>'
        f'<g id="a_edge1"><a xlink:title="{hostile}"><path d="M0,0"/></a></g></g></g></svg>'
    )
    model = tmp_path / "model"
    model.mkdir()
    (model / "archlex.yaml").write_text("archlex: 1\nname: t\ninclude: ['*.yaml']\n")
    systems = [
        {"id": f"SYS-{n}", "name": f"S{n}", "kind": "national", "description": IMG} for n in (1, 2)
    ]
    flows = [{"id": "F-1", "from": "SYS-1", "to": "SYS-2", "name": "x"}]
    text = yaml.safe_dump({"systems": systems, "flows": flows})
    (model / "m.yaml").write_text(text, encoding="utf-8")
    report = check_model(model, model, today=AS_OF)
    assert report.model.get("F-1") is not None
    links = DiagramLinks(report.model, SiteMap.build(report.model))
    made = interactive_svg(svg, links, "diagrams/x.md", "p-")
    problems, shown = live_markup(made.markup)
    assert not problems, problems
    assert made.links == 2  # the box and the line
    assert 'href="../systems/SYS-1.html"' in made.markup
    assert 'href="../flows/F-1.html"' in made.markup
    assert IMG in shown  # the description, as text, in the box's tooltip
    assert "<script>window.__pwned(1)</script>" in shown  # the line's tooltip, as text
    assert 'id="p-node1"' in made.markup and 'id="node1"' not in made.markup
