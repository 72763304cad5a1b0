"""A page's Markdown made into HTML directly, for the small part of Markdown archlex writes in
its entity pages, instead of Python-Markdown's block parser, inline step, table of contents and
serializer.

The subset: ATX headings (`#` to `######`, a space, text), paragraphs, tight `- ` lists of one
line per item, pipe tables (a border on both sides, as many cells in each row as in the
header), blank lines between; the text inside them of the simple inline kind
(archlex.site.page_inline) with images and linked images, plain `<span>` and `<a>` tags between
its parts, `\\|` escaped in tables; and raw HTML blocks that Python-Markdown provably copies as
written (archlex.site.raw_blocks `cut_raw_blocks`: a diagram's figure), passed through whole.
What Python-Markdown writes for them
is written here: headings with the table of contents' ids (its `slugify` and `unique`, so the
duplicate suffixes are its own) and permalinks, its table of contents tokens, mkdocs' title and
anchors, and every address made relative by mkdocs' own `_RelativePathTreeprocessor.path_to_url`
(its warnings and the links to anchors with it), and the ids mkdocs reads from the raw blocks.
Anything else in a page (other raw HTML, `&`, code,
nested or loose lists, block quotes, indented lines, admonitions ...) makes `convert` give None:
the page is converted by Python-Markdown. A page with `{` is left to it too: the attribute
lists material's tags plugin switches on read `{: ...}`. The first pages converted here in each
process are converted both ways and compared (archlex.site.page_markdown).
"""

from __future__ import annotations

import html
import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from archlex.site.page_inline import step_pattern
from archlex.site.raw_blocks import PassedBlock, cut_raw_blocks

_HEADING = re.compile(r"(#{1,6}) +(.*[^#\s])")
_ITEM = re.compile(r"- +(\S.*)")
# an item's or paragraph line's start that a block processor of Python-Markdown would read
_BLOCKISH = re.compile(
    r"\s|[#>|<=~]|!!!|[-+*]\s|[-+*]?$|\d+[.)]\s|[-*_ ]*[-*_][-*_ ]*[-*_][-*_ ]*[-*_]\s*$"
    r"|\[[^\[\]]*\]:"
)
_RULE = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_PERMALINK = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'
_MARKS = ("&", "{", "\x02", "\x03", "\t", "\r")  # in Markdown: not of the subset
_AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)


@dataclass(frozen=True)
class Converted:
    """What converting a page gives: its HTML, table of contents tokens, title and anchors."""

    content: str
    tokens: list[dict[str, Any]]  # Python-Markdown's toc tokens, nested
    title: str | None
    anchors: set[str]
    blocks: tuple[PassedBlock, ...] = ()  # the raw blocks passed through, in order


class BlockConverter:
    """Converts pages of the subset; `convert` gives None for anything else."""

    def __init__(
        self,
        escaped: Iterable[str],
        slugify: Callable[[str, str], str],
        separator: str,
        is_block_level: Callable[[str], bool],
    ) -> None:
        escaped = sorted(set(escaped))
        self.step = step_pattern(escaped)
        self.escape = re.compile(r"\\([" + re.escape("".join(escaped)) + "])")
        self.slugify, self.separator = slugify, separator
        self.is_block_level = is_block_level

    def convert(self, source: str, link: Callable[[str], str]) -> Converted | None:
        """The page's parts, its addresses made relative by `link`; None if not the subset."""
        pieces = cut_raw_blocks(source, self.is_block_level) if "<" in source else [source]
        texts = [piece for piece in pieces if isinstance(piece, str)]
        if any(mark in text for text in texts for mark in _MARKS):
            return None
        page = _Page(self, link)
        for piece in pieces:
            if isinstance(piece, PassedBlock):
                page.raw(piece)
                continue
            for lines in _blocks(piece):
                if not page.add(lines):
                    return None
        return page.converted()

    def inline(self, text: str) -> str | None:
        """The HTML of a text of the simple inline kind (links as they are); None otherwise."""
        if "  \n" in text or "\\\\" in text:
            return None
        out: list[str] = []
        at = 0
        for step in self.step.finditer(text):
            if step.start() != at:
                return None
            at = step.end()
            strong, em, label, address = step.group(1, 2, 3, 4)
            if step.lastindex is not None and step.lastindex <= 4:
                inner = strong if strong is not None else em if em is not None else label
                made = self.inline(inner)
                if made is None or (label is not None and "<" in made):
                    return None
                if address is not None:
                    out.append(f'<a href="{_attribute(address)}">{made}</a>')
                else:
                    tag = "strong" if strong is not None else "em"
                    out.append(f"<{tag}>{made}</{tag}>")
            elif step.lastindex is not None and step.lastindex < 10:
                alt, image, target, shown, source = step.group(5, 6, 7, 8, 9)
                words = alt if alt is not None else shown
                if "\n" in words:
                    return None
                made = f'<img alt="{_attribute(words)}" src="{_attribute(image or source)}" />'
                out.append(made if target is None else f'<a href="{_attribute(target)}">{made}</a>')
            else:
                out.append(_text(self.escape.sub(r"\1", step.group(0))))
        return "".join(out) if at == len(text) else None


class _Page:
    """The page's HTML and table of contents as they are made, block by block."""

    def __init__(self, converter: BlockConverter, link: Callable[[str], str]) -> None:
        self.converter, self.link = converter, link
        self.html: list[str] = []
        self.headings: list[dict[str, Any]] = []
        self.ids: set[str] = set()
        self.counters: dict[str, int] = {}
        self.title: str | None = None
        self.last = ""  # the kind of the last block
        self.blocks: list[PassedBlock] = []  # the raw blocks

    def add(self, lines: list[str]) -> bool:
        """Add a block; False if it is not of the subset."""
        first = lines[0]
        heading = _HEADING.fullmatch(first) if len(lines) == 1 else None
        if heading is not None:
            made = self._heading(len(heading.group(1)), heading.group(2).strip())
            kind = "heading"
        elif first.startswith("- "):
            made, kind = (None if self.last == "list" else self._list(lines)), "list"
        elif first.startswith("|"):
            made, kind = self._table(lines), "table"
        else:
            made, kind = self._paragraph(lines), "paragraph"
        if made is None:
            return False
        self.html.append(made)
        self.last = kind
        return True

    def raw(self, block: PassedBlock) -> None:
        """Add a raw block as Python-Markdown writes it: as it is, a line break after it."""
        self.html.append(block.html + "\n")
        self.blocks.append(block)
        self.last = "raw"

    def converted(self) -> Converted:
        """The page's parts (its HTML stripped, as Python-Markdown strips its output)."""
        toc = importlib.import_module("markdown.extensions.toc")
        tokens = toc.nest_toc_tokens(self.headings)
        content = "\n".join(self.html).strip()
        anchors = self.ids.union(*(block.anchors for block in self.blocks))
        return Converted(content, tokens, self.title, anchors, tuple(self.blocks))

    def _text(self, text: str) -> str | None:
        """The HTML of a text, its addresses made relative, its inline tags as they are."""
        if "`" in text and _CODE.search(text):
            return self._split(text, _CODE, lambda code: f"<code>{code[1:-1].strip()}</code>")
        if "<" in text and _INLINE_TAG.search(text):
            return self._split(text, _INLINE_TAG, _inline_tag)
        made = self.converter.inline(text)
        if made is None or ("<a " not in made and "<img " not in made):
            return made
        return _HREF.sub(self._href, made)

    def _split(
        self, text: str, pattern: re.Pattern[str], made_of: Callable[[str], str | None]
    ) -> str | None:
        """A text with code spans or plain inline tags between its simple parts, the spans or
        tags (`pattern`, one group) made by `made_of`. Python-Markdown stashes each code span
        first of all, and each tag as written after its link and escape patterns and before
        its emphasis, and converts the parts between; a part next to one must not start or end
        with a `*` but the edge of its own bold or italic text (all of its `*` are in pairs of
        its own: none can pair across)."""
        parts = pattern.split(text)
        made: list[str] = []
        for number, part in enumerate(parts):
            if number % 2:
                element = made_of(part)
                if element is None:
                    return None
                made.append(element)
            elif part:
                html_part = self._text(part)
                if html_part is None:
                    return None
                if (number and part[0] == "*" and not html_part.startswith(_EMPHASIS_OPEN)) or (
                    number < len(parts) - 1
                    and part[-1] == "*"
                    and not html_part.endswith(_EMPHASIS_CLOSE)
                ):
                    return None
                made.append(html_part)
        return "".join(made)

    def _href(self, match: re.Match[str]) -> str:
        """A link's or image's address made relative (in the order mkdocs makes them)."""
        address, alt, source = match.group(1, 2, 3)
        if address is not None:
            return f'<a href="{_attribute(self.link(html.unescape(address)))}">'
        source = _attribute(self.link(html.unescape(source)))
        return f'<img alt="{alt}" src="{source}" />'

    def _heading(self, level: int, text: str) -> str | None:
        """A heading with its id and permalink, added to the table of contents."""
        toc = importlib.import_module("markdown.extensions.toc")
        inner = self.converter.inline(text)
        if inner is None or "<a " in inner or "<img " in inner:
            return None
        name = toc.strip_tags(inner)
        slug = self.converter.slugify(html.unescape(name), self.converter.separator)
        anchor = toc.unique(slug, self.ids, self.counters)
        token = {"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""}
        self.headings.append(token)
        if level == 1 and not self.html:
            self.title = " ".join(re.sub(r"<[^>]*>", "", inner).split())
        self.link(f"#{anchor}")  # mkdocs records the permalink as a link to an anchor
        return f'<h{level} id="{anchor}">{inner}{_PERMALINK.format(anchor)}</h{level}>'

    def _list(self, lines: list[str]) -> str | None:
        """A tight list of one line per item, the last item's text continued by the lines after
        it that no block processor reads (Python-Markdown's lazy continuation: an item's text,
        a line break and the lines)."""
        count = next((n for n, line in enumerate(lines) if not line.startswith("- ")), len(lines))
        rest = lines[count:]
        if any(_BLOCKISH.match(line) or line[-1].isspace() or "|" in line for line in rest):
            return None
        items = []
        for line in lines[:count]:
            item = _ITEM.fullmatch(line)
            if item is None or _BLOCKISH.match(item.group(1)) or item.group(1)[-1].isspace():
                return None
            items.append(item.group(1))
        items[-1] = "\n".join([items[-1], *rest])
        made = [self._text(item) for item in items]
        if None in made:
            return None
        return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in made) + "\n</ul>"

    def _table(self, lines: list[str]) -> str | None:
        """A pipe table with a border on both sides."""
        rows = [line.strip(" ") for line in lines]
        if len(rows) < 3 or not _RULE.fullmatch(rows[1]) or "\\\\" in "".join(rows):
            return None
        if not all(row.startswith("|") and row.endswith("|") and row[-2:] != "\\|" for row in rows):
            return None
        aligns = [_align(cell.strip()) for cell in rows[1][1:-1].split("|")]
        head = self._row(rows[0], "th", aligns)
        body = [made for row in rows[2:] if (made := self._row(row, "td", aligns)) is not None]
        if head is None or len(body) != len(rows) - 2:
            return None
        body_html = "\n".join(body)
        return f"<table>\n<thead>\n{head}\n</thead>\n<tbody>\n{body_html}\n</tbody>\n</table>"

    def _row(self, row: str, tag: str, aligns: list[str]) -> str | None:
        """A table row's HTML; None unless it has a cell for each column."""
        cells = _CELL_SPLIT.split(row[1:-1])
        if len(cells) != len(aligns):
            return None
        made = []
        for cell, align in zip(cells, aligns, strict=True):
            text = self._text(cell.strip(" ")) if cell.strip(" ") else ""
            if text is None:
                return None
            style = f' style="text-align: {align};"' if align else ""
            made.append(f"<{tag}{style}>{text}</{tag}>")
        return "<tr>\n" + "\n".join(made) + "\n</tr>"

    def _paragraph(self, lines: list[str]) -> str | None:
        """A paragraph of lines no block processor reads."""
        if any(_BLOCKISH.match(line) for line in lines):
            return None
        if len(lines) > 1 and "|" in lines[0]:
            return None  # a table without borders, if its second line is a rule
        made = self._text("\n".join(lines))
        return None if made is None else f"<p>{made}</p>"


# an inline tag as archlex writes one: a name, and attributes with a double-quoted value of
# characters no inline pattern that runs before Python-Markdown's raw HTML pattern reads
_INLINE_TAG = re.compile(r'(</?[a-z]+(?: [a-z][-a-z]*="[-\w./:#, ]*")*>)')
_TAG_NAME = re.compile(r"</?([a-z]+)")
_INLINE_TAGS = {"a", "span", "br"}
_EMPHASIS_OPEN, _EMPHASIS_CLOSE = ("<strong>", "<em>"), ("</strong>", "</em>")
_ANCHOR = re.compile(r" (?:id|name)=")  # mkdocs would read an anchor: left to it
# a code span of one backtick on each side, of text that its escaping leaves as it is and that
# the attribute lists (`{`) and the serializer (`&`, `<`, `>`) would read
_CODE = re.compile(r"(?<![\\`])(`[^`\\&<>{}\n]+`)(?!`)")
_HREF = re.compile(r'<a href="([^"]*)">|<img alt="([^"]*)" src="([^"]*)" />')
_EXTENSIONS = ["toc", "tables", "fenced_code", "admonition"]  # archlex's and mkdocs' own
_TOC = {  # the table of contents' options the converter writes as
    "marker": "[TOC]",
    "anchorlink": False,
    "permalink": True,
    "permalink_class": "headerlink",
    "permalink_title": "Permanent link",
    "permalink_leading": False,
    "baselevel": "1",
    "toc_depth": 6,
    "separator": "-",
}


def converter_for(md: Any) -> BlockConverter | None:
    """A converter for pages the Python-Markdown instance `md` converts, if its processors are
    of the kinds archlex's extensions make, in the same order, and its table of contents is
    configured as the converter writes it; else None."""
    markdown = importlib.import_module("markdown")
    attributes = "AttrListTreeprocessor" in _kinds(md.treeprocessors)  # material's tags add it
    usual = markdown.Markdown(extensions=_EXTENSIONS + ["attr_list"] * attributes)
    for stage in ("preprocessors", "treeprocessors", "postprocessors", "inlinePatterns"):
        if _kinds(getattr(md, stage)) != _kinds(getattr(usual, stage)):
            return None
    if _kinds(md.parser.blockprocessors) != _kinds(usual.parser.blockprocessors):
        return None
    toc = [ext for ext in md.registeredExtensions if type(ext).__name__ == "TocExtension"]
    options = toc[0].getConfigs() if len(toc) == 1 else {}
    if any(options.get(key) != value for key, value in _TOC.items()):
        return None
    slugify = md.treeprocessors["toc"].slugify
    return BlockConverter(md.ESCAPED_CHARS, slugify, "-", md.is_block_level)


def _kinds(registry: Any) -> list[str]:
    """The kinds of a Python-Markdown registry's processors, in the order they run."""
    return [type(item).__qualname__ for item in registry]


def _blocks(source: str) -> Iterable[list[str]]:
    """The blocks of the source: its runs of lines that are not blank."""
    block: list[str] = []
    for line in source.split("\n"):
        if line.strip(" "):
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _inline_tag(tag: str) -> str | None:
    """A plain inline tag as Python-Markdown writes it (as it is); None for another tag."""
    name = _TAG_NAME.match(tag)
    if name is None or name.group(1) not in _INLINE_TAGS or _ANCHOR.search(tag):
        return None
    return tag


def _align(rule: str) -> str:
    """A column's alignment from its rule (`:--`, `--:`, `:-:`), as the tables extension reads."""
    if rule.startswith(":") and rule.endswith(":"):
        return "center"
    if rule.startswith(":"):
        return "left"
    return "right" if rule.endswith(":") else ""


def _text(text: str) -> str:
    """Text as Python-Markdown's serializer escapes it."""
    return _AMP.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    """An attribute's value as Python-Markdown's serializer escapes it."""
    text = _AMP.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("\n", "&#10;")
