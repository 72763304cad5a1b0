"""Quick fixes over stdio: each edit, applied to the buffer, makes its finding go."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.client import (
    copy_example,
    in_own_loop,
    lsp_session,
    open_file,
    replace_text,
    wait_for,
)

UNTRACED = "obligation `eu.817-53` "


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """A buffer's text after the edits (ASCII text: columns are characters)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


async def _actions(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            diagnostic.range,
            types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert result is not None
    return [action for action in result if isinstance(action, types.CodeAction)]


def _only_edit(action: types.CodeAction) -> tuple[str, list[types.TextEdit]]:
    assert action.edit is not None and action.edit.changes is not None
    [(uri, edits)] = action.edit.changes.items()
    return uri, list(edits)


@in_own_loop
async def test_did_you_mean_replacement(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    path = root / "systems" / "border.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("    owner: VRS\n", "    owner: VRZ\n", 1)
    async with lsp_session(root) as client:
        uri = open_file(client, path, broken)
        found = await wait_for(client, uri, lambda f: any(d.code == "unknown-reference" for d in f))
        diagnostic = next(d for d in found if d.code == "unknown-reference")
        actions = await _actions(client, uri, diagnostic)
        replace = next(a for a in actions if a.title == "Replace with `VRS`")
        assert replace.kind == types.CodeActionKind.QuickFix and replace.is_preferred
        edited_uri, edits = _only_edit(replace)
        assert edited_uri == uri
        assert apply_edits(broken, edits) == text
        replace_text(client, uri, apply_edits(broken, edits), 2)
        await wait_for(client, uri, lambda f: not any(d.code == "unknown-reference" for d in f))


async def _untraced(client: LanguageClient, manifest: Path) -> tuple[str, types.Diagnostic]:
    uri = open_file(client, manifest)
    found = await wait_for(client, uri, lambda f: any(UNTRACED in d.message for d in f))
    return uri, next(d for d in found if UNTRACED in d.message)


@in_own_loop
async def test_waiver_with_expiry_hides_the_finding(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    manifest = root / "archlex.yaml"
    async with lsp_session(root) as client:
        uri, diagnostic = await _untraced(client, manifest)
        actions = await _actions(client, uri, diagnostic)
        waive = next(a for a in actions if a.title.startswith("Waive obligation-untraced"))
        assert waive.title == "Waive obligation-untraced for `eu.817-53` until 2027-03-03"
        edited_uri, edits = _only_edit(waive)
        assert edited_uri == uri
        edited = apply_edits(manifest.read_text(encoding="utf-8"), edits)
        assert "  - rule: obligation-untraced\n    target: eu.817-53\n" in edited
        assert "    expires: 2027-03-03\n" in edited
        replace_text(client, uri, edited, 2)
        await wait_for(client, uri, lambda f: not any(UNTRACED in d.message for d in f))
        assert not any(d.code == "schema" for d in client.diagnostics[uri])


@in_own_loop
async def test_requirement_stub_traces_the_obligation(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    manifest = root / "archlex.yaml"
    async with lsp_session(root) as client:
        uri, diagnostic = await _untraced(client, manifest)
        actions = await _actions(client, uri, diagnostic)
        stub = next(a for a in actions if a.title.startswith("Add requirement"))
        assert stub.title == "Add requirement REQ-817-53 that satisfies 2019/817 Art 53"
        file_uri, edits = _only_edit(stub)
        path = next(p for p in (root / "requirements").glob("*.yaml") if p.as_uri() == file_uri)
        edited = apply_edits(path.read_text(encoding="utf-8"), edits)
        assert '    satisfies: ["2019/817 Art 53"]\n    status: proposed\n' in edited
        open_file(client, path, edited)
        await wait_for(client, uri, lambda f: not any(UNTRACED in d.message for d in f))
        errors = [
            d
            for d in client.diagnostics.get(file_uri, [])
            if d.severity == types.DiagnosticSeverity.Error
        ]
        assert errors == []
