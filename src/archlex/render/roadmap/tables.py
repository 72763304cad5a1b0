"""Small helpers of roadmap.md: Markdown tables under translated headings, counts and spans."""

from __future__ import annotations

import datetime as dt

from archlex.i18n import Translator
from archlex.model import Model, WorkPackage


def by_start(model: Model) -> list[WorkPackage]:
    """The work packages by start date, then id."""
    return sorted(model.work_packages, key=lambda p: (p.start, p.id))


def count(tr: Translator, text: str, number: int) -> str:
    """`text` (an ngettext result with `{n}`) with the number in the output's format."""
    return text.format(n=tr.number(number))


def span(tr: Translator, start: dt.date, end: dt.date) -> str:
    """`2027-01-04 to 2027-06-30`, `04.01.2027.–30.06.2027.`: dates as in a table."""
    return tr.gettext("{start} to {end}").format(start=tr.table_date(start), end=tr.table_date(end))


def table(tr: Translator, head: tuple[str, ...], rows: list[list[str]]) -> str:
    """A Markdown table under the translated headings `head` (msgids)."""
    return markdown_table([tr.gettext(h) for h in head], rows)


def markdown_table(head: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; an empty cell gets a space so that the row keeps its columns."""
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)
