"""The language server: open buffers in, diagnostics out (debounced), and the features that
answer from the last check (hover, definition, references, completion, code actions)."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from archlex import __version__
from archlex.lsp.diagnostics import diagnostics_by_file, error_diagnostic
from archlex.lsp.files import Columns, path_of_uri, uri_of
from archlex.lsp.session import (
    ModelSession,
    Snapshot,
    find_manifest_for,
    is_library_manifest,
)

LABELS = {"checked": "archlex: checked and published in {seconds:.3f} s"}
DEBOUNCE = 0.2  # seconds of quiet typing before the model is checked again


class ArchlexServer(LanguageServer):
    """pygls' server plus the models open in the editor and their last checks."""

    def __init__(self) -> None:
        super().__init__("archlex", __version__)
        self.sessions: dict[Path, ModelSession] = {}
        self.debounce = DEBOUNCE
        self.rules_url: str | None = None
        self.today: dt.date | None = None
        self.columns = Columns()
        self._pending: dict[Path, asyncio.Task[None]] = {}
        self._published: dict[Path, dict[str, list[types.Diagnostic]]] = {}

    def configure(self, options: Any, root: Path | None) -> None:
        """Apply the client's `initializationOptions` and open the workspace's model, if any."""
        options = options if isinstance(options, dict) else {}
        self.debounce = float(options.get("debounce", DEBOUNCE))
        self.rules_url = options.get("rulesUrl") or default_rules_url()
        if options.get("today"):
            self.today = dt.date.fromisoformat(str(options["today"]))
        encoding = self.workspace.position_encoding or "utf-16"
        self.columns = Columns(getattr(encoding, "value", str(encoding)))
        if root is not None:
            for manifest in (root / "archlex.yaml", root / "model" / "archlex.yaml"):
                if manifest.is_file():
                    self.session_for_manifest(manifest.resolve())
                    break

    def session_for_manifest(self, manifest: Path) -> ModelSession:
        """The session of a model, created on first use."""
        if manifest not in self.sessions:
            self.sessions[manifest] = ModelSession(manifest, self.today)
        return self.sessions[manifest]

    def session_of(self, uri: str) -> ModelSession | None:
        """The model a document belongs to; a bundled library's file belongs to the open model."""
        path = path_of_uri(uri)
        manifest = find_manifest_for(path) if path else None
        if manifest is None:
            return None  # a YAML file of no model: the YAML language server's alone
        if is_library_manifest(manifest):
            return next(iter(self.sessions.values()), None)
        return self.session_for_manifest(manifest.resolve())

    def snapshot_of(self, uri: str) -> Snapshot | None:
        """The last check of the model a document belongs to."""
        session = self.session_of(uri)
        return session.snapshot if session else None

    def open_texts(self) -> dict[Path, str]:
        """Every open buffer's text, by resolved path."""
        texts: dict[Path, str] = {}
        for uri, document in self.workspace.text_documents.items():
            path = path_of_uri(uri)
            if path is not None:
                texts[path] = document.source
        return texts

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Check the document's model again once typing pauses (the last change wins)."""
        session = self.session_of(uri)
        if session is None:
            return
        pending = self._pending.get(session.manifest)
        if pending is not None and not pending.done():
            pending.cancel()
        wait = self.debounce if delay is None else delay
        self._pending[session.manifest] = asyncio.ensure_future(self._recheck(session, wait))

    async def _recheck(self, session: ModelSession, delay: float) -> None:
        await asyncio.sleep(delay)
        # Past the debounce, typing no longer cancels this check: its result is shown until
        # the next one's arrives.
        if self._pending.get(session.manifest) is asyncio.current_task():
            del self._pending[session.manifest]
        texts = self.open_texts()
        started = time.perf_counter()
        # In a thread: hover and completion keep answering from the last check meanwhile.
        snapshot = await asyncio.to_thread(session.check, texts)
        if snapshot is session.snapshot:  # a later check that finished first wins
            self.publish(session, snapshot)
            seconds = time.perf_counter() - started
            self.window_log_message(
                types.LogMessageParams(
                    types.MessageType.Log, LABELS["checked"].format(seconds=seconds)
                )
            )

    def publish(self, session: ModelSession, snapshot: Snapshot) -> None:
        """Send every file's diagnostics, and empty lists to files that no longer have any."""
        if snapshot.report is not None:
            grouped = diagnostics_by_file(
                snapshot.report.findings, snapshot.line, self.rules_url, self.columns
            )
        else:
            error = snapshot.error
            assert error is not None  # a snapshot has a report or an error
            file = error.file or session.manifest.name
            line = snapshot.line(file, error.line or 1)
            grouped = {file: [error_diagnostic(error, line, self.columns)]}
        by_uri = {uri_of(session.root, file): found for file, found in grouped.items()}
        sent = self._published.setdefault(session.manifest, {})
        for uri in sorted(sent.keys() - by_uri.keys()):
            self._send(uri, [])
            del sent[uri]
        # The open buffers first: that is where the user looks; unchanged lists are not sent.
        open_uris = set(self.workspace.text_documents)
        for uri in sorted(by_uri, key=lambda uri: (uri not in open_uris, uri)):
            if sent.get(uri) != by_uri[uri]:
                self._send(uri, by_uri[uri])
                sent[uri] = by_uri[uri]

    def _send(self, uri: str, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )


def default_rules_url() -> str | None:
    """The rules page of archlex's own docs in a source checkout, else no link."""
    import archlex

    rules = Path(archlex.__file__).resolve().parents[2] / "docs" / "rules.md"
    return rules.as_uri() if rules.is_file() else None
