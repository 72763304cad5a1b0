"""Go to definition and find references, for entity ids and provisions, across the model and
the bundled library's files (the catalog)."""

from __future__ import annotations

from collections.abc import Iterator

from lsprotocol import types

from archlex.catalog.provision import Provision
from archlex.check.references import provisions_of, references_of
from archlex.load.sources import Located
from archlex.lsp.files import Columns, uri_of
from archlex.lsp.query import Target, TargetKind
from archlex.lsp.session import Snapshot
from archlex.lsp.text import scalar_end

FieldPath = tuple[str | int, ...]


def definition(snapshot: Snapshot, target: Target, columns: Columns) -> types.Location | None:
    """Where an entity is defined, or the article of a provision in its regulation's file."""
    if snapshot.report is None:
        return None
    sources = snapshot.report.project.sources
    if target.kind is TargetKind.ENTITY:
        located = sources.of(target.text)
        return _location(snapshot, located, ("id",), columns) if located else None
    if target.kind is TargetKind.PROVISION and target.provision is not None:
        return _article(snapshot, target.provision, columns)
    return None


def _article(snapshot: Snapshot, provision: Provision, columns: Columns) -> types.Location | None:
    assert snapshot.report is not None
    regulation = snapshot.report.model.regulation(provision.regulation)
    located = snapshot.report.project.sources.of(provision.regulation)
    if regulation is None or located is None:
        return None
    for index, article in enumerate(regulation.articles):
        if article.number == provision.article:
            return _location(snapshot, located, ("articles", index, "number"), columns)
    return _location(snapshot, located, ("id",), columns)


def references(
    snapshot: Snapshot, target: Target, with_declaration: bool, columns: Columns
) -> list[types.Location]:
    """Every place the model (libraries included) names an entity or cites a provision."""
    if snapshot.report is None:
        return []
    places: list[tuple[Located, FieldPath]] = []
    if target.kind is TargetKind.ENTITY:
        places = list(_entity_references(snapshot, target.text))
        located = snapshot.report.project.sources.of(target.text)
        if with_declaration and located is not None:
            places.insert(0, (located, ("id",)))
    elif target.kind is TargetKind.PROVISION and target.provision is not None:
        places = list(_provision_references(snapshot, target.provision))
    found = [_location(snapshot, located, path, columns) for located, path in places]
    return sorted(
        found, key=lambda place: (place.uri, place.range.start.line, place.range.start.character)
    )


def _entity_references(snapshot: Snapshot, entity_id: str) -> Iterator[tuple[Located, FieldPath]]:
    assert snapshot.report is not None
    project = snapshot.report.project
    for entity, located in project.sources.placed:
        for value, path, _ in references_of(entity):
            if value == entity_id:
                yield located, path
    manifest = project.model.manifest
    scope = manifest.scope
    for index, system in enumerate(scope.systems if scope else []):
        if system == entity_id:
            yield project.manifest_source, ("scope", "systems", index)
    for index, waiver in enumerate(manifest.waivers):
        if waiver.target == entity_id:
            yield project.manifest_source, ("waivers", index, "target")


def _provision_references(
    snapshot: Snapshot, provision: Provision
) -> Iterator[tuple[Located, FieldPath]]:
    assert snapshot.report is not None
    for entity, located in snapshot.report.project.sources.placed:
        for cited, path in provisions_of(entity):
            if provision.traces(cited):
                yield located, path


def _location(
    snapshot: Snapshot, located: Located, path: FieldPath, columns: Columns
) -> types.Location:
    """The client's location of a field of an entity (the scalar written there)."""
    line, column = located.at(*path)
    text = snapshot.line(located.file, line)
    start = column - 1
    end = scalar_end(text, start) if start < len(text) else start
    return types.Location(
        uri=uri_of(snapshot.root, located.file),
        range=types.Range(
            types.Position(line - 1, columns.to_client(text, start)),
            types.Position(line - 1, columns.to_client(text, end)),
        ),
    )
