"""Edits of fields that rules read across entities, checked for the entities the edit links.

What a requirement `satisfies` changes the tracing of the obligations its old and new
citations trace; what a work package `delivers` (or when it `end`s) changes whether the
requirements it delivers are scheduled, and the deadlines and coverage of the obligations they
trace. A rule declares such fields (`@rule(..., through=...)`): its findings about other
entities after such an edit are only about the entities this module finds the edit reaches
(`targets`), and it finds them from their neighbourhood (`Neighbourhood`): the obligations
reached, the requirements reached and those tracing the obligations, the work packages
delivering any of those, and the catalog's acts and regulations. The last check keeps what it
takes to find both without loading the model (`Links`): the file of each requirement and work
package, which packages deliver each requirement, the applicable obligations and the acts.

tests/check/test_through.py holds every rule to its declaration: for every requirement and
work package of the example and of every rule's `bad` example, the rule finds about the
entities an edit of it would reach, run over their neighbourhood, what it finds in the whole
model.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from archlex.catalog.provision import Provision
from archlex.check.coverage import Coverage, ObligationCoverage
from archlex.load import Project
from archlex.load.sources import Located
from archlex.model import Act, Model, Obligation, Requirement, RequirementStatus, WorkPackage
from archlex.model.common import Entity

if TYPE_CHECKING:
    from archlex.check.statuses import Facts

# The fields whose edit this module follows to the entities it reaches, by kind.
# (A flow's ends, and what the flow rules read of the flow alone: archlex.check.flow_links.)
FOLLOWED: Mapping[str, frozenset[str]] = {
    "flows": frozenset({"from_", "to", "via", "data", "legal_basis", "logging"}),
    "requirements": frozenset({"satisfies"}),
    "work_packages": frozenset({"delivers", "end"}),
}
# Those of them the coverage reads: the coverage of the obligations reached is worked out again.
FOLLOWED_BY_COVERAGE: Mapping[str, frozenset[str]] = {
    "requirements": frozenset({"satisfies"}),
    "work_packages": frozenset({"delivers"}),
}
# What a stand-in holds of a requirement or work package around the entities reached whose
# file is as the last check read it (archlex.check.through): what the rules that follow links
# may read of it (a status only by the coverage, as "done" or not, from the kept facts).
STAND_IN: Mapping[str, frozenset[str]] = {
    "requirements": frozenset({"satisfies", "allocated_to"}),
    "work_packages": frozenset({"delivers", "end"}),
}
# Where an entity is, given its id: (the entity, where it is written) for each id found.
Fetch = Callable[[Iterable[str]], dict[str, tuple[Entity, Located]]]
# A provision as (regulation, article, parts).
Cited = tuple[str, str, tuple[str, ...]]
# A stand-in for a requirement or work package, given its id (None: read it from its file).
StandIn = Callable[[str], Entity | None]


@dataclass
class Links:
    """What the last check keeps to follow such edits without loading the model."""

    files: list[str]  # the paths of the model's own files
    keys: list[str]  # the parse-cache key of each file when the rest was kept
    homes: dict[str, int]  # each requirement's and work package's id -> its file in `files`
    delivered_by: dict[str, tuple[str, ...]]  # an id -> the work packages delivering it
    law: list[tuple[Obligation, Located]]  # the applicable obligations, in coverage order
    acts: list[Act]
    # each requirement's citations, as (regulation, article, parts): a provision made anew
    # for each loads several times slower
    cited: dict[str, tuple[Cited, ...]]
    ends: dict[str, dt.date]  # each work package's end


def links_of(project: Project, coverage: Coverage) -> Links | None:
    """What to keep of a checked project; None when a requirement or work package is not in
    the model's own files, or an applicable obligation not in a library (its place would move
    with an edit)."""
    paths = {display: path for path, (display, _) in project.file_keys.items()}
    files = sorted(set(paths.values()))
    keys = [project.file_keys[path][1] for path in files]
    number = {path: index for index, path in enumerate(files)}
    homes: dict[str, int] = {}
    model = project.model
    for entity in [*model.requirements, *model.work_packages]:
        located = project.sources.of(entity.id)
        if located is None or located.file.startswith("[") or located.file not in paths:
            return None
        homes[entity.id] = number[paths[located.file]]
    law = law_of(project, coverage)
    if law is None:
        return None
    return Links(files, keys, homes, delivered_by(model.work_packages), law, *kept_of(model))


def kept_of(model: Model) -> tuple[list[Act], dict[str, tuple[Cited, ...]], dict[str, dt.date]]:
    """The acts, each requirement's citations, each work package's end."""
    cited = {
        r.id: tuple((p.regulation, p.article, p.parts) for p in r.satisfies)
        for r in model.requirements
    }
    return list(model.acts), cited, {p.id: p.end for p in model.work_packages}


_PROTOTYPES: dict[type[Entity], Entity] = {}


def _prototype(kind: type[Entity]) -> Entity:
    """An entity of a kind with every field unset or its default, to copy stand-ins from
    (pydantic's model_construct works the defaults out anew on each call, slowly)."""
    found = _PROTOTYPES.get(kind)
    if found is None:
        found = _PROTOTYPES[kind] = kind.model_construct(id="")
    return found


def stand_ins(links: Links, facts: Facts, fresh: Callable[[int], bool]) -> StandIn:
    """What makes stand-ins of requirements and work packages whose file (its index in the
    links) is `fresh`: as the last check kept them, with each requirement's allocations and
    whether it is done as the facts say now."""

    def stand_in(entity_id: str) -> Entity | None:
        home = links.homes.get(entity_id)
        if home is None or not fresh(home):
            return None
        if entity_id in links.cited and entity_id in facts:
            done, allocated, _ = facts[entity_id]
            status = RequirementStatus.IMPLEMENTED if done else RequirementStatus.PROPOSED
            values: dict[str, object] = {
                "id": entity_id,
                "satisfies": [Provision(*cited) for cited in links.cited[entity_id]],
                "allocated_to": list(allocated),
                "status": status,
            }
            return _prototype(Requirement).model_copy(update=values)
        if entity_id in links.ends:  # what it delivers: archlex.check.through
            values = {"id": entity_id, "end": links.ends[entity_id]}
            return _prototype(WorkPackage).model_copy(update=values)
        return None

    return stand_in


def law_of(project: Project, coverage: Coverage) -> list[tuple[Obligation, Located]] | None:
    """The applicable obligations, in coverage order, with where each is written; None when
    one is not in a library."""
    law: list[tuple[Obligation, Located]] = []
    for row in coverage.obligations:
        obligation = project.model.get(row.obligation)
        located = project.sources.of(row.obligation)
        if not isinstance(obligation, Obligation) or located is None:
            return None
        if not located.file.startswith("["):
            return None
        law.append((obligation, Located(located.file, located.reference_node())))
    return law


def delivered_by(packages: Iterable[WorkPackage]) -> dict[str, tuple[str, ...]]:
    """Each id some work package delivers, and those packages, sorted."""
    found: dict[str, set[str]] = {}
    for package in packages:
        for delivered in package.delivers:
            found.setdefault(delivered, set()).add(package.id)
    return {delivered: tuple(sorted(by)) for delivered, by in found.items()}


def kept(links: Links | None) -> bytes | None:
    """The links, pickled for the last check (None stays None)."""
    return None if links is None else pickle.dumps(links, pickle.HIGHEST_PROTOCOL)


@dataclass
class Targets:
    """The entities an edit reaches: their ids by kind (obligations by their coverage row)."""

    obligations: set[int] = field(default_factory=set)
    requirements: set[str] = field(default_factory=set)
    packages: set[str] = field(default_factory=set)

    def ids(self, links: Links) -> set[str]:
        """Every id reached."""
        law = {links.law[i][0].id for i in self.obligations}
        return law | self.requirements | self.packages


def reached(
    edited: Sequence[tuple[Entity, Entity, frozenset[str]]], links: Links, coverage: Coverage
) -> Targets:
    """The entities edits of followed fields reach ((before, after, fields changed) each):
    a requirement whose citations changed and the obligations they traced or trace; a work
    package whose deliveries or end changed, what it delivered or delivers, and the
    obligations those trace."""
    targets = Targets()
    citations = []
    for before, after, changed in edited:
        if isinstance(after, Requirement) and "satisfies" in changed:
            targets.requirements.add(after.id)
            citations += after.satisfies
        elif isinstance(before, WorkPackage) and isinstance(after, WorkPackage):
            targets.packages.add(after.id)
            targets.requirements |= {*before.delivers, *after.delivers}
    for index, row in enumerate(coverage.obligations):
        provision = links.law[index][0].provision
        if targets.requirements.intersection(row.requirements) or any(
            cited.traces(provision) for cited in citations
        ):
            targets.obligations.add(index)
    return targets


def delivered_now(links: Links, edited: Sequence[tuple[Entity, Entity, frozenset[str]]]) -> None:
    """The links' deliveries, with those of the edited work packages as they are now."""
    for before, after, changed in edited:
        if not isinstance(after, WorkPackage) or "delivers" not in changed:
            continue
        assert isinstance(before, WorkPackage)
        for delivered in {*before.delivers, *after.delivers}:
            by = set(links.delivered_by.get(delivered, ())) - {after.id}
            by |= {after.id} if delivered in after.delivers else set()
            links.delivered_by[delivered] = tuple(sorted(by))
            if not by:
                del links.delivered_by[delivered]


class Neighbourhood(Model):
    """A model of the entities reached and what rules read to find about them: the requirements
    tracing the obligations reached, the work packages delivering any requirement in it, the
    acts and regulations; the ids and kinds of the whole model."""

    def __init__(self, model: Model, kinds: dict[str, str], acts: list[Act]) -> None:
        super().__init__(
            manifest=model.manifest, regulations=list(model.regulations), acts=list(acts)
        )
        self._kinds = kinds

    def kinds(self) -> dict[str, str]:
        """Each id of the whole model and its kind."""
        return self._kinds


def neighbourhood_ids(targets: Targets, links: Links, coverage: Coverage) -> set[str]:
    """The ids of the requirements and work packages the neighbourhood of the targets holds."""
    requirements = set(targets.requirements)
    for index in targets.obligations:
        requirements.update(coverage.obligations[index].requirements)
    packages = set(targets.packages)
    for requirement in requirements:
        packages.update(links.delivered_by.get(requirement, ()))
    return requirements | packages


def coverage_again(
    coverage: Coverage, targets: Targets, rows: Mapping[str, ObligationCoverage]
) -> Coverage:
    """The coverage with the rows of the obligations reached replaced."""
    return Coverage(
        [
            rows[row.obligation] if index in targets.obligations else row
            for index, row in enumerate(coverage.obligations)
        ]
    )


__all__ = [
    "FOLLOWED",
    "FOLLOWED_BY_COVERAGE",
    "STAND_IN",
    "Fetch",
    "Links",
    "Neighbourhood",
    "StandIn",
    "Targets",
    "coverage_again",
    "delivered_by",
    "delivered_now",
    "kept",
    "kept_of",
    "law_of",
    "links_of",
    "neighbourhood_ids",
    "reached",
    "stand_ins",
]


def by_file(ids: Iterable[str], homes: dict[str, int]) -> dict[int, set[str]]:
    """The ids that `homes` places, grouped by the number of the file each is written in."""
    wanted: dict[int, set[str]] = {}
    for entity_id in ids:
        if entity_id in homes:
            wanted.setdefault(homes[entity_id], set()).add(entity_id)
    return wanted
