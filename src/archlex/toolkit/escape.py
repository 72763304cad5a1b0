"""Escaping model text for HTML, Markdown tables and spreadsheet cells.

Model text (titles, summaries, names) is written by people and must show as text wherever it
lands: never as markup, never as a link, never as a formula. Each output format has one helper.
"""

from __future__ import annotations

import functools
import html
import re

# Characters that make a spreadsheet read a cell as a formula: OWASP's `= + - @` TAB CR LF,
# and the full-width forms of the first four for good measure.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")

# C0 and C1 control characters other than tab and newline: invisible, and U+0085 (NEL) even
# breaks lines in some readers. Dropped from Markdown.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# Inline Markdown syntax, escaped everywhere: code spans, emphasis, links and images, attribute
# lists and macros ({ }), and the backslash itself. Both CommonMark and Python-Markdown honour a
# backslash before each of these.
_INLINE = re.compile(r"([\\`*_\[\]{}])")
# Block syntax only matters where a line starts, which in a cell is its start: a list item
# (- or +; * is escaped everywhere), a heading (#), or an ordered list item (1. or 1)).
_BLOCK_START = re.compile(r"^(\s*)([-+#]|\d+(?=[.)]))")
# Characters replaced by references: raw HTML and entities (< > &), table cells (|) and
# strikethrough (~, which Python-Markdown does not let a backslash escape).
_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;"}
_REFERENCE_TABLE = str.maketrans(_REFERENCES)


def html_text(text: str) -> str:
    """Text escaped for HTML content and quoted attribute values: `<`, `>`, `&`, `"`, `'`."""
    return html.escape(text, quote=True)


@functools.lru_cache(maxsize=65536)  # the same ids and names are written on many pages
def md_cell(text: str) -> str:
    """Text escaped for a Markdown table cell: it shows as written and stays in its cell.

    Raw HTML and entities become text, pipes become `&#124;`, inline Markdown syntax is
    backslash-escaped, a leading list or heading marker is escaped, control characters are
    dropped and line breaks become `<br>`, the only markup the result contains.
    """
    text = _CONTROL.sub("", text).replace("\t", " ")
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK_START.sub(_escape_block_start, text)
    text = text.translate(_REFERENCE_TABLE)
    return "<br>".join(_LINE_BREAK.split(text))


def _escape_block_start(match: re.Match[str]) -> str:
    spaces, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # `1.` stays a number; escape what follows it instead
        return spaces + marker + "\\"
    return f"{spaces}\\{marker}"


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet could read the text as a formula, also after leading whitespace."""
    body = text.lstrip()
    leading = text[: len(text) - len(body)]
    return any(c in FORMULA_TRIGGERS for c in leading) or body[:1] in FORMULA_TRIGGERS


def sheet_cell(text: str) -> str:
    """Text for a CSV cell that a spreadsheet opens as text: a formula gets a leading `'`.

    The prefix changes the value, so use this only for files meant for spreadsheets; in XLSX,
    write strings as strings (with a quote-prefix format) instead.
    """
    return f"'{text}" if starts_formula(text) else text
