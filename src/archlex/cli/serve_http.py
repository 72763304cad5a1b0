"""The web server of `archlex serve`: the site folder on 127.0.0.1, every page reloading itself
when the site changes.

Each HTML page is served with a small script that asks `/.archlex/reload?v=N` whether the site
has changed since version N; the server holds the question until it has (or 25 s pass), so an
open page reloads as soon as an edit is served. The script is added while serving: the files
on disk stay those `archlex build` writes. Nothing is cached by the browser.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

RELOAD = "/.archlex/reload"
WAIT_SECONDS = 25.0
# Reload when the version differs from the page's; after a failed question, ask again later.
_SCRIPT = (
    '<script>(function(){{var v="{version}";function ask(){{fetch("{path}?v="+v,'
    '{{cache:"no-store"}}).then(function(r){{return r.text()}}).then(function(t){{'
    "if(t!==v){{location.reload()}}else{{ask()}}}}).catch(function(){{setTimeout(ask,2000)}})}}"
    "ask()}})()</script>"
)


class Reloads:
    """The served site's version, raised on every change, and the pages waiting for it."""

    def __init__(self) -> None:
        self.version = 0
        self._changed = threading.Condition()

    def bump(self) -> None:
        """The site changed: wake every page waiting."""
        with self._changed:
            self.version += 1
            self._changed.notify_all()

    def wait(self, seen: str, timeout: float) -> int:
        """The version, once it is other than `seen` or after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: str(self.version) != seen, timeout)
            return self.version


def live_page(html: bytes, version: int) -> bytes:
    """The page with the reload script before its closing body tag."""
    script = _SCRIPT.format(version=version, path=RELOAD).encode()
    head, found, tail = html.rpartition(b"</body>")
    return head + script + found + tail if found else html + script


class LiveHandler(SimpleHTTPRequestHandler):
    """The site's files, its pages with the reload script, and the reload question."""

    site = Path()  # set by `make_server`, as is `reloads`
    reloads = Reloads()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(self.site), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        return  # not every request on the terminal

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == RELOAD:
            seen = urllib.parse.parse_qs(url.query).get("v", [""])[0]
            self._send(str(self.reloads.wait(seen, WAIT_SECONDS)).encode(), "text/plain")
            return
        _wait_for_folder(self.site)
        file = Path(self.translate_path(self.path))
        if url.path.endswith("/"):
            file /= "index.html"
        if not (file.suffix == ".html" and self._send_page(file)):
            super().do_GET()

    def _send_page(self, file: Path) -> bool:
        """Send a page with the reload script; False when there is no such page."""
        version = self.reloads.version  # before reading: a page never claims a later version
        try:
            page = file.read_bytes()
        except OSError:
            return False  # missing, or gone in a swap: answered as any missing file
        self._send(live_page(page, version), "text/html; charset=utf-8")
        return True

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def make_server(folder: Path, port: int, reloads: Reloads) -> ThreadingHTTPServer:
    """A server of `folder` on 127.0.0.1:`port` (0: any free port), not yet started."""
    handler = type("Handler", (LiveHandler,), {"site": folder.resolve(), "reloads": reloads})
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def _wait_for_folder(folder: Path) -> None:
    """Give a full build's swap of the site folder (two renames) a moment to finish."""
    for _ in range(20):
        if folder.is_dir():
            return
        time.sleep(0.05)
