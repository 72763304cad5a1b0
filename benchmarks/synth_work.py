"""The generator's work files: requirements and the roadmap that delivers them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import synth_phrasing as phrasing
import synth_vocabulary as vocab
from synth_plan import GAP_RATE, State, flow_seq, provisions, q, quoted_seq, width


@dataclass(frozen=True)
class Requirement:
    """A generated requirement, kept for the work packages that deliver it."""

    id: str
    type: str
    yaml: str
    systems: tuple[str, ...]


def allocation(st: State, topic: str) -> tuple[list[str], tuple[str, ...]]:
    """Where a requirement is allocated (ids), and the systems that means; a few get none."""
    if st.rng.random() < GAP_RATE:
        return [], ()
    chosen = [st.pick_among(vocab.TOPIC_SYSTEMS[topic]) for _ in range(st.rng.randint(1, 2))]
    systems = tuple(sorted({s.id for s in chosen}))
    ids = {st.rng.choice(s.components) if st.rng.random() < 0.15 else s.id for s in chosen}
    return sorted(ids), systems


def make_requirement(st: State, rid: str) -> Requirement:
    """One requirement traced to one or two provisions of a topic."""
    topic = st.rng.choice(list(phrasing.REQUIREMENTS))
    kind, title, text = st.rng.choice(phrasing.REQUIREMENTS[topic])
    regulation = st.rng.choice((vocab.REG_817, vocab.REG_818))
    allocated, systems = allocation(st, topic)
    system = next((s for s in st.systems if systems and s.id == systems[0]), None)
    system = system or st.pick_among(vocab.TOPIC_SYSTEMS[topic])  # named in the text anyway
    org = st.organisations[system.owner]  # the body that owns the system answers for it
    filled = text.format(
        system=system.name, org=org, site=st.rng.choice(vocab.SITES), n=st.rng.randint(2, 9)
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
        regulation = st.rng.choice((vocab.REG_817, vocab.REG_818))
        topic = st.rng.choice(list(vocab.TOPIC_ARTICLES))
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
