"""The index pages of the Architecture: every organisation, system, data category, flow,
process and requirement, one row each."""

from __future__ import annotations

from archlex.i18n import N_
from archlex.site.context import SiteContext, by_id
from archlex.site.markdown import page, table, text
from archlex.toolkit.labels import (
    ORGANISATION_KINDS,
    PRIORITIES,
    REQUIREMENT_STATUSES,
    REQUIREMENT_TYPE_VALUES,
    SYSTEM_KINDS,
    SYSTEM_STATUSES,
    YES_NO,
)


def index_page(context: SiteContext, kind: str) -> str:
    """The list of every entity of one kind, each a link to its page."""
    tr = context.tr
    title, path, intro = (
        tr._(INDEXES[kind][0]),
        INDEXES[kind][1],
        tr._(INDEXES[kind][2]),
    )
    link = context.linker(path)
    model = context.model
    rows: list[list[str]]
    if kind == "organisation":
        rows = [
            [link.id(o.id), text(o.name), tr.label(ORGANISATION_KINDS, o.kind)]
            for o in by_id(model.organisations)
        ]
        head = [tr._("Organisation"), tr._("Name"), tr._("Kind")]
    elif kind == "system":
        rows = [
            [
                link.id(s.id),
                text(s.name),
                tr.label(SYSTEM_KINDS, s.kind),
                tr.label(SYSTEM_STATUSES, s.status),
                link.id(s.owner),
            ]
            for s in by_id(model.systems)
        ]
        head = [
            tr._("System"),
            tr._("Name"),
            tr._("Kind"),
            tr._("Status"),
            tr._("Owner"),
        ]
    elif kind == "data":
        rows = [
            [
                link.id(d.id),
                text(d.name),
                tr.label(YES_NO, d.personal),
                tr.label(YES_NO, d.special),
                link.ids(d.controller),
                link.id(d.master),
                text(d.retention),
            ]
            for d in by_id(model.data)
        ]
        head = [
            tr._("Data"),
            tr._("Name"),
            tr._("Personal"),
            tr._("Special category"),
            tr._("Controller"),
            tr._("Master copy"),
            tr._("Retention"),
        ]
    elif kind == "flow":
        rows = [
            [link.id(f.id), text(f.name), link.id(f.from_), link.id(f.to), link.id(f.process)]
            for f in by_id(model.flows)
        ]
        head = [
            tr._("Flow"),
            tr._("Name"),
            tr._("From"),
            tr._("To"),
            tr._("Process"),
        ]
    elif kind == "process":
        rows = [
            [link.id(p.id), text(p.name), link.id(p.owner), tr.number(len(p.steps))]
            for p in by_id(model.processes)
        ]
        head = [
            tr._("Process"),
            tr._("Name"),
            tr._("Owner"),
            tr._("Steps"),
        ]
    else:
        rows = [
            [
                link.id(r.id),
                text(r.title),
                context.label(REQUIREMENT_TYPE_VALUES, r.type),
                context.label(PRIORITIES, r.priority),
                tr.label(REQUIREMENT_STATUSES, r.status),
            ]
            for r in by_id(model.requirements)
        ]
        head = [
            tr._("Requirement"),
            tr._("Title"),
            tr._("Type"),
            tr._("Priority"),
            tr._("Status"),
        ]
    return page(title, [], [intro, table(head, rows, tr._("None."))])


INDEXES = {
    "organisation": (
        N_("Organisations"),
        "organisations/index.md",
        N_("Who owns, runs and uses what."),
    ),
    "system": (
        N_("Systems"),
        "systems/index.md",
        N_("National, EU and interoperability systems."),
    ),
    "data": (N_("Data"), "data/index.md", N_("The categories of data the flows carry.")),
    "flow": (
        N_("Flows"),
        "flows/index.md",
        N_("Who sends what to whom, and on what legal basis."),
    ),
    "process": (
        N_("Processes"),
        "processes/index.md",
        N_("Business processes as ordered flows."),
    ),
    "requirement": (
        N_("Requirements"),
        "requirements/index.md",
        N_("What the architecture must do."),
    ),
}
