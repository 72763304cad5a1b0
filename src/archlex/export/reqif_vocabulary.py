"""The ReqIF attributes archlex writes and reads: one name per requirement field.

The names follow the ProSTEP ReqIF Implementation Guide where it has one (`ReqIF.ForeignID`,
`ReqIF.Name`, `ReqIF.Text`, `ReqIF.Description`); the rest are `archlex.<field>`. The export
writes every attribute here, the import maps them back (a mapping file can rename them).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from archlex.model.requirement import Priority, RequirementStatus, RequirementType

NAMESPACE = "http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"
# A list (allocated_to, satisfies, tags) is one string with an item a line.
LIST_SEPARATOR = "\n"


@dataclass(frozen=True)
class Attribute:
    """One ReqIF attribute of a requirement: its long name, the field, and its values."""

    name: str
    field: str
    enum: type[StrEnum] | None = None
    is_list: bool = False


REQUIREMENT_ATTRIBUTES = (
    Attribute("ReqIF.ForeignID", "id"),
    Attribute("ReqIF.Name", "title"),
    Attribute("ReqIF.Text", "text"),
    Attribute("archlex.type", "type", enum=RequirementType),
    Attribute("archlex.priority", "priority", enum=Priority),
    Attribute("archlex.status", "status", enum=RequirementStatus),
    Attribute("archlex.allocated_to", "allocated_to", is_list=True),
    Attribute("archlex.satisfies", "satisfies", is_list=True),
    Attribute("archlex.name", "name"),
    Attribute("ReqIF.Description", "description"),
    Attribute("archlex.tags", "tags", is_list=True),
)
# The provision and obligation objects of the second specification.
PROVISION_ATTRIBUTES = ("ReqIF.ForeignID", "ReqIF.Name", "ReqIF.Text")
OBLIGATION_ATTRIBUTES = ("ReqIF.ForeignID", "ReqIF.Text", "archlex.provision", "archlex.actor")

REQUIREMENT_TYPE = "archlex requirement"
PROVISION_TYPE = "archlex provision"
OBLIGATION_TYPE = "archlex obligation"
SATISFIES_RELATION = "satisfies"  # requirement -> provision it names in `satisfies`
TRACES_RELATION = "traces"  # requirement -> obligation whose provision it traces
REQUIREMENTS_SPECIFICATION = "Requirements"
PROVISIONS_SPECIFICATION = "Provisions and obligations"
