"""Edits of fields that rules read, checked for the edited entities alone.

Each rule declares, besides the fields it reads, those of them whose edit changes only its
findings about the edited entity, worked out from that entity alone, the model's ids and
kinds and the bundled libraries (`@rule(..., reach=...)`): a requirement's `allocated_to` for
`requirement-unallocated` and the reference pass. After an edit of such fields (and of fields
only the coverage reads that the last check kept per requirement: its status and
allocations), archlex.check.incremental keeps the last check's other findings and runs the
rules that read the edited fields over a model of the edited entities only. Any other edit of
a field a rule reads is checked in full.

tests/check/test_reach.py holds every rule to its declaration: run over each entity alone,
a rule finds about it what it finds in the whole model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from archlex.check.context import CheckContext
from archlex.check.neighbours import FOLLOWED, FOLLOWED_BY_COVERAGE, STAND_IN
from archlex.check.reads import COVERAGE
from archlex.check.unchanged import is_clean, same_value, with_entities
from archlex.findings import Finding
from archlex.load import Project
from archlex.load.cache import FileOutcome
from archlex.load.file_entities import KIND_TYPES
from archlex.load.sources import Located, SourceMap
from archlex.model import Manifest, Model, Waiver
from archlex.model.common import Entity
from archlex.model.record import Record
from archlex.rules import RuleInfo

# Each type of entity, and its kind (as its list is named in YAML and in the model).
KIND_OF: dict[type[Record], str] = {entity: kind for kind, entity in KIND_TYPES.items()}
# What the coverage reads that the last check keeps per requirement (archlex.check.statuses).
KEPT_FOR_COVERAGE = frozenset({"status", "allocated_to"})


@dataclass(frozen=True)
class Edit:
    """An entity of an edited file as it is now, where it is written, and the fields (as the
    model names them) whose value changed."""

    entity: Entity
    located: Located
    kind: str
    fields: frozenset[str]
    before: Entity | None = None  # as it was (None: not known)


def edits_of(old: FileOutcome, new: FileOutcome) -> list[Edit] | None:
    """The entities of one file whose fields changed between two loads of it; None unless
    both loads found nothing wrong and give the same ids, in the same order, of the same
    types."""
    if not is_clean(old) or not is_clean(new) or len(old.placed) != len(new.placed):
        return None
    found: list[Edit] = []
    for (then, _), (now, located) in zip(old.placed, new.placed, strict=True):
        if then.id != now.id or type(then) is not type(now):
            return None
        changed = changed_fields(then, now)
        if changed:
            kind = KIND_OF.get(type(now))
            if kind is None:  # a component: its system's `components` changed too
                return None
            found.append(Edit(now, located, kind, changed, then))
    return found


def changed_fields(then: Record, now: Record) -> frozenset[str]:
    """The fields of an entity whose value, or whether it is written, changed."""
    given = then.model_fields_set ^ now.model_fields_set
    return frozenset(
        name
        for name in type(now).model_fields
        if name in given or not same_value(getattr(then, name), getattr(now, name))
    )


@dataclass(frozen=True)
class Plan:
    """The rules to run again after edits: over the edited entities (`reach`), and over the
    entities the edits reach through the links archlex.check.neighbours follows (`through`);
    and whether an edit changes a field it follows (`followed`: the coverage of what it
    reaches is worked out again)."""

    reach: set[str]
    through: set[str]
    followed: bool


def rules_to_rerun(
    edits: Iterable[Edit],
    rules: Iterable[RuleInfo],
    disabled: set[str],
    waivers: Sequence[Waiver],
    facts_kept: bool,
) -> set[str] | None:
    """The rules to run again over the edited entities; None when an edit may change more
    than their findings about those entities (a rule whose reach is wider, a field the
    coverage reads that was not kept, a waiver of the rule on the entity or on all)."""
    plan = planned(edits, rules, disabled, waivers, facts_kept)
    return None if plan is None else plan.reach


def planned(
    edits: Iterable[Edit],
    rules: Iterable[RuleInfo],
    disabled: set[str],
    waivers: Sequence[Waiver],
    facts_kept: bool,
    manifest: Manifest | None = None,
) -> Plan | None:
    """The rules to run again after the edits, and where; None when an edit may change more
    than that (a rule without declarations, or whose reach and `through` miss the field, a
    field the coverage reads that was not kept, a waiver of a rule run again on the entity
    or on all). Followed through links only with `manifest` (the last check kept them)."""
    infos = list(rules)
    if any(info.reads is None or info.reach is None or info.through is None for info in infos):
        return None
    plan = Plan(set(), set(), False)
    for edit in edits:
        for name in edit.fields:
            followed = manifest is not None and name in FOLLOWED.get(edit.kind, ())
            if not _coverage_kept(edit.kind, name, facts_kept, followed):
                return None
            for info in infos:
                if name not in _of(info.reads, edit.kind):
                    continue
                if info.id in disabled or (manifest and info.idle and info.idle(manifest)):
                    continue
                if name in _of(info.reach, edit.kind):
                    named = (None, edit.entity.id)
                elif followed and name in _of(info.through, edit.kind) and _stands_in(info, edit):
                    named = None  # the entities reached are not known yet: any waiver of it
                else:
                    return None
                if any(w.rule == info.id and (named is None or w.target in named) for w in waivers):
                    return None  # whether the waiver is used may change
                (plan.reach if named else plan.through).add(info.id)
            if followed:
                plan = Plan(plan.reach, plan.through, True)
    return plan


def _stands_in(info: RuleInfo, edit: Edit) -> bool:
    """Whether the rule reads no more of the requirements and work packages around the
    entities reached than their stand-ins hold (archlex.check.neighbours.STAND_IN). After an
    edit of a flow none stand in: the entities around are read from their files, but for
    the other flows, which stand in with their ends (archlex.check.flow_links)."""
    if edit.kind == "flows":
        return True
    return all(_of(info.reads, kind) <= names for kind, names in STAND_IN.items())


def _coverage_kept(kind: str, name: str, facts_kept: bool, followed: bool) -> bool:
    """Whether the last check kept what the coverage reads of an edited field (if it reads it)."""
    if name not in COVERAGE.get(kind, ()):
        return True
    if facts_kept and kind == "requirements" and name in KEPT_FOR_COVERAGE:
        return True
    return followed and facts_kept and name in FOLLOWED_BY_COVERAGE.get(kind, ())


def _of(declared: Mapping[str, frozenset[str]] | None, kind: str) -> frozenset[str]:
    return (declared or {}).get(kind, frozenset())


class EditedModel(Model):
    """A model of some entities alone, with the libraries' regulations (for the provisions
    they cite) and the ids and kinds of the whole model."""

    def __init__(self, model: Model, kinds: dict[str, str]) -> None:
        super().__init__(manifest=model.manifest, regulations=list(model.regulations))
        self._kinds = kinds

    def kinds(self) -> dict[str, str]:
        """Each id of the whole model and its kind."""
        return self._kinds


def findings_again(
    project: Project,
    kinds: dict[str, str],
    edits: Sequence[Edit],
    rules: Mapping[str, RuleInfo],
    today: dt.date,
) -> list[Finding]:
    """What each rule finds about each edited entity, run over a model of those alone
    (`project`: the whole model's manifest, libraries and places)."""
    model = EditedModel(project.model, kinds)
    sources = SourceMap()
    for edit in edits:
        getattr(model, edit.kind).append(edit.entity)
        sources.add(edit.entity, edit.located)
    model.reindex()
    context = CheckContext(with_entities(project, model, sources), today)
    ids = {edit.entity.id for edit in edits}
    found: list[Finding] = []
    for rule_id, info in sorted(rules.items()):
        if info.function is not None:
            found += [f for f in info.function(context.for_rule(rule_id)) if f.target in ids]
    return found


__all__ = [
    "KIND_OF",
    "Edit",
    "EditedModel",
    "Plan",
    "changed_fields",
    "edits_of",
    "findings_again",
    "planned",
    "rules_to_rerun",
]
