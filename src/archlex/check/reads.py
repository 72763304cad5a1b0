"""What the rules, the coverage and the shared parts of a check read of the model's entities:
each rule declares it (`@rule(..., reads=...)`), built from the parts here that several rules
share. A field that nothing reads cannot change a finding, so `archlex check` keeps its last
findings after an edit of such fields alone (archlex.check.incremental).

tests/check/test_reads.py holds every rule to its declaration: it replaces each field a rule
does not declare with a value that fails when read, and runs the rule on the example and on
every rule's `bad` example.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from archlex.rules import Reads


def reads(*parts: Reads, **fields: Set[str]) -> Reads:
    """The union of shared parts and a rule's own fields (kind=set of field names)."""
    merged: dict[str, frozenset[str]] = {}
    for part in (*parts, fields):
        for kind, names in part.items():
            merged[kind] = merged.get(kind, frozenset()) | frozenset(names)
    return merged


# The graph (archlex.graph.build_graph), link by link: a check draws each kind of link the
# first time a rule asks for it, so a rule reads only the fields of the links it asks about.
COMPONENTS = reads(systems={"components"})  # has_component, and ModelGraph.system_of
TRACING = reads(obligations={"provision"}, requirements={"satisfies"})  # ModelGraph.tracing
# Every other kind of link may name a component (a node once the components are drawn).
ALLOCATIONS = reads(COMPONENTS, requirements={"allocated_to"})
DELIVERIES = reads(COMPONENTS, work_packages={"delivers"})
DEPENDENCIES = reads(COMPONENTS, work_packages={"depends_on"})
GRAPH = reads(
    COMPONENTS,
    TRACING,
    ALLOCATIONS,
    DELIVERIES,
    DEPENDENCIES,
    flows={"data", "from_", "to", "via"},
    milestones={"after"},
    organisations={"roles"},
    processes={"steps"},
)

# The obligations that apply on the day checked (CheckContext.applicable, .upcoming,
# .timeline): the scope, the actors, the law's dates.
APPLICABLE = reads(
    acts={"applies_from", "in_force", "kind", "published", "starts"},
    obligations={"actor", "applies_from", "applies_when", "provision"},
    regulations={"applies_from", "in_force"},
    roles={"tags"},
)

# A flow's ends, which an edit follows to the flows and systems it reaches
# (archlex.check.flow_links): what the rules reading them declare as `through`.
FLOW_ENDS = reads(flows={"from_", "to", "via"})
# The kind of the system at a flow's end (archlex.check.flow_ends.end_kind).
ENDS = reads(COMPONENTS, FLOW_ENDS, systems={"kind"})

# The pass that finds duplicate ids, unknown references and provisions and schema findings
# (archlex.check.references): every field that names an entity or cites a provision.
REFERENCES = reads(
    access={"applies_when", "provision", "role", "systems", "via"},
    acts={"legal_basis", "starts"},
    connections={"flows", "from_", "to", "network", "standard"},
    data={"controller", "held_by", "legal_basis", "master", "processor", "retention_basis"},
    decisions={"provisions", "relates_to", "superseded_by"},
    flows={"data", "from_", "legal_basis", "logging", "process", "to", "via"},
    mid_links={"provision", "verified_by"},
    milestones={"after", "deadline_of"},
    national_law={"implements", "responsible", "work_package"},
    networks={"operator"},
    nodes={"hosts", "networks", "operator", "within"},
    obligations={"actor", "applies_from", "applies_when", "deadline", "provision", "systems"},
    organisations={"roles"},
    processes={"owner", "steps"},
    regulations={"amended_by", "articles"},
    requirements={"allocated_to", "satisfies"},
    risks={"owner", "related"},
    roles={"defined_by"},
    standards={"provision"},
    systems={"components", "kind", "logs", "operator", "owner"},
    work_packages={"delivers", "depends_on", "owner", "phase", "systems"},
)

# The named views' pass (archlex.check.views).
VIEWS = reads(
    flows={"from_", "to", "via"},
    processes={"steps"},
    systems={"components", "kind"},
    views={"depth", "exclude", "focus", "include", "kind"},
)

# The coverage (archlex.check.run): who traces, allocates and delivers each obligation.
COVERAGE = reads(TRACING, DELIVERIES, APPLICABLE, requirements={"allocated_to", "status"})


def without(part: Reads, other: Reads) -> Reads:
    """The fields of `part` that are not in `other`."""
    return {kind: names - other.get(kind, frozenset()) for kind, names in part.items()}


def read_by_rules(rule_reads: Mapping[str, Reads | None]) -> Reads | None:
    """Every field some rule reads; None (every field may be read) when a rule declares
    nothing (tests/check/test_reads.py fails for such a rule)."""
    if any(declared is None for declared in rule_reads.values()):
        return None
    return reads(*(declared or {} for declared in rule_reads.values()))


def read_by_any(rule_reads: Mapping[str, Reads | None]) -> Reads | None:
    """Every field some rule or the coverage reads; None when a rule declares nothing."""
    by_rules = read_by_rules(rule_reads)
    return None if by_rules is None else reads(COVERAGE, by_rules)


__all__ = [
    "ALLOCATIONS",
    "APPLICABLE",
    "COMPONENTS",
    "COVERAGE",
    "DELIVERIES",
    "DEPENDENCIES",
    "ENDS",
    "FLOW_ENDS",
    "GRAPH",
    "REFERENCES",
    "TRACING",
    "VIEWS",
    "read_by_any",
    "read_by_rules",
    "reads",
    "without",
]
