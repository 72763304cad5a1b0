"""The search sections of a page's HTML made directly, for the plain HTML of archlex's entity
pages, instead of mkdocs-material's search `Parser` called tag by tag.

The HTML the block converter writes (archlex.site.page_blocks) is a row of top-level blocks:
headings with an id and a permalink, paragraphs, lists, tables, with bold, italic, links,
images, code and spans inside. For such HTML, material's `Parser` (mkdocs-material 9) does little: a
heading with an id begins a section (after an untitled one where the page does not begin with
an `h1`), the heading's text but the permalink's is the section's title, the text of everything
else is the section's text, with `<p>`, `<ul>` and `<li>` kept around it (dropped again where
only white space follows them), white space between tags one space. `sections` does the same in
one pass; HTML with any other tag or attribute, or a heading inside another element, gives None (the
parser reads it). An image is a void element: the parser does nothing with it. The raw blocks
the converter passed through (a diagram's figure) are taken whole where the parser only adds
their text (archlex.site.raw_blocks `PassedBlock.texts`) and they stand at the top level: their
text is added as its `handle_data` adds each piece. The first pages in each process are
indexed both ways and compared (archlex.site.page_search).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape, unescape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archlex.site.raw_blocks import PassedBlock

_TAGS = "h[1-6]|p|ul|li|table|thead|tbody|tr|th|td|strong|em|code|a|span|img|br"
_TOKEN = re.compile(rf'<(/?)({_TAGS})((?: [a-z][-a-z]*="[^"<>]*")*)( /)?>|([^<]+)')
_OTHER = re.compile(rf"<(?!/?(?:{_TAGS})[ >])")  # a tag of another name: found in one search
_ATTRIBUTE = re.compile(r' ([a-z][-a-z]*)="([^"]*)"')
_VOID = frozenset({"img", "br"})
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))


def sections(
    html: str, module: Any, keep: frozenset[str], blocks: Sequence[PassedBlock] = ()
) -> list[Any] | None:
    """The sections material's `Parser` makes of `html` (its `data`), made with the classes of
    material's search plugin `module`, `keep` its parser's kept tags; None if the HTML is not
    of the plain kind with the raw `blocks` (in order) at its top level."""
    parser = _Sections(module, keep)
    at = 0
    for block in blocks:
        where = html.find(block.html, at)
        if where < 0 or block.texts is None or not _plain(parser, html[at:where]):
            return None
        if not block.comment:  # the parser has no handler for a comment
            if parser.context:
                return None
            parser.raw(block.texts)
        at = where + len(block.html)
    if not _plain(parser, html[at:]):
        return None
    return parser.made if not parser.context else None


def _plain(parser: _Sections, html: str) -> bool:
    """Feed plain HTML to the parser; False if it is not of the plain kind."""
    if _OTHER.search(html):
        return False
    at = 0
    for match in _TOKEN.finditer(html):
        if match.start() != at:
            return False
        at = match.end()
        closing, tag, attributes, void, text = match.groups()
        if text is not None:
            parser.data(unescape(text))
        elif tag in _VOID or void:  # material's parser ignores a void element's tags
            if tag not in _VOID or closing:
                return False
        elif closing:
            if attributes or not parser.end(tag):
                return False
        elif not parser.start(tag, dict(_ATTRIBUTE.findall(attributes))):
            return False
    return at == len(html)


class _Sections:
    """Material's `Parser` for plain HTML: its sections, the open elements."""

    def __init__(self, module: Any, keep: frozenset[str]) -> None:
        self.module, self.keep = module, keep
        self.made: list[Any] = []  # the parser's `data`
        self.section: Any = None
        self.context: list[str] = []
        self.heading = False  # inside the section's heading
        self.permalink = False  # inside the heading's permalink

    def start(self, tag: str, attributes: dict[str, str]) -> bool:
        """An element begins; False if it is not of the plain kind."""
        attributes = {name: unescape(value) for name, value in attributes.items()}
        self.context.append(tag)
        if tag in _HEADINGS:
            if len(self.context) > 1 or set(attributes) != {"id"}:
                return False
            if tag != "h1" and not self.made:
                self._begin(self.module.Element("hx"), 1)
            section = self._begin(self.module.Element(tag, attributes), 1)
            if len(self.made) > 1:
                section.id = attributes["id"]
            self.heading = True
        elif self.section is None:
            self._begin(self.module.Element("hx"), 0)
        if tag == "a" and attributes.get("class") == "headerlink":
            self.permalink = True
        if "data-search-exclude" in attributes or attributes.get("class") == "linenodiv":
            return False
        if tag in self.keep:
            self._target().append(f"<{tag}>")
        return True

    def end(self, tag: str) -> bool:
        """An element ends; False if it is not the one open."""
        if not self.context or self.context.pop() != tag:
            return False
        if tag in _HEADINGS:
            self.heading = False
        elif tag == "a":
            self.permalink = False
        if tag in self.keep:
            data = self._target()
            index = data.index(f"<{tag}>")
            if all(piece.isspace() for piece in data[index + 1 :]):
                del data[index:]
            else:
                data.append(f"</{tag}>")
        return True

    def data(self, text: str) -> None:
        """Text between tags, added as the parser's `handle_data` adds it."""
        text = " " if text.isspace() else text.replace("\n", " ")
        if self.section is None:
            self._begin(self.module.Element("hx"), 0)
        if self.heading:
            if not self.permalink:
                self.section.title.append(escape(text, quote=False))
        elif text.isspace():
            if not self.section.text or not self.section.text[-1].isspace():
                self.section.text.append(text)
        else:
            self.section.text.append(escape(text, quote=False))

    def raw(self, texts: list[str]) -> None:
        """A raw block's texts (as written) at the top level, each added as `data` adds it: in
        the section's text, white space one space, a run of white space once."""
        if self.section is None:
            self._begin(self.module.Element("hx"), 0)
        joined = "\0".join(texts)  # unescaped at once, split again after (no reference
        if joined.count("\0") >= len(texts):  # makes a NUL: `&#0;` is made U+FFFD)
            pieces = [unescape(text) for text in texts]
        else:
            pieces = (unescape(joined) if "&" in joined else joined).split("\0")
        pieces = [" " if piece.isspace() else piece.replace("\n", " ") for piece in pieces]
        pieces = [
            piece
            for n, piece in enumerate(pieces)
            if piece and (piece != " " or not n or pieces[n - 1] != " ")
        ]
        text = self.section.text
        if pieces and pieces[0] == " " and text and text[-1].isspace():
            del pieces[0]
        if len(pieces) > 1:  # one string but the last, whose white space the next text reads
            text.append(escape("".join(pieces[:-1]), quote=False))
        if pieces:
            text.append(escape(pieces[-1], quote=False))

    def _begin(self, element: Any, depth: int) -> Any:
        """A new section."""
        self.section = self.module.Section(element, depth)
        self.made.append(self.section)
        return self.section

    def _target(self) -> list[str]:
        """Where a kept tag goes: the title inside the heading, else the text."""
        data: list[str] = self.section.title if self.heading else self.section.text
        return data
