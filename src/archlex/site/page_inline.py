"""Python-Markdown's inline step for the text archlex writes in its pages: bold and italic words
and links, with plain text between them, turned into elements by one regular expression instead
of Python-Markdown's pattern-by-pattern search of every text.

The inline step is nearly half of an entity page's Markdown time. It is taken here only for a
page whose every text is of the simple kind: `**bold**`, `*italic*` (plain text inside), links
`[text](address)` (plain text, an address without spaces, quotes or brackets), linked images
`[![text](image)](address)`, images, backslash escapes, and text without
anything else any of Python-Markdown's inline patterns reads (backticks, backslashes, `<`, `&`,
`_`, `!`, brackets outside a link, a `*` outside a pair, two spaces before a line end, its own
placeholders), and only when the instance's inline patterns are Python-Markdown's own. Otherwise
Python-Markdown's inline step runs on the page. The elements are made as its patterns make
them; mkdocs' and the table of contents' processors and the serializer then run as always. The
first pages that take it in each process are converted both ways and compared
(archlex.site.page_markdown).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any
from xml.etree.ElementTree import Element

_MARKUP = r"*\[\]`\\<&_!\x02\x03"  # what an inline pattern reads (and placeholders)
_ESCAPABLE = "\\`*_{}[]()>#+-.!"  # Python-Markdown's own escapes (extensions may add more)
_URL = r"""[^\s()<>"'`*\\\x02\x03]+"""


def step_pattern(escapable: Iterable[str]) -> re.Pattern[str]:
    """One step along a text, left to right: an inline element, an escape of one of the
    `escapable` characters, or plain text."""
    escape = r"\\[" + re.escape("".join(sorted(set(escapable)))) + "]"
    plain = rf"(?:[^{_MARKUP}]|{escape})"
    word = rf"(?:[^\s{_MARKUP}]|{escape})"
    link = rf"\[{plain}+\]\({_URL}\)"
    edge = rf"(?:{link}|{word})"  # what begins and ends a bold or italic text
    inner = rf"{edge}(?:(?:{link}|{plain})*{edge})?"  # plain text and links
    piece = (
        rf"\*\*({inner})\*\*(?!\*)|(?<!\*)\*({inner})\*(?!\*)"
        rf"|\[({plain}+)\]\(({_URL})\)"
        rf"|\[!\[([^{_MARKUP}]+)\]\(({_URL})\)\]\(({_URL})\)"  # a linked image
        rf"|!\[([^{_MARKUP}]+)\]\(({_URL})\)"  # an image
    )
    return re.compile(rf"{piece}|({escape})|[^{_MARKUP}]+")


_STEP = step_pattern(_ESCAPABLE)
_ESCAPED = re.compile(r"\\(.)")
_HARD_BREAK = "  \n"
_STASHED = re.compile("\x02wzxhzdk:[0-9]+\x03")  # a raw HTML block's place: left as it is


class FastInline:
    """Stands in for Python-Markdown's inline treeprocessor; runs it where a text is not
    simple."""

    def __init__(self, own: Any) -> None:
        self.own = own  # Python-Markdown's InlineProcessor
        self.atomic: type[str] = importlib.import_module("markdown.util").AtomicString
        self.enabled = True
        self.used = False  # whether the last page took the fast way

    def __getattr__(self, name: str) -> Any:
        """What Python-Markdown's patterns read from its inline step (its stashed nodes)."""
        return getattr(self.own, name)

    def run(self, tree: Element) -> Element:
        """Make the inline elements of the page's texts."""
        elements = list(tree.iter())
        if not self.enabled or not all(self._is_simple(element) for element in elements):
            self.used = False
            result: Element = self.own.run(tree)
            return result
        self.used = True
        for element in elements:
            text, tail = element.text, element.tail
            if text is not None and self._is_text(text):
                element.text, made = _pieces(text)
                for place, child in enumerate(made):
                    element.insert(place, child)
            if tail is not None and self._is_text(tail) and element is not tree:
                element.tail, made = _pieces(tail)
                if made:
                    parent = _parent(tree, element)
                    at = list(parent).index(element) + 1
                    for place, child in enumerate(made):
                        parent.insert(at + place, child)
        return tree

    def _is_text(self, text: str) -> bool:
        """Whether the inline step reads the text (not a raw block's place, not atomic)."""
        return bool(text) and not isinstance(text, self.atomic) and not _STASHED.fullmatch(text)

    def _is_simple(self, element: Element) -> bool:
        """Whether the element's text and tail are of the simple kind (or not read)."""
        for text in (element.text, element.tail):
            if text is not None and self._is_text(text) and not _is_simple_text(text):
                return False
        return True


def _is_simple_text(text: str) -> bool:
    """Whether the text is all steps of the simple kind (`_STEP`, left to right)."""
    at = 0
    while at < len(text):
        step = _STEP.match(text, at)
        if step is None:
            return False
        at = step.end()
    return _HARD_BREAK not in text


def _pieces(text: str) -> tuple[str | None, list[Element]]:
    """The text before the first inline element, and the elements (each with its tail), the
    escapes made as Python-Markdown's escape pattern makes them."""
    made: list[Element] = []
    plain: list[str] = []
    head: str | None = None
    for step in _STEP.finditer(text):
        strong, em, label, address, alt, image, target, shown, source, _ = step.groups()
        if step.lastindex is None or step.lastindex > 9:  # plain text or an escape
            plain.append(step.group(0))
            continue
        if made:
            made[-1].tail = _unescaped(plain)
        else:
            head = _unescaped(plain)
        plain = []
        if address is not None:
            element = Element("a", {"href": address})
            element.text = _unescaped([label])
        elif target is not None:
            element = Element("a", {"href": target})
            element.append(Element("img", {"src": image, "alt": alt}))
        elif source is not None:
            element = Element("img", {"src": source, "alt": shown})
        else:
            element = Element("strong" if strong is not None else "em")
            element.text, inside = _pieces(strong if strong is not None else em)
            element.extend(inside)  # the links in it
        made.append(element)
    if made:
        made[-1].tail = _unescaped(plain)
    else:
        head = _unescaped(plain)
    return head, made


def _unescaped(texts: list[str]) -> str | None:
    """The texts joined, each escape as Python-Markdown's escape pattern leaves it (the
    character's code point between its markers, made the character again later)."""
    text = "".join(texts)
    if "\\" in text:
        text = _ESCAPED.sub(lambda match: f"\x02{ord(match.group(1))}\x03", text)
    return text or None


def _parent(tree: Element, child: Element) -> Element:
    """The element holding `child` (tails are rare in a page's tree: found by a search)."""
    for parent in tree.iter():
        if child in list(parent):
            return parent
    raise ValueError("not in the tree")
