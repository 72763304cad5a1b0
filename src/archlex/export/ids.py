"""archlex ids as identifiers other tools accept, and text that XML 1.0 can carry.

archlex ids may contain dots and non-ASCII letters and may start with a digit; xs:ID (an NCName)
and Structurizr DSL identifiers allow less. The mapping keeps ASCII letters and digits (and `-`
and `.` in xs:IDs) and writes every other character as `_<hex code point>_`: deterministic, and
injective because `_` never stands for itself, so two archlex ids never share an identifier.
"""

from __future__ import annotations

import re

# The `xml:lang` attribute as ElementTree names it (it writes the `xml` prefix by itself).
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_XML_KEPT = re.compile(r"[A-Za-z0-9.-]")
_DSL_KEPT = re.compile(r"[A-Za-z0-9]")
# The characters XML 1.0 allows (its `Char` production); everything else cannot be written.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape_id(archlex_id: str, kept: re.Pattern[str] = _XML_KEPT) -> str:
    """The id with every character but the `kept` ones written as `_<hex>_`."""
    return "".join(c if kept.fullmatch(c) else f"_{ord(c):x}_" for c in archlex_id)


def xml_id(archlex_id: str) -> str:
    """A valid xs:ID for an archlex id: `id-` and the escaped id."""
    return f"id-{escape_id(archlex_id)}"


def dsl_identifier(archlex_id: str) -> str:
    """A Structurizr DSL identifier for an archlex id: ASCII letters, digits and `_` only."""
    return f"e_{escape_id(archlex_id, _DSL_KEPT)}"


def xml_text(text: str) -> str:
    """The text without the control characters XML 1.0 forbids (they cannot be escaped)."""
    return _NOT_XML_CHAR.sub("", text)


def dsl_deployment_identifier(*parts: str) -> str:
    """A DSL identifier for a deployment element named by several archlex ids (an environment,
    a node, a system): injective too, as no archlex id contains the space that joins them."""
    return f"d_{escape_id(' '.join(parts), _DSL_KEPT)}"
