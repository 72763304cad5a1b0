"""The text of a diagram's inline SVG given to mkdocs-material's search `Parser` directly, without
its handler calls for each of the SVG's thousands of tags.

Inside an SVG the search plugin's `Parser` (mkdocs-material 9) only keeps the text: none of its
elements is a heading, a tag the index keeps (`p`, `code`, `li` ...), a tag it skips, or marked
to be excluded, so each start and end tag only pushes and pops the parser's context, and each
piece of text is added to the current section as its `handle_data` adds it, with the same
answers to its questions about the context (skipped? in a `pre`? in the section's heading?) for
the whole subtree. Where a subtree is not like that, its tags are fed one by one. The pages
whose entries come this way are compared with the plugin's own on the first pages of each
process (archlex.site.page_search).
"""

from __future__ import annotations

import importlib
import re
from html import escape, unescape
from typing import Any

ROOTS = frozenset({"svg"})  # the elements whose subtrees may be taken as text alone
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_MARKED = re.compile(r"data-search-exclude|linenodiv|headerlink", re.IGNORECASE)


def subtree_end(parser: Any, tokens: list[re.Match[str]], root: int) -> int | None:
    """The index of the end tag closing the start tag at `root` (fed already), if the
    subtree between is text the parser only adds; else None."""
    section = parser.section
    if section is None or section.depth > len(parser.context):
        return None  # the subtree's end tags could close the section
    module = importlib.import_module("material.plugins.search.plugin")
    blocked = parser.keep | _HEADINGS | module.void | {"pre", getattr(section.el, "tag", "")}
    blocked |= {getattr(element, "tag", element) for element in parser.skip}
    stack = [tokens[root].group(1).lower()]
    for index in range(root + 1, len(tokens)):
        opened, attributes, closed, ended = tokens[index].groups()
        if opened:
            if opened.lower() in blocked or _MARKED.search(attributes):
                return None
            if not closed:
                stack.append(opened.lower())
        elif ended:
            if stack.pop() != ended.lower():
                return None
            if not stack:
                return index
    return None


def add_text(parser: Any, tokens: list[re.Match[str]]) -> None:
    """Add the text among `tokens` as the parser's `handle_data` adds it in the context the
    subtree's root left (which its plain elements do not change)."""
    context, section = parser.context, parser.section
    if parser.skip.intersection(context):
        return
    pre = "pre" in context
    titled = section.el in context
    permalink = any(el.tag == "a" and el.attrs.get("class") == "headerlink" for el in context)
    text, title = section.text, section.title
    for match in tokens:
        if match.group(1) or match.group(4):
            continue
        data = unescape(match.group(0))
        if not pre:
            data = data.replace("\n", " ") if not data.isspace() else " "
        if titled:
            if not permalink:
                title.append(escape(data, quote=False))
        elif data.isspace():
            if not text or not text[-1].isspace() or pre:
                text.append(data)
        else:
            text.append(escape(data, quote=False))
