"""`archlex export structurizr`: the model as a Structurizr DSL workspace (the C4 model).

Organisations are people; national systems, EU central systems, interoperability components
and external systems are software systems; components are containers of their system, and a
national uniform interface is a container of the EU system its flows reach. Flows are
relationships. docs/export.md has the mapping. Every string is quoted and escaped by `quoted`,
so no name or description can end a string, a line or a block early.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from archlex.export.archimate_concepts import interface_owners
from archlex.export.ids import dsl_identifier
from archlex.export.registry import exporter
from archlex.export.structurizr_deployment import (
    deployment_lines,
    deployment_view_lines,
    named_deployment_view,
)
from archlex.export.structurizr_text import quoted as quoted
from archlex.graph.views import select
from archlex.model import Model
from archlex.model.flow import Flow
from archlex.model.system import System, SystemKind
from archlex.model.view import ViewKind

SYSTEM_TAGS = {
    SystemKind.NATIONAL: "National",
    SystemKind.EU_CENTRAL: "EU central system",
    SystemKind.INTEROPERABILITY_COMPONENT: "Interoperability component",
    SystemKind.NATIONAL_INTERFACE: "National uniform interface",
    SystemKind.EXTERNAL: "External",
}
STYLES = [
    ('element "Person"', ["shape Person", "background #08427b", "color #ffffff"]),
    ('element "Software System"', ["background #1168bd", "color #ffffff"]),
    ('element "Container"', ["background #438dd5", "color #ffffff"]),
    ('element "EU central system"', ["background #003399", "color #ffcc00"]),
    ('element "Interoperability component"', ["background #5a6fb0", "color #ffffff"]),
    ('element "National uniform interface"', ["shape Hexagon"]),
    ('element "External"', ["background #999999", "color #ffffff"]),
    ('element "Planned"', ["border dashed"]),
    ('relationship "Relationship"', ["routing Orthogonal"]),
    ('relationship "Special-category data"', ["color #c0392b", "thickness 3"]),
]


@dataclass
class Workspace:
    """The elements as they are written: identifier by archlex id, parent, names."""

    model: Model
    systems: list[System] = field(default_factory=list)  # software systems
    containers: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)  # archlex id -> software system id
    names: dict[str, str] = field(default_factory=dict)  # archlex id -> unique name

    @classmethod
    def of(cls, model: Model) -> Workspace:
        """Decide what becomes a software system and what a container of which."""
        workspace = cls(model)
        owners = {i: sorted(o)[0] for i, o in interface_owners(model).items() if len(o) == 1}
        for system in sorted(model.systems, key=lambda s: s.id):
            if system.id in owners:
                workspace._contain(owners[system.id], system.id, system.name, system.description)
            else:
                workspace.systems.append(system)
                workspace.parent[system.id] = system.id
            for component in system.components:
                name = component.name or component.id
                workspace._contain(system.id, component.id, name, component.description)
        workspace._name_uniquely()
        return workspace

    def _contain(self, system_id: str, part_id: str, name: str, description: str | None) -> None:
        self.containers.setdefault(system_id, []).append((part_id, name, description or ""))
        self.parent[part_id] = system_id

    def _name_uniquely(self) -> None:
        # Structurizr refuses two people or software systems, or two containers of one
        # system, with one name: the second and later get their id appended.
        top: list[tuple[str, str]] = [
            (o.id, o.name) for o in sorted(self.model.organisations, key=lambda o: o.id)
        ]
        top += [(s.id, s.name) for s in self.systems]
        groups = [top, *([(p, n) for p, n, _ in c] for _, c in sorted(self.containers.items()))]
        for group in groups:
            seen: set[str] = set()
            for archlex_id, name in group:
                unique = name if name not in seen else f"{name} ({archlex_id})"
                seen.add(unique)
                self.names[archlex_id] = unique


@exporter(
    "structurizr",
    order=20,
    default_file="workspace.dsl",
    help="The model as a Structurizr DSL workspace (C4: people, software systems, "
    "containers).\n\n"
    "Deployment environments (production, DR, test ...) with the nodes, instances and "
    "connections where the model hosts systems on nodes. Views: the system landscape, a "
    "system-context and a container view per system, a deployment view per environment.",
)
def structurizr_dsl(model: Model) -> str:
    """The workspace as DSL text, deterministic to the byte."""
    workspace = Workspace.of(model)
    lines = [f"workspace {quoted(model.manifest.name)} {quoted(_workspace_description(model))} {{"]
    lines += ["    !identifiers flat", "", "    model {"]
    lines += [f"        {line}" for line in _model_lines(workspace)]
    lines += ["    }", "", "    views {"]
    lines += [f"        {line}" for line in _view_lines(workspace)]
    lines += ["    }", "}"]
    return "\n".join(lines) + "\n"


def _workspace_description(model: Model) -> str:
    state = f" of {model.manifest.member_state}" if model.manifest.member_state else ""
    return f"Exported by archlex: the national interoperability architecture{state}."


def _model_lines(workspace: Workspace) -> Iterator[str]:
    model = workspace.model
    for organisation in sorted(model.organisations, key=lambda o: o.id):
        roles = ", ".join(grant.role for grant in organisation.roles)
        description = organisation.description or ""
        if roles:
            description = f"{description} Roles: {roles}.".strip()
        yield (
            f"{dsl_identifier(organisation.id)} = person {quoted(workspace.names[organisation.id])}"
            f" {quoted(description)} {quoted('Organisation,' + organisation.kind.value)}"
        )
    for system in workspace.systems:
        yield from _system_lines(workspace, system)
    yield from _relationship_lines(workspace)


def _system_lines(workspace: Workspace, system: System) -> Iterator[str]:
    tags = [SYSTEM_TAGS[system.kind], *(["Planned"] if system.status.value == "planned" else [])]
    head = (
        f"{dsl_identifier(system.id)} = softwareSystem {quoted(workspace.names[system.id])} "
        f"{quoted(system.description or '')} {quoted(','.join(tags))}"
    )
    parts = workspace.containers.get(system.id, [])
    if not parts:
        yield head
        return
    yield head + " {"
    for part_id, _, description in parts:
        part = workspace.model.get(part_id)
        technology = "National uniform interface" if isinstance(part, System) else ""
        yield (
            f"    {dsl_identifier(part_id)} = container {quoted(workspace.names[part_id])} "
            f"{quoted(description)} {quoted(technology)}"
        )
    yield "}"


def _relationship_lines(workspace: Workspace) -> Iterator[str]:
    model = workspace.model
    for system in workspace.systems:
        for role, organisation in (("Owns", system.owner), ("Operates", system.operator)):
            if organisation and model.get(organisation) is not None:
                if role == "Operates" or system.operator != organisation:
                    source, target = dsl_identifier(organisation), dsl_identifier(system.id)
                    yield f"{source} -> {target} {quoted(role)}"
    for flow in sorted(model.flows, key=lambda f: f.id):
        yield _flow_line(workspace, flow)
    yield from deployment_lines(model, workspace.parent)


def _flow_line(workspace: Workspace, flow: Flow) -> str:
    ends = [flow.from_, flow.to]
    if any(end not in workspace.parent for end in ends):
        return f"// flow {flow.id} is not drawn: an end is not a system or component"
    if workspace.parent[flow.from_] == flow.to or workspace.parent[flow.to] == flow.from_:
        # Structurizr allows no relationship between an element and its own parent.
        return f"// flow {flow.id} is not drawn: it runs between a system and its own part"
    data = [getattr(workspace.model.get(d), "name", None) or d for d in flow.data]
    description = f"{flow.id}: {flow.purpose or flow.name or 'flow'}"
    if data:
        description += f" (data: {', '.join(data)})"
    technology = flow.sync.value if flow.sync else ""
    if flow.via:
        technology = f"{technology} via {flow.via}".strip()
    special = any(getattr(workspace.model.get(d), "special", False) for d in flow.data)
    tags = "Flow,Special-category data" if special else "Flow"
    source, target = dsl_identifier(flow.from_), dsl_identifier(flow.to)
    return f"{source} -> {target} {quoted(description)} {quoted(technology)} {quoted(tags)}"


def _named_view_lines(workspace: Workspace) -> Iterator[str]:
    """Each view the model names, as a landscape of the software systems it selects; a
    technical one as a deployment view where the systems it selects are deployed."""
    for view in sorted(workspace.model.views, key=lambda v: v.id):
        chosen = {workspace.parent.get(s, s) for s in select(workspace.model, view).systems}
        if view.kind is ViewKind.TECHNICAL:
            deployment = named_deployment_view(workspace.model, workspace.parent, view, chosen)
            if deployment:
                yield from deployment
                continue
        shown = sorted(dsl_identifier(s.id) for s in workspace.systems if s.id in chosen)
        if shown:
            yield f"systemLandscape {quoted(view.id)} {quoted(str(view.title))} {{"
            yield from (f"    include {identifier}" for identifier in shown)
            yield from ("    autolayout lr", "}")


def _view_lines(workspace: Workspace) -> Iterator[str]:
    yield 'systemLandscape "landscape" "Every organisation and system, and the flows." {'
    yield from ("    include *", "    autolayout lr", "}")
    for system in workspace.systems:
        if system.kind is not SystemKind.NATIONAL and system.id not in workspace.containers:
            continue
        identifier = dsl_identifier(system.id)
        key = identifier.removeprefix("e_")
        yield f'systemContext {identifier} "context-{key}" {{'
        yield from ("    include *", "    autolayout lr", "}")
        if system.id in workspace.containers:
            yield f'container {identifier} "containers-{key}" {{'
            yield from ("    include *", "    autolayout lr", "}")
    yield from deployment_view_lines(workspace.model, workspace.parent)
    yield from _named_view_lines(workspace)
    yield "styles {"
    for selector, rules in STYLES:
        yield f"    {selector} {{"
        yield from (f"        {rule}" for rule in rules)
        yield "    }"
    yield "}"
