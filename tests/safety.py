"""Checks that a document holds the payload model's text only as text: no live markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A URL scheme that runs code, however it is disguised: any case, with tabs, newlines or
# spaces inside (browsers drop them), or written with character references (the parser has
# already decoded those by the time an attribute value reaches us).
_LIVE_SCHEME = re.compile(r"^\s*(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data)\s*:", re.I)
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcdoc"})
_EMBEDDING = frozenset({"iframe", "object", "embed", "frame", "base"})


class LiveMarkup(HTMLParser):
    """Every element, attribute and script of an HTML (or SVG) document that could run code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._in_script = True
        if tag in _EMBEDDING:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>: an event handler")
            if name in _URL_ATTRIBUTES and value and _LIVE_SCHEME.match(value):
                self.problems.append(f"<{tag} {name}={value!r}>: a script URL")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "__pwned" in data:
            self.problems.append(f"a script element runs model text: {data[:80]!r}")
        elif not self._in_script:
            self.text.append(data)


def live_markup(document: str) -> tuple[list[str], str]:
    """What in the document could run code, and the text a reader sees."""
    parser = LiveMarkup()
    parser.feed(document)
    parser.close()
    return parser.problems, "".join(parser.text)
