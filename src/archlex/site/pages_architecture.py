"""The Architecture pages: organisations, systems, data, flows, processes, requirements."""

from __future__ import annotations

from archlex.model import DataCategory, Flow, Organisation, Process, Requirement, System
from archlex.site.context import SiteContext, by_id
from archlex.site.links import relative
from archlex.site.markdown import date_cell, facts, heading, page, table, text
from archlex.site.pages_diagrams import diagram_figure, diagram_page_path
from archlex.site.pages_views import named_view_images
from archlex.toolkit.escape import md_cell
from archlex.toolkit.labels import (
    FLOW_SYNC,
    ORGANISATION_KINDS,
    PRIORITIES,
    REQUIREMENT_STATUSES,
    REQUIREMENT_TYPE_VALUES,
    SYSTEM_KINDS,
    SYSTEM_STATUSES,
    YES_NO,
)


def organisation_page(context: SiteContext, organisation: Organisation) -> str:
    """One organisation: its roles, the systems it owns or runs, its processes and work."""
    tr = context.tr
    link = context.linker(context.site.pages[organisation.id])
    model = context.model
    systems = [s for s in by_id(model.systems) if organisation.id in (s.owner, s.operator)]
    body = [
        text(organisation.description),
        facts(
            [
                (tr._("Name"), text(organisation.name)),
                (tr._("Kind"), organisation.kind.value),
            ],
            tr._("Nothing recorded."),
        ),
        heading(2, tr._("Roles")),
        table(
            [tr._("Role"), tr._("For systems")],
            [[link.id(g.role), link.ids(g.for_) or tr._("all")] for g in organisation.roles],
            tr._("None."),
        ),
        heading(2, tr._("Systems")),
        table(
            [
                tr._("System"),
                tr._("Name"),
                tr._("Owner"),
                tr._("Operator"),
            ],
            [[link.id(s.id), text(s.name), link.id(s.owner), link.id(s.operator)] for s in systems],
            tr._("None."),
        ),
        heading(2, tr._("Processes and work packages")),
        table(
            [tr._("Owns"), tr._("Name")],
            [
                [link.id(p.id), text(p.name)]
                for p in by_id(model.processes)
                if p.owner == organisation.id
            ]
            + [
                [link.id(w.id), text(w.name)]
                for w in by_id(model.work_packages)
                if w.owner == organisation.id
            ],
            tr._("None."),
        ),
    ]
    return page(
        f"{organisation.id}: {organisation.name}",
        [tr._("organisation"), tr.label(ORGANISATION_KINDS, organisation.kind)],
        body,
    )


def system_page(context: SiteContext, system: System) -> str:
    """One system: facts, components, flows in and out, requirements, work, diagrams."""
    tr = context.tr
    path = context.site.pages[system.id]
    link = context.linker(path)
    parts = {system.id, *(c.id for c in system.components)}
    requirements = context.allocated.naming(*parts)
    packages = context.serving.naming(*parts)
    body = [
        text(system.description),
        facts(
            [
                (tr._("Name"), text(system.name)),
                (tr._("Kind"), tr.label(SYSTEM_KINDS, system.kind)),
                (tr._("Status"), tr.label(SYSTEM_STATUSES, system.status)),
                (tr._("Zone"), text(system.zone)),
                (tr._("Owner"), link.id(system.owner)),
                (tr._("Operator"), link.id(system.operator)),
            ],
            tr._("Nothing recorded."),
        ),
        heading(2, tr._("Components")),
        table(
            [tr._("Component"), tr._("Name"), tr._("Description")],
            [[md_cell(c.id), text(c.name), text(c.description)] for c in system.components],
            tr._("None."),
        ),
        heading(2, tr._("Flows out")),
        _flow_table(context, path, context.flows_out.naming(*parts), "to"),
        heading(2, tr._("Flows in")),
        _flow_table(context, path, context.flows_in.naming(*parts), "from"),
        heading(2, tr._("Requirements allocated to it")),
        table(
            [
                tr._("Requirement"),
                tr._("Title"),
                tr._("Allocated to"),
                tr._("Status"),
            ],
            [
                [
                    link.id(r.id),
                    text(r.title),
                    link.ids(sorted(parts & set(r.allocated_to))),
                    tr.label(REQUIREMENT_STATUSES, r.status),
                ]
                for r in requirements
            ],
            tr._("None."),
        ),
        heading(2, tr._("Work packages")),
        table(
            [
                tr._("Work package"),
                tr._("Name"),
                tr._("Start"),
                tr._("End"),
            ],
            [
                [
                    link.id(w.id),
                    text(w.name),
                    date_cell(tr, w.start),
                    date_cell(tr, w.end),
                ]
                for w in packages
            ],
            tr._("None."),
        ),
        heading(2, tr._("Diagrams")),
        *_system_diagrams(context, path, parts),
    ]
    return page(
        f"{system.id}: {system.name}",
        [
            tr._("system"),
            tr.label(SYSTEM_KINDS, system.kind),
            tr.label(SYSTEM_STATUSES, system.status),
        ],
        body,
    )


def _flow_table(context: SiteContext, path: str, flows: list[Flow], other: str) -> str:
    tr = context.tr
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
    return table(
        [
            tr._("Flow"),
            tr._("To") if other == "to" else tr._("From"),
            tr._("Name"),
            tr._("Data"),
            tr._("Legal basis"),
        ],
        rows,
        tr._("None."),
    )


def _system_diagrams(context: SiteContext, path: str, parts: set[str]) -> list[str]:
    tr = context.tr
    link = context.linker(path)
    named = {process for part in parts for process in context.flow_processes.get(part, ())}
    processes = [p for p, ends in context.process_ends if p.id in named or parts & ends]
    images = []
    for part in sorted(parts):
        focused = f"diagrams/context-{part}.svg"
        if focused in context.assets:
            images.append(diagram_figure(context, focused, path))
    if "diagrams/context.svg" in context.assets:
        images.append(_image(context, tr._("Context view"), "diagrams/context.svg", path))
    images += named_view_images(context, path, parts)
    for process in processes:
        asset = f"diagrams/process-{process.id}.svg"
        if asset in context.assets:
            images.append(f"**{link.id(process.id)}: {text(process.name)}**")
            images.append(_image(context, tr._("diagram"), asset, path))
        sequence = f"diagrams/sequence-{process.id}.svg"
        if sequence in context.assets:
            images.append(_image(context, tr._("diagram"), sequence, path))
    return images or ["*" + tr._("No diagram shows it.") + "*"]


def _image(context: SiteContext, alt: str, asset: str, path: str) -> str:
    """A diagram as an image that opens its interactive page (its SVG without one)."""
    image = f"![{md_cell(context.diagram_titles.get(asset) or alt)}]({relative(path, asset)})"
    target = diagram_page_path(asset) if context.docs is not None else asset
    return f"[{image}]({relative(path, target)})"


def data_page(context: SiteContext, data: DataCategory) -> str:
    """One data category: what it is and the flows that carry it."""
    tr = context.tr
    path = context.site.pages[data.id]
    link = context.linker(path)
    flows = context.carrying.naming(data.id)
    body = [
        text(data.description),
        facts(
            [
                (tr._("Name"), text(data.name)),
                (tr._("Personal"), tr.label(YES_NO, data.personal)),
                (tr._("Special category"), tr.label(YES_NO, data.special)),
                (tr._("Retention"), text(data.retention)),
                (tr._("Retention set by"), link.provisions(data.retention_basis)),
                (tr._("Legal basis"), link.provisions(data.legal_basis)),
                (tr._("Legal basis outside the catalog"), text(data.legal_basis_text)),
                (tr._("Controller"), link.ids(data.controller)),
                (tr._("Processor"), link.ids(data.processor)),
                (tr._("Master copy"), link.id(data.master)),
                (tr._("Also held by"), link.ids(data.held_by)),
            ],
            tr._("Nothing recorded."),
        ),
        *_entities(context, data),
        heading(2, tr._("Flows that carry it")),
        _flow_table(context, path, flows, "to"),
    ]
    return page(f"{data.id}: {data.name}", [tr._("data")], body)


def _entities(context: SiteContext, data: DataCategory) -> list[str]:
    """The category's entities and their attributes, as a table (nothing when none)."""
    if not data.entities:
        return []
    tr = context.tr
    rows = [[text(e.name), text(", ".join(e.attributes))] for e in data.entities]
    return [heading(2, tr._("Entities")), table([tr._("Entity"), tr._("Attributes")], rows)]


def flow_page(context: SiteContext, flow: Flow) -> str:
    """One flow: ends, data, legal basis, logging, process."""
    tr = context.tr
    link = context.linker(context.site.pages[flow.id])
    logging = flow.logging
    body = [
        text(flow.description),
        facts(
            [
                (tr._("Name"), text(flow.name)),
                (tr._("From"), link.id(flow.from_)),
                (tr._("To"), link.id(flow.to)),
                (tr._("Via"), link.id(flow.via)),
                (tr._("Data"), link.ids(flow.data)),
                (tr._("Purpose"), text(flow.purpose)),
                (tr._("Legal basis"), link.provisions(flow.legal_basis)),
                (tr._("Sync"), context.label(FLOW_SYNC, flow.sync)),
                (tr._("Process"), link.id(flow.process)),
                (tr._("Logged fields"), text(", ".join(logging.fields)) if logging else ""),
                (tr._("Log retention"), text(logging.retention) if logging else ""),
                (tr._("Logged by"), link.id(logging.by) if logging else ""),
            ],
            tr._("Nothing recorded."),
        ),
    ]
    tags = [tr._("flow"), tr._("logged") if logging else tr._("not logged")]
    name = flow.name or tr._("{start} to {end}").format(start=flow.from_, end=flow.to)
    return page(f"{flow.id}: {name}", tags, body)


def process_page(context: SiteContext, process: Process) -> str:
    """One process: its steps in order and its diagram."""
    tr = context.tr
    path = context.site.pages[process.id]
    link = context.linker(path)
    steps = [context.model.get(step) for step in process.steps]
    rows = [
        [tr.number(n), link.id(s.id), link.id(s.from_), link.id(s.to), text(s.name)]
        for n, s in enumerate(steps, 1)
        if isinstance(s, Flow)
    ]
    asset = f"diagrams/process-{process.id}.svg"
    body = [
        text(process.description),
        facts(
            [
                (tr._("Name"), text(process.name)),
                (tr._("Owner"), link.id(process.owner)),
            ],
            tr._("Nothing recorded."),
        ),
        heading(2, tr._("Steps")),
        table(
            [
                tr._("Step"),
                tr._("Flow"),
                tr._("From"),
                tr._("To"),
                tr._("Name"),
            ],
            rows,
            tr._("None."),
        ),
        heading(2, tr._("Diagram")),
        diagram_figure(context, asset, path)
        if asset in context.assets
        else "*" + tr._("No diagram.") + "*",
    ]
    sequence = f"diagrams/sequence-{process.id}.svg"
    if sequence in context.assets:
        body += [heading(2, tr._("Sequence")), diagram_figure(context, sequence, path)]
    return page(f"{process.id}: {process.name}", [tr._("process")], body)


def requirement_page(context: SiteContext, requirement: Requirement) -> str:
    """One requirement: its text, what it satisfies, where it is allocated and delivered."""
    tr = context.tr
    link = context.linker(context.site.pages[requirement.id])
    packages = context.delivering.naming(requirement.id)
    traced = context.tracing.get(requirement.id, [])
    body = [
        facts(
            [
                (tr._("Text"), text(requirement.text)),
                (tr._("Type"), context.label(REQUIREMENT_TYPE_VALUES, requirement.type)),
                (tr._("Priority"), context.label(PRIORITIES, requirement.priority)),
                (
                    tr._("Status"),
                    tr.label(REQUIREMENT_STATUSES, requirement.status),
                ),
                (tr._("Satisfies"), link.provisions(requirement.satisfies)),
                (tr._("Allocated to"), link.ids(requirement.allocated_to)),
                (tr._("Delivered by"), link.ids([w.id for w in packages])),
            ],
            tr._("Nothing recorded."),
        ),
        text(requirement.description),
        heading(2, tr._("Obligations it traces")),
        table(
            [tr._("Obligation"), tr._("Provision"), tr._("Coverage")],
            [
                [link.id(c.obligation), md_cell(c.provision), context.state(c.obligation)]
                for c in traced
            ],
            tr._("None."),
        ),
    ]
    tags = [
        tr._("requirement"),
        tr.label(REQUIREMENT_STATUSES, requirement.status),
        context.label(REQUIREMENT_TYPE_VALUES, requirement.type),
    ]
    tags = [tag for tag in tags if tag]
    return page(f"{requirement.id}: {requirement.title}", tags, body)
