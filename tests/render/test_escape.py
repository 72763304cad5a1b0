"""The escaping helpers: model text shows as text in HTML, Markdown tables and spreadsheets."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from archlex.toolkit.escape import FORMULA_TRIGGERS, html_text, md_cell, sheet_cell, starts_formula

# Any text, weighted towards the characters that are syntax somewhere.
SYNTAX = "|\\`*_[](){}<>&#+-.!~=@'\"\t\r\n \u0085\u2028:/"
TEXTS = st.text(alphabet=st.one_of(st.sampled_from(SYNTAX), st.characters()), max_size=60)

HOSTILE = [
    '=HYPERLINK("http://x")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "a | b\nc",
    "--8<-- /etc/passwd",
]

# CommonMark with GFM tables and raw HTML switched on: the strictest reader of a cell.
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def render_cell(cell: str) -> str:
    """The HTML of a one-column table whose one body cell is `cell`."""
    return str(MARKDOWN.render(f"| head |\n| --- |\n| {cell} |\n"))


def cell_text(rendered: str) -> str:
    """The text a reader sees in the body cell (a `<br>` read as a line break)."""
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.DOTALL)
    assert len(cells) == 1, rendered
    return html.unescape(cells[0].replace("<br>", "\n"))


@given(TEXTS)
@example("a|b")
@example("\\|")
@example("`a|b`")
def test_md_cell_never_leaves_a_pipe_or_a_line_break(text: str) -> None:
    cell = md_cell(text)
    assert "|" not in cell
    assert "\n" not in cell and "\r" not in cell
    assert "<" not in cell.replace("<br>", "")


@settings(max_examples=300)
@given(TEXTS)
@example("<script>alert(1)</script>")
@example("[x](javascript:alert(1))")
@example("- item")
@example("1. one")
@example("**bold** _em_ `code` ~~gone~~ {{ macro }}")
@example("&amp; &#124; \\")
def test_md_cell_shows_the_text_as_written_in_one_cell(text: str) -> None:
    rendered = render_cell(md_cell(text))
    assert "<script" not in rendered and "<a " not in rendered and "<em" not in rendered
    # Line breaks (NEL and U+2028 too) become <br>; other control characters are dropped.
    expected = re.sub(r"\r\n|[\r\n\x85\u2028\u2029]", "\n", text.replace("\t", " "))
    expected = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", expected)
    assert cell_text(rendered).strip() == expected.strip()  # a cell drops outer spaces


def test_md_cell_leaves_ids_and_provisions_readable() -> None:
    assert md_cell("REQ-CIR-01") == "REQ-CIR-01"
    assert md_cell("2019/817 Art 20(1)(a)") == "2019/817 Art 20(1)(a)"
    assert md_cell("a | b\nc") == "a &#124; b<br>c"


@given(TEXTS)
@example("")
@example("<img src=x onerror=alert(1)>")
def test_html_text_never_leaves_markup(text: str) -> None:
    escaped = html_text(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert html.unescape(escaped) == text


@given(TEXTS)
def test_sheet_cell_never_starts_a_formula(text: str) -> None:
    cell = sheet_cell(text)
    assert cell[:1] not in FORMULA_TRIGGERS
    assert cell.lstrip()[:1] not in FORMULA_TRIGGERS
    assert cell == (f"'{text}" if starts_formula(text) else text)


@pytest.mark.parametrize("text", [*HOSTILE[:5], "  =1", " \t x", "\n=1", "\uff1d1"])
def test_sheet_cell_quotes_every_formula(text: str) -> None:
    assert sheet_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["REQ-1", "x=1", "", "a-b", "O'Brien"])
def test_sheet_cell_leaves_plain_text_alone(text: str) -> None:
    assert sheet_cell(text) == text
