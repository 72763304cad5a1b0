"""mkdocs' own build, step by step as `mkdocs.commands.build.build` takes them, with pages
taken from a `PageCache` where their key matches (mkdocs 1.6)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from archlex.site.page_cache import CachedPage, PageCache, captured, restore, search_entries

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation


def build_cached(config: MkDocsConfig, cache: PageCache) -> None:
    """Build the site; reuse the cached pages and store the ones rendered (strict: no warning)."""
    from mkdocs import utils
    from mkdocs.exceptions import Abort, BuildError

    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files, nav, hits = _read_pages(config, cache)
        fresh = _write_site(config, files, nav, hits, cache)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            message = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {message} in strict mode!")
        cache.store(fresh)
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            raise Abort("Aborted with a BuildError!") from error
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def _read_pages(
    config: MkDocsConfig, cache: PageCache
) -> tuple[Files, Navigation, dict[str, tuple[str, CachedPage]]]:
    """Files, navigation, and every page read: the cached ones only as far as their front
    matter and the plugins' `page_markdown` (the tags plugin collects tags there)."""
    from mkdocs.commands.build import _populate_page
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    cache.start(config, files)
    hits: dict[str, tuple[str, CachedPage]] = {}
    for file in files.documentation_pages():
        if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]
            Page(None, file, config)
        assert file.page is not None
        key = cache.key(file.page)
        cached = cache.get(key) if key else None
        if key and cached:
            hits[file.src_uri] = (key, cached)
            page = config.plugins.on_pre_page(file.page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(
                page.markdown or "", page=page, config=config, files=files
            )
        else:
            _populate_page(file.page, config, files)
    return files, nav, hits


def _write_site(
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    hits: dict[str, tuple[str, CachedPage]],
    cache: PageCache,
) -> dict[str, CachedPage]:
    """Static files, theme templates and the pages; the pages rendered, by key."""
    from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template

    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    files.copy_static_files()
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)
    pages = files.documentation_pages()
    fresh: dict[str, CachedPage] = {}
    for file in pages:
        assert file.page is not None
        if file.src_uri in hits:
            restore(file.page, hits[file.src_uri][1], files, config)
            continue
        before = len(search_entries(config))
        _build_page(file.page, config, pages, nav, env)
        key = cache.key(file.page)
        if key:
            fresh[key] = captured(file.page, search_entries(config)[before:])
    level = config.validation.links.anchors
    for file in pages:
        assert file.page is not None
        file.page.validate_anchor_links(files=files, log_level=level)
    return fresh
