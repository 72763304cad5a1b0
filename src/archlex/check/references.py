"""One pass over the loaded model for four validate-phase rules: ids used twice
(duplicate-id), references to nothing (unknown-reference), provisions not in the catalog
(unknown-provision), rule ids in the manifest that name no rule (schema)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from archlex.check.confusables import skeleton
from archlex.check.referring import (
    ANY,
    MEMBER_STATE,
    ROLE,
    SYSTEM,
    Kinds,
    Path,
    citations,
    references,
)
from archlex.check.referring import provisions_of as provisions_of
from archlex.check.referring import references_of as references_of
from archlex.findings import Finding
from archlex.load.sources import Located
from archlex.model import Model, Provision, Regulation
from archlex.model.common import Entity
from archlex.rules import RULES, severity_of
from archlex.text import did_you_mean

if TYPE_CHECKING:
    from archlex.load.project import Project

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
        # The common case, a known id of a kind asked for and a provision already found
        # fine, is decided here, without a call or a path made for it.
        kind_of = self.kind_of
        for value, kinds, path, index in references(entity):
            found = kind_of.get(value)
            if found is None or (kinds and found not in kinds):
                at = path if index is None else (*path, index)
                self.reference(value, kinds, located, at, entity.id)
        problems = self.problems
        for provision, path, index in citations(entity):
            known = problems.get(provision)
            if known is None or known[0] is not None:
                at = path if index is None else (*path, index)
                self.provision(provision, located, at, entity.id)

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
