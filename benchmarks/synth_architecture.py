"""The generator's architecture files: organisations, data, systems, flows and processes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import synth_phrasing as phrasing
import synth_vocabulary as vocab
from synth_plan import (
    EU_FLOW_SHARE,
    GAP_RATE,
    NationalSystem,
    State,
    flow_seq,
    provisions,
    q,
    quoted_seq,
    width,
)


def render_organisations(st: State) -> str:
    """organisations.yaml: the six bodies, their roles as the regulations name them."""
    out = [st.header("organisations and the roles they hold"), "organisations:"]
    for tpl in vocab.ORGANISATIONS:
        name = st.rng.choice(tpl.names).format(country=st.country)
        st.organisations[tpl.slug] = name
        out += [f"  - id: {st.org(tpl.slug)}", f"    name: {q(name)}", f"    kind: {tpl.kind}"]
        out.append(f"    description: {q(tpl.description)}")
        if tpl.roles:
            out.append("    roles:")
        for role, systems in tpl.roles:
            grant = f"{{role: {role}, for: {flow_seq(systems)}}}" if systems else role
            out.append(f"      - {grant}")
    return "\n".join(out) + "\n"


def render_data(st: State) -> str:
    """data.yaml: the data categories, the most common first."""
    out = [st.header("data categories"), "data:"]
    for tpl in vocab.DATA[: st.counts.data]:
        st.data[tpl.slug] = tpl.name
        out += [f"  - id: {st.code}.{tpl.slug}", f"    name: {q(tpl.name)}"]
        out.append(f"    personal: {str(tpl.personal).lower()}")
        out.append(f"    special: {str(tpl.special).lower()}")
        out.append(f"    retention: {q(tpl.retention)}")
    return "\n".join(out) + "\n"


def system_name(index: int) -> str:
    """The base names first, then qualified copies, so that every name is distinct."""
    base = vocab.SYSTEMS[index % len(vocab.SYSTEMS)].name
    rounds = index // len(vocab.SYSTEMS)
    if rounds == 0:
        return base
    if rounds <= len(vocab.SYSTEM_QUALIFIERS):
        return f"{base} ({vocab.SYSTEM_QUALIFIERS[rounds - 1]})"
    return f"{base} ({rounds})"


def component_spread(st: State) -> list[int]:
    """How many components each system gets: one audit log each, the rest at random."""
    spread = [1] * st.counts.systems
    extra = st.counts.components - st.counts.systems
    while extra > 0:
        index = st.rng.randrange(len(spread))
        if spread[index] < len(vocab.COMPONENTS):
            spread[index] += 1
            extra -= 1
    return spread


def render_system(st: State, index: int, n_components: int) -> list[str]:
    """One national system with its components."""
    tpl = vocab.SYSTEMS[index % len(vocab.SYSTEMS)]
    sid = f"{st.code}.SYS-{index + 1:0{width(st.counts.systems, 3)}d}"
    name = system_name(index)
    operator = "it-centre" if st.rng.random() < 0.8 else tpl.owner
    out = [f"  - id: {sid}", f"    name: {q(name)}", "    kind: national"]
    out += [f"    owner: {st.org(tpl.owner)}", f"    operator: {st.org(operator)}"]
    out += [f"    status: {st.rng.choice(vocab.STATUSES)}", f"    zone: {q(tpl.zone)}"]
    out += [f"    description: {q(tpl.description)}", "    components:"]
    parts = [vocab.COMPONENTS[0], *st.rng.sample(vocab.COMPONENTS[1:], n_components - 1)]
    for slug, part_name, description in parts:
        out += [f"      - id: {sid}.{slug}", f"        name: {q(part_name)}"]
        out.append(f"        description: {q(description)}")
    components = tuple(f"{sid}.{p[0]}" for p in parts)
    st.systems.append(NationalSystem(sid, name, tpl.name, tpl.owner, components))
    return out


def render_systems(st: State) -> str:
    """systems.yaml: the state's national systems."""
    out = [st.header("national systems and their components"), "systems:"]
    for index, n_components in enumerate(component_spread(st)):
        out += render_system(st, index, n_components)
    return "\n".join(out) + "\n"


def pick_data(st: State, wanted: Sequence[str]) -> list[str]:
    """Data ids the flow carries: the wanted categories the state has, else its first one."""
    have = [slug for slug in wanted if slug in st.data] or [next(iter(st.data))]
    chosen = st.rng.sample(have, st.rng.randint(1, len(have)))
    return [f"{st.code}.{slug}" for slug in sorted(chosen)]


def logging_of(st: State, source: NationalSystem) -> str:
    """A logging entry: by the sending system's audit log, or fields and retention."""
    if st.rng.random() < 0.5:
        return f"{{by: {source.components[0]}}}"
    log_fields = st.rng.sample(vocab.LOG_FIELDS, st.rng.randint(3, 5))
    return f"{{fields: {flow_seq(log_fields)}, retention: P1Y}}"


@dataclass(frozen=True)
class Flow:
    """A generated flow, rendered, and the EU system or component it goes to, if any."""

    eu_target: str | None
    yaml: list[str]


def eu_flow(st: State, fid: str, process: str | None) -> Flow:
    """A flow from a national system through a national uniform interface to the EU."""
    target = st.rng.choice(vocab.EU_TARGETS)
    source = st.pick_among(vocab.SOURCES[target.target])
    regulation = st.rng.choice(target.regulations)
    cited = st.rng.sample(target.legal_basis, min(len(target.legal_basis), st.rng.randint(1, 2)))
    legal = [f"{regulation} Art {ref}" for ref in sorted(cited)]
    sites = vocab.SITES_BY_TARGET.get(target.target, vocab.SITES)
    purpose = st.rng.choice(target.purposes).format(site=st.rng.choice(sites))
    out = [f"  - id: {fid}", f"    from: {source.id}", f"    to: {target.target}"]
    out += [f"    via: {target.via}", f"    data: {flow_seq(pick_data(st, target.data))}"]
    out += [f"    purpose: {q(purpose)}", f"    legal_basis: {quoted_seq(legal)}"]
    out.append(f"    sync: {st.rng.choice(target.syncs)}")
    gap = GAP_RATE if target.is_component else 0.3
    if st.rng.random() >= gap:
        out.append(f"    logging: {logging_of(st, source)}")
    if process:
        out.append(f"    process: {process}")
    return Flow(target.target, out)


def national_flow(st: State, fid: str, process: str | None) -> Flow:
    """A flow between two national systems, sometimes to a component of the receiver."""
    source = st.pick_system()
    target = st.pick_system()
    while target is source:
        target = st.pick_system()
    to = st.rng.choice(target.components) if st.rng.random() < 0.2 else target.id
    data = pick_data(st, st.rng.sample(list(st.data), 2))
    purpose = st.rng.choice(vocab.NATIONAL_PURPOSES).format(
        data=st.data[data[0].split(".", 1)[1]].lower(), source=source.name, target=target.name
    )
    out = [f"  - id: {fid}", f"    from: {source.id}", f"    to: {to}"]
    out += [f"    data: {flow_seq(data)}", f"    purpose: {q(purpose)}"]
    if st.rng.random() < 0.4:
        topic = st.rng.choice(list(vocab.TOPIC_ARTICLES))
        regulation = st.rng.choice((vocab.REG_817, vocab.REG_818))
        out.append(f"    legal_basis: {quoted_seq(provisions(st, regulation, topic, 1))}")
    out.append(f"    sync: {st.rng.choice(('query', 'push', 'batch'))}")
    if st.rng.random() < 0.5:
        out.append(f"    logging: {logging_of(st, source)}")
    if process:
        out.append(f"    process: {process}")
    return Flow(None, out)


def process_steps(st: State) -> list[list[int]]:
    """Flow indexes each process runs: a short run of consecutive flows, spread evenly."""
    stride = max(1, st.counts.flows // st.counts.processes)
    steps: list[list[int]] = []
    for p in range(st.counts.processes):
        start = p * stride
        length = min(st.rng.randint(3, 8), stride, max(0, st.counts.flows - start))
        steps.append(list(range(start, start + length)))
    return steps


def process_id(st: State, index: int) -> str:
    """The id of the state's process number `index` (from 0)."""
    return f"{st.code}.PROC-{index + 1:0{width(st.counts.processes, 2)}d}"


def flow_id(st: State, index: int) -> str:
    """The id of the state's flow number `index` (from 0)."""
    return f"{st.code}.FLOW-{index + 1:0{width(st.counts.flows, 4)}d}"


def make_flows(st: State, steps: list[list[int]]) -> list[Flow]:
    """Every flow of the state, EU-bound or national, each tagged with its process."""
    process_of = {i: process_id(st, p) for p, run in enumerate(steps) for i in run}
    flows = []
    for i in range(st.counts.flows):
        make = eu_flow if st.rng.random() < EU_FLOW_SHARE else national_flow
        flows.append(make(st, flow_id(st, i), process_of.get(i)))
    return flows


def process_names(st: State, steps: list[list[int]], flows: list[Flow]) -> list[tuple[str, str]]:
    """(name, owner) of each process, after the EU target of its first EU-bound flow."""
    names: list[tuple[str, str]] = []
    seen: Counter[str] = Counter()
    for run in steps:
        target = next((flows[i].eu_target for i in run if flows[i].eu_target), None)
        name, owner = st.rng.choice(phrasing.PROCESSES[target or "national"])
        seen[name] += 1
        if seen[name] > 1:  # distinct names: the same process at other sites
            n = seen[name] - 2
            variants = phrasing.PROCESS_VARIANTS
            name += f" ({variants[n]})" if n < len(variants) else f" ({seen[name]})"
        names.append((name, owner))
    return names


def render_processes(st: State, steps: list[list[int]], flows: list[Flow]) -> str:
    """processes.yaml: business processes and the flows they run, in order."""
    out = [st.header("business processes"), "processes:"]
    for p, (run, (name, owner)) in enumerate(
        zip(steps, process_names(st, steps, flows), strict=True)
    ):
        out += [f"  - id: {process_id(st, p)}", f"    name: {q(name)}"]
        out += [
            f"    owner: {st.org(owner)}",
            f"    steps: {flow_seq([flow_id(st, i) for i in run])}",
        ]
    return "\n".join(out) + "\n"
