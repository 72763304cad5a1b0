"""A page's search index entries as mkdocs-material's search plugin makes them, with the page's
HTML split into tags and text by two regular expressions instead of Python's `HTMLParser`.

The search plugin parses every page's HTML back into sections (material's `Parser`, an
`HTMLParser`), which was about a third of a small page's time after the page shells. The HTML
Python-Markdown writes for archlex's pages is regular: tags with simple names and quoted
attributes, text between them. For such HTML the tags and text here are exactly the calls
`HTMLParser` makes (the same names lower-cased, attribute values and text unescaped, a
self-closing tag as a start and an end), fed to material's own `Parser`, whose sections become
the entries as the plugin makes them. HTML with anything else (comments, `<script>`, `<style>`,
`<title>`, unquoted attributes, a stray `<`) is parsed by `HTMLParser`. The first pages in each
process are indexed both ways and compared; a difference leaves the plugin's own way in place.
"""

from __future__ import annotations

import importlib
import logging
import re
from html import unescape
from typing import TYPE_CHECKING, Any

from archlex.site.search_sections import sections
from archlex.site.search_text import ROOTS, add_text, subtree_end
from archlex.site.trusted import Trusted

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from archlex.site.raw_blocks import PassedBlock

_NAME = r"[a-zA-Z][a-zA-Z0-9]*"
_ATTRIBUTE = r"""\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*"|='[^']*')?"""
TOKEN = re.compile(rf"""<({_NAME})((?:{_ATTRIBUTE})*)\s*(/?)>|</({_NAME})\s*>|[^<]+""")
ATTRIBUTES = re.compile(r"""\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=("[^"]*"|'[^']*'))?""")
# What HTMLParser reads otherwise than as plain tags and text (raw text elements, and those some
# Python versions read so), and markup the split above leaves to it.
OTHER = re.compile(
    r"<(?:script|style|textarea|xmp|iframe|noembed|noframes|noscript|plaintext)\b|<[!?]"
    r"|<title\b(?![^>]*>[^<&]*</title\s*>)",  # a title of plain text reads the same in all
    re.IGNORECASE,
)

log = logging.getLogger(__name__)


class PageSearch:
    """Indexes pages for the search plugin with the fast split where it can (per process)."""

    def __init__(
        self, config: MkDocsConfig, passed: dict[str, tuple[PassedBlock, ...]] | None = None
    ) -> None:
        plugin = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(plugin, "search_index", None)
        usable = index is not None and hasattr(type(index), "add_entry_from_context")
        self.index: Any = index if usable else None
        self.plain = Trusted()  # the fast split
        self.shortcut = Trusted()  # an SVG taken as text alone
        self.direct = Trusted()  # the sections of plain HTML made directly
        self.direct_raw = Trusted()  # the same, with raw blocks passed through taken whole
        self.passed = {} if passed is None else passed  # those blocks, by page
        self.keep: frozenset[str] | None = None  # the tags material's parser keeps
        self.direct_pages = 0  # pages whose sections were made directly
        self.split = 0  # pages whose HTML the fast split read
        self.shortcuts = 0  # of those, pages with an SVG taken as text alone

    def __enter__(self) -> PageSearch:
        """Index the build's pages here instead of in the plugin's own way."""
        if self.index is not None:
            self.index.add_entry_from_context = self.add  # on this index only
        return self

    def __exit__(self, *_: object) -> None:
        if self.index is not None and "add_entry_from_context" in vars(self.index):
            del self.index.add_entry_from_context

    def add(self, page: Page) -> None:
        """Add the page's entries to the index, as the plugin's `add_entry_from_context`."""
        index = self.index
        own = type(index).add_entry_from_context
        if not self.plain.take() or OTHER.search(page.content or ""):
            own(index, page)
            return
        before = len(index.entries)
        ways = self._add(index, page)
        if ways is None:
            own(index, page)
            return
        if not any(way.checking for way in ways):
            return
        ours = index.entries[before:]  # indexed both ways: the plugin's entries are kept
        del index.entries[before:]
        own(index, page)
        if ours == index.entries[before:]:
            for way in ways:
                way.agreed()
            return
        ways[-1].disagreed()
        log.debug("search entries of %s differ from the plugin's: not used", page.url)

    def _add(self, index: Any, page: Page) -> list[Trusted] | None:
        """Material's `add_entry_from_context`, the sections made here; None (and nothing
        added) if the HTML is not plain tags and text, else the fast ways taken."""
        module = importlib.import_module("material.plugins.search.plugin")
        search, html = page.meta.get("search") or {}, page.content or ""
        if search.get("exclude"):
            return [self.plain]
        if self.keep is None:
            self.keep = frozenset(module.Parser().keep)
        blocks = self.passed.pop(page.file.src_uri, ())
        direct = self.direct_raw if blocks else self.direct
        made = sections(html, module, self.keep, blocks) if direct.take() else None
        ways = [self.plain, direct]
        if made is None:
            parser = module.Parser()
            taken = _feed(parser, html, self.shortcut.take())
            if taken is None:
                return None
            self.split += 1
            self.shortcuts += bool(taken)
            made, ways = parser.data, [self.plain, self.shortcut] if taken else [self.plain]
        else:
            self.direct_pages += 1
        for section in made:
            if not section.is_excluded():
                index.create_entry_for_section(section, page.toc, page.url, page)
        return ways


def _feed(parser: Any, html: str, shortcut: bool) -> int | None:
    """Make the handler calls HTMLParser makes (`convert_charrefs` on) for plain HTML, the text
    of an SVG taken directly where `shortcut` (archlex.site.search_text); None (and nothing
    fed) if the HTML is not plain tags and text, else how many subtrees were taken directly."""
    tokens, at = [], 0
    for match in TOKEN.finditer(html):
        if match.start() != at:
            return None
        at = match.end()
        tokens.append(match)
    if at != len(html):
        return None
    start, end, data = parser.handle_starttag, parser.handle_endtag, parser.handle_data
    index, taken = 0, 0
    while index < len(tokens):
        opened, attributes, closed, ended = tokens[index].groups()
        index += 1
        if opened:
            tag = opened.lower()
            found = [
                (name.lower(), unescape(value[1:-1]) if value else None)  # "" if absent
                for name, value in ATTRIBUTES.findall(attributes)
            ]
            start(tag, found)
            if closed:
                end(tag)
            elif shortcut and tag in ROOTS:
                last = subtree_end(parser, tokens, index - 1)
                if last is not None:
                    add_text(parser, tokens[index:last])
                    index, taken = last, taken + 1
        elif ended:
            end(ended.lower())
        else:
            data(unescape(tokens[index - 1].group(0)))
    return taken
