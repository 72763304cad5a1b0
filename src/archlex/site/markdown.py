"""Small Markdown builders for the site's pages; every model text goes through `md_cell`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import yaml

from archlex.toolkit.escape import html_text, md_cell
from archlex.toolkit.yaml_text import read_scalar, scalar_text, yaml_text

if TYPE_CHECKING:
    from archlex.i18n import Translator

# Only plain web addresses become links: no `javascript:`, no spaces, nothing that ends a
# Markdown link or an HTML attribute.
_WEB_ADDRESS = re.compile(r"^https?://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+$")


def page(title: str, tags: Sequence[str], body: Sequence[str]) -> str:
    """A whole page: front matter (title and tags, written by `yaml_text`), heading, body.

    mkdocs-material puts the front-matter title into the HTML unescaped (`<title>`, header,
    navigation), so the title is HTML-escaped here; the heading is escaped as Markdown. The
    title and each tag are written on one line: a line `---` in one would end the front matter
    early (as mkdocs reads it, and as `with_tags` splits it), and YAML folds its line breaks
    anyway.
    """
    meta: dict[str, object] = {"title": html_text(" ".join(title.split()))}
    if tags:
        meta["tags"] = _tags(tags)
    return _front_matter(meta) + "# " + md_cell(title) + "\n\n" + "\n\n".join(body) + "\n"


def with_tags(markdown: str, tags: Sequence[str]) -> str:
    """A page of `page` with more tags (an entity's own `tags:`) in its front matter."""
    if not tags:
        return markdown
    _, front, body = markdown.split("---\n", 2)
    meta = _read_plain(front) or yaml.safe_load(front)
    meta["tags"] = sorted(set(meta.get("tags", [])) | set(_tags(tags)))
    return _front_matter(meta) + body.removeprefix("\n")


def _tags(tags: Sequence[str]) -> list[str]:
    # mkdocs-material writes tag names into the page and the tags index unescaped (as it does
    # titles), so they are HTML-escaped here: a tag from the model shows as its text. Each on
    # one line, as the title: a line `---` in one would end the front matter early.
    return sorted({html_text(" ".join(tag.split())) for tag in tags})


def _front_matter(meta: dict[str, object]) -> str:
    front = _plain_front(meta) or yaml_text(meta, sort_keys=True)
    return "---\n" + front + "---\n\n"


def _plain_front(meta: dict[str, object]) -> str | None:
    """`yaml_text(meta, sort_keys=True)` written directly when the title and tags are strings
    of one line (a YAML dump costs ~0.3 ms, a tenth of a page); None otherwise."""
    title, tags = meta.get("title"), meta.get("tags", [])
    if meta.keys() - {"title", "tags"} or not isinstance(title, str) or not isinstance(tags, list):
        return None
    if "tags" in meta and not tags:
        return None  # `tags: []`
    written = [scalar_text(v) if isinstance(v, str) else None for v in [title, *tags]]
    if None in written:
        return None
    listed = "tags:\n" + "".join(f"- {tag}\n" for tag in written[1:]) if tags else ""
    return f"{listed}title: {written[0]}\n"


def _read_plain(front: str) -> dict[str, Any] | None:
    """The meta `_plain_front` wrote, read back without a YAML parser; None for any other."""
    lines = front.split("\n")
    if len(lines) < 2 or lines[-1] or not lines[-2].startswith("title: "):
        return None
    listed = lines[0] == "tags:"
    items = lines[1:-2] if listed else lines[:-2]
    if listed != bool(items) or any(not i.startswith("- ") for i in items):
        return None
    values = [read_scalar(text) for text in [lines[-2][len("title: ") :], *(i[2:] for i in items)]]
    if None in values:
        return None
    return {"title": values[0], "tags": values[1:]} if items else {"title": values[0]}


def table(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    empty: str = "None.",
    amounts: Sequence[int] = (),
) -> str:
    """A Markdown table of cells that are already escaped or links; `empty` when no rows.
    The columns numbered in `amounts` (from 0) hold amounts: aligned right, digit under digit."""
    if not rows:
        return f"*{empty}*"
    rule = ["---:" if column in amounts else "---" for column in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def date_cell(tr: Translator, day: dt.date) -> str:
    """A date as a table writes it in `tr`'s language, in a `<time>`, which the site's style
    keeps on one line (an ISO date would otherwise break at its hyphens in a narrow column)."""
    return f'<time datetime="{day.isoformat()}">{html_text(tr.table_date(day))}</time>'


def facts(pairs: Sequence[tuple[str, str]], empty: str = "Nothing recorded.") -> str:
    """A list of the facts that are set, `**label:** value` (escaped values or links);
    `empty` (already in the page's language) when none is."""
    lines = [f"- **{label}:** {value}" for label, value in pairs if value]
    return "\n".join(lines) or f"*{empty}*"


def heading(level: int, text: str) -> str:
    """A heading of fixed text (never model text: headings become anchors)."""
    return "#" * level + " " + text


def text(value: str | None) -> str:
    """Model text escaped for Markdown, or empty."""
    return md_cell(value) if value else ""


def web_link(label: str, address: str | None) -> str:
    """A link to a plain http(s) address; any other address shows as escaped text."""
    if not address:
        return ""
    if _WEB_ADDRESS.match(address):
        return f"[{md_cell(label)}]({address})"
    return md_cell(address)
