"""pydantic models of every entity kind; no I/O, no YAML."""

from archlex.catalog.provision import Provision, parse_provision
from archlex.model.aggregate import Model
from archlex.model.catalog import AccessGrant, LinkColour, LogPolicy, MidLink, Standard
from archlex.model.common import Entity, Record
from archlex.model.data import DataEntity, SpecialKind
from archlex.model.file import ENTITY_KINDS, ModelFile
from archlex.model.flow import Flow, Logging, Process, Sync
from archlex.model.governance import Decision, Fund, NationalAct, Risk
from archlex.model.infrastructure import Connection, Environment, Hosting, Network, Node
from archlex.model.law import (
    Act,
    ActKind,
    Amendment,
    Change,
    ChangeKind,
    EventDate,
    Start,
)
from archlex.model.organisation import Organisation, OrganisationKind, Role, RoleGrant
from archlex.model.project import FORMAT_VERSION, Checks, Manifest, Scope, Waiver
from archlex.model.regulation import AppliesWhen, Article, Chapter, Evidence, Obligation, Regulation
from archlex.model.requirement import Priority, Requirement, RequirementStatus, RequirementType
from archlex.model.roadmap import Cost, Milestone, Phase, Roadmap, WorkPackage
from archlex.model.system import Component, DataCategory, System, SystemKind, SystemStatus
from archlex.model.view import View, ViewKind

__all__ = [
    "ENTITY_KINDS",
    "FORMAT_VERSION",
    "AccessGrant",
    "Act",
    "ActKind",
    "Amendment",
    "AppliesWhen",
    "Article",
    "Change",
    "ChangeKind",
    "Chapter",
    "Checks",
    "Component",
    "Connection",
    "Cost",
    "DataCategory",
    "DataEntity",
    "Decision",
    "Entity",
    "Environment",
    "EventDate",
    "Evidence",
    "Flow",
    "Fund",
    "Hosting",
    "LinkColour",
    "LogPolicy",
    "Logging",
    "Manifest",
    "MidLink",
    "Milestone",
    "Model",
    "ModelFile",
    "NationalAct",
    "Network",
    "Node",
    "Obligation",
    "Organisation",
    "OrganisationKind",
    "Phase",
    "Priority",
    "Process",
    "Provision",
    "Record",
    "Regulation",
    "Requirement",
    "RequirementStatus",
    "RequirementType",
    "Risk",
    "Roadmap",
    "Role",
    "RoleGrant",
    "Scope",
    "SpecialKind",
    "Standard",
    "Start",
    "Sync",
    "System",
    "SystemKind",
    "SystemStatus",
    "View",
    "ViewKind",
    "Waiver",
    "WorkPackage",
    "parse_provision",
]
