"""The roadmap's page on the site: the product's roadmap.md with its Gantt chart as the
interactive figure the diagrams are (inline, zoomed and panned, each row a link), where an
image of it would be squeezed into the column until its text could not be read.

Only the site's page changes: roadmap.md and gantt.svg stay as `archlex render roadmap`
writes them. Without the script the figure is the plain inline chart, its links working.
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
    interactive figure in place of its image; as it was when the chart was not drawn."""
    chart = docs / page.rsplit("/", 1)[0] / CHART
    if not chart.is_file() or not _CHART_IMAGE.search(markdown):
        return markdown
    svg = linked_gantt(chart.read_text(encoding="utf-8"), site, PREFIX).at(page)
    title = tr._("Gantt chart of the roadmap")
    figure = interactive_figure(tr, svg, title, PREFIX, caption=False)
    return _CHART_IMAGE.sub(lambda _: figure, markdown, count=1)
