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
    Targets,
    coverage_again,
    delivered_now,
    neighbourhood_ids,
    reached,
)
from archlex.check.run import coverage_of
from archlex.check.unchanged import with_entities
from archlex.findings import Finding
from archlex.load import Project
from archlex.load.cache import ParseCache
from archlex.load.project import load_file
from archlex.load.sources import Located, SourceMap
from archlex.model import Requirement, WorkPackage
from archlex.model.common import Entity
from archlex.rules import RULES, RuleInfo

if TYPE_CHECKING:
    from archlex.check.incremental import LastCheck
    from archlex.check.rerun import Again


def context_of(
    project: Project,
    kinds: dict[str, str],
    links: Links,
    coverage: Coverage,
    targets: Targets,
    fetch: Fetch,
    today: dt.date,
) -> CheckContext:
    """A check of the targets' neighbourhood (`project`: the whole model's manifest and
    regulations), the obligations reached taken as those that apply."""
    model = Neighbourhood(project.model, kinds, links.acts)
    sources = SourceMap()
    law = [links.law[i] for i in sorted(targets.obligations)]
    for obligation, located in law:
        model.obligations.append(obligation)
        sources.add(obligation, located)
    for entity, located in fetch(neighbourhood_ids(targets, links, coverage)).values():
        if isinstance(entity, Requirement):
            model.requirements.append(entity)
        elif isinstance(entity, WorkPackage):
            model.work_packages.append(entity)
        else:
            continue
        sources.add(entity, located)
    model.reindex()
    context = CheckContext(with_entities(project, model, sources), today)
    context.shared["applicable"] = [obligation for obligation, _ in law]
    return context


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
    findings: list[Finding],
    coverage: Coverage,
    today: dt.date,
) -> tuple[list[Finding], Coverage, Links]:
    """The findings with those of the rules that read the followed fields about the entities
    the edits reach found again, the coverage with those obligations worked out again, and
    the links as they are now."""
    assert last.links is not None and again.kinds is not None
    links: Links = pickle.loads(last.links)  # the sealed entry's own bytes
    targets = reached(again.followed, links, coverage)
    delivered_now(links, again.followed)
    fetch = _from_files(last, cache, links)
    context = context_of(last.project, again.kinds, links, coverage, targets, fetch, today)
    ids = targets.ids(links)
    kept = [f for f in findings if not (f.rule in again.through and f.target in ids)]
    kept += findings_through(context, ids, {r: RULES[r] for r in again.through})
    return kept, coverage_again(coverage, targets, rows_through(context)), links


def _from_files(last: LastCheck, cache: ParseCache, links: Links) -> Fetch:
    """What finds requirements and work packages in their files as they are now (through the
    parse cache)."""

    def fetch(ids: Iterable[str]) -> dict[str, tuple[Entity, Located]]:
        wanted: dict[int, set[str]] = {}
        for entity_id in ids:
            if entity_id in links.homes:
                wanted.setdefault(links.homes[entity_id], set()).add(entity_id)
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
