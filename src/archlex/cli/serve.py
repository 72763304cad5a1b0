"""`archlex serve`: build the site, serve it on localhost, and rebuild when the model changes."""

from __future__ import annotations

import datetime as dt
import functools
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from archlex.cli.options import PathArgument, parse_cache
from archlex.errors import ArchlexError
from archlex.files import OutputFolders
from archlex.gc_pause import freeze_after_pauses

if TYPE_CHECKING:
    from archlex.outcome import Report

POLL_SECONDS = 1.0
WATCHED = ("*.yaml", "*.yml", "templates/**/*")


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
    """Build the site, serve it on http://127.0.0.1:PORT/ and rebuild it on every model change.

    Only this machine can reach it. A model that stops validating keeps the last good site
    served and prints what is wrong; fix the YAML and the site follows. Stop with Ctrl+C.

    Example: archlex serve model/ --port 8000
    """
    from rich.console import Console

    from archlex.load.manifest import find_manifest  # the loader only when serving

    freeze_after_pauses(False)  # long-running: keep collecting what each rebuild drops

    console = Console(highlight=False, soft_wrap=True)
    root = find_manifest(path, Path.cwd()).parent
    if not _rebuild(path, out, console):
        raise typer.Exit(1)
    # Imported here: the other commands (catalog above all) should not pay for it.
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class QuietHandler(SimpleHTTPRequestHandler):
        """Serves the site folder without logging every request to the terminal."""

        def log_message(self, format: str, *args: Any) -> None:
            return

    handler = functools.partial(QuietHandler, directory=str(out.resolve()))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    console.print(
        f"Serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C to stop)", markup=False
    )
    try:
        _watch(root, path, out, console)
    except KeyboardInterrupt:
        console.print("Stopped.")
    finally:
        server.shutdown()


def _watch(root: Path, path: Path | None, out: Path, console: Any) -> None:
    """Poll the model's files; rebuild when any of them is added, removed or changed."""
    seen = _state(root)
    while True:
        time.sleep(POLL_SECONDS)
        now = _state(root)
        if now != seen:
            seen = now
            console.print("Model changed; rebuilding ...", markup=False)
            _rebuild(path, out, console)


def _state(root: Path) -> frozenset[tuple[str, int, int]]:
    """Name, size and modification time of every file that makes the model."""
    files = {p for pattern in WATCHED for p in root.glob(pattern) if p.is_file()}
    files |= {p for p in root.rglob("*.yaml") if p.is_file()}
    outputs = OutputFolders(root)  # the site may be built inside the model's folder
    files = {p for p in files if not outputs.is_output(p)}
    state = set()
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            continue  # removed between the glob and the stat: the next poll sees it
        state.add((str(file), stat.st_size, stat.st_mtime_ns))
    return frozenset(state)


def _rebuild(path: Path | None, out: Path, console: Any) -> bool:
    """Check and build; on a broken model print why and keep the previous site."""
    from archlex.api import check_model
    from archlex.cache_folder import default_folder
    from archlex.site.build import build_site  # mkdocs is imported only here

    started = time.perf_counter()
    try:
        with console.status("Building the site ..."):
            report = check_model(path, Path.cwd(), cache=parse_cache(no_cache=False))
            if _print_blocking(report, console):
                return False
            built = build_site(report, out, dt.date.today(), cache=default_folder())
    except ArchlexError as error:
        console.print(f"archlex: error: {error.message}", markup=False)
        return False
    console.print(
        f"Built {built.pages} pages in {time.perf_counter() - started:.1f} s "
        f"({built.reused} unchanged, taken from the cache).",
        markup=False,
    )
    return True


def _print_blocking(report: Report, console: Any) -> bool:
    """Print the findings that stop a build (the model does not validate); True if any."""
    from archlex.formats.text import display_path, path_prefix

    broken = report.blocking
    prefix = path_prefix(report)
    for finding in broken:
        console.print(
            f"{display_path(finding.file, prefix)}:{finding.line}:{finding.column}: "
            f"error[{finding.rule}]: {finding.message}",
            markup=False,
        )
    if broken:
        console.print("The site was not rebuilt; the last good one is still served.", markup=False)
    return bool(broken)
