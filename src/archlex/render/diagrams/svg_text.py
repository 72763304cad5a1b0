"""A Graphviz SVG read as text: the few tags the diagram stage measures, found by regular
expression rather than by parsing the whole drawing as XML.

Parsing every SVG drawn into a tree was most of the diagram stage's Python time after Graphviz
(a 10k model's 700 drawings, 13 MB; the trees also kept the garbage collector busy). Graphviz
writes each tag on its own, attributes double-quoted, every `<`, `>`, `&` and quote in a text or
an attribute as an entity, and its groups flat: a graph, then one group (`class="cluster"`,
`"node"` or `"edge"`) after another, an edge's links as groups without a class inside it. So a
group's content is the text from its tag to the next group with a class, and what is read here
is what `xml.etree` reads (`tests/render/test_svg_text.py` holds the two together on every
diagram of the example).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_ATTRIBUTE = re.compile(r'([^\s=]+)="([^"]*)"')
_SVG = re.compile(r"<svg\b([^>]*)>")
_GROUP = re.compile(r"<g\b([^>]*)>")
_TEXT = re.compile(r"<text\b([^>]*)>([^<]*)</text>")
_TITLE = re.compile(r"<title\b[^>]*>([^<]*)</title>")


def unescaped(text: str) -> str:
    """XML text with its character references and entities replaced (Graphviz writes only
    XML's five and numeric ones, which HTML's unescaping reads alike)."""
    return html.unescape(text)


def attributes(tag: str) -> dict[str, str]:
    """The attributes of a tag's body (what follows its name), unescaped."""
    return {name: unescaped(value) for name, value in _ATTRIBUTE.findall(tag)}


@dataclass(frozen=True)
class TextLine:
    """One `<text>` of the drawing: its attributes and its text, unescaped."""

    attrs: dict[str, str]
    text: str


def svg_attributes(svg_text: str) -> dict[str, str]:
    """The attributes of the `<svg>` tag (none when there is none)."""
    match = _SVG.search(svg_text)
    return attributes(match.group(1)) if match else {}


_GRAPH = re.compile(r'<g\b([^>]*\bclass="graph"[^>]*)>')


def graph_group_attributes(svg_text: str) -> list[dict[str, str]]:
    """The attributes of each group of class `graph` (Graphviz draws one)."""
    return [attributes(tag) for tag in _GRAPH.findall(svg_text)]


def shown_texts(svg_text: str) -> list[TextLine]:
    """Each `<text>` a reader sees (not blank), in order; the attributes of only those are
    read (most of the time spent here)."""
    found = []
    for tag, content in _TEXT.findall(svg_text):
        text = unescaped(content)
        if text.strip():
            found.append(TextLine(attributes(tag), text))
    return found


_FONT_SIZE = re.compile(r'\sfont-size="([^"]*)"')


def shown_font_sizes(svg_text: str) -> list[str]:
    """The `font-size` of each `<text>` a reader sees, "14" (SVG's default) when it has none."""
    sizes = []
    for tag, content in _TEXT.findall(svg_text):
        if unescaped(content).strip():
            size = _FONT_SIZE.search(tag)
            sizes.append(unescaped(size.group(1)) if size else "14")
    return sizes


@dataclass(frozen=True)
class Group:
    """A group with a class (`graph`, `cluster`, `node`, `edge`): its number among all the
    groups of the drawing (`<g>` tags in order), its class, and its content."""

    number: int
    kind: str
    content: str

    def title(self) -> str | None:
        """Its title (None when it has none)."""
        match = _TITLE.match(self.content.lstrip())
        return unescaped(match.group(1)) if match else None

    def path_lines(self) -> list[str]:
        """The `d` of each `<path>` in it (its links' included) that has one."""
        return [unescaped(d) for d in _PATH_D.findall(self.content) if d]

    def shown_texts(self) -> list[TextLine]:
        """Each `<text>` in it a reader sees."""
        return shown_texts(self.content)


_PATH_D = re.compile(r'<path\b[^>]*\sd="([^"]*)"')
_CLASS = re.compile(r'\sclass="([^"]*)"')


def groups(svg_text: str) -> Iterator[Group]:
    """The groups with a class, in order, each up to the next (see the module's docstring)."""
    tags = list(_GROUP.finditer(svg_text))
    classed = [
        (number, tag, unescaped(found.group(1)))
        for number, tag in enumerate(tags)
        if (found := _CLASS.search(tag.group(1)))
    ]
    for at, (number, tag, kind) in enumerate(classed):
        end = classed[at + 1][1].start() if at + 1 < len(classed) else len(svg_text)
        yield Group(number, kind, svg_text[tag.end() : end])
