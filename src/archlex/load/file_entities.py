"""What the files of a model add to it: each file's entities validated (read by the fast
reader or the reference reader), placed in the source map, the valid ones kept from a file with
errors; and what one file added, to keep it in the parse cache or to replay it from there."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from archlex.findings import Finding, Severity
from archlex.load.by_kind import validate_file
from archlex.load.cache import FileOutcome
from archlex.load.diagnose import schema_findings
from archlex.load.positions import SourceNode
from archlex.load.sources import FilePositions, Located, SourceMap
from archlex.load.validators import CompiledValidators
from archlex.model import (
    ENTITY_KINDS,
    AccessGrant,
    Act,
    Connection,
    DataCategory,
    Decision,
    Flow,
    Fund,
    MidLink,
    Milestone,
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
from archlex.model.core import ValidationError
from archlex.model.record import Record

if TYPE_CHECKING:  # the YAML readers are imported only when a file must be read
    from archlex.load.yaml_reader import YamlDocument, YamlProblem

_ITEM_TYPES: dict[str, type[Record]] = {
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
_ROADMAP_TYPES: dict[str, type[Record]] = {
    "phases": Phase,
    "work_packages": WorkPackage,
    "milestones": Milestone,
}
KIND_TYPES = _ITEM_TYPES | _ROADMAP_TYPES  # each kind's list name in YAML, and its type


class FileEntities:
    """What a load has collected so far (entities by file, their positions, findings), and
    the reading of one file into it."""

    def __init__(self, fast: bool, validators: CompiledValidators | None) -> None:
        self.fast = fast
        # the model classes' validators kept beside the parse cache, when there are (None: made)
        self.validators = validators
        self.sources = SourceMap()
        self.findings: list[Finding] = []
        self.invalid_ids: set[str] = set()
        self.parts: list[ModelFile] = []
        self.problems: list[tuple[str, YamlProblem]] = []  # placed once entities are known

    def _prepare(self, model: type[Record]) -> None:
        """Give a model class its validator from the kept ones, when there are any."""
        if self.validators:
            self.validators.prepare(model)

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

    def _load_file(
        self, raw: bytes, display: str, fast_data: Callable[[], dict[str, Any] | None] | None = None
    ) -> None:
        """Load one file's entities; `fast_data` gives the fast reader's data of it (read
        ahead), else the fast reader reads it here."""
        if self.fast and self._load_fast(raw, display, fast_data):
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

    def _load_fast(
        self, raw: bytes, display: str, fast_data: Callable[[], dict[str, Any] | None] | None
    ) -> bool:
        """Load a file through the fast reader if it takes it and it validates without a
        finding; False to load it through the reference reader instead, which gives the
        findings their positions."""
        if fast_data is None:
            from archlex.load import fast_reader  # rapidyaml only when a file must be read

            data = fast_reader.read_fast(raw)
        else:
            data = fast_data()
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
