"""Suspect links when the law moves: the provisions a model's elements cite, the fingerprint the
catalog gives each now, and the record of the last review (`reviewed_against:` in the manifest,
written by `archlex review`)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archlex.catalog.fingerprint import (
    changed_aspects,
    cited_contents,
    describe_changes,
    fingerprint,
    provision_contents,
)
from archlex.catalog.provision import Provision, parse_provision
from archlex.files import write_text_atomic
from archlex.load import Project
from archlex.model import Flow, Milestone, Obligation, Requirement

_RECORD_KEY = "reviewed_against"


@dataclass(frozen=True)
class Citation:
    """A model element that cites a provision, and where: a field path in the element, or in
    the manifest for a waiver (`waiver` is then its index)."""

    kind: str
    entity: str
    provision: Provision
    path: tuple[str | int, ...]
    waiver: int | None = None


@dataclass(frozen=True)
class Suspect:
    """A citation of a provision whose fingerprint changed since the review, and how."""

    citation: Citation
    aspects: list[str]


def _own(project: Project, entity_id: str) -> bool:
    located = project.sources.of(entity_id)
    return located is not None and not located.file.startswith("[")


def citations(project: Project) -> list[Citation]:
    """Every provision the model's own requirements, flows, milestones, work packages (through
    what they deliver) and waivers (through their target) cite."""
    found = list(_direct(project))
    model = project.model
    for package in model.work_packages:
        for index, requirement_id in enumerate(package.delivers):
            requirement = model.get(requirement_id)
            if isinstance(requirement, Requirement) and _own(project, package.id):
                found += [
                    Citation("work package", package.id, p, ("delivers", index))
                    for p in requirement.satisfies
                ]
    for index, waiver in enumerate(model.manifest.waivers):
        target = model.get(waiver.target) if waiver.target else None
        for provision in _provisions_of(target):
            found.append(Citation("waiver", waiver.target or "", provision, (), index))
    return found


def _direct(project: Project) -> Iterator[Citation]:
    model = project.model
    fields: list[tuple[str, list[Requirement] | list[Flow] | list[Milestone], str]] = [
        ("requirement", model.requirements, "satisfies"),
        ("flow", model.flows, "legal_basis"),
        ("milestone", model.milestones, "deadline_of"),
    ]
    for kind, entities, name in fields:
        for entity in entities:
            if _own(project, entity.id):
                for index, provision in enumerate(getattr(entity, name)):
                    yield Citation(kind, entity.id, provision, (name, index))


def _provisions_of(entity: object) -> list[Provision]:
    if isinstance(entity, Obligation):
        return [entity.provision]
    if isinstance(entity, Requirement):
        return list(entity.satisfies)
    if isinstance(entity, Flow):
        return list(entity.legal_basis)
    if isinstance(entity, Milestone):
        return list(entity.deadline_of)
    return []


def current_fingerprints(project: Project, provisions: set[Provision]) -> dict[str, str]:
    """The catalog's fingerprint of each provision, as it stands now."""
    contents = provision_contents(project.model)
    return {str(p): fingerprint(cited_contents(contents, p)) for p in sorted(provisions)}


def catalog_name(project: Project) -> str:
    """The libraries the model uses and their releases: `eu 2026.12`."""
    names = [f"{name} {release or '(no release)'}" for name, release in project.libraries.items()]
    return ", ".join(names) or "the model's own law"


def suspects(project: Project) -> list[Suspect]:
    """Citations of provisions whose fingerprint differs from the one recorded at the review."""
    record = project.model.manifest.reviewed_against
    if record is None:
        return []
    cited = citations(project)
    recorded = {str(c.provision) for c in cited if str(c.provision) in record.provisions}
    now = current_fingerprints(
        project, {p for c in cited if (p := c.provision) and str(p) in recorded}
    )
    return [
        Suspect(c, aspects)
        for c in cited
        if str(c.provision) in now
        and (aspects := changed_aspects(record.provisions[str(c.provision)], now[str(c.provision)]))
    ]


@dataclass(frozen=True)
class ReviewOutcome:
    """What a review recorded: the new record's provisions, and what it accepted, in words."""

    provisions: dict[str, str]
    accepted: list[str]
    first: int
    unchanged: int


def review(project: Project, only: list[Provision] | None) -> ReviewOutcome:
    """Record the current fingerprints of the cited provisions (or only of `only`)."""
    record = project.model.manifest.reviewed_against
    recorded = dict(record.provisions) if record else {}
    cited = citations(project)
    wanted = {c.provision for c in cited} if only is None else set(only)
    now = current_fingerprints(project, wanted)
    accepted, first, unchanged = [], 0, 0
    for key, value in now.items():
        before = recorded.get(key)
        if before is None:
            first += 1
        elif before == value:
            unchanged += 1
        elif before != value:
            who = sorted({c.entity for c in cited if str(c.provision) == key})
            accepted.append(
                f"{key}: {describe_changes(changed_aspects(before, value))} changed "
                f"(cited by {', '.join(who) or 'nothing in the model'})"
            )
        recorded[key] = value
    return ReviewOutcome(dict(sorted(recorded.items())), accepted, first, unchanged)


def parse_provisions(texts: list[str]) -> list[Provision] | None:
    """The provisions a user named, or None for all; a ValueError names one that is not."""
    if not texts:
        return None
    parsed = []
    for text in texts:
        provision = parse_provision(text)
        if provision is None:
            raise ValueError(text)
        parsed.append(provision)
    return parsed


def record_text(catalog: str, day: dt.date, provisions: dict[str, str]) -> str:
    """The `reviewed_against:` block of the manifest."""
    lines = [
        f"{_RECORD_KEY}:  # written by `archlex review`",
        f"  catalog: {json.dumps(catalog, ensure_ascii=False)}",
        f"  on: {day.isoformat()}",
        "  provisions:" + ("" if provisions else " {}"),
    ]
    lines += [
        f"    {json.dumps(key, ensure_ascii=False)}: {json.dumps(value)}"
        for key, value in provisions.items()
    ]
    return "\n".join(lines) + "\n"


def write_record(manifest: Path, block: str) -> None:
    """Replace the manifest's `reviewed_against:` block (or add it at the end), leaving every
    other line as it was written."""
    text = manifest.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(rf"{_RECORD_KEY}\s*:", line)), None)
    if start is None:
        joined = text if not text or text.endswith("\n") else text + "\n"
        write_text_atomic(manifest, joined + block)
        return
    end = start + 1
    while end < len(lines) and (lines[end][:1] in (" ", "\t") or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # blank lines before the next key stay where they are
    write_text_atomic(manifest, "".join(lines[:start]) + block + "".join(lines[end:]))
