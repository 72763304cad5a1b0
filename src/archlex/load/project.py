"""Load a whole model: the manifest, its includes and libraries, validated, with positions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from archlex.errors import ArchlexError
from archlex.files import Inputs
from archlex.findings import Finding, Severity
from archlex.gc_pause import collector_paused
from archlex.load.by_kind import validate_file
from archlex.load.cache import FileOutcome, ParseCache
from archlex.load.compiled_library import CompiledLibrary
from archlex.load.diagnose import schema_findings
from archlex.load.libraries import BUNDLED_LIBRARIES, library_manifest
from archlex.load.manifest import check_format_version, expand_includes, find_manifest
from archlex.load.manifest_entry import ManifestEntry
from archlex.load.positions import SourceNode
from archlex.load.sources import FilePositions, Located, SourceMap
from archlex.load.validators import CompiledValidators
from archlex.model import (
    ENTITY_KINDS,
    AccessGrant,
    Act,
    Checks,
    Connection,
    DataCategory,
    Decision,
    Flow,
    Fund,
    Manifest,
    MidLink,
    Milestone,
    Model,
    ModelFile,
    NationalAct,
    Network,
    Node,
    Obligation,
    Organisation,
    Phase,
    Process,
    Regulation,
    Requirement,
    Risk,
    Roadmap,
    Role,
    Standard,
    System,
    View,
    WorkPackage,
)
from archlex.model.common import Entity
from archlex.model.project import ManifestFile

if TYPE_CHECKING:  # the YAML readers are imported only when a file must be read
    from archlex.load.yaml_reader import YamlDocument, YamlProblem

_ITEM_TYPES: dict[str, type[BaseModel]] = {
    "organisations": Organisation,
    "roles": Role,
    "systems": System,
    "data": DataCategory,
    "flows": Flow,
    "processes": Process,
    "requirements": Requirement,
    "regulations": Regulation,
    "acts": Act,
    "obligations": Obligation,
    "access": AccessGrant,
    "mid_links": MidLink,
    "standards": Standard,
    "risks": Risk,
    "decisions": Decision,
    "national_law": NationalAct,
    "funds": Fund,
    "networks": Network,
    "nodes": Node,
    "connections": Connection,
    "views": View,
}
_ROADMAP_TYPES: dict[str, type[BaseModel]] = {
    "phases": Phase,
    "work_packages": WorkPackage,
    "milestones": Milestone,
}
KIND_TYPES = _ITEM_TYPES | _ROADMAP_TYPES  # each kind's list name in YAML, and its type


@dataclass
class Project:
    """A loaded model: its entities, where each is written, and what was wrong."""

    manifest_path: Path
    model: Model
    sources: SourceMap
    manifest_source: Located
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    invalid_ids: set[str] = field(default_factory=set)
    cwd: Path = field(default_factory=Path)  # where archlex was run from (paths in reports)
    libraries: dict[str, str | None] = field(default_factory=dict)  # name -> release
    inputs: Inputs = field(default_factory=Inputs)  # what was read (recorded with a cache)
    # With a cache: each included file's path -> its name in the model and its parse-cache
    # key, in load order (archlex.check.incremental finds a changed file's last outcome by it).
    file_keys: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The model's folder: file names in findings are relative to it."""
        return self.manifest_path.parent


def load_project(
    path: Path | None,
    cwd: Path,
    cache: ParseCache | None = None,
    fast: bool = True,
    overlay: Mapping[Path, bytes] | None = None,
) -> Project:
    """Load the model at PATH (folder or manifest); raise ArchlexError if it cannot be read.

    With a cache, files whose bytes were loaded before are not parsed or validated again.
    With `fast`, files that the fast reader takes and that validate without a finding are
    read by it; every other file, and every file without `fast`, by the reference reader.
    Both give the same model and the same findings (tests/load/test_fast_reader.py).
    `overlay` gives the text of some files (by resolved path) in place of what is on disk:
    an editor's unsaved buffers.
    """
    manifest = find_manifest(path, cwd)
    loader = _Loader(manifest, cache, fast, overlay or {})
    with collector_paused():
        project = loader.load()
    project.cwd = cwd
    return project


def load_file(manifest_path: Path, path: Path, display: str, cache: ParseCache) -> FileOutcome:
    """What one included file of a model adds to it, loaded as a whole load would load it
    (through the cache, and kept in it)."""
    loader = _Loader(manifest_path, cache, True, {})  # the fast reader when it is there
    before = loader._counts()
    with collector_paused():
        loader._file(path, display)
    return loader._since(before)


class _Loader:
    """One load of one model; collects findings rather than stopping at the first."""

    def __init__(
        self,
        manifest_path: Path,
        cache: ParseCache | None,
        fast: bool,
        overlay: Mapping[Path, bytes],
    ) -> None:
        self.manifest_path = manifest_path
        # `--no-cache` (ValidatorsOnly): no model data from the cache, only the validators.
        self.cache = cache if cache is not None and cache.holds_files else None
        self.fast = fast
        self.overlay = overlay
        self._real_root: Path | None = None
        self.root = manifest_path.parent
        self.sources = SourceMap()
        self.findings: list[Finding] = []
        self.files: list[str] = []
        self.invalid_ids: set[str] = set()
        self.parts: list[ModelFile] = []
        self.problems: list[tuple[str, YamlProblem]] = []  # placed once entities are known
        self.libraries: dict[str, str | None] = {}
        self.inputs = Inputs()
        self.recording = self.cache is not None and self.cache.records_inputs
        # pydantic's validators, kept beside the parse cache (not for the language server's
        # cache in memory: it builds each once and keeps it).
        keeps = cache is not None and cache.keeps_validators
        self.validators = CompiledValidators(cache.folder) if cache and keeps else None
        # The bundled libraries are archlex's data: `--no-cache` reads them as loaded before
        # (a full cache keeps their files among the model's).
        self.compiled = cache.folder if cache and keeps and not cache.holds_files else None
        self.file_keys: dict[str, tuple[str, str]] = {}
        self._compiled: list[CompiledLibrary] = []

    def load(self) -> Project:
        """Read everything, reporting what cannot be read (the rules check the rest)."""
        name = self.manifest_path.name
        read = self._read_manifest(self.manifest_path, name, root=True)
        if read is None:
            # The reader's finding is the only news: it goes into the error, or it is lost.
            problem = self.findings[-1]
            raise ArchlexError(
                f"{name}:{problem.line}:{problem.column}: the manifest cannot be read: "
                f"{problem.message}",
                problem.hint or "fix the manifest's YAML",
                name,
                problem.line,
                problem.column,
            )
        manifest, source = read.manifest, read.source
        self._libraries(manifest.uses, source.child("uses"), name, set())
        self._manifest_entities(read, name)
        includes = expand_includes(
            manifest.include, source.child("include"), self.root, self.manifest_path, name
        )
        self.findings += includes.findings
        self.inputs.globs += [(str(self.root), pattern) for pattern in includes.globbed]
        for path in includes.files:
            self._file(path, path.relative_to(self.root).as_posix())
        model = Model(manifest=manifest)
        for part in self.parts:
            model.add(part)
        model.reindex()
        self.findings += [self._placed(file, problem) for file, problem in self.problems]
        project = Project(
            self.manifest_path,
            model,
            self.sources,
            Located(name, source),
            self.findings,
            self.files,
            self.invalid_ids,
        )
        project.libraries = dict(sorted(self.libraries.items()))
        if self.validators:
            self.validators.keep()
        for library in self._compiled:
            library.keep()
        if self.recording:  # what a cached report depends on (archlex.cli.report_cache)
            self.inputs.snapshot()
            project.inputs = self.inputs
            project.file_keys = self.file_keys
        return project

    def _prepare(self, model: type[BaseModel]) -> None:
        """Give a model class its validator from the kept ones, when there are any."""
        if self.validators:
            self.validators.prepare(model)

    def _read_manifest(self, path: Path, display: str, root: bool) -> ManifestEntry | None:
        """A manifest read and its settings validated, from the cache when its bytes were read
        before (then neither YAML nor pydantic's validators are needed); None when it cannot
        be read. The root manifest must be of this format version (else ArchlexError)."""
        self.files.append(display)
        try:
            raw = self._bytes(path)
        except OSError as error:
            self._unreadable(display, f"cannot read file: {error.strerror}")
            self.inputs.unreadable(path)
            return None
        if self.recording:
            self.inputs.read(path, raw)
        key = self.cache.key(f"manifest\0{root}\0{display}", raw) if self.cache else ""
        cached = self.cache.get(key) if self.cache else None
        if isinstance(cached, ManifestEntry):
            self._replay(cached, display)
            return cached
        before = self._counts()
        document = self._parse(raw, display)
        if document is None:
            return None
        if root:
            check_format_version(document.data, document.source, display)
        if not isinstance(document.data, dict):
            return None
        manifest = self._manifest(document, display)
        outcome = vars(self._since(before))
        return ManifestEntry(
            **outcome, source=document.source, manifest=manifest, key=key, data=document.data
        )

    def _manifest_entities(self, read: ManifestEntry, display: str) -> None:
        """Add the entities written in a manifest (kept with it in the cache)."""
        if read.entities is not None:  # from the cache
            self._replay(read.entities, display)
            return
        before = self._counts()
        self._entities(_kinds_of(read.data), read.source, display)
        read.entities = self._since(before)
        if self.cache:
            self.cache.put(read.key, read)

    def _bytes(self, path: Path) -> bytes:
        """The file's bytes: the overlay's when it has the file, else the disk's."""
        if self.overlay:
            text = self.overlay.get(self._real(path))
            if text is not None:
                return text
        return path.read_bytes()

    def _real(self, path: Path) -> Path:
        """The resolved path of a file, resolving only the model's folder (once per load):
        resolving each of thousands of files costs a noticeable part of a warm check."""
        if self._real_root is None:
            self._real_root = self.root.resolve()
        try:
            return self._real_root / path.relative_to(self.root)
        except ValueError:  # a library's file
            return path.resolve()

    def _unreadable(self, display: str, message: str) -> None:
        self.findings.append(Finding("yaml-syntax", Severity.ERROR, message, display, 1, 1))

    def _parse(self, raw: bytes, display: str) -> YamlDocument | None:
        from archlex.load.yaml_reader import UnreadableYamlError, parse_yaml

        try:
            document = parse_yaml(raw)
        except UnreadableYamlError as error:
            p = error.problem
            self.findings.append(
                Finding(p.rule, Severity.ERROR, p.message, display, p.line, p.column, None, p.hint)
            )
            return None
        self.problems += [(display, p) for p in document.problems]
        return document

    def _placed(self, file: str, problem: YamlProblem) -> Finding:
        """A problem the YAML reader found, with the entity it lies in as its target."""
        target = self.sources.entity_at(file, problem.line)
        return Finding(
            problem.rule,
            Severity.ERROR,
            problem.message,
            file,
            problem.line,
            problem.column,
            target,
            problem.hint,
        )

    def _manifest(self, document: YamlDocument, display: str) -> Manifest:
        settings = {k: v for k, v in document.data.items() if k not in ENTITY_KINDS}
        try:
            self._prepare(Manifest)
            self._prepare(Checks)  # made by the manifest's default when it has no `checks`
            return Manifest.model_validate(settings)
        except ValidationError as error:
            self.findings += schema_findings(
                error, settings, document.source, display, ManifestFile
            )
        values: dict[str, Any] = {"archlex": 1, "name": "(unnamed model)"}
        for key, value in settings.items():
            values.update(_valid_setting(key, value))
        return Manifest.model_construct(**values)

    def _libraries(
        self, names: list[str], source: SourceNode | None, display: str, seen: set[str]
    ) -> None:
        for index, name in enumerate(names):
            manifest = library_manifest(name)
            if manifest is None:
                node = (source.child(index) if source else None) or SourceNode(1, 1, 1, 1)
                self.findings.append(
                    Finding(
                        "schema",
                        Severity.ERROR,
                        f"`uses` names no library `{name}`",
                        display,
                        node.line,
                        node.column,
                        None,
                        "bundled libraries: " + ", ".join(BUNDLED_LIBRARIES),
                    )
                )
            elif name not in seen:
                seen.add(name)
                self._library(name, manifest, seen)

    def _library(self, name: str, manifest_path: Path, seen: set[str]) -> None:
        if self.compiled is None:
            self._library_files(name, manifest_path, seen)
            return
        library = CompiledLibrary(self.compiled, name)
        self._compiled.append(library)
        cache, self.cache = self.cache, library  # its files through its compiled entry
        try:
            self._library_files(name, manifest_path, seen)
        finally:
            self.cache = cache

    def _library_files(self, name: str, manifest_path: Path, seen: set[str]) -> None:
        display = f"[{name}]/{manifest_path.name}"
        read = self._read_manifest(manifest_path, display, root=False)
        if read is None:
            return
        manifest, source = read.manifest, read.source
        self.libraries[name] = manifest.release
        self._libraries(manifest.uses, source.child("uses"), display, seen)
        self._manifest_entities(read, display)
        root = manifest_path.parent
        includes = expand_includes(
            manifest.include, source.child("include"), root, manifest_path, display
        )
        self.findings += includes.findings
        self.inputs.globs += [(str(root), pattern) for pattern in includes.globbed]
        for path in includes.files:
            self._file(path, f"[{name}]/{path.relative_to(root).as_posix()}")

    def _file(self, path: Path, display: str) -> None:
        """Load one model file, from the cache when its bytes were loaded before."""
        self.files.append(display)
        try:
            raw = self._bytes(path)
        except OSError as error:
            self._unreadable(display, f"cannot read file: {error.strerror}")
            self.inputs.unreadable(path)
            return
        if self.recording:
            self.inputs.read(path, raw)
        key = self.cache.key(display, raw) if self.cache else ""
        if self.recording:
            self.file_keys[str(path)] = (display, key)
        cached = self.cache.get(key) if self.cache else None
        if cached is not None:
            self._replay(cached, display)
            return
        before = self._counts()
        self._load_file(raw, display)
        if self.cache:
            self.cache.put(key, self._since(before))

    def _counts(self) -> tuple[int, int, int, set[str], int]:
        return (
            len(self.findings),
            len(self.problems),
            len(self.parts),
            set(self.invalid_ids),
            len(self.sources.placed),
        )

    def _since(self, counts: tuple[int, int, int, set[str], int]) -> FileOutcome:
        """What the last file added, to cache it."""
        findings, problems, parts, invalid_ids, placed = counts
        return FileOutcome(
            self.findings[findings:],
            [problem for _, problem in self.problems[problems:]],
            self.parts[parts:],
            sorted(self.invalid_ids - invalid_ids),
            self.sources.placed[placed:],
        )

    def _replay(self, outcome: FileOutcome, display: str) -> None:
        """Add what a cached file adds, as loading it would have."""
        self.findings += outcome.findings
        self.problems += [(display, problem) for problem in outcome.problems]
        self.parts += outcome.parts
        self.invalid_ids.update(outcome.invalid_ids)
        for entity, located in outcome.placed:
            self.sources.add(entity, located)

    def _load_file(self, raw: bytes, display: str) -> None:
        if self.fast and self._load_fast(raw, display):
            return
        document = self._parse(raw, display)
        if document is None:
            return
        if not isinstance(document.data, dict):
            node = document.source
            self.findings.append(
                Finding(
                    "schema",
                    Severity.ERROR,
                    "a model file must be a mapping of entity kinds, not "
                    + ("a list" if isinstance(document.data, list) else "plain text"),
                    display,
                    node.line,
                    node.column,
                    None,
                    "start with a kind, e.g. `systems:`; kinds: " + ", ".join(ENTITY_KINDS),
                )
            )
            return
        self._entities(document.data, document.source, display)

    def _load_fast(self, raw: bytes, display: str) -> bool:
        """Load a file through the fast reader if it takes it and it validates without a
        finding; False to load it through the reference reader instead, which gives the
        findings their positions."""
        from archlex.load import fast_reader  # rapidyaml only when a file must be read

        data = fast_reader.read_fast(raw)
        if data is None:
            return False
        try:
            part = validate_file(data, self._prepare)
        except ValidationError:
            return False
        self.parts.append(part)
        self._locate_all(part, FilePositions(raw), display)
        return True

    def _entities(self, data: dict[str, Any], source: SourceNode, display: str) -> None:
        """Validate one file's entities; on errors keep every entity that is valid."""
        if not data:
            return  # a manifest without entities: nothing to validate (and no schema to build)
        try:
            part = validate_file(data, self._prepare)
            self.parts.append(part)
            self._locate_all(part, source, display)
            return
        except ValidationError as error:
            self.findings += schema_findings(error, data, source, display, ModelFile)
        self._salvage(data, source, display)

    def _locate_all(
        self, part: ModelFile, source: SourceNode | FilePositions, display: str
    ) -> None:
        for kind in _ITEM_TYPES:
            entities = getattr(part, kind)
            if not entities:
                continue
            if isinstance(source, FilePositions) and kind != "systems":
                add = self.sources.add  # the fast reader's common case, without a call each
                for index, entity in enumerate(entities):
                    add(entity, Located(display, source, (kind, index)))
                continue
            for index, entity in enumerate(entities):
                self._locate(entity, (kind, index), source, display)
        if part.roadmap is not None:
            for kind in _ROADMAP_TYPES:
                for index, entity in enumerate(getattr(part.roadmap, kind)):
                    self._locate(entity, ("roadmap", kind, index), source, display)

    def _locate(
        self,
        entity: Entity,
        path: tuple[str | int, ...],
        source: SourceNode | FilePositions,
        display: str,
    ) -> None:
        if isinstance(source, FilePositions):  # read lazily: the path leads to the entity
            self.sources.add(entity, Located(display, source, path))
            if isinstance(entity, System):
                for index, component in enumerate(entity.components):
                    self._locate(component, (*path, "components", index), source, display)
            return
        node, _ = source.find(path)
        self.sources.add(entity, Located(display, node))
        if isinstance(entity, System):
            for index, component in enumerate(entity.components):
                self._locate(component, ("components", index), node, display)

    def _salvage(self, data: dict[str, Any], source: SourceNode, display: str) -> None:
        """Keep the valid entities of a file with errors (they were reported already)."""
        lists: dict[str, list[Any]] = {}
        for kind, items, path in _item_lists(data):
            for index, item in enumerate(items):
                entity = _salvage_entity(kind, item)
                if entity is None:
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        self.invalid_ids.add(item["id"])
                    continue
                lists.setdefault(kind, []).append(entity)
                self._locate(entity, (*path, index), source, display)
        roadmap = Roadmap.model_construct(
            phases=lists.pop("phases", []),
            work_packages=lists.pop("work_packages", []),
            milestones=lists.pop("milestones", []),
        )
        self.parts.append(ModelFile.model_construct(None, roadmap=roadmap, **lists))


def _salvage_entity(kind: str, item: Any) -> Any:
    """The entity without its invalid optional fields, so its other fields still get checked."""
    try:
        return KIND_TYPES[kind].model_validate(item)
    except ValidationError as error:
        if not isinstance(item, dict):
            return None
        fields = KIND_TYPES[kind].model_fields
        bad = {str(e["loc"][0]) for e in error.errors() if e["loc"]}
        required = {info.alias or name for name, info in fields.items() if info.is_required()}
        if bad & required or not bad:
            return None
    try:
        return KIND_TYPES[kind].model_validate({k: v for k, v in item.items() if k not in bad})
    except ValidationError:
        return None


def _kinds_of(data: Any) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in ENTITY_KINDS} if isinstance(data, dict) else {}


def _item_lists(data: dict[str, Any]) -> list[tuple[str, list[Any], tuple[str, ...]]]:
    """Every list of entities in a file's data, with its kind and path."""
    found: list[tuple[str, list[Any], tuple[str, ...]]] = []
    for kind in _ITEM_TYPES:
        if isinstance(data.get(kind), list):
            found.append((kind, data[kind], (kind,)))
    roadmap = data.get("roadmap")
    if isinstance(roadmap, dict):
        for kind in _ROADMAP_TYPES:
            if isinstance(roadmap.get(kind), list):
                found.append((kind, roadmap[kind], ("roadmap", kind)))
    return found


def _valid_setting(name: str, value: Any) -> dict[str, Any]:
    """One manifest setting, validated on its own, so that one bad setting spares the rest."""
    info = Manifest.model_fields.get(name)
    if info is None or info.annotation is None:
        return {}
    # The field's validators live in its metadata (e.g. a text given per language); the bare
    # annotation alone cannot validate it.
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    try:
        return {name: TypeAdapter(annotation).validate_python(value)}
    except ValidationError:
        return {}
