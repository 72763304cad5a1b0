"""Load a whole model: the manifest, its includes and libraries, validated, with positions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archlex.errors import ArchlexError
from archlex.files import Inputs
from archlex.findings import Finding, Severity
from archlex.gc_pause import collector_paused
from archlex.load.cache import FileOutcome, ParseCache
from archlex.load.compiled_library import CompiledLibrary
from archlex.load.diagnose import schema_findings
from archlex.load.file_entities import FileEntities
from archlex.load.libraries import BUNDLED_LIBRARIES, library_manifest
from archlex.load.manifest import check_format_version, expand_includes, find_manifest
from archlex.load.manifest_entry import ManifestEntry
from archlex.load.positions import SourceNode
from archlex.load.sources import Located, SourceMap
from archlex.load.validators import CompiledValidators
from archlex.model import ENTITY_KINDS, Checks, Manifest, Model
from archlex.model.core import ValidationError
from archlex.model.project import ManifestFile

if TYPE_CHECKING:  # the YAML readers are imported only when a file must be read
    from archlex.load.read_ahead import ReadAhead
    from archlex.load.yaml_reader import YamlDocument


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
    helper: bool = False,
) -> Project:
    """Load the model at PATH (folder or manifest); raise ArchlexError if it cannot be read.

    With a cache, files whose bytes were loaded before are not parsed or validated again.
    With `fast`, files that the fast reader takes and that validate without a finding are
    read by it; every other file, and every file without `fast`, by the reference reader.
    Both give the same model and the same findings (tests/load/test_fast_reader.py).
    `overlay` gives the text of some files (by resolved path) in place of what is on disk:
    an editor's unsaved buffers. `helper`: the files the fast reader reads from their text
    (every file without a parse cache, else those it lacks) may be read on two cores, this
    process's and a forked helper's (archlex.load.read_ahead; for a command's own process
    only: see archlex.forked).
    """
    manifest = find_manifest(path, cwd)
    loader = _Loader(manifest, cache, fast, overlay or {}, helper)
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


# The settings a manifest with errors is given, the model's name a placeholder.
_UNNAMED: dict[str, Any] = {"archlex": 1, "name": "(unnamed model)"}


class _Loader(FileEntities):
    """One load of one model; collects findings rather than stopping at the first."""

    def __init__(
        self,
        manifest_path: Path,
        cache: ParseCache | None,
        fast: bool,
        overlay: Mapping[Path, bytes],
        helper: bool = False,
    ) -> None:
        # the model classes' validators, kept beside the parse cache (not for the language server's
        # cache in memory: it builds each once and keeps it).
        keeps = cache is not None and cache.keeps_validators
        super().__init__(fast, CompiledValidators(cache.folder) if cache and keeps else None)
        self.manifest_path = manifest_path
        # `--no-cache` (ValidatorsOnly): no model data from the cache, only the validators.
        self.cache = cache if cache is not None and cache.holds_files else None
        self.overlay = overlay
        self._real_root: Path | None = None
        self.root = manifest_path.parent
        self.files: list[str] = []
        self.libraries: dict[str, str | None] = {}
        self.inputs = Inputs()
        self.recording = self.cache is not None and self.cache.records_inputs
        # The bundled libraries are archlex's data: `--no-cache` reads them as loaded before
        # (a full cache keeps their files among the model's).
        self.compiled = cache.folder if cache and keeps and not cache.holds_files else None
        self.file_keys: dict[str, tuple[str, str]] = {}
        self._compiled: list[CompiledLibrary] = []
        self.helper = helper  # the model's files may be read ahead on two cores

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
        includes = expand_includes(
            manifest.include, source.child("include"), self.root, self.manifest_path, name
        )
        # Read ahead from here, so that a helper reads the model's files while the libraries
        # load; what each step adds is added in the same order as without.
        ahead = self._read_ahead(includes.files)
        try:
            self._libraries(manifest.uses, source.child("uses"), name, set())
            self._manifest_entities(read, name)
            self.findings += includes.findings
            self.inputs.globs += [(str(self.root), pattern) for pattern in includes.globbed]
            for index, path in enumerate(includes.files):
                self._file(path, path.relative_to(self.root).as_posix(), ahead, index)
        finally:
            if ahead:
                ahead.close()
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

    def _read_ahead(self, paths: list[Path]) -> ReadAhead | None:
        """The model's files read ahead, and those the parse cache does not hold (every file
        without one) read on two cores where a helper is forked."""
        if not (self.helper and self.fast):
            return None
        from archlex.load.read_ahead import ReadAhead

        ahead = ReadAhead(paths, self._bytes)
        cache = self.cache
        if cache is None:
            ahead.share(range(len(paths)))
            return ahead
        for index, path in enumerate(paths):
            raw = ahead.raws[index]
            if isinstance(raw, bytes):
                ahead.keys[index] = cache.key(path.relative_to(self.root).as_posix(), raw)
        ahead.share([i for i, key in ahead.keys.items() if not cache.has(key)])
        return ahead

    def _read_manifest(self, path: Path, display: str, root: bool) -> ManifestEntry | None:
        """A manifest read and its settings validated, from the cache when its bytes were read
        before (then neither YAML nor a validator is needed); None when it cannot
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
        values: dict[str, Any] = dict(_UNNAMED)
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

    def _file(
        self, path: Path, display: str, ahead: ReadAhead | None = None, index: int = 0
    ) -> None:
        """Load one model file, from the cache when its bytes were loaded before (or as read
        ahead, the file `index` of `ahead`)."""
        self.files.append(display)
        try:
            raw = ahead.raw(index) if ahead else self._bytes(path)
        except OSError as error:
            self._unreadable(display, f"cannot read file: {error.strerror}")
            self.inputs.unreadable(path)
            return
        if self.recording:
            self.inputs.read(path, raw)
        key = ""
        if self.cache:  # worked out ahead, when the files were read ahead
            key = (ahead.keys.get(index) if ahead else None) or self.cache.key(display, raw)
        if self.recording:
            self.file_keys[str(path)] = (display, key)
        cached = self.cache.get(key) if self.cache else None
        if cached is not None:
            self._replay(cached, display)
            return
        before = self._counts()
        self._load_file(raw, display, (lambda: ahead.data(index)) if ahead else None)
        if self.cache:
            self.cache.put(key, self._since(before))


def _valid_setting(name: str, value: Any) -> dict[str, Any]:
    """One manifest setting, validated on its own, so that one bad setting spares the rest."""
    if name not in Manifest.model_fields:
        return {}
    try:
        alone = Manifest.model_validate({**_UNNAMED, name: value})
    except ValidationError:
        return {}
    return {name: getattr(alone, name)}


def _kinds_of(data: Any) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in ENTITY_KINDS} if isinstance(data, dict) else {}
