"""The whole model: every file's entities merged, with an index by id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from archlex.model.catalog import AccessGrant, MidLink, Standard
from archlex.model.common import Entity
from archlex.model.file import ModelFile
from archlex.model.flow import Flow, Process
from archlex.model.governance import Decision, Fund, NationalAct, Risk
from archlex.model.infrastructure import Connection, Network, Node
from archlex.model.law import Act
from archlex.model.organisation import Organisation, Role
from archlex.model.project import Manifest
from archlex.model.regulation import Obligation, Regulation
from archlex.model.requirement import Requirement
from archlex.model.roadmap import Milestone, Phase, WorkPackage
from archlex.model.system import Component, DataCategory, System
from archlex.model.view import View


@dataclass
class Model:
    """Every entity of a model and the libraries it uses, by kind and by id."""

    manifest: Manifest
    organisations: list[Organisation] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    systems: list[System] = field(default_factory=list)
    data: list[DataCategory] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)
    processes: list[Process] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    work_packages: list[WorkPackage] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    regulations: list[Regulation] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    access: list[AccessGrant] = field(default_factory=list)
    mid_links: list[MidLink] = field(default_factory=list)
    standards: list[Standard] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    national_law: list[NationalAct] = field(default_factory=list)
    funds: list[Fund] = field(default_factory=list)
    networks: list[Network] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    views: list[View] = field(default_factory=list)
    index: dict[str, Entity] = field(default_factory=dict)

    def add(self, part: ModelFile) -> None:
        """Merge one file's entities (the index is rebuilt by `reindex`)."""
        self.organisations += part.organisations
        self.roles += part.roles
        self.systems += part.systems
        self.data += part.data
        self.flows += part.flows
        self.processes += part.processes
        self.requirements += part.requirements
        self.regulations += part.regulations
        self.acts += part.acts
        self.obligations += part.obligations
        self.access += part.access
        self.mid_links += part.mid_links
        self.standards += part.standards
        self.risks += part.risks
        self.decisions += part.decisions
        self.national_law += part.national_law
        self.funds += part.funds
        self.networks += part.networks
        self.nodes += part.nodes
        self.connections += part.connections
        self.views += part.views
        if part.roadmap is not None:
            self.phases += part.roadmap.phases
            self.work_packages += part.roadmap.work_packages
            self.milestones += part.roadmap.milestones

    @property
    def components(self) -> list[Component]:
        """Every component of every system."""
        return [c for s in self.systems for c in s.components]

    def entities(self, components: bool = True) -> Iterator[tuple[str, Entity]]:
        """Every entity with its kind, in the order the files declare them (the systems'
        components left out when `components` is false)."""
        kinds: list[tuple[str, list[Entity]]] = [
            ("organisation", list(self.organisations)),
            ("role", list(self.roles)),
            ("system", list(self.systems)),
            ("component", list(self.components) if components else []),
            ("data", list(self.data)),
            ("flow", list(self.flows)),
            ("process", list(self.processes)),
            ("requirement", list(self.requirements)),
            ("phase", list(self.phases)),
            ("work package", list(self.work_packages)),
            ("milestone", list(self.milestones)),
            ("regulation", list(self.regulations)),
            ("act", list(self.acts)),
            ("obligation", list(self.obligations)),
            ("access grant", list(self.access)),
            ("MID link", list(self.mid_links)),
            ("standard", list(self.standards)),
            ("risk", list(self.risks)),
            ("decision", list(self.decisions)),
            ("national act", list(self.national_law)),
            ("fund", list(self.funds)),
            ("network", list(self.networks)),
            ("node", list(self.nodes)),
            ("connection", list(self.connections)),
            ("view", list(self.views)),
        ]
        for kind, entities in kinds:
            for entity in entities:
                yield kind, entity

    def kinds(self) -> dict[str, str]:
        """Each entity's id and its kind, in the order the files declare them (the last of
        two entities with one id wins)."""
        return {entity.id: kind for kind, entity in self.entities()}

    def reindex(self) -> None:
        """Index every entity by id; the first of two entities with one id wins."""
        self.index = {}
        for _, entity in self.entities():
            self.index.setdefault(entity.id, entity)

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, if any."""
        return self.index.get(entity_id)

    def regulation(self, regulation_id: str) -> Regulation | None:
        """The regulation with this id, if loaded."""
        found = self.index.get(regulation_id)
        return found if isinstance(found, Regulation) else None

    def act(self, act_id: str) -> Act | None:
        """The amending or implementing act with this id, if loaded."""
        found = self.index.get(act_id)
        return found if isinstance(found, Act) else None

    def counts(self) -> dict[str, int]:
        """How many entities of each kind, for summaries."""
        counts: dict[str, int] = {}
        for kind, _ in self.entities():
            counts[kind] = counts.get(kind, 0) + 1
        return counts
