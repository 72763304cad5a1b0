"""The generator's plan and state: how many entities of each kind, and the YAML helpers."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from random import Random

import synth_phrasing as phrasing
import synth_vocabulary as vocab

GAP_RATE = 0.03  # deliberate gaps: unallocated requirements, unlogged flows to components
EU_FLOW_SHARE = 0.45


# JSON leaves these raw, but YAML 1.1 forbids them in a stream (DEL, C1) or reads them as line
# breaks (NEL, LS, PS) or a byte order mark; both read the \uXXXX escape the same way.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def q(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, which YAML reads alike, plus a few more."""
    quoted = json.dumps(text, ensure_ascii=False)
    if _YAML_UNSAFE.search(quoted) is None:
        return quoted
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def flow_seq(items: Sequence[str]) -> str:
    """A YAML flow sequence of plain ids."""
    return "[" + ", ".join(items) + "]"


def quoted_seq(items: Sequence[str]) -> str:
    """A YAML flow sequence of quoted strings."""
    return "[" + ", ".join(q(i) for i in items) + "]"


@dataclass(frozen=True)
class Counts:
    """How many entities of each kind one state gets."""

    organisations: int
    systems: int
    components: int
    data: int
    flows: int
    processes: int
    requirements: int
    phases: int
    work_packages: int
    milestones: int

    @property
    def total(self) -> int:
        """Every entity with an id."""
        return sum(getattr(self, f.name) for f in fields(self))


def fixed_counts(budget: int) -> dict[str, int]:
    """Every kind but flows and requirements, each at least its minimum."""
    systems = max(2, round(budget * 0.015))
    return {
        "organisations": len(vocab.ORGANISATIONS),
        "phases": 3 if budget < 500 else len(phrasing.PHASES),
        "systems": systems,
        "components": max(systems, round(budget * 0.06)),
        "data": min(len(vocab.DATA), max(5, round(budget * 0.006))),
        "processes": max(1, round(budget * 0.02)),
        "work_packages": max(1, round(budget * 0.05)),
        "milestones": max(1, round(budget * 0.015)),
    }


def plan_counts(budget: int) -> Counts:
    """Split one state's entity budget in realistic proportions; flows and requirements fill up."""
    fixed = fixed_counts(budget)
    rest = budget - sum(fixed.values())
    if rest < 2:
        raise ValueError(f"{budget} entities are too few for a state; give {minimum_budget()}")
    flows = max(1, round(rest * 35 / 75))
    return Counts(flows=flows, requirements=rest - flows, **fixed)


def minimum_budget() -> int:
    """The fewest entities a state can have: its fixed minimum of each kind."""
    return next(b for b in range(1, 1000) if b - sum(fixed_counts(b).values()) >= 2)


@dataclass(frozen=True)
class NationalSystem:
    """A generated national system: id, name and its component ids."""

    id: str
    name: str
    template: str
    owner: str
    components: tuple[str, ...]


@dataclass
class State:
    """One state being generated: its code, random source and what exists so far."""

    code: str
    country: str
    rng: Random
    counts: Counts
    seed: int
    organisations: dict[str, str] = field(default_factory=dict)  # slug -> name
    systems: list[NationalSystem] = field(default_factory=list)
    data: dict[str, str] = field(default_factory=dict)  # slug -> name
    by_template: dict[tuple[str, ...], list[NationalSystem]] = field(default_factory=dict)

    def org(self, slug: str) -> str:
        """The id of one of the state's organisations."""
        return f"{self.code}.{slug}"

    def header(self, what: str) -> str:
        """The comment that opens every file of the state."""
        return (
            f"# {self.country} ({self.code}): {what}. Synthetic benchmark model, seed {self.seed}."
        )

    def pick_system(self) -> NationalSystem:
        """A random national system of the state."""
        return self.systems[self.rng.randrange(len(self.systems))]

    def pick_among(self, names: tuple[str, ...]) -> NationalSystem:
        """A system made from one of these templates; else one of the same owners; else any."""
        if names not in self.by_template:
            owners = {t.owner for t in vocab.SYSTEMS if t.name in names}
            self.by_template[names] = [s for s in self.systems if s.template in names] or [
                s for s in self.systems if s.owner in owners
            ]
        candidates = self.by_template[names] or self.systems
        return candidates[self.rng.randrange(len(candidates))]


def width(count: int, minimum: int) -> int:
    """Digits of zero-padded numbers in ids, so that they sort."""
    return max(minimum, len(str(count)))


def provisions(st: State, regulation: str, topic: str, count: int) -> list[str]:
    """`count` distinct provisions of a topic, paragraph (1) or (2)."""
    articles = vocab.TOPIC_ARTICLES[topic]
    chosen = {
        f"{regulation} Art {st.rng.choice(articles)}({st.rng.randint(1, 2)})" for _ in range(count)
    }
    return sorted(chosen)
