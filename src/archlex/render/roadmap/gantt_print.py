"""The Gantt chart as the roadmap product writes it: the whole chart as SVG for the site, and
its PNG for print, in parts when the whole would not be readable on a page.

A 10,000-entity model's roadmap has about 750 rows: one picture 1,500 x 16,558 px, which a
printed page shrinks until its text is a tenth of a point. The concept prints it in parts of
at most `PRINT_ROWS` rows on the whole roadmap's time scale (`gantt-1.png`, ...), each on an A3
landscape page with its labels at 7.7 pt; a chart that fits in one part is printed whole
(`gantt.png`), as before.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from archlex.files import write_text_atomic
from archlex.graph.critical_path import CriticalPath
from archlex.i18n import Translator
from archlex.model import Model
from archlex.render.roadmap.gantt import Row, chart_rows, gantt_svg, write_png

# The most rows a printed part of the chart has: 34 rows (1,500 x 916 px) go on an A3
# landscape page with the labels at 7.7 pt (render/concept/docx_layout.plan_figure).
PRINT_ROWS = 34


def write_gantt(
    folder: Path,
    model: Model,
    critical: CriticalPath,
    late: Collection[str],
    tr: Translator,
    today: dt.date | None = None,
) -> list[Path]:
    """Write gantt.svg, and gantt.png or the printed parts (gantt-N.svg and .png; PNGs only
    with rsvg-convert); the files written (none when the roadmap has no dates)."""
    svg = gantt_svg(model, critical, late, today, tr)
    if svg is None:
        return []
    write_text_atomic(folder / "gantt.svg", svg)
    parts = print_parts(chart_rows(model, tr))
    if len(parts) == 1:
        return [folder / "gantt.svg", *_pngs([folder / "gantt.svg"])]
    svgs = []
    for number, rows in enumerate(parts, 1):
        part = gantt_svg(model, critical, late, today, tr, (rows, number, len(parts)))
        assert part is not None  # the whole chart has dates
        svgs.append(folder / f"gantt-{number}.svg")
        write_text_atomic(svgs[-1], part)
    return [folder / "gantt.svg", *svgs, *_pngs(svgs)]


def print_parts(rows: list[Row], most: int = PRINT_ROWS) -> list[list[Row]]:
    """The rows in parts of at most `most` (one part when they fit): a phase, the packages
    without one and the milestones each stay in one part when they fit in one, and a longer
    one goes on in the next part under its heading again."""
    blocks: list[list[Row]] = []
    for row in rows:
        if row.kind in ("phase", "group") or not blocks:
            blocks.append([])
        blocks[-1].append(row)
    parts: list[list[Row]] = [[]]
    for block in blocks:
        if parts[-1] and len(parts[-1]) + len(block) > most:
            parts.append([])
        while len(parts[-1]) + len(block) > most:
            room = most - len(parts[-1])
            parts[-1] += block[:room]
            block = [block[0], *block[room:]]  # the heading again over the rest
            parts.append([])
        parts[-1] += block
    return [part for part in parts if part]


def _pngs(svgs: list[Path]) -> list[Path]:
    """The PNG of each SVG, side by side (rsvg-convert runs as a process of its own); none
    when rsvg-convert is not installed."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        made = list(pool.map(lambda svg: write_png(svg, svg.with_suffix(".png")), svgs))
    return [svg.with_suffix(".png") for svg, done in zip(svgs, made, strict=True) if done]
