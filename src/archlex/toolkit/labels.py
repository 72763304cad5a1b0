"""How a value of the model or of `check` reads in an output: the states, statuses, kinds and
funding sources every product shows, marked for translation (`tr.label(STATES, value)`).
English output shows the value itself, as archlex always has."""

from __future__ import annotations

from archlex.i18n import N_, NP_

Labels = dict[str, tuple[str, str]]

COVERAGE_STATES: Labels = {
    "gap": NP_("coverage state", "gap"),
    "traced": NP_("coverage state", "traced"),
    "allocated": NP_("coverage state", "allocated"),
    "scheduled": NP_("coverage state", "scheduled"),
    "met": NP_("coverage state", "met"),
}
SEVERITIES: Labels = {
    "error": NP_("severity", "error"),
    "warning": NP_("severity", "warning"),
    "info": NP_("severity", "info"),
}
SYSTEM_STATUSES: Labels = {
    "existing": NP_("system status", "existing"),
    "planned": NP_("system status", "planned"),
    "changing": NP_("system status", "changing"),
    "retiring": NP_("system status", "retiring"),
}
SYSTEM_KINDS: Labels = {
    "national": NP_("system kind", "national"),
    "eu-central": NP_("system kind", "eu-central"),
    "interoperability-component": NP_("system kind", "interoperability-component"),
    "national-interface": NP_("system kind", "national-interface"),
    "external": NP_("system kind", "external"),
}
REQUIREMENT_STATUSES: Labels = {
    "proposed": NP_("requirement status", "proposed"),
    "agreed": NP_("requirement status", "agreed"),
    "implemented": NP_("requirement status", "implemented"),
    "verified": NP_("requirement status", "verified"),
}
PRIORITIES: Labels = {
    "must": NP_("priority", "must"),
    "should": NP_("priority", "should"),
    "could": NP_("priority", "could"),
}
# As headings of the concept's requirement groups (capitalised, as before).
REQUIREMENT_TYPES: Labels = {
    "functional": NP_("requirement type", "Functional"),
    "non-functional": NP_("requirement type", "Non-functional"),
    "security": NP_("requirement type", "Security"),
    "legal": NP_("requirement type", "Legal"),
    "organisational": NP_("requirement type", "Organisational"),
    "other": NP_("requirement type", "Other"),
}
FLOW_SYNC: Labels = {
    "query": NP_("flow", "query"),
    "push": NP_("flow", "push"),
    "batch": NP_("flow", "batch"),
}
LINK_COLOURS: Labels = {
    "yellow": NP_("MID link", "yellow"),
    "green": NP_("MID link", "green"),
    "red": NP_("MID link", "red"),
    "white": NP_("MID link", "white"),
}
# Funding sources are the model's own keys; the common national one and the share no source
# covers are known. EU funds keep their abbreviations (AMIF, BMVI, ISF).
FUNDING_SOURCES: Labels = {
    "state-budget": NP_("funding source", "state budget"),
    "not assigned": NP_("funding source", "not assigned"),
}
YES_NO: Labels = {"True": NP_("answer", "yes"), "False": NP_("answer", "no")}
# How far a catalog entry was checked against the act's text (`verified: true|partial|false`).
VERIFICATION: Labels = {
    "True": NP_("verification", "verified"),
    "partial": NP_("verification", "partial"),
    "False": NP_("verification", "unverified"),
}
ACTORS: Labels = {"member-state": NP_("actor", "Member State")}
ENTITY_KINDS: Labels = {
    "organisation": NP_("entity kind", "organisation"),
    "role": NP_("entity kind", "role"),
    "system": NP_("entity kind", "system"),
    "component": NP_("entity kind", "component"),
    "data": NP_("entity kind", "data"),
    "flow": NP_("entity kind", "flow"),
    "process": NP_("entity kind", "process"),
    "requirement": NP_("entity kind", "requirement"),
    "phase": NP_("entity kind", "phase"),
    "work package": NP_("entity kind", "work package"),
    "milestone": NP_("entity kind", "milestone"),
    "regulation": NP_("entity kind", "regulation"),
    "obligation": NP_("entity kind", "obligation"),
    "access grant": NP_("entity kind", "access grant"),
    "MID link": NP_("entity kind", "MID link"),
    "standard": NP_("entity kind", "standard"),
}
ORGANISATION_KINDS: Labels = {
    "ministry": NP_("organisation kind", "ministry"),
    "police": NP_("organisation kind", "police"),
    "border-guard": NP_("organisation kind", "border-guard"),
    "migration": NP_("organisation kind", "migration"),
    "it-centre": NP_("organisation kind", "it-centre"),
    "judicial": NP_("organisation kind", "judicial"),
    "supervisory": NP_("organisation kind", "supervisory"),
    "eu-agency": NP_("organisation kind", "eu-agency"),
    "other": NP_("organisation kind", "other"),
}
# As table cells and tags: the value itself in English.
REQUIREMENT_TYPE_VALUES: Labels = {
    "functional": NP_("requirement type value", "functional"),
    "non-functional": NP_("requirement type value", "non-functional"),
    "security": NP_("requirement type value", "security"),
    "legal": NP_("requirement type value", "legal"),
    "organisational": NP_("requirement type value", "organisational"),
}
# The environments a system runs in (archlex.model.infrastructure.Environment, by value).
ENVIRONMENTS: dict[str, str] = {
    "production": N_("production"),
    "dr": N_("DR"),
    "acceptance": N_("acceptance"),
    "test": N_("test"),
    "training": N_("training"),
    "development": N_("development"),
}
