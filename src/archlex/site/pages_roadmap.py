"""The roadmap's page on the site: the product's roadmap.md with its Gantt chart as the
interactive figure the diagrams are (inline, zoomed and panned, each row a link), where an
image of it would be squeezed into the column until its text could not be read.

A chart the product also drew in parts for print (more than 34 rows: render/roadmap/
gantt_print.py) is shown as those parts, a figure each: one figure of hundreds of rows would be
fitted into the screen's height, its rows too thin to read at any zoom. Only the site's page
changes: roadmap.md and the charts stay as `archlex render roadmap` writes them. Without the
script a figure is the plain inline chart, its links working.
"""

from __future__ import annotations

import re
from pathlib import Path

from archlex.i18n import Translator
from archlex.site.gantt_svg import linked_gantt
from archlex.site.links import SiteMap
from archlex.site.pages_diagrams import interactive_figure

CHART = "gantt.svg"
PREFIX = "roadmap-gantt-"  # the chart's ids on the page, apart from the headings' and diagrams'
# The product's image of the chart: a paragraph of its own (render/roadmap/product.py).
_CHART_IMAGE = re.compile(r"^!\[[^\]\n]*\]\(gantt\.svg\)$", re.MULTILINE)


def with_gantt_figure(markdown: str, page: str, docs: Path, site: SiteMap, tr: Translator) -> str:
    """roadmap.md, its page at the docs-relative `page`, with the chart in `docs` as the
    interactive figure (or figures) in place of its image; as it was when no chart was drawn."""
    folder = docs / page.rsplit("/", 1)[0]
    if not (folder / CHART).is_file() or not _CHART_IMAGE.search(markdown):
        return markdown
    parts = chart_parts(folder)
    if parts:
        label = tr._("Gantt chart, part %(part)s of %(parts)s")
        charts = [
            (chart, f"{PREFIX}{number}-", label % {"part": number, "parts": len(parts)})
            for number, chart in enumerate(parts, 1)
        ]
    else:
        charts = [(folder / CHART, PREFIX, tr._("Gantt chart of the roadmap"))]
    figures = [_figure(chart, prefix, title, page, site, tr) for chart, prefix, title in charts]
    return _CHART_IMAGE.sub(lambda _: "\n\n".join(figures), markdown, count=1)


def chart_parts(folder: Path) -> list[Path]:
    """The parts the product drew the chart in (`gantt-1.svg`, ...), none for a short one."""
    parts: list[Path] = []
    while (folder / f"gantt-{len(parts) + 1}.svg").is_file():
        parts.append(folder / f"gantt-{len(parts) + 1}.svg")
    return parts


def _figure(chart: Path, prefix: str, title: str, page: str, site: SiteMap, tr: Translator) -> str:
    svg = linked_gantt(chart.read_text(encoding="utf-8"), site, prefix).at(page)
    return interactive_figure(tr, svg, title, prefix, caption=False, is_read_from_corner=True)
