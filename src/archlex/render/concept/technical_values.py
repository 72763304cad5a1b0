"""The technical architecture as tables, for the concept and the site alike: where each system
runs, per environment, and the connections with their network, protocol, format and figures."""

from __future__ import annotations

from typing import Any

from archlex.i18n import N_, Translator, translator
from archlex.model import Model, SystemKind
from archlex.model.infrastructure import Connection, Environment, Node, hostings
from archlex.render.concept.values import short, short_of
from archlex.render.registry import RenderContext
from archlex.toolkit.escape import md_cell
from archlex.toolkit.labels import ENVIRONMENTS
from archlex.toolkit.words import volume_words

STATE_SIDE = (SystemKind.NATIONAL, SystemKind.NATIONAL_INTERFACE)
HOSTING_HEAD = (
    N_("System"),
    N_("Production"),
    N_("Instances"),
    N_("Other environments"),
    N_("Availability"),
)
CONNECTION_HEAD = (
    N_("Connection"),
    N_("Network"),
    N_("Protocol and format"),
    N_("Availability"),
    N_("Volume"),
)
NONE = "\u2013"  # an en dash: nothing given


def technical_values(context: RenderContext) -> dict[str, Any]:
    """The hosting table (national systems and interfaces) and the connection table."""
    return technical_tables(context.report.model, translator(context.language))


def technical_tables(model: Model, tr: Translator) -> dict[str, Any]:
    """The hosting and connection tables' headings and rows (Markdown cells)."""
    return {
        "hosting_head": [tr.gettext(h) for h in HOSTING_HEAD],
        "connection_head": [tr.gettext(h) for h in CONNECTION_HEAD],
        "hosting_rows": _hosting_rows(model, tr),
        "connection_rows": [
            _connection_row(model, c, tr) for c in sorted(model.connections, key=lambda c: c.id)
        ],
    }


def _hosting_rows(model: Model, tr: Translator) -> list[list[str]]:
    """System, production node, instances there, the other environments, availability; empty
    without nodes."""
    found = hostings(model.nodes)
    if not found:
        return []
    rows = []
    for system in sorted(model.systems, key=lambda s: (s.kind is not SystemKind.NATIONAL, s.id)):
        places = found.get(system.id, [])
        if system.kind not in STATE_SIDE or (
            system.kind is SystemKind.NATIONAL_INTERFACE and not places
        ):
            continue
        live = [(n, h) for n, h in places if h.environment is Environment.PRODUCTION]
        others = [
            f"{tr.gettext(ENVIRONMENTS[h.environment])}: {_node_name(model, n)}"
            for n, h in places
            if h.environment is not Environment.PRODUCTION
        ]
        availability = [h.availability for _, h in live if h.availability is not None]
        instances = [h.instances for _, h in live if h.instances is not None]
        rows.append(
            [
                md_cell(short(str(system.name))),
                md_cell("; ".join(_node_name(model, n) for n, _ in live)) or NONE,
                tr.number(instances[0]) if instances else NONE,
                md_cell("; ".join(others)) or NONE,
                tr.percent(availability[0]) if availability else NONE,
            ]
        )
    return rows


def _node_name(model: Model, node: Node) -> str:
    """A node with the node it sits within: `Secure zone, IeM IC primary data centre (Riga)`."""
    names = [str(node.name or node.id)]
    parent = model.get(node.within or "")
    if isinstance(parent, Node) and parent.id != node.id:
        names.append(str(parent.name or parent.id))
    return ", ".join(names)


def _connection_row(model: Model, connection: Connection, tr: Translator) -> list[str]:
    """From and to, network, protocol and format (standard), availability and volume."""
    standard = model.get(connection.standard or "")
    way = ", ".join(w for w in (connection.protocol or NONE, connection.format) if w)
    if standard is not None:
        way += f" ({short(str(standard.name or standard.id))})"
    return [
        md_cell(f"{short_of(model, connection.from_)} \u2192 {short_of(model, connection.to)}"),
        md_cell(short_of(model, connection.network)) if connection.network else NONE,
        md_cell(way),
        tr.percent(connection.availability) if connection.availability is not None else NONE,
        md_cell(volume_words(connection.volume, tr)) or NONE,
    ]
