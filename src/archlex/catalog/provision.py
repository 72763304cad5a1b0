"""References to provisions of a regulation: `2019/817 Art 20(1)(a)`, parsed forgivingly.

Plain Python, no pydantic: `archlex catalog` parses provisions without loading the models."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Forgiven on input: case, a dot after `Art`, spaces before brackets, `Article` spelled out.
_PROVISION = re.compile(
    r"""^\s*(?P<regulation>[A-Za-z0-9][A-Za-z0-9/._-]*)\s+
        (?:art(?:icle)?\.?)\s*(?P<article>[0-9]+[a-z]*)
        (?P<parts>(?:\s*\(\s*[0-9A-Za-z]+\s*\))*)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_PART = re.compile(r"\(\s*([0-9A-Za-z]+)\s*\)")
MAX_PARTS = 3  # paragraph, point, sub-point


@dataclass(frozen=True, slots=True, order=True)
class Provision:
    """A parsed provision: regulation id, article, and paragraph / point / sub-point parts."""

    regulation: str
    article: str
    parts: tuple[str, ...] = ()

    @property
    def paragraph(self) -> str | None:
        """The paragraph number, if the reference names one."""
        return self.parts[0] if self.parts else None

    @property
    def sort_key(self) -> tuple[str, tuple[tuple[int, str], ...]]:
        """Orders articles and paragraphs as numbers: Art 9 before Art 10."""
        return (self.regulation, tuple(_natural(p) for p in (self.article, *self.parts)))

    def contains(self, other: Provision) -> bool:
        """True when `other` is this provision or lies inside it (`Art 20` contains `Art 20(1)`)."""
        return (
            self.regulation == other.regulation
            and self.article == other.article
            and other.parts[: len(self.parts)] == self.parts
        )

    def traces(self, other: Provision) -> bool:
        """True when either provision contains the other, as the contract defines tracing."""
        return self.contains(other) or other.contains(self)

    def __str__(self) -> str:
        return f"{self.regulation} Art {self.article}" + "".join(f"({p})" for p in self.parts)

    def __reduce__(self) -> tuple[type[Provision], tuple[str, str, tuple[str, ...]]]:
        # Pickled by value: much faster to load from the parse cache than a dataclass's state.
        return (Provision, (self.regulation, self.article, self.parts))


def _natural(part: str) -> tuple[int, str]:
    digits = re.match(r"\d+", part)
    return (int(digits.group()), part[digits.end() :]) if digits else (-1, part)


# A model cites the same few hundred provisions tens of thousands of times; a Provision is
# immutable, so one instance per text serves them all.
@functools.lru_cache(maxsize=8192)
def parse_provision(text: str) -> Provision | None:
    """The provision a string names, or None when it does not follow the grammar."""
    match = _PROVISION.match(text)
    if match is None:
        return None
    parts = tuple(p.lower() for p in _PART.findall(match.group("parts")))
    if len(parts) > MAX_PARTS:
        return None
    return Provision(match.group("regulation"), match.group("article").lower(), parts)


PROVISION_FORMAT = "<regulation> Art <article>[(<paragraph>)][(<point>)], e.g. 2019/817 Art 20(1)"
