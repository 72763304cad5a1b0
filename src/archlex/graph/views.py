"""What a named view selects: its systems and flows, from its include, exclude, focus and depth.

An entry of `include` or `exclude` is an id, else a tag that entities carry. A system or
component selects its system; an organisation the systems it owns or runs; a flow itself; a
process its steps; a data category the flows that carry it. The focus adds the systems within
`depth` flow hops of it (1 when not given). The flows shown are those named, and every flow
whose systems are all shown; excluding a system takes away the flows through it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from archlex.model import DataCategory, Flow, Model, Organisation, Process, View
from archlex.model.system import SystemKind

DEFAULT_DEPTH = 1


@dataclass
class Selection:
    """The systems (by id) and flows a view shows, and the process order of its flows."""

    systems: set[str] = field(default_factory=set)
    flows: list[Flow] = field(default_factory=list)


@dataclass
class _Picked:
    systems: set[str] = field(default_factory=set)
    flows: set[str] = field(default_factory=set)
    order: list[str] = field(default_factory=list)  # flow ids in the order processes give


def default_view_names(model: Model) -> set[str]:
    """The names the default diagrams take (a named view may not take one of them)."""
    names = {"context", "technical", "technical-border", "data", "data-special", "legend"}
    names |= {f"context-{s.id}" for s in model.systems if s.kind is SystemKind.NATIONAL}
    for process in model.processes:
        names |= {f"process-{process.id}", f"sequence-{process.id}"}
    return names


def tagged(model: Model, tag: str) -> list[str]:
    """The ids of the entities (components included) that carry a tag, by id."""
    found = {e.id for _, e in model.entities() if tag in e.tags}
    found |= {c.id for c in model.components if tag in c.tags}
    return sorted(found)


def resolve(model: Model, entry: str) -> list[str]:
    """The ids an entry names: itself if it is an id, else the entities its tag marks."""
    return [entry] if model.get(entry) is not None else tagged(model, entry)


def select(model: Model, view: View) -> Selection:
    """The systems and flows a view shows."""
    parent = system_index(model)
    ends = {f.id: _ends(parent, f) for f in model.flows}
    picked = _pick(model, parent, (i for e in view.include for i in resolve(model, e)))
    if view.focus is not None:
        picked.systems |= neighbourhood(parent, ends, view.focus, view.depth or DEFAULT_DEPTH)
    if not view.include and view.focus is None:
        picked.systems = {s.id for s in model.systems}
    dropped = _pick(model, parent, (i for e in view.exclude for i in resolve(model, e)))
    shown = picked.systems - dropped.systems
    chosen = [
        f
        for f in sorted(model.flows, key=lambda f: f.id)
        if f.id not in dropped.flows
        and (f.id in picked.flows or ends[f.id] <= shown)
        and not ends[f.id] & dropped.systems
    ]
    order = {flow_id: n for n, flow_id in enumerate(picked.order)}
    chosen.sort(key=lambda f: (order.get(f.id, len(order)), f.id))
    shown |= {s for f in chosen for s in ends[f.id]}
    return Selection(shown, chosen)


def system_index(model: Model) -> dict[str, str]:
    """Every system and component id, with the id of its system."""
    parent: dict[str, str] = {}
    for system in model.systems:
        parent.setdefault(system.id, system.id)
        for component in system.components:
            parent.setdefault(component.id, system.id)
    return parent


def neighbourhood(
    parent: dict[str, str], ends: dict[str, set[str]], focus: str, depth: int
) -> set[str]:
    """The focus's system and the systems within `depth` flow hops of it."""
    start = parent.get(focus)
    if start is None:
        return set()
    reached = {start}
    for _ in range(depth):
        reached |= {s for linked in ends.values() if linked & reached for s in linked}
    return reached


def _pick(model: Model, parent: dict[str, str], ids: Iterable[str]) -> _Picked:
    """What a list of ids names, as systems and flows."""
    picked = _Picked()
    for entity_id in ids:
        system = parent.get(entity_id)
        entity = model.get(entity_id)
        if system is not None:
            picked.systems.add(system)
        elif isinstance(entity, Organisation):
            picked.systems |= {s.id for s in model.systems if entity.id in (s.owner, s.operator)}
        elif isinstance(entity, Flow):
            picked.flows.add(entity.id)
        elif isinstance(entity, Process):
            picked.flows |= set(entity.steps)
            picked.order += [s for s in entity.steps if s not in picked.order]
        elif isinstance(entity, DataCategory):
            picked.flows |= {f.id for f in model.flows if entity.id in f.data}
    return picked


def _ends(parent: dict[str, str], flow: Flow) -> set[str]:
    """The systems a flow passes: its ends and its interface."""
    return {parent[ref] for ref in (flow.from_, flow.to, flow.via) if ref in parent}
