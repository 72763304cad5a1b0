"""Findings about the bundled catalog's obligations, grouped by regulation and chapter.

A new model has an untraced obligation for almost every article of both regulations, each
placed on the same manifest line; the text format shows the shape of that work (a count
per chapter, the first few findings) rather than a wall of identical positions.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from archlex.findings import Finding
from archlex.model import Model, Obligation, Regulation
from archlex.model.regulation import Chapter
from archlex.outcome import Report

SHOWN = 3  # findings shown of the chapter to start with, unless --all
SHOWN_WHOLE = 10  # this many or fewer are all shown, each under its chapter
UNTRACED = "obligation-untraced"
NO_CHAPTER = "articles in no chapter"


@dataclass
class Group:
    """The findings about the obligations of one chapter of one regulation."""

    regulation: str
    chapter: str  # "Chapter II (European search portal)", or NO_CHAPTER
    order: tuple[str, int]
    findings: list[Finding] = field(default_factory=list)
    keys: dict[Finding, tuple[object, ...]] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str:
        """`2019/817 Chapter II (European search portal)`."""
        return f"{self.regulation} {self.chapter}"

    @property
    def untraced(self) -> int:
        """How many of its obligations no requirement traces."""
        return sum(1 for f in self.findings if f.rule == UNTRACED)

    def rule_counts(self) -> str:
        """`10 obligation-untraced, 4 role-unassigned`, the most frequent first."""
        counts = Counter(f.rule for f in self.findings)
        return ", ".join(f"{n} {rule}" for rule, n in sorted(counts.items(), key=_by_count))


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def split_library_findings(
    report: Report, findings: list[Finding]
) -> tuple[list[Finding], list[Group]]:
    """The findings about the model's own files, and those about the bundled catalog's
    obligations grouped by chapter (in the regulations' order)."""
    own: list[Finding] = []
    groups: dict[tuple[str, str], Group] = {}
    scope = _scope_position(report)
    for finding in findings:
        obligation = _library_obligation(report, finding.target)
        if obligation is None or (finding.file, finding.line, finding.column) != scope:
            # Not placed on the scope: about the model's own files (an expired waiver).
            own.append(finding)
            continue
        group = _group_of(report.model, obligation, groups)
        group.findings.append(finding)
        group.keys[finding] = (obligation.provision.sort_key, obligation.id, finding.rule)
    for group in groups.values():  # in the law's order: Art 7 before Art 10
        group.findings.sort(key=group.keys.__getitem__)
    return own, sorted(groups.values(), key=lambda g: g.order)


def start_group(groups: list[Group]) -> Group | None:
    """Where to start: the chapter with the most untraced obligations (the first in the
    law's order of equals), else the one with the most findings."""
    if not groups:
        return None
    return max(groups, key=lambda g: (g.untraced, len(g.findings), -groups.index(g)))


def next_step(groups: list[Group]) -> str | None:
    """`start with 2019/817 Chapter VII (Data protection): 25 obligations untraced`."""
    group = start_group(groups)
    if group is None:
        return None
    if group.untraced:
        noun = "obligation" if group.untraced == 1 else "obligations"
        return f"start with {group.title}: {group.untraced} {noun} untraced"
    count = len(group.findings)
    return f"start with {group.title}: {count} finding{'s' if count != 1 else ''}"


def _scope_position(report: Report) -> tuple[str, int, int]:
    """Where a finding about a bundled library's entity is placed: the manifest's `scope`
    (else `uses`), the line that makes it apply (see archlex.check.context)."""
    here = report.project.manifest_source
    line, column = here.key_at("scope") if here.node.child("scope") else here.key_at("uses")
    return here.file, line, column


def _library_obligation(report: Report, target: str | None) -> Obligation | None:
    if target is None:
        return None
    entity = report.model.get(target)
    if not isinstance(entity, Obligation):
        return None
    located = report.project.sources.of(target)
    return entity if located is not None and located.file.startswith("[") else None


def _group_of(model: Model, obligation: Obligation, groups: dict[tuple[str, str], Group]) -> Group:
    regulation_id = obligation.provision.regulation
    regulation = model.regulation(regulation_id)
    index, chapter = _chapter(regulation, obligation.provision.article)
    label = NO_CHAPTER if chapter is None else _chapter_label(chapter)
    key = (regulation_id, label)
    if key not in groups:
        groups[key] = Group(regulation_id, label, (regulation_id, index))
    return groups[key]


def _chapter(regulation: Regulation | None, article: str) -> tuple[int, Chapter | None]:
    """The chapter that holds an article, and its place among the chapters."""
    chapters = regulation.chapters if regulation is not None else []
    number = _article_number(article)  # Art 20a lies in the chapter that holds Art 20
    for index, chapter in enumerate(chapters):
        first, last = (_article_number(n) for n in chapter.articles)
        if first <= number <= last:
            return index, chapter
    return len(chapters), None


def _chapter_label(chapter: Chapter) -> str:
    title = f" ({chapter.title})" if chapter.title else ""
    return f"Chapter {chapter.number}{title}"


@functools.cache  # asked for each chapter's first and last article, for each finding
def _article_number(text: str) -> int:
    """`20a` -> 20."""
    match = re.match(r"\d+", text)
    return int(match.group()) if match else 0
