"""The technical architecture: networks, the nodes that host systems (data centres, their
security zones, the EU's technical sites) in each environment, and the connections between
systems with their protocol, format, network and figures.

The shape follows the deployment view of C4/Structurizr (deployment nodes, nested, holding
instances of systems per environment) and ArchiMate's technology layer (node, communication
network, path): a node sits `within` another, `hosts` the systems deployed on it, and is
attached to `networks`; a connection is the technical path that carries one or more flows.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from archlex.model.common import Entity, Record
from archlex.model.record import Field
from archlex.model.system import SystemStatus

if TYPE_CHECKING:
    from archlex.model.annotated import LocalText, Percent, Ref, Refs


class NetworkScope(StrEnum):
    """How far a network reaches."""

    LOCAL = "local"
    NATIONAL = "national"
    EUROPEAN = "european"
    PUBLIC = "public"


class Network(Entity):
    """A communication network: a data centre LAN, a national secure network, TESTA-ng."""

    name: LocalText = Field(description="Name of the network.")
    scope: NetworkScope = Field(
        default=NetworkScope.NATIONAL,
        description="How far it reaches: local, national, european or public.",
    )
    operator: Ref | None = Field(default=None, description="Organisation that runs it.")
    security: str | None = Field(
        default=None,
        description="Its accreditation or protection, e.g. accredited for EU RESTRICTED.",
    )


class NodeKind(StrEnum):
    """What a node is."""

    SITE = "site"
    DATA_CENTRE = "data-centre"
    ZONE = "zone"
    CLUSTER = "cluster"
    SERVER = "server"
    CLOUD = "cloud"


class Environment(StrEnum):
    """The environment a system's instance belongs to."""

    PRODUCTION = "production"
    DR = "dr"
    ACCEPTANCE = "acceptance"
    TEST = "test"
    TRAINING = "training"
    DEVELOPMENT = "development"


class Hosting(Record):
    """One instance of a system on a node, in one environment."""

    system: Ref = Field(description="System (or component) deployed here.")
    environment: Environment = Field(
        default=Environment.PRODUCTION,
        description="production, dr, acceptance, test, training or development.",
    )
    instances: int | None = Field(default=None, ge=1, description="How many instances run.")
    availability: Percent | None = Field(
        default=None, description="Availability target in per cent, e.g. 99.9."
    )
    description: str | None = Field(default=None, description="Notes on this instance.")


class Node(Entity):
    """Where systems run: a site, a data centre, a security zone or cluster inside one."""

    name: LocalText = Field(description="Name of the node.")
    kind: NodeKind = Field(description="site, data-centre, zone, cluster, server or cloud.")
    within: Ref | None = Field(default=None, description="The node this one is part of.")
    operator: Ref | None = Field(default=None, description="Organisation that runs it.")
    location: str | None = Field(default=None, description="Where it is, e.g. Riga.")
    networks: Refs = Field(default_factory=list, description="Networks it is attached to.")
    hosts: list[Hosting] = Field(
        default_factory=list, description="The systems deployed on it, per environment."
    )


class Volume(Record):
    """How much a connection carries: average and peak, per unit of time."""

    average: float | None = Field(default=None, ge=0, description="Typical number.")
    peak: float | None = Field(default=None, ge=0, description="Highest number expected.")
    per: Literal["second", "minute", "hour", "day", "month", "year"] = Field(
        default="day", description="The unit of time."
    )
    unit: str = Field(default="messages", description="What is counted, e.g. searches.")


class Connection(Entity):
    """A technical connection between two systems: how their flows travel."""

    from_: Ref = Field(alias="from", description="System or component that opens it.")
    to: Ref = Field(description="System or component it reaches.")
    network: Ref | None = Field(default=None, description="Network it runs over.")
    protocol: str | None = Field(
        default=None, description="Transport or interface style, e.g. SOAP, REST, AMQP, SFTP."
    )
    format: str | None = Field(default=None, description="Message format, e.g. UMF XML, JSON.")
    standard: Ref | None = Field(default=None, description="Standard it follows, e.g. eu.UMF.")
    security: str | None = Field(
        default=None, description="How it is protected, e.g. mutual TLS, IPsec."
    )
    flows: Refs = Field(default_factory=list, description="The flows it carries.")
    availability: Percent | None = Field(
        default=None, description="Availability target in per cent, e.g. 99.9."
    )
    volume: Volume | None = Field(default=None, description="How much it carries.")
    status: SystemStatus = Field(default=SystemStatus.EXISTING, description="Life-cycle state.")


STATE_SIDE_KINDS = frozenset({"national", "national-interface"})


def is_state_side(kind: str) -> bool:
    """Whether a system of this kind sits on the national side of the border (the national
    uniform interfaces do: they are installed in the Member State)."""
    return kind in STATE_SIDE_KINDS


def hostings(nodes: list[Node]) -> dict[str, list[tuple[Node, Hosting]]]:
    """Every deployment by the id of the system (or component) deployed, nodes by id."""
    found: dict[str, list[tuple[Node, Hosting]]] = {}
    for node in sorted(nodes, key=lambda n: n.id):
        for hosting in node.hosts:
            found.setdefault(hosting.system, []).append((node, hosting))
    return found
