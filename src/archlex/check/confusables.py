"""Ids that a reader cannot tell apart: equal but for case, or for a look-alike letter.

The contract lets ids use any letters, so `visa-is`, `VISA-IS` and `vіsa-is` (with a
Cyrillic `і`) are three ids. A reference typed with the wrong one names the wrong entity or
none; the finding `id-confusable` says which ids collide and where each is written.
"""

from __future__ import annotations

import unicodedata

from archlex.findings import Finding
from archlex.load.sources import SourceMap
from archlex.rules import severity_of

# Cyrillic and Greek letters drawn like Latin ones (after case folding), the ones that
# keyboards and copy-paste bring into ids; NFKC already maps full-width and ligature forms.
_LOOK_ALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j",
        "к": "k", "ӏ": "l", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "ѕ": "s",
        "т": "t", "у": "y", "х": "x", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
        "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ζ": "z",
        "ı": "i", "ℓ": "l",
    }
)  # fmt: skip


def skeleton(entity_id: str) -> str:
    """What an id looks like: NFKC, case folded, look-alike letters mapped to Latin ones."""
    return unicodedata.normalize("NFKC", entity_id).casefold().translate(_LOOK_ALIKES)


def confusable_ids(sources: SourceMap) -> list[Finding]:
    """One finding per id that looks like an id written before it."""
    first_by_skeleton: dict[str, str] = {}
    findings: list[Finding] = []
    for entity_id, places in sources.entities.items():
        key = skeleton(entity_id)
        earlier = first_by_skeleton.setdefault(key, entity_id)
        if earlier == entity_id:
            continue
        first = sources.entities[earlier][0]
        place = places[0]
        line, column = place.at("id")
        findings.append(
            Finding(
                "id-confusable",
                severity_of("id-confusable"),
                f"id `{entity_id}`{_described(entity_id)} looks like `{earlier}`"
                f"{_described(earlier)} at {first.file}:{first.at('id')[0]}",
                place.file,
                line,
                column,
                entity_id,
                "rename one so that ids differ in more than case or look-alike letters",
            )
        )
    return findings


def _described(entity_id: str) -> str:
    """The non-ASCII letters of an id by name: they are what the reader cannot see."""
    names = [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in entity_id if ord(c) > 127]
    return f" ({', '.join(dict.fromkeys(names))})" if names else ""
