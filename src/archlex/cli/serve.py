"""`archlex serve`: build the site, serve it on localhost, and show each edit of the model."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from archlex.cli.options import PathArgument
from archlex.gc_pause import freeze_after_pauses

if TYPE_CHECKING:
    from archlex.cli.serve_session import ServeSession


def serve(
    path: PathArgument = None,
    port: Annotated[
        int,
        typer.Option(
            "--port", "-p", min=0, max=65535, help="Port on 127.0.0.1 (0: any free port)."
        ),
    ] = 8000,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where the site is built.")] = Path(
        "site"
    ),
) -> None:
    """Build the site, serve it on http://127.0.0.1:PORT/ and show every model change.

    Only this machine can reach it. On each save the pages the edit touches are written
    again within about a second and open pages reload; the diagrams, the concept and the
    products follow from a full build in the background. A model that stops validating
    keeps the last good site served and prints what is wrong. Stop with Ctrl+C.

    Example: archlex serve model/ --port 8000
    """
    from rich.console import Console

    from archlex.cli.serve_session import ServeSession
    from archlex.load.manifest import find_manifest  # the loader only when serving

    freeze_after_pauses(False)  # long-running: keep collecting what each rebuild drops
    signal.signal(signal.SIGTERM, _interrupt)  # stop as on Ctrl+C: the build behind stops too
    console = Console(highlight=False, soft_wrap=True)
    root = find_manifest(path, Path.cwd()).parent
    session = ServeSession(path, root, out, console)
    try:
        if not session.start():
            raise typer.Exit(1)
        _serve(session, out, port, console)
    except KeyboardInterrupt:
        console.print("Stopped.", markup=False)
    finally:
        session.close()


def _serve(session: ServeSession, out: Path, port: int, console: Any) -> None:
    """Serve the site and follow the model until interrupted."""
    from archlex.cli.serve_http import make_server

    server = make_server(out, port, session.reloads)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    console.print(f"Serving on {address} (Ctrl+C to stop)", markup=False)
    try:
        session.watch()
    finally:
        server.shutdown()


def _interrupt(signum: int, frame: Any) -> None:
    """SIGTERM: stop as Ctrl+C does."""
    raise KeyboardInterrupt
