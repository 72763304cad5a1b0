"""What `archlex serve` does between saves: watch the model, show each edit's pages at once,
then bring the whole site up to date in the background.

On a save the model is checked again (with the parse cache), the pages the edit touches are
written and served (archlex.site.preview), and every open page reloads. Then `archlex build`
runs as a child process into the same folder, at a lower priority: it draws the diagrams whose
DOT changed, writes the concept DOCX and the products' pages, and replaces the site whole
(archlex.toolkit.staging), so the served site ends byte for byte as `archlex build` makes it.
A new save stops that build first. An edit that adds or removes a page waits for the full
build. A model that does not validate keeps the last good site served.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from archlex.cli.options import parse_cache
from archlex.cli.serve_http import Reloads
from archlex.errors import ArchlexError
from archlex.files import OutputFolders
from archlex.toolkit.staging import restore_interrupted

if TYPE_CHECKING:
    from archlex.outcome import Report
    from archlex.site.preview import Preview

POLL_SECONDS = 0.2
WATCHED = ("*.yaml", "*.yml", "templates/**/*")


class Background:
    """`archlex build` of the whole site, running as a child process."""

    def __init__(self, command: list[str], report: Report, day: dt.date) -> None:
        self.report, self.day = report, day
        self.started = time.perf_counter()
        self.errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop)
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.errors
        )
        if hasattr(os, "setpriority"):  # the next edit's pages come first
            # Gone already, or not allowed: it runs at the normal priority.
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, self.process.pid, 10)

    def done(self) -> int | None:
        """Its exit code once it has ended."""
        return self.process.poll()

    def message(self) -> str:
        """The end of what it wrote on standard error."""
        self.errors.seek(0)
        return self.errors.read().decode("utf-8", "replace").strip()[-2000:]

    def stop(self) -> None:
        """End it and wait: the site stays as it was (at worst half-way through its swap,
        which `restore_interrupted` undoes)."""
        if self.process.poll() is None:
            # Not SIGINT: a child of a shell's background job ignores it.
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.errors.close()


class ServeSession:
    """The served site of one model: the preview of its pages and the build behind it."""

    def __init__(self, path: Path | None, root: Path, out: Path, console: Any) -> None:
        self.path, self.root, self.out, self.console = path, root, out, console
        self.work = Path(tempfile.mkdtemp(prefix="archlex-serve-"))
        self.project = self.work / "project"
        # Next to the site (one file system, so a page moves in with one rename); named as a
        # staging folder, so a later run deletes it if this one is killed.
        out_folder = out.resolve()
        self.scratch = out_folder.parent / f".{out_folder.name}.archlex-{os.getpid()}-serve"
        self.reloads = Reloads()
        self.preview: Preview | None = None
        self.background: Background | None = None
        self.seen = frozenset[tuple[str, int, int]]()  # the model's files as last built

    def start(self) -> bool:
        """Build the whole site once and open its preview; False if the model is broken."""
        from archlex.site.build import build_site

        day = dt.date.today()
        started = time.perf_counter()
        self.seen = model_state(self.root)  # before reading: a save during the build is seen
        try:
            with self.console.status("Building the site ..."):
                report = self._check(day)
                if report is None:
                    return False
                built = build_site(report, self.out, day, self.project, cache=self._cache())
        except ArchlexError as error:
            self._say(f"archlex: error: {error.message}")
            return False
        self._say(
            f"Built {built.pages} pages in {time.perf_counter() - started:.1f} s "
            f"({built.reused} unchanged, taken from the cache)."
        )
        self._open_preview(report, day)
        return True

    def watch(self) -> None:
        """Poll the model's files; show each change; follow the build in the background."""
        while True:
            time.sleep(POLL_SECONDS)
            if self.background is not None and self.background.done() is not None:
                self._finish_background()
            now = model_state(self.root)
            if now != self.seen:
                self.seen = now
                self.changed()

    def changed(self) -> None:
        """The model changed: its pages now, the rest of the site in the background."""
        self._settle_background()
        started = time.perf_counter()
        day = dt.date.today()
        report = self._check(day)
        if report is None:
            return
        pages = self._apply(report, day)
        if pages is not None:
            self.reloads.bump()
            self._say(
                f"Updated {len(pages)} pages in {time.perf_counter() - started:.2f} s; "
                "diagrams, the concept and the products follow."
            )
        else:
            self._say("The pages of the model changed; building the whole site ...")
        self._start_background(report, day)

    def _settle_background(self) -> None:
        """Stop the build behind the last edit; if it ended first, take its site."""
        if self.background is None:
            return
        if self.background.done() is None:
            self.background.stop()
            restore_interrupted(self.out)
            restore_interrupted(self.project)
        if self.background.done() == 0:
            self._finish_background()
        else:
            self.background.stop()
            self.background = None

    def close(self) -> None:
        """Stop the background build and remove the working folders."""
        if self.background is not None:
            self.background.stop()
            self.background = None
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.rmtree(self.scratch, ignore_errors=True)

    def _apply(self, report: Report, day: dt.date) -> list[str] | None:
        """The pages the edit changed, served; None when it needs the full build."""
        if self.preview is None or self.preview.as_of != day:
            return None
        try:
            return self.preview.apply(report)
        except Exception as error:  # a failed preview must not stop the server
            message = error.message if isinstance(error, ArchlexError) else repr(error)
            self._say(f"archlex: the edit's pages could not be written: {message}")
            self.preview = None  # the full build that follows shows the site
            return None

    def _start_background(self, report: Report, day: dt.date) -> None:
        """Run `archlex build` of the whole site, keeping its mkdocs project for the preview."""
        command = [sys.executable, "-m", "archlex", "build", str(self.root)]
        command += ["--out", str(self.out), "--project", str(self.project)]
        command += ["--as-of", day.isoformat(), "--one-language"]
        self.background = Background(command, report, day)

    def _finish_background(self) -> None:
        """The full build ended: serve it, and open the preview on it."""
        assert self.background is not None
        background, self.background = self.background, None
        code = background.done()
        if code != 0:
            self._say(f"The full build failed (exit code {code}): {background.message()}")
            background.stop()
            return
        background.stop()
        elapsed = time.perf_counter() - background.started
        self._open_preview(background.report, background.day)
        self.reloads.bump()
        self._say(f"Site complete in {elapsed:.1f} s: diagrams, concept and products up to date.")

    def _open_preview(self, report: Report, day: dt.date) -> None:
        """Open the preview of the site just built; without one, every edit builds in full."""
        from archlex.site.build import page_cache
        from archlex.site.preview import Preview

        try:
            cache = page_cache(self._cache(), self.root, self.out)
            self.preview = Preview.open(report, day, self.project, self.out, self.scratch, cache)
        except ArchlexError as error:
            self._say(f"archlex: the pages will be rebuilt in full on each edit: {error.message}")
            self.preview = None

    def _check(self, day: dt.date) -> Report | None:
        """The checked model; None (after printing why) when it does not validate."""
        from archlex.api import check_model

        try:
            report = check_model(
                self.path, Path.cwd(), today=day, cache=parse_cache(no_cache=False)
            )
        except ArchlexError as error:
            self._say(f"archlex: error: {error.message}")
            return None
        return None if print_blocking(report, self.console) else report

    def _cache(self) -> Path:
        from archlex.cache_folder import default_folder

        return default_folder()

    def _say(self, text: str) -> None:
        self.console.print(text, markup=False)


def model_state(root: Path) -> frozenset[tuple[str, int, int]]:
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


def print_blocking(report: Report, console: Any) -> bool:
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
