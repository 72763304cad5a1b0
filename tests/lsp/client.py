"""A real LSP client (pytest-lsp's, on pygls) talking to `archlex lsp` over stdio."""

from __future__ import annotations

import asyncio
import functools
import os
import shutil
import sys
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

from tests.conftest import CACHE_DIR, EXAMPLE

TODAY = "2026-12-03"  # the date waivers and deadlines are judged against, in tests and CLI
TIMEOUT = 60.0


def in_own_loop(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in a thread of its own with its own event loop: the session's
    Playwright browser (tests/browser) keeps a loop running in the main thread, where
    pytest-asyncio could not start one."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, test(*args, **kwargs)).result()

    return run


def server_command() -> list[str]:
    """`archlex lsp` from this venv, as an editor would start it."""
    script = Path(sys.executable).parent / "archlex"
    return [str(script), "lsp"] if script.is_file() else [sys.executable, "-m", "archlex", "lsp"]


def copy_example(tmp_path: Path) -> Path:
    """The worked example, without the bundled library (it is found as `uses: [eu]`)."""
    root = tmp_path / "model"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("eu"))
    return root


@asynccontextmanager
async def lsp_session(
    root: Path, options: dict[str, Any] | None = None, encoding: str | None = None
) -> AsyncIterator[LanguageClient]:
    """A client with an initialised session on the model folder `root`; VS Code's
    capabilities, but the position `encoding` offered first if given."""
    capabilities = client_capabilities("visual-studio-code")
    if encoding is not None:
        capabilities.general = types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind(encoding)]
        )
    client = make_test_lsp_client()
    env = {**os.environ, "ARCHLEX_CACHE_DIR": CACHE_DIR}
    await client.start_io(*server_command(), env=env)
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities,
                root_uri=root.as_uri(),
                initialization_options={"debounce": 0.05, "today": TODAY, **(options or {})},
            )
        )
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()  # type: ignore[no-untyped-call]  # pytest-lsp leaves it untyped


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open a file in the client (its disk text unless given); its URI."""
    uri = path.resolve().as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri, "yaml", 1, text if text is not None else path.read_text(encoding="utf-8")
            )
        )
    )
    return uri


def replace_text(client: LanguageClient, uri: str, text: str, version: int) -> None:
    """Replace a buffer's whole text, unsaved."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def wait_for(
    client: LanguageClient, uri: str, ok: Callable[[Sequence[types.Diagnostic]], bool]
) -> Sequence[types.Diagnostic]:
    """The diagnostics of `uri` once `ok` holds for them; fails after TIMEOUT seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while loop.time() < deadline:
        found = client.diagnostics.get(uri)
        if found is not None and ok(found):
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"diagnostics of {uri} never as expected: {client.diagnostics.get(uri)}")
