"""Registers every LSP feature on the server: the document lifecycle and the queries."""

from __future__ import annotations

from lsprotocol import types

from archlex.lsp.actions import code_actions
from archlex.lsp.completion import completions
from archlex.lsp.files import path_of_uri
from archlex.lsp.hover import hover_markdown
from archlex.lsp.navigation import definition, references
from archlex.lsp.query import Target, target_at, word_range
from archlex.lsp.server import ArchlexServer
from archlex.lsp.session import Snapshot

TRIGGERS = [" ", "[", ",", '"', "-"]


def create_server() -> ArchlexServer:
    """A server with every feature registered."""
    server = ArchlexServer()
    _lifecycle(server)
    _queries(server)
    _completion(server)
    _actions(server)
    return server


def _lines(ls: ArchlexServer, uri: str) -> list[str]:
    # split, not splitlines: the empty line after the last newline is where one types next.
    return [line.rstrip("\r") for line in ls.workspace.get_text_document(uri).source.split("\n")]


def _target(
    ls: ArchlexServer, uri: str, position: types.Position
) -> tuple[Snapshot, Target] | None:
    """The last check of the document's model and what the cursor is on, if anything."""
    snapshot = ls.snapshot_of(uri)
    if snapshot is None or snapshot.report is None:
        return None
    target = target_at(snapshot.report.model, _lines(ls, uri), position, ls.columns)
    return (snapshot, target) if target else None


def _queries(server: ArchlexServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArchlexServer, params: types.HoverParams) -> types.Hover | None:
        found = _target(ls, params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, target = found
        text = hover_markdown(snapshot, target)
        if text is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=word_range(target, _lines(ls, params.text_document.uri), ls.columns),
        )

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def goto_definition(ls: ArchlexServer, params: types.DefinitionParams) -> types.Location | None:
        found = _target(ls, params.text_document.uri, params.position)
        return definition(found[0], found[1], ls.columns) if found else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def find_references(
        ls: ArchlexServer, params: types.ReferenceParams
    ) -> list[types.Location] | None:
        found = _target(ls, params.text_document.uri, params.position)
        if found is None:
            return None
        declaration = params.context.include_declaration
        return references(found[0], found[1], declaration, ls.columns)


def _completion(server: ArchlexServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS)
    )
    def complete(ls: ArchlexServer, params: types.CompletionParams) -> types.CompletionList:
        snapshot = ls.snapshot_of(params.text_document.uri)
        items = (
            completions(snapshot, _lines(ls, params.text_document.uri), params.position, ls.columns)
            if snapshot
            else []
        )
        return types.CompletionList(is_incomplete=False, items=items)


def _lifecycle(server: ArchlexServer) -> None:
    @server.feature(types.INITIALIZE)
    def initialize(ls: ArchlexServer, params: types.InitializeParams) -> None:
        root = path_of_uri(ls.workspace.root_uri) if ls.workspace.root_uri else None
        ls.configure(params.initialization_options, root)

    @server.feature(types.INITIALIZED)
    def initialized(ls: ArchlexServer, params: types.InitializedParams) -> None:
        for session in ls.sessions.values():
            ls.schedule(session.manifest.as_uri(), 0)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArchlexServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArchlexServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArchlexServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArchlexServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)


def _actions(server: ArchlexServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def quick_fixes(ls: ArchlexServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        snapshot = ls.snapshot_of(params.text_document.uri)
        if snapshot is None:
            return []
        diagnostics = list(params.context.diagnostics)
        return code_actions(snapshot, params.text_document.uri, diagnostics)


def serve() -> None:
    """Run the server on stdin and stdout until the client ends it."""
    create_server().start_io()
