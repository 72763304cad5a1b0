"""Generate a synthetic multi-state archlex model of a given size, deterministically."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from random import Random

import phrasing
import synthetic as syn

MAX_ENTITIES_PER_FILE = 2000
GAP_RATE = 0.03  # deliberate gaps: unallocated requirements, unlogged flows to components
EU_FLOW_SHARE = 0.45
GROUP_TITLES = {
    "eu": "data flows to EU systems and interoperability components",
    "national": "data flows between national systems",
}
FILE_KINDS = ("organisations", "data", "systems", "flows", "requirements", "processes", "roadmap")


def q(text: str) -> str:
    """A YAML double-quoted scalar; JSON's escapes are a subset of YAML's."""
    return json.dumps(text, ensure_ascii=False)


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
        "organisations": len(syn.ORGANISATIONS),
        "phases": 3 if budget < 500 else len(phrasing.PHASES),
        "systems": systems,
        "components": max(systems, round(budget * 0.06)),
        "data": min(len(syn.DATA), max(5, round(budget * 0.006))),
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


@dataclass(frozen=True)
class Requirement:
    """A generated requirement, kept for the work packages that deliver it."""

    id: str
    type: str
    yaml: str
    systems: tuple[str, ...]


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
        """A national system made from one of these templates, or any when the state has none."""
        if names not in self.by_template:
            self.by_template[names] = [s for s in self.systems if s.template in names]
        candidates = self.by_template[names] or self.systems
        return candidates[self.rng.randrange(len(candidates))]


def width(count: int, minimum: int) -> int:
    """Digits of zero-padded numbers in ids, so that they sort."""
    return max(minimum, len(str(count)))


def render_organisations(st: State) -> str:
    """organisations.yaml: the six bodies, their roles as the regulations name them."""
    out = [st.header("organisations and the roles they hold"), "organisations:"]
    for tpl in syn.ORGANISATIONS:
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
    for tpl in syn.DATA[: st.counts.data]:
        st.data[tpl.slug] = tpl.name
        out += [f"  - id: {st.code}.{tpl.slug}", f"    name: {q(tpl.name)}"]
        out.append(f"    personal: {str(tpl.personal).lower()}")
        out.append(f"    special: {str(tpl.special).lower()}")
        out.append(f"    retention: {q(tpl.retention)}")
    return "\n".join(out) + "\n"


def system_name(index: int) -> str:
    """The base names first, then qualified copies, so that every name is distinct."""
    base = syn.SYSTEMS[index % len(syn.SYSTEMS)].name
    rounds = index // len(syn.SYSTEMS)
    if rounds == 0:
        return base
    if rounds <= len(syn.SYSTEM_QUALIFIERS):
        return f"{base} ({syn.SYSTEM_QUALIFIERS[rounds - 1]})"
    return f"{base} ({rounds})"


def component_spread(st: State) -> list[int]:
    """How many components each system gets: one audit log each, the rest at random."""
    spread = [1] * st.counts.systems
    extra = st.counts.components - st.counts.systems
    while extra > 0:
        index = st.rng.randrange(len(spread))
        if spread[index] < len(syn.COMPONENTS):
            spread[index] += 1
            extra -= 1
    return spread


def render_system(st: State, index: int, n_components: int) -> list[str]:
    """One national system with its components."""
    tpl = syn.SYSTEMS[index % len(syn.SYSTEMS)]
    sid = f"{st.code}.SYS-{index + 1:0{width(st.counts.systems, 3)}d}"
    name = system_name(index)
    operator = "it-centre" if st.rng.random() < 0.8 else tpl.owner
    out = [f"  - id: {sid}", f"    name: {q(name)}", "    kind: national"]
    out += [f"    owner: {st.org(tpl.owner)}", f"    operator: {st.org(operator)}"]
    out += [f"    status: {st.rng.choice(syn.STATUSES)}", f"    zone: {q(tpl.zone)}"]
    out += [f"    description: {q(tpl.description)}", "    components:"]
    parts = [syn.COMPONENTS[0], *st.rng.sample(syn.COMPONENTS[1:], n_components - 1)]
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


def provisions(st: State, regulation: str, topic: str, count: int) -> list[str]:
    """`count` distinct provisions of a topic, paragraph (1) or (2)."""
    articles = syn.TOPIC_ARTICLES[topic]
    chosen = {
        f"{regulation} Art {st.rng.choice(articles)}({st.rng.randint(1, 2)})" for _ in range(count)
    }
    return sorted(chosen)


def pick_data(st: State, wanted: Sequence[str]) -> list[str]:
    """Data ids the flow carries: the wanted categories the state has, else its first one."""
    have = [slug for slug in wanted if slug in st.data] or [next(iter(st.data))]
    chosen = st.rng.sample(have, st.rng.randint(1, len(have)))
    return [f"{st.code}.{slug}" for slug in sorted(chosen)]


def logging_of(st: State, source: NationalSystem) -> str:
    """A logging entry: by the sending system's audit log, or fields and retention."""
    if st.rng.random() < 0.5:
        return f"{{by: {source.components[0]}}}"
    log_fields = st.rng.sample(syn.LOG_FIELDS, st.rng.randint(3, 5))
    return f"{{fields: {flow_seq(log_fields)}, retention: P1Y}}"


@dataclass(frozen=True)
class Flow:
    """A generated flow, rendered, and the EU system or component it goes to, if any."""

    eu_target: str | None
    yaml: list[str]


def eu_flow(st: State, fid: str, process: str | None) -> Flow:
    """A flow from a national system through a national uniform interface to the EU."""
    target = st.rng.choice(syn.EU_TARGETS)
    source = st.pick_among(syn.SOURCES[target.target])
    regulation = st.rng.choice(target.regulations)
    legal = provisions(st, regulation, st.rng.choice(target.topics), st.rng.randint(1, 2))
    sites = syn.SITES_BY_TARGET.get(target.target, syn.SITES)
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
    purpose = st.rng.choice(syn.NATIONAL_PURPOSES).format(
        data=st.data[data[0].split(".", 1)[1]].lower(), source=source.name, target=target.name
    )
    out = [f"  - id: {fid}", f"    from: {source.id}", f"    to: {to}"]
    out += [f"    data: {flow_seq(data)}", f"    purpose: {q(purpose)}"]
    if st.rng.random() < 0.4:
        topic = st.rng.choice(list(syn.TOPIC_ARTICLES))
        regulation = st.rng.choice((syn.REG_817, syn.REG_818))
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


def allocation(st: State, topic: str) -> tuple[list[str], tuple[str, ...]]:
    """Where a requirement is allocated (ids), and the systems that means; a few get none."""
    if st.rng.random() < GAP_RATE:
        return [], ()
    chosen = [st.pick_among(syn.TOPIC_SYSTEMS[topic]) for _ in range(st.rng.randint(1, 2))]
    systems = tuple(sorted({s.id for s in chosen}))
    ids = {st.rng.choice(s.components) if st.rng.random() < 0.15 else s.id for s in chosen}
    return sorted(ids), systems


def make_requirement(st: State, rid: str) -> Requirement:
    """One requirement traced to one or two provisions of a topic."""
    topic = st.rng.choice(list(phrasing.REQUIREMENTS))
    kind, title, text = st.rng.choice(phrasing.REQUIREMENTS[topic])
    regulation = st.rng.choice((syn.REG_817, syn.REG_818))
    allocated, systems = allocation(st, topic)
    system = next((s for s in st.systems if systems and s.id == systems[0]), st.systems[0])
    org = st.organisations[system.owner]  # the body that owns the system answers for it
    filled = text.format(
        system=system.name, org=org, site=st.rng.choice(syn.SITES), n=st.rng.randint(2, 9)
    )
    out = [f"  - id: {rid}", f"    title: {q(title)}", f"    text: {q(filled)}"]
    out += [
        f"    type: {kind}",
        f"    priority: {st.rng.choice(('must', 'must', 'should', 'could'))}",
    ]
    satisfied = provisions(st, regulation, topic, st.rng.randint(1, 2))
    out += [f"    satisfies: {quoted_seq(satisfied)}", f"    allocated_to: {flow_seq(allocated)}"]
    status = st.rng.choice(("proposed", "agreed", "agreed", "implemented", "verified"))
    out.append(f"    status: {status}")
    return Requirement(rid, kind, "\n".join(out), systems)


def make_requirements(st: State) -> list[Requirement]:
    """Every requirement of the state."""
    digits = width(st.counts.requirements, 4)
    return [
        make_requirement(st, f"{st.code}.REQ-{i + 1:0{digits}d}")
        for i in range(st.counts.requirements)
    ]


@dataclass
class WorkPackage:
    """A generated work package before rendering: when, and what it delivers."""

    id: str
    phase: str
    start: dt.date
    end: dt.date
    depends_on: list[str] = field(default_factory=list)
    delivers: list[Requirement] = field(default_factory=list)


def plan_work_packages(st: State) -> list[WorkPackage]:
    """Work packages spread over the phases, each depending only on earlier, finished ones."""
    n = st.counts.work_packages
    packages: list[WorkPackage] = []
    for i in range(n):
        phase = i * st.counts.phases // n
        year = phrasing.PHASES[phase][1]
        start = dt.date(year, 1, 1) + dt.timedelta(days=st.rng.randint(0, 240))
        end = min(start + dt.timedelta(days=st.rng.randint(30, 120)), dt.date(year, 12, 31))
        wid = f"{st.code}.WP-{i + 1:0{width(n, 2)}d}"
        done = [p.id for p in packages[-30:] if p.end < start]
        deps = sorted(st.rng.sample(done, min(len(done), st.rng.randint(0, 2))))
        packages.append(WorkPackage(wid, f"{st.code}.PH-{phase + 1}", start, end, deps))
    return packages


def render_work_package(st: State, wp: WorkPackage) -> list[str]:
    """One work package with its dependencies, deliverables, systems, owner and cost."""
    systems = sorted({s for r in wp.delivers for s in r.systems})[:4] or [st.pick_system().id]
    system = next(s for s in st.systems if s.id == systems[0])
    name = st.rng.choice(phrasing.WORK_PACKAGES).format(system=system.name)
    out = [f"    - id: {wp.id}", f"      name: {q(name)}", f"      phase: {wp.phase}"]
    out += [f"      start: {wp.start.isoformat()}", f"      end: {wp.end.isoformat()}"]
    out += [f"      depends_on: {flow_seq(wp.depends_on)}"]
    out += [f"      delivers: {flow_seq([r.id for r in wp.delivers])}"]
    out += [f"      systems: {flow_seq(systems)}"]
    owner = "it-centre" if st.rng.random() < 0.5 else system.owner
    amount = st.rng.randint(5, 400) * 10_000
    out += [f"      owner: {st.org(owner)}", f"      cost: {{amount: {amount}, currency: EUR, "
            "funding: {BMVI: 75, state-budget: 25}}"]  # fmt: skip
    return out


def render_milestone(st: State, index: int, packages: list[WorkPackage]) -> list[str]:
    """A milestone after one to three work packages, sometimes a legal deadline."""
    first = st.rng.randrange(len(packages))
    after = packages[first : first + st.rng.randint(1, 3)]
    date = max(p.end for p in after) + dt.timedelta(days=st.rng.randint(7, 60))
    name = st.rng.choice(phrasing.MILESTONES).format(system=st.pick_system().name)
    mid = f"{st.code}.MS-{index + 1:0{width(st.counts.milestones, 2)}d}"
    out = [f"    - id: {mid}", f"      name: {q(name)}", f"      date: {date.isoformat()}"]
    out.append(f"      after: {flow_seq([p.id for p in after])}")
    if st.rng.random() < 0.25:
        regulation = st.rng.choice((syn.REG_817, syn.REG_818))
        topic = st.rng.choice(list(syn.TOPIC_ARTICLES))
        out.append(f"      deadline_of: {quoted_seq(provisions(st, regulation, topic, 1))}")
    return out


def render_roadmap(st: State, requirements: list[Requirement]) -> str:
    """roadmap.yaml: phases, work packages delivering the requirements, milestones."""
    packages = plan_work_packages(st)
    for requirement in requirements:
        if st.rng.random() >= GAP_RATE:  # the rest stay unscheduled, on purpose
            packages[st.rng.randrange(len(packages))].delivers.append(requirement)
    out = [st.header("roadmap"), "roadmap:", "  phases:"]
    for p, (name, year) in enumerate(phrasing.PHASES[: st.counts.phases]):
        out += [f"    - id: {st.code}.PH-{p + 1}", f"      name: {q(name)}"]
        out += [f"      start: {year}-01-01", f"      end: {year}-12-31"]
    out.append("  work_packages:")
    for wp in packages:
        out += render_work_package(st, wp)
    out.append("  milestones:")
    for m in range(st.counts.milestones):
        out += render_milestone(st, m, packages)
    return "\n".join(out) + "\n"


def chunks(stem: str, entries: list[str]) -> Iterator[tuple[str, list[str]]]:
    """File names and entries, split so that no file holds more than the limit."""
    if len(entries) <= MAX_ENTITIES_PER_FILE:
        yield f"{stem}.yaml", entries
        return
    for k, start in enumerate(range(0, len(entries), MAX_ENTITIES_PER_FILE)):
        yield f"{stem}-{k + 1:02d}.yaml", entries[start : start + MAX_ENTITIES_PER_FILE]


def render_grouped(st: State, key: str, groups: dict[str, list[str]]) -> dict[str, str]:
    """Files of one kind split by group (`flows-eu.yaml`, ...), then by size."""
    files = {}
    for group, entries in groups.items():
        for name, part in chunks(f"{key}-{group}", entries):
            header = st.header(GROUP_TITLES.get(group, f"{group} {key}"))
            files[name] = header + f"\n{key}:\n" + "\n".join(part) + "\n"
    return files


def render_state(st: State) -> dict[str, str]:
    """Every file of one state's folder, by name; order matters for the random draws."""
    files = {"organisations.yaml": render_organisations(st), "data.yaml": render_data(st)}
    files["systems.yaml"] = render_systems(st)
    steps = process_steps(st)
    flows = make_flows(st, steps)
    by_target = {
        "eu": [f for f in flows if f.eu_target],
        "national": [f for f in flows if not f.eu_target],
    }
    flow_groups = {k: ["\n".join(f.yaml) for f in v] for k, v in by_target.items() if v}
    files |= render_grouped(st, "flows", flow_groups)
    files["processes.yaml"] = render_processes(st, steps, flows)
    requirements = make_requirements(st)
    req_groups: dict[str, list[str]] = {}
    for r in requirements:
        req_groups.setdefault(r.type, []).append(r.yaml)
    files |= render_grouped(st, "requirements", dict(sorted(req_groups.items())))
    files["roadmap.yaml"] = render_roadmap(st, requirements)
    return files


def render_manifest(entities: int, states: int, seed: int) -> str:
    """archlex.yaml: several states, both regulations, the six EU systems in scope."""
    out = [
        "# Synthetic benchmark model written by benchmarks/generate.py; do not edit.",
        f"# {entities} entities over {states} states, seed {seed}.",
        "archlex: 1",
        f"name: {q(f'Synthetic interoperability architecture of {states} states')}",
        "language: en",
        "uses: [eu]",
        "include:",
        *(f'  - "*/{kind}{"-*" if kind in ("flows", "requirements") else ""}.yaml"'
          for kind in FILE_KINDS),
        "scope:",
        '  regulations: ["2019/817", "2019/818"]',
        f"  systems: {flow_seq(syn.EU_SYSTEMS_IN_SCOPE)}",
        "checks:",
        "  fail_on: error",
    ]  # fmt: skip
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Summary:
    """What a generation run wrote."""

    entities: int
    files: int
    bytes: int


def budgets(entities: int, states: int) -> list[int]:
    """Each state's share of the entities; the first states take the remainder."""
    base, extra = divmod(entities, states)
    return [base + (1 if i < extra else 0) for i in range(states)]


def write_file(path: Path, text: str) -> int:
    """Write UTF-8 with LF line ends; return the bytes written."""
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def generate_model(out: Path, entities: int, states: int = 31, seed: int = 1) -> Summary:
    """Write a model of `entities` entities over `states` states into the empty folder `out`."""
    if not 1 <= states <= len(syn.STATES):
        raise ValueError(f"--states must be between 1 and {len(syn.STATES)}")
    if entities < minimum_budget() * states:
        raise ValueError(f"{states} states need at least {minimum_budget() * states} entities")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty; give a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    written = write_file(out / "archlex.yaml", render_manifest(entities, states, seed))
    files, total = 1, 0
    for (code, country), budget in zip(syn.STATES[:states], budgets(entities, states), strict=True):
        counts = plan_counts(budget)
        st = State(code, country, Random(f"{seed}:{code}"), counts, seed)
        (out / code).mkdir()
        for name, text in render_state(st).items():
            written += write_file(out / code / name, text)
            files += 1
        total += counts.total
    return Summary(total, files, written)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: generate a model and say what was written."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, required=True, help="entities in the model")
    parser.add_argument("--out", type=Path, required=True, help="new or empty folder")
    parser.add_argument("--states", type=int, default=len(syn.STATES), help="number of states")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        summary = generate_model(args.out, args.entities, args.states, args.seed)
    except ValueError as error:
        print(f"generate.py: {error}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    print(
        f"wrote {summary.entities} entities in {summary.files} files "
        f"({summary.bytes / 1e6:.1f} MB) to {args.out} in {seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
