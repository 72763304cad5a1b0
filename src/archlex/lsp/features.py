"""Registers every LSP feature on the server: the document lifecycle and the queries."""

from __future__ import annotations

from lsprotocol import types

from archlex.lsp.files import path_of_uri
from archlex.lsp.server import ArchlexServer


def create_server() -> ArchlexServer:
    """A server with every feature registered."""
    server = ArchlexServer()
    _lifecycle(server)
    return server


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


def serve() -> None:
    """Run the server on stdin and stdout until the client ends it."""
    create_server().start_io()
