"""Hover, definition, references and completion over stdio, on the worked example."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from archlex.load.libraries import library_manifest
from tests.lsp.client import copy_example, in_own_loop, lsp_session, open_file, wait_for

LIBRARY = library_manifest("eu")


@asynccontextmanager
async def example_session(tmp_path: Path) -> AsyncIterator[tuple[LanguageClient, Path]]:
    """A session on a copy of the worked example, its first check done."""
    root = copy_example(tmp_path)
    async with lsp_session(root) as client:
        manifest = open_file(client, root / "archlex.yaml")
        await wait_for(client, manifest, lambda found: len(found) > 0)
        yield client, root


def _at(path: Path, needle: str, offset: int = 0) -> types.Position:
    """The position of the first `needle` in a file (plus `offset` characters)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if needle in line:
            return types.Position(number, line.index(needle) + offset)
    raise AssertionError(f"{needle!r} not in {path}")


async def _hover(client: LanguageClient, path: Path, position: types.Position) -> str:
    uri = open_file(client, path)
    result = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), position)
    )
    assert result is not None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


@in_own_loop
async def test_hover_on_a_provision_gives_its_article(tmp_path: Path) -> None:
    async with example_session(tmp_path) as (client, root):
        path = root / "requirements" / "cir-mid.yaml"
        text = await _hover(client, path, _at(path, '"2019/817 Art 20(1)"', 5))
        assert text.startswith(
            "**2019/817 Art 20(1)**: Access to the common identity repository for identification"
        )
        assert "Chapter IV" in text
        assert "not verified against the regulation's text" in text
        assert "**Obligations**" in text and "`eu.817-20-1" in text
        assert "**Requirements that satisfy it**" in text and "REQ-CIR" in text


@in_own_loop
async def test_hover_on_an_id_and_a_rule(tmp_path: Path) -> None:
    async with example_session(tmp_path) as (client, root):
        border = root / "systems" / "border.yaml"
        text = await _hover(client, border, _at(border, "owner: VRS", 8))
        assert text.startswith("**organisation** `VRS`: ")
        assert "defined in `organisations.yaml:56`" in text
        manifest = root / "archlex.yaml"
        text = await _hover(client, manifest, _at(manifest, "requirement-unscheduled", 3))
        assert text.startswith("**requirement-unscheduled** (default severity: ")


@in_own_loop
async def test_definition_of_an_id_and_of_a_provision(tmp_path: Path) -> None:
    async with example_session(tmp_path) as (client, root):
        border = root / "systems" / "border.yaml"
        uri = open_file(client, border)
        result = await client.text_document_definition_async(
            types.DefinitionParams(types.TextDocumentIdentifier(uri), _at(border, "owner: VRS", 8))
        )
        assert isinstance(result, types.Location)
        assert result.uri == (root / "organisations.yaml").resolve().as_uri()
        assert result.range.start == _at(root / "organisations.yaml", "- id: VRS", 6)
        requirements = root / "requirements" / "cir-mid.yaml"
        uri = open_file(client, requirements)
        result = await client.text_document_definition_async(
            types.DefinitionParams(
                types.TextDocumentIdentifier(uri), _at(requirements, '"2019/817 Art 20(1)"', 3)
            )
        )
        assert isinstance(result, types.Location)
        assert LIBRARY is not None
        catalog = LIBRARY.parent / "regulations" / "2019-817.yaml"
        assert result.uri == catalog.resolve().as_uri()
        assert result.range.start == _at(catalog, "- number: 20", 10)


@in_own_loop
async def test_references_of_an_id(tmp_path: Path) -> None:
    async with example_session(tmp_path) as (client, root):
        border = root / "systems" / "border.yaml"
        uri = open_file(client, border)
        result = await client.text_document_references_async(
            types.ReferenceParams(
                context=types.ReferenceContext(include_declaration=True),
                text_document=types.TextDocumentIdentifier(uri),
                position=_at(border, "owner: VRS", 8),
            )
        )
        assert result is not None
        places = {(place.uri, place.range.start.line) for place in result}
        assert (border.resolve().as_uri(), _at(border, "owner: VRS").line) in places
        assert ((root / "organisations.yaml").resolve().as_uri(), 55) in places  # the declaration
        assert len(places) > 5


async def _complete(
    client: LanguageClient, path: Path, text: str, position: types.Position
) -> list[types.CompletionItem]:
    uri = open_file(client, path, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), position)
    )
    assert isinstance(result, types.CompletionList)
    return list(result.items)


@in_own_loop
async def test_completion_of_owner_offers_organisations(tmp_path: Path) -> None:
    async with example_session(tmp_path) as (client, root):
        border = root / "systems" / "border.yaml"
        position = _at(border, "owner: VRS", 7)
        text = border.read_text(encoding="utf-8").replace("owner: VRS", "owner: ", 1)
        items = await _complete(client, border, text, position)
        labels = {item.label for item in items}
        assert {"VRS", "VP", "PMLP", "IeM"} <= labels
        assert all((item.detail or "").startswith("organisation") for item in items)
        assert not labels & {"RKIS", "MID-WS", "eu.CIR"}  # systems are not owners
        vrs = next(item for item in items if item.label == "VRS")
        assert isinstance(vrs.text_edit, types.TextEdit) and vrs.text_edit.new_text == "VRS"


@in_own_loop
async def test_completion_of_satisfies_and_of_rules(tmp_path: Path) -> None:
    async with example_session(tmp_path) as (client, root):
        requirements = root / "requirements" / "cir-mid.yaml"
        position = _at(requirements, 'satisfies: ["2019/817 Art 20(1)"', 15)
        items = await _complete(client, requirements, requirements.read_text("utf-8"), position)
        art20 = next(item for item in items if item.label == "2019/817 Art 20(1)")
        assert art20.detail == "Access to the common identity repository for identification"
        assert isinstance(art20.text_edit, types.TextEdit)
        assert art20.text_edit.new_text == "2019/817 Art 20(1)"  # inside quotes already
        manifest = root / "archlex.yaml"
        position = _at(manifest, "disable: []", 10)
        items = await _complete(client, manifest, manifest.read_text("utf-8"), position)
        assert "obligation-untraced" in {item.label for item in items}
