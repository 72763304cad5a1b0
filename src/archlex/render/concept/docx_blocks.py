"""The concept's Markdown read as blocks for the DOCX, each with the page it needs.

Understood: `#` headings, paragraphs, `- ` lists, `*italic*` lines, `![caption](path)` pictures
on their own line, pipe tables (a `Table: caption` line just before one is its caption),
`**bold**`, and `<!-- docx: NAME -->` comments that only the DOCX acts on (`toc`, `figures`,
`tables`, `page-break`); on the site they are invisible.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from archlex.render.concept.docx_layout import (
    FigurePlan,
    Page,
    TablePlan,
    plan_figure,
    plan_table,
    read_drawing,
)

_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<path>[^)]+)\)$")
_HEADING = re.compile(r"^(?P<marks>#{1,4}) (?P<text>.*)$")
_DIRECTIVE = re.compile(r"^<!-- docx: (?P<name>[a-z-]+) -->$")
_CAPTION = re.compile(r"^Table: (?P<text>.+)$")
_RULE = re.compile(r"\|(\s*:?-+:?\s*\|)+")
_ESCAPED = re.compile(r"\\(.)")


@dataclass
class Block:
    """One thing on the page: `kind` is heading, paragraph, bullet, italic, image, table or
    directive; `page` is set when it needs a page of its own kind."""

    kind: str
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    path: Path | None = None
    table: TablePlan | None = None
    figure: FigurePlan | None = None
    page: Page | None = None


def read_blocks(text: str, base: Path, paper: str) -> list[Block]:
    """The blocks of the Markdown, with the page each wide table or large picture needs and
    the headings just before it moved onto that page with it."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    caption = ""
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if line.startswith("|"):
            rows = [line]
            while index < len(lines) and lines[index].startswith("|"):
                rows.append(lines[index].strip())
                index += 1
            blocks.append(_table(rows, caption, paper))
            caption = ""
        elif match := _CAPTION.match(line):
            caption = match["text"]
        elif line:
            block = _block(line, base, paper)
            if _continues(block, blocks, lines[index - 2] if index > 1 else ""):
                blocks[-1].text += " " + block.text
            else:
                blocks.append(block)
    _pull_headings(blocks)
    return blocks


def _block(line: str, base: Path, paper: str) -> Block:
    if heading := _HEADING.match(line):
        return Block("heading", heading["text"], level=len(heading["marks"]) - 1)
    if directive := _DIRECTIVE.match(line):
        return Block("directive", directive["name"])
    if image := _IMAGE.match(line):
        return _image(image["alt"], (base / image["path"]).resolve(), paper)
    if line.startswith("- "):
        return Block("bullet", line[2:])
    if line.startswith("*") and line.endswith("*") and not line.startswith("**"):
        return Block("italic", line[1:-1])
    return Block("paragraph", line)


def _image(caption: str, path: Path, paper: str) -> Block:
    """A picture, placed by the SVG drawn beside it (same name) so its text stays readable."""
    drawing = read_drawing(path.with_suffix(".svg"))
    plan = plan_figure(drawing, paper) if drawing else None
    page = (
        plan.page if (plan and plan.page.landscape) or (plan and plan.page.paper != paper) else None
    )
    return Block("image", caption, path=path, figure=plan, page=page)


def _table(lines: list[str], caption: str, paper: str) -> Block:
    rows = [cells(line) for line in lines if not _RULE.fullmatch(line)]
    plan = plan_table([[plain(c) for c in row] for row in rows], paper)
    page = plan.page if plan.page.landscape or plan.page.paper != paper else None
    return Block("table", caption, rows=rows, table=plan, page=page)


def _continues(block: Block, blocks: list[Block], before: str) -> bool:
    """A plain line right after a paragraph or list item (no blank line) continues it."""
    return (
        block.kind == "paragraph"
        and bool(blocks)
        and blocks[-1].kind in ("paragraph", "bullet")
        and bool(before.strip())
    )


def _pull_headings(blocks: list[Block]) -> None:
    """A heading never ends a page alone: a heading right before a block that needs its own
    page goes onto that page with it, and so do up to two paragraphs between it and a table
    (a figure's page has room for its headings only)."""
    for index, block in enumerate(blocks):
        if block.page is None:
            continue
        start = index
        while (
            block.kind == "table"
            and start > 0
            and blocks[start - 1].kind in ("paragraph", "italic")
        ):
            start -= 1
        if index - start > 2 or start == 0 or blocks[start - 1].kind != "heading":
            start = index  # no heading just before: only headings directly before move
        while start > 0 and blocks[start - 1].kind == "heading":
            start -= 1
        for moved in blocks[start:index]:
            moved.page = moved.page or block.page


def cells(line: str) -> list[str]:
    """The cells of a pipe-table row; `\\|` inside a cell is text, not a border."""
    found, current, escaped = [], "", False
    for char in line.strip()[1:]:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            found.append(current.strip())
            current = ""
        else:
            current += char
    return found


def plain(text: str) -> str:
    """Markdown-escaped text as a reader should see it: no backslashes, no entities, no `**`,
    and `<br>` (a line break inside a table cell) as a real line break."""
    return html.unescape(_ESCAPED.sub(r"\1", text.replace("<br>", "\n").replace("**", "")))
