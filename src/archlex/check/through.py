"""The rules run again over the neighbourhood of the entities edits reach
(archlex.check.neighbours), and the coverage of the obligations reached worked out again."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from archlex.check.context import CheckContext
from archlex.check.coverage import Coverage, ObligationCoverage
from archlex.check.neighbours import (
    Fetch,
    Links,
    Neighbourhood,
    StandIn,
    Targets,
    by_file,
    coverage_again,
    delivered_now,
    neighbourhood_ids,
    reached,
    stand_ins,
)
from archlex.check.neighbours import (
    kept as kept_links,
)
from archlex.check.run import coverage_of
from archlex.check.statuses import delivered
from archlex.check.unchanged import with_entities
from archlex.findings import Finding
from archlex.load import Project
from archlex.load.cache import ParseCache
from archlex.load.project import load_file
from archlex.load.sources import Located, SourceMap
from archlex.model import Model, Requirement, WorkPackage
from archlex.model.common import Entity
from archlex.rules import RULES, RuleInfo

if TYPE_CHECKING:
    from archlex.check.incremental import LastCheck
    from archlex.check.rerun import Again
    from archlex.check.statuses import Facts


def context_of(
    project: Project,
    kinds: dict[str, str],
    links: Links,
    coverage: Coverage,
    targets: Targets,
    around: tuple[Fetch, StandIn],
    today: dt.date,
) -> CheckContext:
    """A check of the targets' neighbourhood (`project`: the whole model's manifest and
    regulations), the obligations reached taken as those that apply. The requirements and
    work packages reached are read from their files (`around[0]`), the others stand in
    (`around[1]`) where their file is as the last check read it."""
    fetch, stand_in = around
    model = Neighbourhood(project.model, kinds, links.acts)
    sources = SourceMap()
    law = [links.law[i] for i in sorted(targets.obligations)]
    for obligation, located in law:
        model.obligations.append(obligation)
        sources.add(obligation, located)
    wanted = neighbourhood_ids(targets, links, coverage)
    real, standing = _standing(wanted, targets, stand_in)
    for entity, located in fetch(real).values():
        if _add(model, entity):
            sources.add(entity, located)
    for entity in standing:
        if isinstance(entity, Requirement):
            _add(model, entity)
    for entity in _delivering(model, links, standing):
        _add(model, entity)
    model.reindex()
    context = CheckContext(with_entities(project, model, sources), today)
    context.shared["applicable"] = [obligation for obligation, _ in law]
    return context


def _standing(
    wanted: set[str], targets: Targets, stand_in: StandIn
) -> tuple[set[str], list[Entity]]:
    """The ids to read from their files (those reached, and those that cannot stand in),
    and the stand-ins of the others."""
    real = wanted & (targets.requirements | targets.packages)
    standing: list[Entity] = []
    for entity_id in sorted(wanted - real):
        entity = stand_in(entity_id)
        if entity is None:
            real.add(entity_id)
        else:
            standing.append(entity)
    return real, standing


def _add(model: Model, entity: Entity) -> bool:
    """Add a requirement or work package to the model (anything else: not)."""
    if isinstance(entity, Requirement):
        model.requirements.append(entity)
    elif isinstance(entity, WorkPackage):
        model.work_packages.append(entity)
    else:
        return False
    return True


def _delivering(model: Model, links: Links, standing: list[Entity]) -> list[WorkPackage]:
    """The stand-in work packages, each delivering the model's requirements the links say."""
    delivers: dict[str, list[str]] = {}
    for requirement in model.requirements:
        for package_id in links.delivered_by.get(requirement.id, ()):
            delivers.setdefault(package_id, []).append(requirement.id)
    return [
        e.model_copy(update={"delivers": delivers.get(e.id, [])})
        for e in standing
        if isinstance(e, WorkPackage)
    ]


def findings_through(
    context: CheckContext, ids: set[str], rules: Mapping[str, RuleInfo]
) -> list[Finding]:
    """What each rule finds about the targets (`ids`) in their neighbourhood."""
    found: list[Finding] = []
    for rule_id, info in sorted(rules.items()):
        if info.function is not None:
            found += [f for f in info.function(context.for_rule(rule_id)) if f.target in ids]
    return found


def rows_through(context: CheckContext) -> dict[str, ObligationCoverage]:
    """The coverage of each obligation reached, as a full check works it out."""
    return {o.id: coverage_of(context.graph, o) for o in context.applicable}


def followed(
    last: LastCheck,
    cache: ParseCache,
    again: Again,
    walked: tuple[list[Finding], dict[str, tuple[str, str]], Facts],
    coverage: Coverage,
    today: dt.date,
) -> tuple[list[Finding], Coverage, bytes | None, Facts]:
    """The findings with those of the rules that read the followed fields about the entities
    the edits reach found again, the coverage with those obligations worked out again, and
    the links and facts to keep: new only when deliveries changed (`walked`: the findings,
    each file's (name, parse-cache key) and the facts once the edited files were compared)."""
    findings, file_keys, facts = walked
    assert last.links is not None and again.kinds is not None
    links: Links = pickle.loads(last.links)  # the sealed entry's own bytes
    targets = reached(again.followed, links, coverage)
    delivered_now(links, again.followed)

    def fresh(home: int) -> bool:  # the file has the entities it had when they were kept
        path = links.files[home]
        return path in file_keys and file_keys[path][1] == links.keys[home]

    around = (_from_files(last, cache, links), stand_ins(links, facts, fresh))
    context = context_of(last.project, again.kinds, links, coverage, targets, around, today)
    ids = targets.ids(links)
    kept = [f for f in findings if not (f.rule in again.through and f.target in ids)]
    kept += findings_through(context, ids, {r: RULES[r] for r in again.through})
    coverage = coverage_again(coverage, targets, rows_through(context))
    if any("delivers" in changed for _, _, changed in again.followed):
        return kept, coverage, kept_links(links), delivered(facts, links)
    return kept, coverage, last.links, facts


def _from_files(last: LastCheck, cache: ParseCache, links: Links) -> Fetch:
    """What finds requirements and work packages in their files as they are now (through the
    parse cache)."""

    def fetch(ids: Iterable[str]) -> dict[str, tuple[Entity, Located]]:
        wanted = by_file(ids, links.homes)
        found: dict[str, tuple[Entity, Located]] = {}
        for index in sorted(wanted):
            path = links.files[index]
            display = last.file_keys[path][0]
            outcome = load_file(last.project.manifest_path, Path(path), display, cache)
            for entity, located in outcome.placed:
                if entity.id in wanted[index]:
                    found[entity.id] = (entity, located)
        return found

    return fetch


__all__ = ["context_of", "findings_through", "followed", "rows_through"]
