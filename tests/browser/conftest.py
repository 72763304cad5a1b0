"""The browser tests' fixtures: Debian's chromium driven by Playwright, built sites served on
loopback over HTTP (mkdocs-material's search needs HTTP), and a crawler for the link check.

Everything they need is installed by scripts/browser-deps.sh. The only thing allowed to be
missing is chromium itself: then every browser test is skipped with that reason written out.
Playwright's own browser download is never used (it cannot work here, and CI has none).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Request,
    Response,
    sync_playwright,
)

from tests.conftest import CACHE_DIR, REPO
from tests.payload_model import write_payload_model

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path("/tmp/site-shots")

# As root, and on a machine whose only network is loopback and the package registries:
# without the background-networking flags Chromium keeps trying Google's hosts and logs
# every refused connection.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The XSS model: a system whose name and description are markup that would run if a page
# wrote them as HTML.
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_MANIFEST = """\
archlex: 1
name: XSS probe <script>window.__pwned=1</script>
include: ["*.yaml"]
uses: [eu]
"""
XSS_SYSTEMS = f"""\
systems:
  - id: XSS
    name: "{XSS_NAME}"
    kind: national
    description: "{XSS_SCRIPT}"
  - id: XSS-2
    name: "{XSS_SCRIPT}"
    kind: national
"""


def chromium_executable() -> str | None:
    """Debian's chromium, or None when it is not installed."""
    for candidate in (os.environ.get("ARCHLEX_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    """The chromium to drive; the browser tests are skipped, saying why, when there is none."""
    found = chromium_executable()
    if found is None:
        pytest.skip(
            "Debian's chromium is not installed (/usr/bin/chromium): run "
            "scripts/browser-deps.sh as root, or apt-get install chromium"
        )
    return found


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    """One headless chromium for the whole session."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Watched:
    """A page and what went wrong while it was open: failed requests, HTTP errors, dialogs."""

    page: Page
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def failed_request(request: Request) -> list[str]:
    """A request that failed, as a line to report; none for one cut short by the next
    navigation (`net::ERR_ABORTED`: the browser's own favicon fetch after the load event is
    not a broken file; every HTTP status is checked apart)."""
    if request.failure == "net::ERR_ABORTED":
        return []
    return [f"{request.failure} {request.url}"]


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    """A fresh page at desktop size that records failed requests, >= 400 responses and
    dialogs (a dialog is dismissed, so a script that opens one cannot hang the test)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    seen = Watched(page)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            seen.failed.append(f"{response.status} {response.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            seen.errors.append(message.text)

    page.on("requestfailed", lambda r: seen.failed.extend(failed_request(r)))
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))

    def on_dialog(dialog: Dialog) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        yield seen
    finally:
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No access log on the test's output."""


@dataclass(frozen=True)
class Served:
    """A built site and the loopback URL (ending in `/`) it is served at."""

    root: Path
    url: str

    def at(self, path: str) -> str:
        """The URL of a site-relative path."""
        return self.url + path.lstrip("/")


@contextmanager
def serve(root: Path) -> Iterator[Served]:
    """Serve a folder on 127.0.0.1 at a free port, in a thread, until the block ends."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def build(model: Path, out: Path, *options: str) -> Path:
    """Build a model's site with the real command, as a user or CI would."""
    env = {**os.environ, "NO_COLOR": "1", "ARCHLEX_CACHE_DIR": CACHE_DIR}
    command = [sys.executable, "-m", "archlex", "build", str(model), "--out", str(out), *options]
    done = subprocess.run(
        command,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,  # the example in both languages, on a loaded machine
        check=False,
    )
    assert done.returncode == 0, f"archlex build {model} failed:\n{done.stdout}\n{done.stderr}"
    assert (out / "index.html").is_file(), f"archlex build wrote no {out / 'index.html'}"
    return out


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The bundled example model's site, in English and (in lv/) Latvian, built once and
    served for the whole session."""
    out = build(REPO / "model", tmp_path_factory.mktemp("example-site") / "site")
    with serve(out) as served:
        yield served


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The site of a small model whose names are markup, built and served for the session."""
    folder = tmp_path_factory.mktemp("xss")
    model = folder / "model"
    model.mkdir()
    (model / "archlex.yaml").write_text(XSS_MANIFEST, encoding="utf-8")
    (model / "systems.yaml").write_text(XSS_SYSTEMS, encoding="utf-8")
    with serve(build(model, folder / "site", "--one-language")) as served:
        yield served


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The site of the payload model (tests/payload_model.py), built and served for the
    session: every text of it is a script, a link or markup that must stay text."""
    folder = tmp_path_factory.mktemp("payload")
    model = write_payload_model(folder / "model")
    with serve(build(model, folder / "site", "--one-language")) as served:
        yield served


class _Links(HTMLParser):
    """The href and src of every element of one HTML page, and what the page itself loads
    (src of any element, href of <link> but for rel=canonical)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
        if named.get("src"):
            self.loads.append(str(named["src"]))
        if tag == "link" and named.get("href") and named.get("rel") != "canonical":
            self.loads.append(str(named["href"]))


def crawl(start: str) -> tuple[set[str], list[str], set[str]]:
    """Every same-origin URL reachable from `start` by href or src (HTML pages are followed,
    other files only fetched): the URLs seen, `STATUS URL (linked from PAGE)` for each that
    answered with an error, and the resources a page loads from another origin."""
    origin = urlsplit(start).netloc
    seen: set[str] = {start}
    todo: list[tuple[str, str]] = [(start, "(start)")]
    broken: list[str] = []
    outside: set[str] = set()
    while todo:
        url, source = todo.pop()
        try:
            with urlopen(url, timeout=10) as answer:
                kind = answer.headers.get_content_type()
                body = answer.read() if kind == "text/html" else b""
        except HTTPError as error:
            broken.append(f"{error.code} {url} (linked from {source})")
            continue
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8", errors="replace"))
        for load in parser.loads:
            parts = urlsplit(urljoin(url, load))
            if parts.scheme not in ("data", "blob") and parts.netloc != origin:
                outside.add(parts.geturl())
        for link in parser.links:
            target = urldefrag(urljoin(url, link)).url
            parts = urlsplit(target)
            if parts.scheme in ("http", "https") and parts.netloc == origin and target not in seen:
                seen.add(target)
                todo.append((target, url))
    return seen, broken, outside
