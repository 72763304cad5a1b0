"""The last check of a model, kept to answer the next one when the files edited since cannot
change its findings.

`archlex check` with a cache keeps, beside the parse cache, one entry per model, day and
folder it runs from: the digest of every file the load read, the findings, the coverage, and
the little of the project the report formats read. The next check re-reads the files (which it
must anyway, to know what changed). When only included files changed, and each still gives the
same entities as before (a comment, blank lines, quoting, indentation, the order of keys) but
for fields that nothing reads (prose, a priority: archlex.check.reads), no rule can find
anything else: the findings are the same, only those placed in an edited file move to where
the same value is written now. A requirement's status, read by the coverage alone, may change
too: the coverage of what it traces is worked out again (archlex.check.statuses). A value
that rules check for the edited entity alone (archlex.check.reach) or for what the edit
reaches through links (a requirement's citations, a work package's deliveries:
archlex.check.neighbours; a flow's ends: archlex.check.flow_links) runs those rules again
there. Anything else (another value a rule reads, a file added, removed or unreadable, the
manifest, a finding of the reader, a message naming a place in an edited file, a missing
parse-cache entry) is checked in full, and the entry is written anew.
tests/check/test_incremental.py compares both ways on random edits of a generated model.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from archlex.cache_folder import read_sealed, write_sealed
from archlex.check.coverage import Coverage
from archlex.check.neighbours import kept as kept_links
from archlex.check.neighbours import links_of
from archlex.check.prose import Unread, same_but_unread, unread_fields
from archlex.check.reads import COVERAGE, read_by_rules, reads
from archlex.check.rerun import Again, Moved, hinted, moved_by, names_place
from archlex.check.statuses import (
    Facts,
    Updates,
    changed_statuses,
    recovered,
    requirement_facts,
    statuses_unread_by_rules,
    with_statuses,
)
from archlex.check.unchanged import (
    Mover,
    ReferenceMover,
    TextMover,
    is_clean,
    same_entities,
    same_value,
    with_entities,
)
from archlex.files import Inputs
from archlex.findings import Finding, sort_findings
from archlex.load import Project
from archlex.load.cache import FileOutcome, ParseCache
from archlex.load.project import load_file
from archlex.load.sources import Located, SourceMap
from archlex.model import Model
from archlex.rules import RULES

FORMAT = 6
_FIELDS = [f.name for f in fields(Finding)]  # a finding's fields, as its rows keep them


@dataclass(frozen=True)
class LastCheck:
    """What a check found, and what it was found from."""

    version: int
    inputs: Inputs
    file_keys: dict[str, tuple[str, str]]  # path -> (name in the model, parse-cache key)
    # path -> the text the findings are placed in, where the parse-cache entry (the same
    # entities) holds the text of an earlier edit
    texts: dict[str, bytes]
    named: dict[str, bool]  # each file the concept document names, and whether it was there
    rows: list[tuple[object, ...]]  # the findings' fields: pickled so, they load 20x faster
    coverage: Coverage
    project: Project  # only what the report formats read (see report_project)
    # each kind's fields that no rule and no coverage reads (archlex.check.reads), as the
    # rules of the check that kept this declared them
    unread: dict[str, frozenset[str]]
    # what the coverage reads of each requirement, when no rule reads a status (so that an
    # edit of statuses alone changes the coverage only: archlex.check.statuses)
    facts: Facts | None
    # each id of the model and its kind, pickled (read only when rules run again over edited
    # entities: archlex.check.reach); None when an id is written twice or did not validate
    kinds: bytes | None
    # what follows edits of citations and deliveries to the entities they reach, pickled
    # (archlex.check.neighbours.Links); None when `kinds` is, or it could not be kept
    links: bytes | None
    # what follows edits of flows' ends to the flows and systems they reach, pickled
    # (archlex.check.flow_links.FlowLinks); None when `kinds` is, or it could not be kept
    flow_links: bytes | None


class ReportModel(Model):
    """A model that holds only what the report formats read of it: the manifest, the
    regulations, the obligations findings are about, and how many entities of each kind the
    whole model has."""

    def __init__(self, model: Model) -> None:
        super().__init__(manifest=model.manifest, regulations=list(model.regulations))
        self._counts = model.counts()

    def counts(self) -> dict[str, int]:
        """How many entities of each kind the whole model has."""
        return dict(self._counts)


def entry_path(cache: ParseCache, manifest: Path, cwd: Path, today: dt.date) -> Path:
    """Where the last check of this model, run from `cwd` on `today`, is kept."""
    key = cache.key("[check]", f"{FORMAT}\0{manifest}\0{cwd}\0{today.isoformat()}".encode())
    return cache.folder / "checks" / key[:2] / key


def remember(entry: Path, project: Project, findings: list[Finding], coverage: Coverage) -> None:
    """Keep a full check's outcome for the next check (a cache that cannot be written is
    skipped)."""
    if not project.inputs.files or not project.file_keys:
        return  # loaded without recording what was read: nothing to compare with next time
    slim = report_project(project, findings)
    rows = _rows(findings)
    named = {str(p): p.is_file() for p in named_files(project)}
    by_rules = read_by_rules({r: info.reads for r, info in RULES.items()})
    unread = unread_fields(None if by_rules is None else reads(COVERAGE, by_rules))
    facts = requirement_facts(project.model) if statuses_unread_by_rules(by_rules) else None
    kinds = _kinds_kept(project)
    links = None if kinds is None else kept_links(links_of(project, coverage))
    from archlex.check import flow_links  # a full check: its imports are there already

    ends = None if kinds is None else flow_links.kept(flow_links.flow_links_of(project))
    last = LastCheck(
        FORMAT,
        project.inputs,
        project.file_keys,
        {},
        named,
        rows,
        coverage,
        slim,
        unread,
        facts,
        kinds,
        links,
        ends,
    )
    write_sealed(entry, last)


def _kinds_kept(project: Project) -> bytes | None:
    """Each id of the model and its kind, pickled; None when an id is written twice or an
    entity did not validate (the reference pass then reads more than one entity)."""
    kinds = project.model.kinds()
    places = project.sources.entities
    if project.invalid_ids or len(kinds) != len(places) or any(len(p) > 1 for p in places.values()):
        return None
    return pickle.dumps(kinds, pickle.HIGHEST_PROTOCOL)


def report_project(project: Project, findings: list[Finding]) -> Project:
    """The project with only what the report formats read (archlex.formats: the manifest,
    where it is, the files, the counts, the obligations of the bundled libraries that the
    findings are about)."""
    model = ReportModel(project.model)
    targets = {f.target for f in findings}
    sources = SourceMap()
    for obligation in project.model.obligations:
        located = project.sources.of(obligation.id)
        if located is not None and located.file.startswith("[") and obligation.id in targets:
            model.obligations.append(obligation)
            # Its reference tree: a place worked out by rapidyaml does not pickle.
            sources.add(obligation, Located(located.file, located.reference_node()))
    model.reindex()
    return with_entities(project, model, sources)


def recheck(
    entry: Path, cache: ParseCache, today: dt.date
) -> tuple[Project, list[Finding], Coverage] | None:
    """The last check's outcome, moved to where the edited files now write the same values
    (with the findings about entities whose allocations changed found again); None when it
    must be checked in full."""
    last = read_sealed(entry, cache.folder)
    if not isinstance(last, LastCheck) or last.version != FORMAT:
        return None
    edited = _edited(last.inputs)
    if edited is None or any(Path(p).is_file() is not was for p, was in last.named.items()):
        return None
    again = Again(last, cache, today)
    walked = _walked(last, cache, edited, again)
    if walked is None:
        return None
    findings, file_keys, texts, updates = walked
    facts = None if last.facts is None else dict(last.facts)
    coverage: Coverage | None = last.coverage
    if updates:  # statuses or allocations changed (only with facts kept)
        coverage = None if facts is None else recovered(last.coverage, facts, updates)
    if coverage is None or (again.ran and not hinted(_findings(last.rows), findings)):
        return None
    links, ends = last.links, last.flow_links
    if again.flows:  # flows' ends (or data, citations, logging) changed: what they reach
        if again.followed or ends is None:
            return None
        from archlex.check import flow_links

        through = flow_links.followed(last, cache, again, findings, today)
        if through is None:
            return None
        findings, ends = through
        if not hinted(_findings(last.rows), findings):
            return None
    if again.followed:  # citations or deliveries changed: what they reach found again
        if facts is None or last.links is None:
            return None  # the stand-ins' allocations and statuses are not known
        from archlex.check.through import followed

        walked_now = (findings, file_keys, facts)
        findings, coverage, links, facts = followed(last, cache, again, walked_now, coverage, today)
    findings = sort_findings(findings)
    kept = _on_edited(last, edited, findings, file_keys, texts)
    kept = replace(kept, coverage=coverage, facts=facts, links=links, flow_links=ends)
    write_sealed(entry, kept)
    return kept.project, findings, coverage


def _on_edited(
    last: LastCheck,
    edited: dict[str, str],
    findings: list[Finding],
    file_keys: dict[str, tuple[str, str]],
    texts: dict[str, bytes],
) -> LastCheck:
    """The last check moved to the edited files: their digests, keys and texts, the findings."""
    inputs = Inputs(
        [(p, edited.get(p, d)) for p, d in last.inputs.files],
        last.inputs.globs,
        last.inputs.listing,
    )
    project = replace(last.project, inputs=inputs)
    return replace(
        last,
        inputs=inputs,
        file_keys=file_keys,
        texts=texts,
        rows=_rows(findings),
        project=project,
    )


def _walked(
    last: LastCheck, cache: ParseCache, edited: dict[str, str], again: Again
) -> tuple[list[Finding], dict[str, tuple[str, str]], dict[str, bytes], Updates] | None:
    """The findings once each edited file is compared (those placed in it moved, those of the
    rules reading its edited fields found again), each file's (name, parse-cache key), the
    texts findings are placed in, and the requirements edited (whether each is done, what it is
    allocated to); None when the model must be checked in full."""
    findings = _findings(last.rows)
    file_keys, texts = dict(last.file_keys), dict(last.texts)
    updates: Updates = {}
    for path in edited:
        if path not in file_keys:
            return None  # a manifest: settings, scope, waivers, what is included
        moved = _moved(last, cache, path, findings) or again.reached(path, findings)
        if moved is None:
            return None
        findings, file_keys[path], text, changes = moved
        updates |= changes
        texts.pop(path, None)
        if text is not None:
            texts[path] = text
    return findings, file_keys, texts, updates


def named_files(project: Project) -> list[Path]:
    """The files the concept document names: a rule reports those missing (they are not
    read by the load, so the digests do not cover them)."""
    document = project.model.manifest.document
    if document is None:
        return []
    names = [s.file for s in document.sections if s.file is not None]
    names += [document.reference_docx] if document.reference_docx else []
    return [project.manifest_path.parent / name for name in names]


def _findings(rows: list[tuple[object, ...]]) -> list[Finding]:
    return [Finding(*row) for row in rows]  # type: ignore[arg-type]


def _rows(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [tuple(getattr(f, name) for name in _FIELDS) for f in findings]


def _edited(inputs: Inputs) -> dict[str, str] | None:
    """The files whose bytes changed since the last check, with their digest now; None when
    a file cannot be read or an include matches other files now."""
    edited: dict[str, str] = {}
    for path, digest in inputs.files:
        try:
            now = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            return None
        if not digest:
            return None
        if now != digest:
            edited[path] = now
    return None if inputs.listing_changed() else edited


def _moved(last: LastCheck, cache: ParseCache, path: str, findings: list[Finding]) -> Moved | None:
    """The findings with those placed in one edited file moved, the file's (name, parse-cache
    key), the text the moved findings are placed in when that entry holds other text, and the
    requirements whose status changed; None when the file's entities changed otherwise or a
    finding cannot be moved for certain."""
    display, key = last.file_keys[path]
    old = cache.get(key)
    if old is None or not is_clean(old):
        return None
    if any(names_place(f, display) for f in findings):
        return None  # "already used at FILE:LINE": a message that would change too
    found = _mover(last, cache, path, old)
    if found is None:
        return None
    mover, entry, text, statuses = found
    updates = with_statuses(last.facts or {}, statuses)
    result = moved_by(mover, findings, display)
    if result is None or updates is None:
        return None
    return result, entry, text, updates


def _mover(
    last: LastCheck, cache: ParseCache, path: str, old: FileOutcome
) -> tuple[Mover, tuple[str, str], bytes | None, dict[str, bool]] | None:
    """What moves the findings of one edited file, its parse-cache entry, its text (when the
    fast reader read it) and the requirements whose status changed; None when its entities
    changed otherwise."""
    display, key = last.file_keys[path]
    raw = Path(path).read_bytes()
    readings: list[tuple[Any, Any]] = []

    def same(then: Any, now: Any) -> bool:
        # The prose of a model file's entities, and the other fields no rule and not the
        # coverage reads, are read by nothing that finds (archlex.check.reads); a status, by
        # the coverage only, when `facts` were kept. A library's prose is read by the report
        # formats (chapter titles).
        readings.append((then, now))
        if display.startswith("["):
            return same_value(then, now)
        return same_but_unread(then, now, _skipped(last))

    mover: Mover | None = TextMover.of(old, last.texts.get(path), raw, same)
    if mover is not None:
        statuses = changed_statuses(*readings[-1]) if last.facts is not None else {}
        return None if statuses is None else (mover, (display, key), raw, statuses)
    # not text the fast reader takes: compare the entities the loader makes of it
    new = load_file(last.project.manifest_path, Path(path), display, cache)
    if not same_entities(old, new):
        return None
    return ReferenceMover(old, new), (display, cache.key(display, raw)), None, {}


def _skipped(last: LastCheck) -> Unread:
    """The fields an edit may change without a full check: those nothing reads, and the
    requirements' statuses when the coverage can be worked out again without the model."""
    if last.facts is None or "requirements" not in last.unread:
        return last.unread
    return {**last.unread, "requirements": last.unread["requirements"] | {"status"}}


__all__ = ["LastCheck", "ReportModel", "entry_path", "recheck", "remember"]
