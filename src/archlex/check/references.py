"""One pass over the loaded model for four validate-phase rules: ids used twice
(duplicate-id), references to nothing (unknown-reference), provisions not in the catalog
(unknown-provision), rule ids in the manifest that name no rule (schema)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from archlex.check.confusables import skeleton
from archlex.findings import Finding
from archlex.load.sources import Located
from archlex.model import (
    AccessGrant,
    Act,
    Connection,
    DataCategory,
    Decision,
    EventDate,
    Flow,
    MidLink,
    Milestone,
    Model,
    NationalAct,
    Network,
    Node,
    Obligation,
    Organisation,
    Process,
    Provision,
    Regulation,
    Requirement,
    Risk,
    Role,
    Standard,
    System,
    WorkPackage,
)
from archlex.model.common import Entity
from archlex.rules import RULES, severity_of
from archlex.text import did_you_mean

if TYPE_CHECKING:
    from archlex.load.project import Project

Path = tuple[str | int, ...]
Kinds = frozenset[str]

SYSTEM: Kinds = frozenset({"system", "component"})
ORGANISATION: Kinds = frozenset({"organisation"})
ROLE: Kinds = frozenset({"role"})
ANY: Kinds = frozenset()
ACT: Kinds = frozenset({"act"})
MEMBER_STATE = "member-state"
# Hints cost a scan of every id of the expected kind; past this many findings they stop.
MAX_HINTS = 200


def check_references(project: Project) -> list[Finding]:
    """duplicate-id, unknown-reference and unknown-provision over the whole model."""
    checker = _Checker(project)
    checker.duplicates()
    for entity, located in project.sources.placed:
        checker.entity(entity, located)
    checker.manifest()
    return checker.findings


class _Checker:
    def __init__(self, project: Project) -> None:
        self.model: Model = project.model
        self.project = project
        self.findings: list[Finding] = []
        self.kind_of = self.model.kinds()
        self.ids_by_kind: dict[str, list[str]] = {}
        for entity_id, kind in self.kind_of.items():
            self.ids_by_kind.setdefault(kind, []).append(entity_id)
        self.hints_left = MAX_HINTS
        self.problems: dict[Provision, tuple[str | None, str | None]] = {}

    def duplicates(self) -> None:
        for entity_id, places in self.project.sources.entities.items():
            first = places[0]
            for place in places[1:]:
                line, column = place.at("id")
                self.findings.append(
                    Finding(
                        "duplicate-id",
                        severity_of("duplicate-id"),
                        f"id `{entity_id}` is already used at {first.file}:{first.at('id')[0]}",
                        place.file,
                        line,
                        column,
                        entity_id,
                        "ids are unique across the whole model, libraries included; rename one",
                    )
                )

    def entity(self, entity: Entity, located: Located) -> None:
        for value, path, kinds in references_of(entity):
            self.reference(value, kinds, located, path, entity.id)
        for provision, path in provisions_of(entity):
            self.provision(provision, located, path, entity.id)

    def reference(
        self, value: str, kinds: Kinds, located: Located, path: Path, target: str | None
    ) -> None:
        found = self.kind_of.get(value)
        if found is not None and (not kinds or found in kinds):
            return
        if value in self.project.invalid_ids or (
            kinds == ROLE | {MEMBER_STATE} and value == MEMBER_STATE
        ):
            return
        expected = " or ".join(sorted(kinds - {MEMBER_STATE})) or "entity"
        owner = f"{self.kind_of.get(target, 'entity')} `{target}`: " if target else ""
        if found is None:
            message = (
                f"{owner}`{path_text(path)}` names `{value}`, but there is no {expected} `{value}`"
            )
        else:
            message = (
                f"{owner}`{path_text(path)}` names {found} `{value}`, but expects a {expected}"
            )
        line, column = located.at(*path)
        self.findings.append(
            Finding(
                "unknown-reference",
                severity_of("unknown-reference"),
                message,
                located.file,
                line,
                column,
                target,
                self.hint(value, kinds),
            )
        )

    def hint(self, value: str, kinds: Kinds) -> str | None:
        if self.hints_left <= 0:
            return None
        self.hints_left -= 1
        candidates = [
            i for kind in (kinds or self.ids_by_kind.keys()) for i in self.ids_by_kind.get(kind, [])
        ]
        if MEMBER_STATE in kinds:
            candidates.append(MEMBER_STATE)
        alike = [c for c in candidates if skeleton(c) == skeleton(value)]
        if alike:  # `VISA-IS` for `visa-is`: closer than any edit distance says
            return did_you_mean(value, alike) or f"did you mean `{alike[0]}`?"
        return did_you_mean(value, candidates)

    def provision(
        self, provision: Provision, located: Located, path: Path, target: str | None
    ) -> None:
        known = self.problems.get(provision)
        if known is None:  # a model cites the same few hundred provisions again and again
            known = self.problems[provision] = provision_problem(self.model, provision)
        problem, hint = known
        if problem is None:
            return
        line, column = located.at(*path)
        self.findings.append(
            Finding(
                "unknown-provision",
                severity_of("unknown-provision"),
                problem,
                located.file,
                line,
                column,
                target,
                hint,
            )
        )

    def manifest(self) -> None:
        manifest = self.model.manifest
        here = self.project.manifest_source
        scope = manifest.scope
        if scope is not None:
            for index, system in enumerate(scope.systems):
                self.reference(system, SYSTEM, here, ("scope", "systems", index), None)
            for index, regulation in enumerate(scope.regulations or []):
                self.reference(
                    regulation,
                    frozenset({"regulation"}),
                    here,
                    ("scope", "regulations", index),
                    None,
                )
        self.document_files()
        for index, rule in enumerate(manifest.checks.disable):
            self.rule(rule, here, ("checks", "disable", index))
        for index, waiver in enumerate(manifest.waivers):
            self.rule(waiver.rule, here, ("waivers", index, "rule"))
            if waiver.target is not None:
                self.reference(waiver.target, ANY, here, ("waivers", index, "target"), None)

    def document_files(self) -> None:
        """The Markdown files and the Word template the concept document names exist."""
        document = self.model.manifest.document
        if document is None:
            return
        root = self.project.manifest_path.parent
        named: list[tuple[str, Path]] = [
            (s.file, ("document", "sections", i, "file"))
            for i, s in enumerate(document.sections)
            if s.file is not None
        ]
        if document.reference_docx:
            named.append((document.reference_docx, ("document", "reference_docx")))
        here = self.project.manifest_source
        for name, path in named:
            if (root / name).is_file():
                continue
            line, column = here.at(*path)
            self.findings.append(
                Finding(
                    "schema",
                    severity_of("schema"),
                    f"`{path_text(path)}` names `{name}`, but there is no such file",
                    here.file,
                    line,
                    column,
                    None,
                    "the path is relative to archlex.yaml",
                )
            )

    def rule(self, rule: str, located: Located, path: Path) -> None:
        if rule in RULES:
            return
        line, column = located.at(*path)
        self.findings.append(
            Finding(
                "schema",
                severity_of("schema"),
                f"there is no rule `{rule}`",
                located.file,
                line,
                column,
                None,
                did_you_mean(rule, list(RULES)) or "see `archlex rules`",
            )
        )


def provision_problem(model: Model, provision: Provision) -> tuple[str | None, str | None]:
    """What is wrong with a provision against the loaded catalog, and a hint; None if fine."""
    regulation = model.regulation(provision.regulation)
    if regulation is None:
        loaded = ", ".join(r.id for r in model.regulations) or "none"
        return (
            f"`{provision}`: no regulation `{provision.regulation}` is loaded",
            f"loaded regulations: {loaded}",
        )
    article = regulation.article(provision.article)
    if article is None:
        return (
            f"`{provision}`: {regulation.id} has no Article {provision.article}",
            _article_range(regulation),
        )
    paragraph = provision.paragraph
    number = re.match(r"\d+", paragraph or "")
    if article.paragraphs is not None and number and int(number.group()) > article.paragraphs:
        return (
            f"`{provision}`: Article {article.number} of {regulation.id} has "
            f"{article.paragraphs} paragraph{'s' if article.paragraphs > 1 else ''}",
            f"cite a paragraph from 1 to {article.paragraphs}, or the whole article",
        )
    return None, None


def _article_range(regulation: Regulation) -> str | None:
    if not regulation.articles:
        return None
    return (
        f"{regulation.id} has articles {regulation.articles[0].number} to "
        f"{regulation.articles[-1].number}"
    )


def path_text(path: Path) -> str:
    """A field path as an author would write it: `roles[1].for[0]`."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def references_of(entity: Entity) -> Iterator[tuple[str, Path, Kinds]]:
    """Every id an entity refers to, with where it is written and the kinds it may name."""
    if isinstance(entity, Organisation):
        for i, grant in enumerate(entity.roles):
            yield grant.role, ("roles", i, "role"), ROLE
            yield from _each(grant.for_, ("roles", i, "for"), SYSTEM)
    elif isinstance(entity, System):
        yield from _optional(entity.owner, ("owner",), ORGANISATION)
        yield from _optional(entity.operator, ("operator",), ORGANISATION)
    elif isinstance(entity, Flow):
        yield entity.from_, ("from",), SYSTEM
        yield entity.to, ("to",), SYSTEM
        yield from _optional(entity.via, ("via",), SYSTEM)
        yield from _each(entity.data, ("data",), frozenset({"data"}))
        yield from _optional(entity.process, ("process",), frozenset({"process"}))
        if entity.logging is not None:
            yield from _optional(entity.logging.by, ("logging", "by"), SYSTEM)
    elif isinstance(entity, DataCategory):
        yield from _data_references(entity)
    elif isinstance(entity, Process):
        yield from _optional(entity.owner, ("owner",), ORGANISATION)
        yield from _each(entity.steps, ("steps",), frozenset({"flow"}))
    elif isinstance(entity, Requirement):
        yield from _each(entity.allocated_to, ("allocated_to",), SYSTEM)
    elif isinstance(entity, WorkPackage):
        yield from _optional(entity.phase, ("phase",), frozenset({"phase"}))
        yield from _each(entity.depends_on, ("depends_on",), frozenset({"work package"}))
        yield from _each(entity.delivers, ("delivers",), frozenset({"requirement"}))
        yield from _each(entity.systems, ("systems",), SYSTEM)
        yield from _optional(entity.owner, ("owner",), ORGANISATION)
    elif isinstance(entity, Milestone):
        yield from _each(entity.after, ("after",), frozenset({"work package"}))
    elif isinstance(entity, Risk | Decision | NationalAct):
        yield from _governance_references(entity)
    elif isinstance(entity, Network | Node | Connection):
        yield from _infrastructure_references(entity)
    elif isinstance(entity, Obligation):
        yield entity.actor, ("actor",), ROLE | {MEMBER_STATE}
        yield from _each(entity.systems, ("systems",), SYSTEM)
        if entity.applies_when is not None:
            yield from _each(
                entity.applies_when.systems_any, ("applies_when", "systems_any"), SYSTEM
            )
        yield from _events(entity)
    elif isinstance(entity, Act):
        for i, start in enumerate(entity.starts):
            yield start.component, ("starts", i, "component"), SYSTEM
    elif isinstance(entity, Regulation):
        for i, amendment in enumerate(entity.amended_by):
            yield amendment.act, ("amended_by", i, "act"), ACT
        for article_index, article in enumerate(entity.articles):
            if article.inserted_by is not None:
                yield article.inserted_by, ("articles", article_index, "inserted_by"), ACT


def _events(obligation: Obligation) -> Iterator[tuple[str, Path, Kinds]]:
    """The component or act each event of an obligation's dates names."""
    for name in ("applies_from", "deadline"):
        rule = getattr(obligation, name)
        if isinstance(rule, EventDate):
            subject, _, event = rule.after.rpartition(".")
            yield subject, (name, "after"), SYSTEM if event == "start" else ACT | {"regulation"}


def _data_references(category: DataCategory) -> Iterator[tuple[str, Path, Kinds]]:
    """The organisations and systems a data category's architecture names."""
    yield from _each(category.controller, ("controller",), ORGANISATION)
    yield from _each(category.processor, ("processor",), ORGANISATION)
    yield from _optional(category.master, ("master",), SYSTEM)
    yield from _each(category.held_by, ("held_by",), SYSTEM)


def _governance_references(
    entity: Risk | Decision | NationalAct,
) -> Iterator[tuple[str, Path, Kinds]]:
    """What a risk, a decision record or a national act refers to."""
    if isinstance(entity, Risk):
        yield from _optional(entity.owner, ("owner",), ORGANISATION)
        yield from _each(entity.related, ("related",), ANY)
    elif isinstance(entity, Decision):
        yield from _each(entity.relates_to, ("relates_to",), ANY)
        yield from _optional(entity.superseded_by, ("superseded_by",), frozenset({"decision"}))
    else:
        yield from _optional(entity.responsible, ("responsible",), ORGANISATION)
        yield from _optional(entity.work_package, ("work_package",), frozenset({"work package"}))


def _infrastructure_references(
    entity: Network | Node | Connection,
) -> Iterator[tuple[str, Path, Kinds]]:
    """What a network, a node or a connection refers to."""
    yield from _optional(
        entity.operator if not isinstance(entity, Connection) else None, ("operator",), ORGANISATION
    )
    if isinstance(entity, Node):
        yield from _optional(entity.within, ("within",), frozenset({"node"}))
        yield from _each(entity.networks, ("networks",), frozenset({"network"}))
        for index, hosting in enumerate(entity.hosts):
            yield hosting.system, ("hosts", index, "system"), SYSTEM
    elif isinstance(entity, Connection):
        yield entity.from_, ("from",), SYSTEM
        yield entity.to, ("to",), SYSTEM
        yield from _optional(entity.network, ("network",), frozenset({"network"}))
        yield from _optional(entity.standard, ("standard",), frozenset({"standard"}))
        yield from _each(entity.flows, ("flows",), frozenset({"flow"}))


def provisions_of(entity: Entity) -> Iterator[tuple[Provision, Path]]:
    """Every provision an entity cites, with where it is written."""
    if isinstance(entity, Role):
        yield from _each_provision(entity.defined_by, ("defined_by",))
    elif isinstance(entity, Flow):
        yield from _each_provision(entity.legal_basis, ("legal_basis",))
    elif isinstance(entity, DataCategory):
        yield from _each_provision(entity.legal_basis, ("legal_basis",))
        yield from _each_provision(entity.retention_basis, ("retention_basis",))
    elif isinstance(entity, Requirement):
        yield from _each_provision(entity.satisfies, ("satisfies",))
    elif isinstance(entity, Milestone):
        yield from _each_provision(entity.deadline_of, ("deadline_of",))
    elif isinstance(entity, Decision):
        yield from _each_provision(entity.provisions, ("provisions",))
    elif isinstance(entity, NationalAct):
        yield from _each_provision(entity.implements, ("implements",))
    elif isinstance(entity, Obligation | AccessGrant | MidLink | Standard):
        if entity.provision is not None:
            yield entity.provision, ("provision",)
    elif isinstance(entity, Act):
        yield from _each_provision(entity.legal_basis, ("legal_basis",))
    elif isinstance(entity, Regulation):
        for i, amendment in enumerate(entity.amended_by):
            for j, change in enumerate(amendment.changes):
                yield change.provision, ("amended_by", i, "changes", j, "provision")
    if isinstance(entity, System):
        for index, policy in enumerate(entity.logs):
            yield policy.provision, ("logs", index, "provision")


def _each(values: list[str], path: Path, kinds: Kinds) -> Iterator[tuple[str, Path, Kinds]]:
    for index, value in enumerate(values):
        yield value, (*path, index), kinds


def _optional(value: str | None, path: Path, kinds: Kinds) -> Iterator[tuple[str, Path, Kinds]]:
    if value is not None:
        yield value, path, kinds


def _each_provision(values: list[Provision], path: Path) -> Iterator[tuple[Provision, Path]]:
    for index, value in enumerate(values):
        yield value, (*path, index)
