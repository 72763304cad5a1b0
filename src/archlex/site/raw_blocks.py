"""Large raw HTML blocks of a page's Markdown (a diagram's inline SVG) kept out of
Python-Markdown: the block's content is replaced by a stand-in before the conversion and put
back in the HTML after it.

Python-Markdown reads a page's whole source with an `HTMLParser` twice (mkdocs' anchors, then
its own raw HTML blocks) and passes a raw block through as written; for a diagram page that is
900 KB parsed twice to be copied. A block is stood in for only where the copy is provably the
same: it starts a line after a blank line with a block-level tag, and its content is plain,
balanced markup (quoted attributes, text without `<`, only complete character references, no
tabs, carriage returns or blank lines of spaces, which Python-Markdown would normalise). Such
content leaves Python-Markdown's reading of the page where it found it, so the page converted
with the content replaced by a stand-in must have stored the block, stand-in and all, as one raw
block, and written the stand-in once: both are checked after each conversion, and the anchors
mkdocs would have read from the content are added. Anything else converts the old way.

The block converter (archlex.site.page_blocks) takes such blocks whole (`cut_raw_blocks`): a
block of plain, balanced markup that starts a line after a blank line with a block-level tag
and ends with a blank line (or the page) is copied by Python-Markdown as written, with a line
break after it, and takes no part in the Markdown around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

from archlex.site.page_search import ATTRIBUTES, OTHER, TOKEN

_OPEN, _CLOSE = "\ue002", "\ue003"  # private-use characters, never in the pages archlex writes
_SMALLEST = 4000  # characters of content below which Python-Markdown's own pass costs little
_START = re.compile(r"(?:\A|(?<=\n\n))<([a-zA-Z][a-zA-Z0-9]*)\b")
# What Python-Markdown would not copy as written: an `&` that is not a complete reference (its
# parser completes `&#45` to `&#45;`), and what its whitespace normalising changes.
_CHANGED = re.compile(
    r"&(?!(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);)|[\t\r\x02\x03]|\n +\n"
)


# a raw block's start tag where the block converter takes it: its name ends at a space or `>`, as
# Python-Markdown's raw HTML postprocessor reads the name to tell a block from inline HTML
_PASSED = re.compile(r"(?:\A|(?<=\n\n))(?:<([a-zA-Z][a-zA-Z0-9]*)(?=[ >])|<!--)")
# a comment of one line that Python-Markdown stores as a raw block of its own
_COMMENT = re.compile(r"<!--(?:[^-<>&\n]|-(?=[^-<>&\n]))+-->")
# a line the fenced code preprocessor, which runs before the raw blocks are read, could take
_FENCE = re.compile(r"^(?:`{3}|~{3})", re.MULTILINE)


# tags and attributes mkdocs-material's search parser treats otherwise than as plain elements
# whose text it adds: headings, the tags it keeps or skips, void tags, excluded elements
_SEARCHED = frozenset(
    [f"h{level}" for level in range(1, 7)]
    + ["p", "code", "pre", "li", "ol", "ul", "sub", "sup", "object", "script", "style"]
    + ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"]
    + ["source", "track", "wbr"]
)
_MARKED = re.compile(r"data-search-exclude|linenodiv|headerlink", re.IGNORECASE)


@dataclass(frozen=True)
class PassedBlock:
    """A raw HTML block Python-Markdown copies into the page as written, the ids mkdocs' raw
    HTML reader takes from it, and its text as written between its tags, if the search
    plugin's parser only adds that text (no element of the block is one it treats otherwise;
    archlex.site.search_sections), else None."""

    html: str
    anchors: set[str]
    texts: list[str] | None

    @property
    def comment(self) -> bool:
        """Whether the block is a comment (which the search parser does not see)."""
        return self.html.startswith("<!--")


@dataclass(frozen=True)
class RawBlock:
    """A raw block's place in the source: its start tag, content and end tag."""

    start: int  # where the start tag begins
    inside: int  # where the content begins (after the start tag)
    close: int  # where the end tag begins
    end: int  # after the end tag

    def stand_in(self, source: str, number: int) -> tuple[str, str]:
        """The block with a stand-in for its content, and the content the stand-in takes."""
        content = source[self.inside : self.close]
        lead = "\n" if content.startswith("\n") else ""
        trail = "\n" if content.endswith("\n") else ""
        kept = content[len(lead) : len(content) - len(trail)]
        marked = f"{lead}{_OPEN}{number}{_CLOSE}{trail}"
        return source[self.start : self.inside] + marked + source[self.close : self.end], kept


@dataclass(frozen=True)
class StoodIn:
    """A page's source with stand-ins, and what to put back after the conversion."""

    source: str
    blocks: list[tuple[str, str, str]]  # (the block as stood in, its stand-in, its content)
    anchors: set[str]  # the ids mkdocs reads from the blocks' content

    def restored(self, html: str, stash: list[object]) -> str | None:
        """The converted page with the blocks' content back; None if Python-Markdown did not
        store each block whole as one raw block and write its stand-in once."""
        stored = {text for text in stash if isinstance(text, str)}
        for block, mark, content in self.blocks:
            if (block not in stored and block + "\n" not in stored) or html.count(mark) != 1:
                return None
            html = html.replace(mark, content)
        return html


def stood_in(source: str, is_block_level: Callable[[str], bool]) -> StoodIn | None:
    """The source with its large plain raw blocks stood in for; None if it has none."""
    if _OPEN in source or _CLOSE in source:
        return None
    found: list[tuple[RawBlock, set[str]]] = []
    at = 0
    for match in _START.finditer(source):
        if match.start() < at or not is_block_level(match.group(1).lower()):
            continue
        block = _block(source, match.start())
        if block is None or block.close - block.inside < _SMALLEST:
            continue
        content = source[block.inside : block.close]
        ids = None if _CHANGED.search(content) or OTHER.search(content) else _anchors(content)
        if ids is not None:
            found.append((block, ids))
            at = block.end
    if not found:
        return None
    parts: list[str] = []
    blocks: list[tuple[str, str, str]] = []
    anchors: set[str] = set()
    last = 0
    for number, (block, ids) in enumerate(found):
        text, content = block.stand_in(source, number)
        parts += [source[last : block.start], text]
        blocks.append((text, f"{_OPEN}{number}{_CLOSE}", content))
        anchors |= ids
        last = block.end
    parts.append(source[last:])
    return StoodIn("".join(parts), blocks, anchors)


def cut_raw_blocks(source: str, is_block_level: Callable[[str], bool]) -> list[str | PassedBlock]:
    """The source as its Markdown and the raw blocks between, in order. A block is cut out only
    where Python-Markdown provably copies it as written: a block-level start tag at a line's
    start after a blank line (or at the page's start), plain balanced markup up to its matching
    end tag (as `stood_in` takes), and a blank line or the page's end right after that; or a
    comment of one line so placed (stored as a raw block of its own); no line of it a fence
    (the fenced code preprocessor runs before the raw blocks are read). Any other `<` stays
    in the Markdown (and the converter leaves the page to Python-Markdown)."""
    pieces: list[str | PassedBlock] = []
    last = 0
    for match in _PASSED.finditer(source):
        if match.start() < last:
            continue
        if match.group(1) is None:
            comment = _COMMENT.match(source, match.start())
            passed = None if comment is None else PassedBlock(comment.group(0), set(), [])
        elif is_block_level(match.group(1).lower()):
            passed = _scanned(source, match.start())
        else:
            continue
        if passed is None or _FENCE.search(passed.html):
            continue
        end = match.start() + len(passed.html)
        if source[end:] not in ("", "\n") and not source.startswith("\n\n", end):
            continue
        pieces += [source[last : match.start()], passed]
        last = end
    pieces.append(source[last:])
    return pieces


def _block(source: str, start: int) -> RawBlock | None:
    """The raw block whose start tag is at `start`, if its markup is plain and balanced up to
    the matching end tag."""
    stack: list[str] = []
    inside, at = 0, start
    for match in TOKEN.finditer(source, start):
        if match.start() != at:
            return None
        at = match.end()
        opened, _, closed, ended = match.groups()
        if opened and not closed:
            stack.append(opened.lower())
        elif ended:
            if not stack or stack.pop() != ended.lower():
                return None
            if not stack:
                return RawBlock(start, inside, match.start(), at)
        if not inside:
            inside = at
    return None


def _scanned(source: str, start: int) -> PassedBlock | None:
    """The raw block whose start tag is at `start` (as `_block` finds it), its anchors (as
    `_anchors` reads them) and texts, in one pass; None unless its markup is plain and balanced
    and Python-Markdown copies it as written."""
    stack: list[str] = []
    anchors: set[str] = set()
    texts: list[str] | None = []
    at = start
    for match in TOKEN.finditer(source, start):
        if match.start() != at:
            return None
        at = match.end()
        opened, attributes, closed, ended = match.groups()
        if opened:
            tag = opened.lower()
            if attributes and not _read_ids(tag, attributes, anchors):
                return None
            if texts is not None and (tag in _SEARCHED or _MARKED.search(attributes)):
                texts = None
            if not closed:
                stack.append(tag)
        elif ended:
            if not stack or stack.pop() != ended.lower():
                return None
            if not stack:
                html = source[start:at]
                if _CHANGED.search(html) or OTHER.search(html):
                    return None
                return PassedBlock(html, anchors, texts)
        elif texts is not None:
            texts.append(match.group(0))
    return None


def _read_ids(tag: str, attributes: str, found: set[str]) -> bool:
    """Add the ids mkdocs' raw HTML reader takes from a start tag's attributes: `id`, and
    `name` of an `a`; False if one has no value (mkdocs would keep a None)."""
    lowered = attributes.lower()
    if "id" not in lowered and "name" not in lowered:
        return True
    for name, value in ATTRIBUTES.findall(attributes):
        name = name.lower()
        if name == "id" or (name == "name" and tag == "a"):
            if not value:
                return False
            found.add(unescape(value[1:-1]))
    return True


def _anchors(content: str) -> set[str] | None:
    """The ids mkdocs' raw HTML reader takes from plain markup: `id`, and `name` of an `a`;
    None if one has no value (mkdocs would keep a None: the block converts the old way)."""
    found: set[str] = set()
    for match in TOKEN.finditer(content):
        tag, attributes = match.group(1), match.group(2)
        if not tag or not attributes:
            continue
        for name, value in ATTRIBUTES.findall(attributes):
            name = name.lower()
            if name == "id" or (name == "name" and tag.lower() == "a"):
                if not value:
                    return None
                found.add(unescape(value[1:-1]))
    return found
