"""The technical view's lines for the model's connections: one per connection, labelled with
its protocol and format, coloured by the network it runs over, dashed unless it exists; every
other fact (network, standard, security, availability, volume, flows) in its tooltip."""

from __future__ import annotations

from collections.abc import Callable

from archlex.i18n import N_
from archlex.model.infrastructure import Connection, Network
from archlex.model.system import SystemStatus
from archlex.render.diagrams.labels import Texts, tr
from archlex.render.diagrams.legend import LINE_SAMPLE
from archlex.render.diagrams.style import PERSONAL
from archlex.render.diagrams.views import Landscape
from archlex.toolkit.dot import Edge, text_label
from archlex.toolkit.words import volume_words

NETWORK_COLOURS = ("#1F5FA8", "#2E7D32", "#7B3294", "#B35806", "#00838F", "#5D4037")
UNKNOWN_NETWORK = "#4A5968"
TEXTS = Texts(
    {
        "legend.network": N_("connection over {network}"),
        "legend.no-network": N_("connection, network not stated"),
        "unstated": N_("protocol not stated"),
    }
)


def _say(key: str, **values: object) -> str:
    """One of these lines' texts, its placeholders filled."""
    return TEXTS[key].format(**values)


def connection_edges(
    landscape: Landscape, joins: Callable[[str, str], bool], used: set[str]
) -> tuple[list[Edge], list[tuple[str, str, str, str]]]:
    """One line per connection between two systems the view `joins`; the legend rows of the
    networks those lines run over."""
    networks = {n.id: n for n in landscape.model.networks}
    colours = {n: NETWORK_COLOURS[i % len(NETWORK_COLOURS)] for i, n in enumerate(sorted(networks))}
    edges, seen = [], set()
    for connection in sorted(landscape.model.connections, key=lambda c: c.id):
        tail, head = landscape.system_of(connection.from_), landscape.system_of(connection.to)
        if tail is None or head is None or tail.id == head.id or not joins(tail.id, head.id):
            continue
        colour = colours.get(connection.network or "", UNKNOWN_NETWORK)
        seen.add(connection.network if connection.network in networks else "")
        edges.append(_connection_edge(connection, tail.id, head.id, colour, networks))
        if connection.status is not SystemStatus.EXISTING:
            used.add("line.planned")
    rows = [
        (
            LINE_SAMPLE[PERSONAL],
            colours.get(n, UNKNOWN_NETWORK),
            _say("legend.network", network=networks[n].name or n)
            if n
            else _say("legend.no-network"),
            "",
        )
        for n in sorted(seen)
    ]
    return edges, rows


def _connection_edge(
    connection: Connection, tail: str, head: str, colour: str, networks: dict[str, Network]
) -> Edge:
    """A connection: protocol and format on the line, everything else in its tooltip."""
    words = [connection.protocol or _say("unstated"), connection.format or ""]
    label = text_label(", ".join(w for w in words if w), 22)
    dashed = connection.status is not SystemStatus.EXISTING
    attrs = {
        "color": colour,
        "fontcolor": "#2D3436",
        "fontsize": "11",
        "penwidth": "1.6",
        "style": "dashed" if dashed else "solid",
        "arrowsize": "0.7",
        "tooltip": _connection_tooltip(connection, networks),
    }
    return Edge(tail, head, label, attrs)


def _connection_tooltip(connection: Connection, networks: dict[str, Network]) -> str:
    """Every technical fact of a connection, one per line (tooltips are plain text)."""
    network = networks.get(connection.network or "")
    facts = [
        (N_("network"), str(network.name) if network and network.name else connection.network),
        (N_("standard"), connection.standard),
        (N_("security"), connection.security),
        (N_("availability"), _availability(connection)),
        (N_("volume"), volume_words(connection.volume, tr())),
        (N_("flows"), ", ".join(connection.flows) or None),
    ]
    lines = [f"{connection.id}: {connection.name or ''}".rstrip(": ")]
    lines += [f"{tr().gettext(key)}: {value}" for key, value in facts if value]
    return "\n".join(lines)


def _availability(connection: Connection) -> str | None:
    """`99.9 %` in the diagram's language, or None when the model gives none."""
    if connection.availability is None:
        return None
    return tr().percent(connection.availability)
