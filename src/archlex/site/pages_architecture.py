"""The Architecture pages: organisations, systems, data, flows, processes, requirements."""

from __future__ import annotations

from typing import TypeVar

from archlex.model import DataCategory, Entity, Flow, Organisation, Process, Requirement, System
from archlex.site.context import SiteContext
from archlex.site.links import relative
from archlex.site.markdown import facts, heading, page, table, text, yes_no
from archlex.toolkit.escape import md_cell

E = TypeVar("E", bound=Entity)


def index_page(context: SiteContext, kind: str) -> str:
    """The list of every entity of one kind, each a link to its page."""
    title, path, intro = INDEXES[kind]
    link = context.linker(path)
    model = context.model
    rows: list[list[str]]
    if kind == "organisation":
        rows = [[link.id(o.id), text(o.name), o.kind.value] for o in _by_id(model.organisations)]
        head = ["Organisation", "Name", "Kind"]
    elif kind == "system":
        rows = [
            [link.id(s.id), text(s.name), s.kind.value, s.status.value, link.id(s.owner)]
            for s in _by_id(model.systems)
        ]
        head = ["System", "Name", "Kind", "Status", "Owner"]
    elif kind == "data":
        rows = [
            [link.id(d.id), text(d.name), yes_no(d.personal), yes_no(d.special)]
            for d in _by_id(model.data)
        ]
        head = ["Data", "Name", "Personal", "Special category"]
    elif kind == "flow":
        rows = [
            [link.id(f.id), text(f.name), link.id(f.from_), link.id(f.to), link.id(f.process)]
            for f in _by_id(model.flows)
        ]
        head = ["Flow", "Name", "From", "To", "Process"]
    elif kind == "process":
        rows = [
            [link.id(p.id), text(p.name), link.id(p.owner), str(len(p.steps))]
            for p in _by_id(model.processes)
        ]
        head = ["Process", "Name", "Owner", "Steps"]
    else:
        rows = [
            [link.id(r.id), text(r.title), _value(r.type), _value(r.priority), r.status.value]
            for r in _by_id(model.requirements)
        ]
        head = ["Requirement", "Title", "Type", "Priority", "Status"]
    return page(title, [], [intro, table(head, rows)])


INDEXES = {
    "organisation": ("Organisations", "organisations/index.md", "Who owns, runs and uses what."),
    "system": ("Systems", "systems/index.md", "National, EU and interoperability systems."),
    "data": ("Data", "data/index.md", "The categories of data the flows carry."),
    "flow": ("Flows", "flows/index.md", "Who sends what to whom, and on what legal basis."),
    "process": ("Processes", "processes/index.md", "Business processes as ordered flows."),
    "requirement": ("Requirements", "requirements/index.md", "What the architecture must do."),
}


def organisation_page(context: SiteContext, organisation: Organisation) -> str:
    """One organisation: its roles, the systems it owns or runs, its processes and work."""
    link = context.linker(context.site.pages[organisation.id])
    model = context.model
    systems = [s for s in _by_id(model.systems) if organisation.id in (s.owner, s.operator)]
    body = [
        text(organisation.description),
        facts([("Name", text(organisation.name)), ("Kind", organisation.kind.value)]),
        heading(2, "Roles"),
        table(
            ["Role", "For systems"],
            [[link.id(g.role), link.ids(g.for_) or "all"] for g in organisation.roles],
        ),
        heading(2, "Systems"),
        table(
            ["System", "Name", "Owner", "Operator"],
            [[link.id(s.id), text(s.name), link.id(s.owner), link.id(s.operator)] for s in systems],
        ),
        heading(2, "Processes and work packages"),
        table(
            ["Owns", "Name"],
            [
                [link.id(p.id), text(p.name)]
                for p in _by_id(model.processes)
                if p.owner == organisation.id
            ]
            + [
                [link.id(w.id), text(w.name)]
                for w in _by_id(model.work_packages)
                if w.owner == organisation.id
            ],
        ),
    ]
    return page(
        f"{organisation.id}: {organisation.name}", ["organisation", organisation.kind.value], body
    )


def system_page(context: SiteContext, system: System) -> str:
    """One system: facts, components, flows in and out, requirements, work, diagrams."""
    path = context.site.pages[system.id]
    link = context.linker(path)
    model = context.model
    parts = {system.id, *(c.id for c in system.components)}
    requirements = [r for r in _by_id(model.requirements) if parts & set(r.allocated_to)]
    packages = [w for w in _by_id(model.work_packages) if parts & set(w.systems)]
    body = [
        text(system.description),
        facts(
            [
                ("Name", text(system.name)),
                ("Kind", system.kind.value),
                ("Status", system.status.value),
                ("Zone", text(system.zone)),
                ("Owner", link.id(system.owner)),
                ("Operator", link.id(system.operator)),
            ]
        ),
        heading(2, "Components"),
        table(
            ["Component", "Name", "Description"],
            [[md_cell(c.id), text(c.name), text(c.description)] for c in system.components],
        ),
        heading(2, "Flows out"),
        _flow_table(context, path, [f for f in model.flows if f.from_ in parts], "to"),
        heading(2, "Flows in"),
        _flow_table(
            context, path, [f for f in model.flows if f.to in parts or f.via in parts], "from"
        ),
        heading(2, "Requirements allocated to it"),
        table(
            ["Requirement", "Title", "Allocated to", "Status"],
            [
                [
                    link.id(r.id),
                    text(r.title),
                    link.ids(sorted(parts & set(r.allocated_to))),
                    r.status.value,
                ]
                for r in requirements
            ],
        ),
        heading(2, "Work packages"),
        table(
            ["Work package", "Name", "Start", "End"],
            [[link.id(w.id), text(w.name), str(w.start), str(w.end)] for w in packages],
        ),
        heading(2, "Diagrams"),
        *_system_diagrams(context, path, parts),
    ]
    return page(
        f"{system.id}: {system.name}", ["system", system.kind.value, system.status.value], body
    )


def _flow_table(context: SiteContext, path: str, flows: list[Flow], other: str) -> str:
    link = context.linker(path)
    rows = [
        [
            link.id(f.id),
            link.id(f.to if other == "to" else f.from_),
            text(f.name),
            link.ids(f.data),
            link.provisions(f.legal_basis),
        ]
        for f in sorted(flows, key=lambda f: f.id)
    ]
    return table(["Flow", other.capitalize(), "Name", "Data", "Legal basis"], rows)


def _system_diagrams(context: SiteContext, path: str, parts: set[str]) -> list[str]:
    link = context.linker(path)
    processes = [
        p
        for p in _by_id(context.model.processes)
        if any(f.process == p.id and parts & {f.from_, f.to, f.via} for f in context.model.flows)
        or any(_flow_touches(context, step, parts) for step in p.steps)
    ]
    images = []
    for part in sorted(parts):
        focused = f"diagrams/context-{part}.svg"
        if focused in context.assets:
            images.append(_image(link.to(focused, "Its flows in full"), focused, path))
    if "diagrams/context.svg" in context.assets:
        images.append(
            _image(link.to("diagrams/context.svg", "Context view"), "diagrams/context.svg", path)
        )
    for process in processes:
        asset = f"diagrams/process-{process.id}.svg"
        if asset in context.assets:
            images.append(f"**{link.id(process.id)}: {text(process.name)}**")
            images.append(_image("", asset, path))
        sequence = f"diagrams/sequence-{process.id}.svg"
        if sequence in context.assets:
            images.append(_image("", sequence, path))
    return images or ["*No diagram shows it.*"]


def _flow_touches(context: SiteContext, flow_id: str, parts: set[str]) -> bool:
    flow = context.model.get(flow_id)
    return isinstance(flow, Flow) and bool(parts & {flow.from_, flow.to, flow.via})


def _image(caption: str, asset: str, path: str) -> str:
    image = f"![diagram]({relative(path, asset)})"
    return f"{caption}\n\n{image}" if caption else image


def data_page(context: SiteContext, data: DataCategory) -> str:
    """One data category: what it is and the flows that carry it."""
    path = context.site.pages[data.id]
    flows = [f for f in context.model.flows if data.id in f.data]
    body = [
        text(data.description),
        facts(
            [
                ("Name", text(data.name)),
                ("Personal", yes_no(data.personal)),
                ("Special category", yes_no(data.special)),
                ("Retention", text(data.retention)),
            ]
        ),
        heading(2, "Flows that carry it"),
        _flow_table(context, path, flows, "to"),
    ]
    return page(f"{data.id}: {data.name}", ["data"], body)


def flow_page(context: SiteContext, flow: Flow) -> str:
    """One flow: ends, data, legal basis, logging, process."""
    link = context.linker(context.site.pages[flow.id])
    logging = flow.logging
    body = [
        text(flow.description),
        facts(
            [
                ("Name", text(flow.name)),
                ("From", link.id(flow.from_)),
                ("To", link.id(flow.to)),
                ("Via", link.id(flow.via)),
                ("Data", link.ids(flow.data)),
                ("Purpose", text(flow.purpose)),
                ("Legal basis", link.provisions(flow.legal_basis)),
                ("Sync", _value(flow.sync)),
                ("Process", link.id(flow.process)),
                ("Logged fields", text(", ".join(logging.fields)) if logging else ""),
                ("Log retention", text(logging.retention) if logging else ""),
                ("Logged by", link.id(logging.by) if logging else ""),
            ]
        ),
    ]
    tags = ["flow", "logged" if logging else "not logged"]
    return page(f"{flow.id}: {flow.name or flow.from_ + ' to ' + flow.to}", tags, body)


def process_page(context: SiteContext, process: Process) -> str:
    """One process: its steps in order and its diagram."""
    path = context.site.pages[process.id]
    link = context.linker(path)
    steps = [context.model.get(step) for step in process.steps]
    rows = [
        [str(n), link.id(s.id), link.id(s.from_), link.id(s.to), text(s.name)]
        for n, s in enumerate(steps, 1)
        if isinstance(s, Flow)
    ]
    asset = f"diagrams/process-{process.id}.svg"
    body = [
        text(process.description),
        facts([("Name", text(process.name)), ("Owner", link.id(process.owner))]),
        heading(2, "Steps"),
        table(["Step", "Flow", "From", "To", "Name"], rows),
        heading(2, "Diagram"),
        _image("", asset, path) if asset in context.assets else "*No diagram.*",
    ]
    sequence = f"diagrams/sequence-{process.id}.svg"
    if sequence in context.assets:
        body += [heading(2, "Sequence"), _image("", sequence, path)]
    return page(f"{process.id}: {process.name}", ["process"], body)


def requirement_page(context: SiteContext, requirement: Requirement) -> str:
    """One requirement: its text, what it satisfies, where it is allocated and delivered."""
    link = context.linker(context.site.pages[requirement.id])
    model = context.model
    packages = [w for w in _by_id(model.work_packages) if requirement.id in w.delivers]
    traced = sorted(
        (c for c in context.coverage.values() if requirement.id in c.requirements),
        key=lambda c: c.obligation,
    )
    body = [
        facts(
            [
                ("Text", text(requirement.text)),
                ("Type", _value(requirement.type)),
                ("Priority", _value(requirement.priority)),
                ("Status", requirement.status.value),
                ("Satisfies", link.provisions(requirement.satisfies)),
                ("Allocated to", link.ids(requirement.allocated_to)),
                ("Delivered by", link.ids([w.id for w in packages])),
            ]
        ),
        text(requirement.description),
        heading(2, "Obligations it traces"),
        table(
            ["Obligation", "Provision", "Coverage"],
            [[link.id(c.obligation), md_cell(c.provision), c.state.value] for c in traced],
        ),
    ]
    tags = [
        "requirement",
        requirement.status.value,
        *([requirement.type.value] if requirement.type else []),
    ]
    return page(f"{requirement.id}: {requirement.title}", tags, body)


def _value(value: object) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def _by_id(items: list[E]) -> list[E]:
    return sorted(items, key=lambda item: item.id)
