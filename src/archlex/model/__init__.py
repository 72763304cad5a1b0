"""pydantic models of every entity kind; no I/O, no YAML."""

from archlex.catalog.provision import Provision, parse_provision
from archlex.model.aggregate import Model
from archlex.model.catalog import AccessGrant, LinkColour, LogPolicy, MidLink, Standard
from archlex.model.common import Entity, Record
from archlex.model.file import ENTITY_KINDS, ModelFile
from archlex.model.flow import Flow, Logging, Process, Sync
from archlex.model.organisation import Organisation, OrganisationKind, Role, RoleGrant
from archlex.model.project import FORMAT_VERSION, Checks, Manifest, Scope, Waiver
from archlex.model.regulation import AppliesWhen, Article, Chapter, Evidence, Obligation, Regulation
from archlex.model.requirement import Priority, Requirement, RequirementStatus, RequirementType
from archlex.model.roadmap import Cost, Milestone, Phase, Roadmap, WorkPackage
from archlex.model.system import Component, DataCategory, System, SystemKind, SystemStatus

__all__ = [
    "ENTITY_KINDS",
    "FORMAT_VERSION",
    "AccessGrant",
    "AppliesWhen",
    "Article",
    "Chapter",
    "Checks",
    "Component",
    "Cost",
    "DataCategory",
    "Entity",
    "Evidence",
    "Flow",
    "LinkColour",
    "LogPolicy",
    "Logging",
    "Manifest",
    "MidLink",
    "Milestone",
    "Model",
    "ModelFile",
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
    "Roadmap",
    "Role",
    "RoleGrant",
    "Scope",
    "Standard",
    "Sync",
    "System",
    "SystemKind",
    "SystemStatus",
    "Waiver",
    "WorkPackage",
    "parse_provision",
]
