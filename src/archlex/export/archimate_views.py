"""The ArchiMate views: one per archlex diagram (context, each process's data flows, technical).

A view is a tree of figures: plain containers (a side of the architecture, a zone) hold element
figures; a system's figure holds the figures of its components that the view's flows use, so
every flow is drawn between the parts it names. Lines are the flow relationships between
figures in the view.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from archlex.export.archimate_concepts import Concepts
from archlex.export.archimate_layout import layout
from archlex.export.archimate_technology_views import technology_views
from archlex.export.archimate_types import Figure, View
from archlex.export.ids import escape_id, xml_id
from archlex.export.text_language import LangText, TextLanguages, translated
from archlex.i18n import N_, Translator, translator
from archlex.model import Model
from archlex.model.flow import Flow
from archlex.model.system import System, SystemKind
from archlex.render.diagrams.flows import process_steps
from archlex.render.diagrams.views import SIDE_OF_KIND, SIDES, Landscape


def archimate_views(model: Model, concepts: Concepts, languages: TextLanguages) -> list[View]:
    """The context view, a view per process (by id), the technical view and a technology view
    per environment, laid out; their names and labels in the output language where archlex's
    catalog and the model give them."""
    tr = translator(languages.output)
    landscape = Landscape.of(model)
    exported = {r.identifier for r in concepts.relationships}
    flows = [f for f in landscape.flows() if xml_id(f.id) in exported]
    views = [_context_view(landscape, flows, tr)]
    for process in sorted(model.processes, key=lambda p: p.id):
        steps = [flow for _, flow in process_steps(model, process) if flow in flows]
        title = translated(tr, N_("Process: {name}"))
        name = languages.of(process.name, process.id)
        documentation = translated(
            tr, N_("The data flows of process {id}, in the order of its steps.")
        )
        views.append(
            _flows_view(
                landscape,
                f"view-process-{escape_id(process.id)}",
                languages.composed(title.text.format(name=name.text), name, title),
                replace(documentation, text=documentation.text.format(id=process.id)),
                steps,
                tr,
            )
        )
    views.append(_technical_view(landscape, flows, tr, languages))
    views += technology_views(model, concepts, tr, languages)
    for view in views:
        keys = {box.key for figure in view.figures for box in figure.box().walk()}
        view.lines = [line for line in view.lines if line[1] in keys and line[2] in keys]
        boxes = [figure.box() for figure in view.figures]
        pairs = [(source, target) for _, source, target in view.lines]
        view.bounds = layout(boxes, pairs + view.hints)
    return views


def _system_figure(system: System, used: set[str]) -> Figure:
    parts = [c for c in system.components if c.id in used]
    children = [Figure(xml_id(c.id), xml_id(c.id)) for c in sorted(parts, key=lambda c: c.id)]
    return Figure(xml_id(system.id), xml_id(system.id), children=children)


def _flow_lines(flows: Iterable[Flow]) -> list[tuple[str, str, str]]:
    return [(xml_id(f.id), xml_id(f.from_), xml_id(f.to)) for f in flows]


def _ends(flows: Iterable[Flow]) -> set[str]:
    return {end for flow in flows for end in (flow.from_, flow.to)}


def _side_figures(
    landscape: Landscape, systems: list[System], used: set[str], skip: set[str], tr: Translator
) -> list[Figure]:
    """A container per side of the architecture (national, interfaces, EU, external)."""
    figures = []
    for side, title in SIDES:
        members = [s for s in systems if SIDE_OF_KIND[s.kind] == side and side not in skip]
        if members:
            children = [_system_figure(s, used) for s in members]
            label = translated(tr, title)
            figures.append(Figure(f"side-{side}", label=label, children=children))
    return figures


def _context_view(landscape: Landscape, flows: list[Flow], tr: Translator) -> View:
    """The national systems in their owners' figures, the interfaces, the EU systems used."""
    systems = landscape.shown()
    used = _ends(flows)
    owners: dict[str, list[System]] = defaultdict(list)
    for system in systems:
        if system.kind is SystemKind.NATIONAL:
            owners[system.owner or ""].append(system)
    national = []
    for owner in sorted(owners):
        children = [_system_figure(s, used) for s in owners[owner]]
        if owner and landscape.model.get(owner) is not None:
            national.append(Figure(xml_id(owner), xml_id(owner), children=children))
        else:
            label = translated(tr, N_("No owner given"))
            national.append(Figure("owner-none", label=label, children=children))
    label = translated(tr, N_("National systems"))
    figures = [Figure("side-national", label=label, children=national)]
    figures += _side_figures(landscape, systems, used, {"national"}, tr)
    name = translated(tr, N_("Context"))
    documentation = translated(
        tr, N_("Organisations and their national systems, the interfaces, the EU systems.")
    )
    return View("view-context", name, documentation, figures, _flow_lines(flows))


def _flows_view(
    landscape: Landscape,
    identifier: str,
    name: LangText,
    documentation: LangText,
    flows: list[Flow],
    tr: Translator,
) -> View:
    used = _ends(flows)
    systems = sorted(
        {s.id: s for ref in used if (s := landscape.system_of(ref)) is not None}.values(),
        key=lambda s: s.id,
    )
    figures = _side_figures(landscape, systems, used, set(), tr)
    return View(identifier, name, documentation, figures, _flow_lines(flows))


def _technical_view(
    landscape: Landscape, flows: list[Flow], tr: Translator, languages: TextLanguages
) -> View:
    """The national systems by network or security zone; the other systems by side."""
    systems = landscape.shown()
    used = _ends(flows)
    zones: dict[str, list[System]] = defaultdict(list)
    for system in systems:
        if system.kind is SystemKind.NATIONAL:
            zones[" ".join((system.zone or "").split())].append(system)
    figures = []
    for number, zone in enumerate(sorted(zones, key=lambda z: (z == "", z.casefold(), z))):
        label = _zone_label(zone, tr, languages)
        children = [_system_figure(s, used) for s in zones[zone]]
        figures.append(Figure(f"zone-{number}", label=label, children=children))
    figures += _side_figures(landscape, systems, used, {"national"}, tr)
    name = translated(tr, N_("Technical view by zone"))
    documentation = translated(
        tr, N_("The national systems by network or security zone, and the EU side.")
    )
    return View("view-technical", name, documentation, figures, _flow_lines(flows))


def _zone_label(zone: str, tr: Translator, languages: TextLanguages) -> LangText:
    """A zone's figure: its name is the model's words (the national systems' `zone`)."""
    if not zone:
        return translated(tr, N_("Unzoned (no zone given)"))
    template = translated(tr, N_("Zone: {zone}"))
    said = languages.of(zone)
    return languages.composed(template.text.format(zone=said.text), said, template)
