"""The pages of an mkdocs build rendered and written side by side in forked worker processes.

The main process has read every page and run the plugins' `on_env` (archlex.site.mkdocs_build);
each worker, forked from it, renders a share of the pages (Markdown, then the theme) exactly
as mkdocs' `_populate_page` and `_build_page` do, writes them, and sends back what the rest of
the build reads from them: the search entries, the anchors, the links, and every warning
logged (strict mode counts them in the main process). With one worker, or few pages, the
pages are rendered in the main process by the same code.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from archlex.site.page_cache import CachedPage, captured, search_entries
from archlex.site.page_markdown import PageMarkdown
from archlex.site.page_search import PageSearch
from archlex.site.page_shell import PageShells, write_page

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

WORKERS_VARIABLE = "ARCHLEX_BUILD_WORKERS"
_PER_TASK = 40  # pages a worker renders before it reports back (in the pages' order)
_FEWEST = 2 * _PER_TASK  # below this many pages, forking costs more than it saves (unless
# $ARCHLEX_BUILD_WORKERS asks for it)


@dataclass(frozen=True)
class Rendered:
    """A page a worker rendered: the cache entry (HTML only if asked) and its warnings."""

    page: CachedPage
    messages: list[tuple[str, int, str]]  # logger name, level, message


@dataclass(frozen=True)
class _Job:
    """What the workers inherit from the main process when they are forked."""

    config: MkDocsConfig
    files: Files
    pages: list[File]  # the documentation pages, listed once (a listing per page is O(files))
    nav: Navigation
    env: jinja2.Environment
    keep: frozenset[str]  # the pages whose HTML travels back (for the page cache)
    shells: PageShells  # the theme around the entity pages, made in each process
    markdown: PageMarkdown  # the Python-Markdown instance, made in each process


_JOB: _Job | None = None
_IN_WORKER = False  # set in the forked workers: their warnings travel back to be logged


def page_workers() -> int:
    """How many processes render pages: $ARCHLEX_BUILD_WORKERS, else one per core."""
    given = os.environ.get(WORKERS_VARIABLE, "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def render_pages(
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    env: jinja2.Environment,
    todo: list[str],
    workers: int,
    keep: set[str],
) -> dict[str, Rendered]:
    """Render and write the pages at the docs-relative paths `todo`; what each gave, by path."""
    global _JOB
    pages = list(files.documentation_pages())
    shells, markdown = PageShells(config), PageMarkdown(config)
    _JOB = _Job(config, files, pages, nav, env, frozenset(keep), shells, markdown)
    chunks = [todo[start : start + _PER_TASK] for start in range(0, len(todo), _PER_TASK)]
    try:
        with PageSearch(config, markdown.passed):
            few = len(todo) < _FEWEST and WORKERS_VARIABLE not in os.environ
            if workers < 2 or few or len(chunks) < 2:
                done = [_render_chunk(chunk) for chunk in chunks]
            else:
                # fork: the workers inherit the read pages, the navigation and the theme as they are
                context = multiprocessing.get_context("fork")
                with context.Pool(min(workers, len(chunks)), initializer=_in_worker) as pool:
                    done = list(pool.imap(_render_chunk, chunks))
    finally:
        _JOB = None
    return {uri: rendered for chunk in done for uri, rendered in chunk}


def _in_worker() -> None:
    """Mark the process as a worker, and let the main process alone handle a stop: the pool
    ends its workers with SIGTERM (which `serve`'s inherited handler would turn into a
    traceback each), and Ctrl+C reaches every process of the terminal's group."""
    global _IN_WORKER
    _IN_WORKER = True
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_chunk(uris: list[str]) -> list[tuple[str, Rendered]]:
    """Render and write the pages of one task."""
    assert _JOB is not None
    return [(uri, _render_one(_JOB, uri)) for uri in uris]


def _render_one(job: _Job, uri: str) -> Rendered:
    """Render one page as mkdocs does (its Markdown, then the theme) and write it."""
    file = job.files.get_file_from_path(uri)
    assert file is not None and file.page is not None
    page, config = file.page, job.config
    with _warnings() as messages:
        if page.content is None:  # a page with a listing was rendered in the main process
            _render_markdown(job, page)
        before = len(search_entries(config))
        write_page(page, config, job.pages, job.nav, job.env, job.shells)
        entry = captured(page, search_entries(config)[before:], html=uri in job.keep)
        del search_entries(config)[before:]  # a worker keeps no page's entries but for a while
    return Rendered(entry, messages)


def _render_markdown(job: _Job, page: Page) -> None:
    """Render the page's Markdown and run the plugins' `on_page_content`, as mkdocs does."""
    config = job.config
    config._current_page = page
    try:
        job.markdown.render(page, job.files)
        page.content = config.plugins.on_page_content(
            page.content or "", page=page, config=config, files=job.files
        )
    finally:
        config._current_page = None


@contextmanager
def _warnings() -> Iterator[list[tuple[str, int, str]]]:
    """Collect the warnings mkdocs logs in a worker, to be logged again in the main process
    (in the main process they are logged as they come)."""
    messages: list[tuple[str, int, str]] = []
    if not _IN_WORKER:
        yield messages
        return

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append((record.name, record.levelno, record.getMessage()))

    logger = logging.getLogger("mkdocs")
    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
