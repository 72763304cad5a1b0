"""One model file: a mapping whose top-level keys are entity kinds."""

from __future__ import annotations

from archlex.model.catalog import AccessGrant, MidLink, Standard
from archlex.model.common import Record
from archlex.model.flow import Flow, Process
from archlex.model.governance import Decision, Fund, NationalAct, Risk
from archlex.model.infrastructure import Connection, Network, Node
from archlex.model.law import Act
from archlex.model.organisation import Organisation, Role
from archlex.model.record import Field
from archlex.model.regulation import Obligation, Regulation
from archlex.model.requirement import Requirement
from archlex.model.roadmap import Roadmap
from archlex.model.system import DataCategory, System
from archlex.model.view import View

ENTITY_KINDS = (
    "organisations",
    "roles",
    "systems",
    "data",
    "flows",
    "processes",
    "requirements",
    "roadmap",
    "regulations",
    "acts",
    "obligations",
    "access",
    "mid_links",
    "standards",
    "risks",
    "decisions",
    "national_law",
    "funds",
    "networks",
    "nodes",
    "connections",
    "views",
)


class ModelFile(Record):
    """The entities one YAML file declares."""

    organisations: list[Organisation] = Field(default_factory=list, description="Organisations.")
    roles: list[Role] = Field(default_factory=list, description="Roles.")
    systems: list[System] = Field(default_factory=list, description="Systems and components.")
    data: list[DataCategory] = Field(default_factory=list, description="Data categories.")
    flows: list[Flow] = Field(default_factory=list, description="Data flows.")
    processes: list[Process] = Field(default_factory=list, description="Business processes.")
    requirements: list[Requirement] = Field(default_factory=list, description="Requirements.")
    roadmap: Roadmap | None = Field(default=None, description="Phases, work packages, milestones.")
    regulations: list[Regulation] = Field(default_factory=list, description="Regulations.")
    acts: list[Act] = Field(
        default_factory=list, description="Amending and implementing acts, with the dates they set."
    )
    obligations: list[Obligation] = Field(default_factory=list, description="Obligations.")
    access: list[AccessGrant] = Field(
        default_factory=list, description="Access that provisions grant to national authorities."
    )
    mid_links: list[MidLink] = Field(default_factory=list, description="Types of MID link.")
    standards: list[Standard] = Field(default_factory=list, description="Standards, e.g. UMF.")
    risks: list[Risk] = Field(default_factory=list, description="Risks to the implementation.")
    decisions: list[Decision] = Field(
        default_factory=list, description="Architecture decision records."
    )
    national_law: list[NationalAct] = Field(
        default_factory=list, description="National legal acts to adopt or amend."
    )
    funds: list[Fund] = Field(
        default_factory=list, description="Funds and budgets that `cost.funding` names."
    )
    networks: list[Network] = Field(
        default_factory=list, description="Networks, e.g. TESTA-ng or a national secure network."
    )
    nodes: list[Node] = Field(
        default_factory=list, description="Data centres, zones and sites that host systems."
    )
    connections: list[Connection] = Field(
        default_factory=list, description="Technical connections: protocol, format, network."
    )
    views: list[View] = Field(
        default_factory=list, description="Diagrams the model names, beside the default ones."
    )
