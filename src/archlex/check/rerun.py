"""Findings found again after an edit of fields that rules read, for the edited entities
alone (archlex.check.reach), with the other findings placed in the edited file moved: a part
of archlex.check.incremental's recheck."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archlex.check.statuses import DONE, Updates
from archlex.check.unchanged import Mover, TextMover
from archlex.findings import Finding
from archlex.load.cache import FileOutcome, ParseCache
from archlex.load.project import load_file
from archlex.load.sources import Located
from archlex.model import Flow, Requirement
from archlex.model.common import Entity
from archlex.rules import RULES

if TYPE_CHECKING:
    from archlex.check.incremental import LastCheck
    from archlex.check.reach import Edit

# The findings moved, the file's (name, parse-cache key), the text they are placed in when
# that entry holds other text, and what changed of the requirements the coverage reads.
Moved = tuple[list[Finding], tuple[str, str], bytes | None, Updates]


class Again:
    """Finds again, for the entities of an edited file whose fields that rules read changed,
    what the rules reading those fields find about them (archlex.check.reach)."""

    def __init__(self, last: LastCheck, cache: ParseCache, today: dt.date) -> None:
        self.last, self.cache, self.today = last, cache, today
        self.kinds: dict[str, str] | None = None
        self.ran = False  # whether some rule ran again
        # The edits of fields archlex.check.neighbours follows ((before, after, the fields
        # changed) each), and the rules to run again over the entities they reach.
        self.followed: list[tuple[Entity, Entity, frozenset[str]]] = []
        self.through: set[str] = set()
        # The edits of flows' ends, data, citations or logging ((before, after, where it is
        # written now) each: archlex.check.flow_links).
        self.flows: list[tuple[Flow, Flow, Located]] = []

    def reached(self, path: str, findings: list[Finding]) -> Moved | None:
        """The findings with those of the rules that read the edited fields about the edited
        entities found again and the others placed in the file moved; the file's (name,
        parse-cache key) and the requirements edited; None when it must be checked in full."""
        last, cache = self.last, self.cache
        display, key = last.file_keys[path]
        old = cache.get(key)
        if display.startswith("[") or old is None or last.kinds is None:
            return None
        if any(names_place(f, display) for f in findings):
            return None
        new = load_file(last.project.manifest_path, Path(path), display, cache)
        planned = self._planned(old, new)
        raw = Path(path).read_bytes()
        mover = TextMover.of(old, last.texts.get(path), raw, _alike, partial=True)
        if planned is None or mover is None:
            return None
        edits, rules = planned
        self._follow(edits)
        ids = {edit.entity.id for edit in edits}
        kept = [f for f in findings if not (f.rule in rules and f.target in ids)]
        result = moved_by(mover, kept, display)
        if result is None:
            return None
        # imported only when rules run again (archlex.check.reach imports the check's context,
        # the graph and the timeline): an edit of prose or of a status does not need them
        from archlex.check.reach import KEPT_FOR_COVERAGE, findings_again

        if self.kinds is None:
            self.kinds = pickle.loads(last.kinds)  # the sealed entry's own bytes
        self.ran = True
        chosen = {r: RULES[r] for r in rules}
        result += findings_again(last.project, self.kinds, edits, chosen, self.today)
        updates = {
            e.entity.id: (e.entity.status in DONE, tuple(e.entity.allocated_to))
            for e in edits
            if isinstance(e.entity, Requirement) and e.fields & KEPT_FOR_COVERAGE
        }
        return result, (display, cache.key(display, raw)), None, updates

    def _planned(self, old: FileOutcome, new: FileOutcome) -> tuple[list[Edit], set[str]] | None:
        """The entities edited, and the rules to run again over them; None when the edit
        reaches further than the entities and links followed."""
        from archlex.check.reach import edits_of, planned

        edits = edits_of(old, new)
        if edits is None:
            return None
        manifest = self.last.project.model.manifest
        disabled = set(manifest.checks.disable)
        facts_kept = self.last.facts is not None
        kept = self.last.links is not None or self.last.flow_links is not None
        followed = manifest if kept else None
        plan = planned(edits, RULES.values(), disabled, manifest.waivers, facts_kept, followed)
        if plan is None:
            return None
        self.through |= plan.through
        return edits, plan.reach

    def _follow(self, edits: list[Edit]) -> None:
        """Keep the edits of fields archlex.check.neighbours follows."""
        from archlex.check.neighbours import FOLLOWED

        for edit in edits:
            if edit.before is None or not edit.fields & FOLLOWED.get(edit.kind, frozenset()):
                continue
            if isinstance(edit.before, Flow) and isinstance(edit.entity, Flow):
                self.flows.append((edit.before, edit.entity, edit.located))
            else:
                self.followed.append((edit.before, edit.entity, edit.fields))


def _alike(then: Any, now: Any) -> bool:
    """Any two readings: the entities are compared as the loader makes them (reach.edits_of)."""
    del then, now
    return True


def hinted(before: list[Finding], after: list[Finding]) -> bool:
    """Whether every unknown reference, before and after, has its hint (the reference pass
    stops giving hints after MAX_HINTS, in the order of the files)."""
    from archlex.check.references import MAX_HINTS

    count = sum(1 for f in before if f.rule == "unknown-reference")
    return max(count, sum(1 for f in after if f.rule == "unknown-reference")) < MAX_HINTS


def moved_by(mover: Mover, findings: list[Finding], display: str) -> list[Finding] | None:
    """The findings, those placed in one file moved; None when one cannot be."""
    result: list[Finding] = []
    for finding in findings:
        if finding.file != display:
            result.append(finding)
            continue
        position = mover.move(finding)
        if position is None:
            return None
        result.append(replace(finding, line=position[0], column=position[1]))
    return result


def names_place(finding: Finding, display: str) -> bool:
    """Whether a finding's message or hint names a place in a file ("already used at
    FILE:LINE"): it would change with the file, so it cannot be moved."""
    return f"{display}:" in finding.message or f"{display}:" in (finding.hint or "")


__all__ = ["Again", "Moved", "hinted", "moved_by", "names_place"]
