"""From an import plan to file edits: which file each entity goes to, the edited text, a check
of the edited model before anything is written, the diff, and the write.

An entity the model already has is updated in the file it is written in; a new one goes to
`--into`, else to the file holding the last entity of its kind, else `<kind>.yaml`. The
edited model is loaded from a temporary copy first: an edit that the loader would refuse
(an unknown reference, a file the manifest does not include) writes nothing.
"""

from __future__ import annotations

import difflib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archlex.check.run import run_validation
from archlex.errors import ArchlexError
from archlex.files import write_text_atomic
from archlex.findings import Finding
from archlex.imports.registry import EntityUpdate, ImportPlan, ImportRequest, run_importer
from archlex.imports.texts import in_their_languages
from archlex.imports.yaml_edit import edit_model_file
from archlex.load import Project, load_project
from archlex.model.common import Entity

LIBRARY_PREFIX = "["  # files of a bundled library are shown as `[eu]/...`


@dataclass(frozen=True)
class FileEdit:
    """One model file before and after the import (paths relative to the model's folder)."""

    file: str
    before: str
    after: str


@dataclass(frozen=True)
class PreparedImport:
    """What an import would do: the plan the file gave and the checked edits of the model."""

    plan: ImportPlan
    edits: list[FileEdit]


def prepare_import(name: str, request: ImportRequest, into: str | None = None) -> PreparedImport:
    """Read the file with the named importer, plan the edits and check the edited model;
    nothing is written (`write_edits` does that)."""
    plan = run_importer(name, request)
    edits = plan_edits(request.project, plan, into)
    if edits:
        check_edits(request.project, plan, edits)
    return PreparedImport(plan, edits)


def plan_edits(project: Project, plan: ImportPlan, into: str | None = None) -> list[FileEdit]:
    """The edits that bring the plan's entities into the model's files; files that would not
    change are left out."""
    by_file: dict[tuple[str, str], list[EntityUpdate]] = {}
    for update in in_their_languages(plan, project):
        by_file.setdefault((target_file(project, update, into), update.kind), []).append(update)
    current = {u.id: _fields(project, u.id) for u in plan.updates}
    texts: dict[str, str] = {}
    for (file, kind), updates in sorted(by_file.items()):
        before = texts.get(file, _read(project.root / file))
        known = {i: c for i, c in current.items() if c is not None}
        texts[file] = edit_model_file(before, kind, updates, known)
    edits = [FileEdit(f, _read(project.root / f), t) for f, t in sorted(texts.items())]
    return [e for e in edits if e.before != e.after]


def target_file(project: Project, update: EntityUpdate, into: str | None) -> str:
    """The file an entity is written to (relative to the model's folder)."""
    located = project.sources.of(update.id)
    if located is not None:
        if located.file.startswith(LIBRARY_PREFIX):
            raise ArchlexError(
                f"{update.origin}: `{update.id}` is defined by the bundled library "
                f"({located.file}); an import cannot change it",
                "give the entity a national id, or leave the row out",
            )
        _same_kind(project, update)
        return located.file
    if into is not None:
        return _inside(project, into)
    own = [
        located.file
        for entity, located in project.sources.placed
        if _kind_of(project, entity) == update.kind and not located.file.startswith(LIBRARY_PREFIX)
    ]
    return own[-1] if own else f"{update.kind}.yaml"


def _same_kind(project: Project, update: EntityUpdate) -> None:
    entity = project.model.get(update.id)
    if entity is not None and _kind_of(project, entity) != update.kind:
        raise ArchlexError(
            f"{update.origin}: `{update.id}` is already the id of one of the model's "
            f"{_kind_of(project, entity)}, not of its {update.kind}",
            "ids are unique across the whole model; rename the row's id",
        )


def _kind_of(project: Project, entity: Entity) -> str:
    for kind in ("systems", "organisations", "requirements", "flows"):
        if any(e is entity for e in getattr(project.model, kind)):
            return kind
    return type(entity).__name__.lower()


def _inside(project: Project, into: str) -> str:
    path = (project.root / into).resolve()
    if not path.is_relative_to(project.root.resolve()) or path.suffix not in (".yaml", ".yml"):
        raise ArchlexError(
            f"--into {into}: not a .yaml file inside the model's folder {project.root}",
            "give a path relative to the folder of archlex.yaml, e.g. systems/imported.yaml",
        )
    return path.relative_to(project.root.resolve()).as_posix()


def _fields(project: Project, entity_id: str) -> dict[str, Any] | None:
    entity = project.model.get(entity_id)
    if entity is None:
        return None
    return entity.model_dump(mode="json", by_alias=True)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise ArchlexError(f"cannot read {path}: {error}") from error


def check_edits(project: Project, plan: ImportPlan, edits: list[FileEdit]) -> None:
    """Load the edited model from a temporary copy; raise ArchlexError naming the rows when
    the edits add findings that stop the loader, or write a file the manifest leaves out."""
    with tempfile.TemporaryDirectory(prefix="archlex-import-") as folder:
        root = Path(folder) / "model"
        files = {f for f in project.files if not f.startswith(LIBRARY_PREFIX)}
        edited = {e.file: e.after for e in edits}
        for name in sorted(files | set(edited)):
            text = edited[name] if name in edited else _read(project.root / name)
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        _copy_named_files(project, root)
        staged = load_project(root / project.manifest_path.name, Path(folder), fast=False)
        _refuse_new_findings(project, plan, staged)  # while the staged files still exist
    left_out = sorted(set(edited) - set(staged.files))
    if left_out:
        raise ArchlexError(
            f"{', '.join(left_out)} would hold the imported entities, but archlex.yaml does "
            "not include it",
            "add it to `include` in archlex.yaml, or choose an included file with --into",
        )


def _copy_named_files(project: Project, root: Path) -> None:
    """Copy the files the manifest names besides the model files (the concept's own chapters),
    so that the staged model reads as the real one does."""
    document = project.model.manifest.document
    if document is None:
        return
    named = [s.file for s in document.sections if s.file is not None]
    for name in [*named, *([document.reference_docx] if document.reference_docx else [])]:
        source, target = project.root / name, root / name
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())


def _refuse_new_findings(project: Project, plan: ImportPlan, staged: Project) -> None:
    """Refuse the errors of the loader and of the validate-phase rules (ids, references,
    provisions) that the edited model has and the model had not."""
    before = {_key(f) for f in run_validation(project, set())}
    origins = {u.id: u.origin for u in plan.updates}
    found = run_validation(staged, set())
    new = [f for f in found if f.severity.value == "error" and _key(f) not in before]
    if new:
        lines = [
            f"{origins.get(f.target or '', f.file)}: {f.rule}: {f.message}"
            + (f" ({f.hint})" if f.hint else "")
            for f in new
        ]
        raise ArchlexError(
            "the import would make the model invalid; nothing was written:\n  "
            + "\n  ".join(lines[:50]),
            "fix these rows (or the mapping) and import again",
        )


def _key(finding: Finding) -> tuple[str, str | None, str]:
    return (finding.rule, finding.target, finding.message)


def diff_text(edits: list[FileEdit]) -> str:
    """The edits as a unified diff, file by file."""
    parts: list[str] = []
    for edit in edits:
        parts += difflib.unified_diff(
            edit.before.splitlines(keepends=True),
            edit.after.splitlines(keepends=True),
            fromfile=f"a/{edit.file}",
            tofile=f"b/{edit.file}",
        )
    return "".join(p if p.endswith("\n") else p + "\n" for p in parts)


def write_edits(project: Project, edits: list[FileEdit]) -> None:
    """Write every edited file (each atomically)."""
    for edit in edits:
        write_text_atomic(project.root / edit.file, edit.after)
