"""mkdocs' own build, step by step as `mkdocs.commands.build.build` takes them (mkdocs 1.6),
with the pages rendered side by side in worker processes and taken from a `PageCache` where
their key matches.

mkdocs reads and renders every page, then writes every page through the theme. Here the main
process reads every page (front matter and the plugins' `page_markdown`, where the tags plugin
collects tags) and renders only the Markdown of the pages with a listing (the tags page: the
plugin fills its listing in `on_env`); every page is then written (the others rendered first)
by forked workers (archlex.site.mkdocs_workers), each returning what the rest of the build
reads from its pages (search entries, anchors, links, warnings), which the main process then
takes in the pages' order, so the site and its search index are those of mkdocs' own build.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from archlex.site.front_matter import FrontMatter
from archlex.site.mkdocs_workers import Rendered, render_pages
from archlex.site.page_cache import LISTING, CachedPage, PageCache, restore

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def build_cached(config: MkDocsConfig, cache: PageCache | None, workers: int = 1) -> None:
    """Build the site with `workers` processes; reuse the cached pages and store the ones
    rendered (strict: no warning)."""
    from mkdocs import utils
    from mkdocs.exceptions import Abort, BuildError

    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files, nav, keys, hits = _read_pages(config, cache)
        fresh = _write_site(config, files, nav, (keys, hits), workers)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            message = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {message} in strict mode!")
        if cache is not None:
            cache.store(fresh)
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            raise Abort("Aborted with a BuildError!") from error
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def _read_pages(
    config: MkDocsConfig, cache: PageCache | None
) -> tuple[Files, Navigation, dict[str, str], dict[str, CachedPage]]:
    """Files, navigation, and every page read as far as its front matter and the plugins'
    `page_markdown`, the pages with a listing rendered; the pages' cache keys and the pages
    found in the cache, by path."""
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    if cache is not None:
        cache.start(config, files)
    keys: dict[str, str] = {}
    hits: dict[str, CachedPage] = {}
    reader = FrontMatter()
    for file in files.documentation_pages():
        if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]
            Page(None, file, config)
        assert file.page is not None
        key = cache.key(file.page) if cache is not None else None
        if cache is not None and key:
            keys[file.src_uri] = key
            if cached := cache.get(key):
                hits[file.src_uri] = cached
        _read_one(file.page, config, files, reader)
    return files, nav, keys, hits


def _read_one(page: Page, config: MkDocsConfig, files: Files, reader: FrontMatter) -> None:
    """Read a page as mkdocs' `_populate_page` does (its front matter by `reader`); render it
    only if it has a listing."""
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        reader.read_source(page, config)
        listing = LISTING in (page.markdown or "")  # the source, not read from disk again
        page.markdown = config.plugins.on_page_markdown(
            page.markdown or "", page=page, config=config, files=files
        )
        if listing:
            page.render(config, files)
            page.content = config.plugins.on_page_content(
                page.content or "", page=page, config=config, files=files
            )
    finally:
        config._current_page = None


def _write_site(
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    cached: tuple[dict[str, str], dict[str, CachedPage]],
    workers: int,
) -> dict[str, CachedPage]:
    """Static files, theme templates and the pages; the pages rendered that have a cache key,
    by key (only those pages' HTML travels back from the workers)."""
    from mkdocs.commands.build import _build_extra_template, _build_theme_template

    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    files.copy_static_files()
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)
    pages = files.documentation_pages()
    keys, hits = cached
    todo = [f.src_uri for f in pages if f.src_uri not in hits and f.page is not None]
    rendered = render_pages(config, files, nav, env, todo, workers, set(keys))
    fresh: dict[str, CachedPage] = {}
    for file in pages:
        page = file.page
        assert page is not None
        if file.src_uri in hits:
            restore(page, hits[file.src_uri], files, config)
        else:
            _take(page, rendered[file.src_uri], files, config)
            if file.src_uri in keys:
                fresh[keys[file.src_uri]] = rendered[file.src_uri].page
    level = config.validation.links.anchors
    for file in pages:
        assert file.page is not None
        file.page.validate_anchor_links(files=files, log_level=level)
    return fresh


def _take(page: Page, done: Rendered, files: Files, config: MkDocsConfig) -> None:
    """Take a page a worker rendered and wrote: its warnings, search entries, anchors, links."""
    for name, level, message in done.messages:
        logging.getLogger(name).log(level, "%s", message)
    restore(page, done.page, files, config, write=False)
