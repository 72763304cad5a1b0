"""One mkdocs build kept open, so that `archlex serve` renders only the pages an edit changed.

`LiveSite.open` reads the mkdocs project a full build kept (its configuration, files,
navigation and every page's front matter and tags) and takes each page's search entries from
the page cache that build filled; `rebuild` writes the changed pages' Markdown, renders those
pages, the tags page (it lists every page's title) and the search index into a scratch folder
next to the served site, then moves each file into the site with one rename, so a reader
never sees half a file. The steps are mkdocs 1.6's own (`mkdocs.commands.build`), as in
archlex.site.mkdocs_build; the anchors are checked by the full build that follows.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archlex.errors import ArchlexError
from archlex.files import write_text_atomic
from archlex.site.build import mkdocs_messages
from archlex.site.page_cache import PageCache, search_entries
from archlex.site.pages import TAGS_PAGE

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_SEARCH = "material/search"


class LiveSite:
    """The mkdocs build of one kept project, open for pages to be rendered again."""

    def __init__(self, project: Path, scratch: Path, out: Path) -> None:
        self.docs = project / "docs"
        self.scratch = scratch
        self.out = out
        self.config: MkDocsConfig
        self.files: Files
        self.nav: Navigation
        self.env: Environment
        self.entries: dict[str, list[dict[str, Any]]] = {}  # each page's search entries

    @classmethod
    def open(cls, project: Path, scratch: Path, out: Path, cache: PageCache | None) -> LiveSite:
        """Read the project built into `out`; pages the cache lacks are rendered (into
        `scratch`, which is emptied) for their search entries."""
        live = cls(project, scratch, out)
        with _strict("open the site for serving"):
            uncached = live._read(cache)
            live.env = live.config.plugins.on_env(
                live.config.theme.get_env(), config=live.config, files=live.files
            )
            live._render(uncached)
        shutil.rmtree(scratch, ignore_errors=True)
        return live

    def _read(self, cache: PageCache | None) -> list[Page]:
        """Configuration, files, navigation, and every page's source; the pages whose search
        entries are not in the cache, read in full."""
        from mkdocs.config import load_config
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        config = load_config(
            str(self.docs.parent / "mkdocs.yml"), site_dir=str(self.scratch), strict=True
        )
        config.plugins.on_startup(command="build", dirty=False)
        self.config = config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        files.add_files_from_theme(config.theme.get_env(), config)
        self.files = files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        self.nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        if cache is not None:
            cache.start(config, files)
        pages = []
        for file in files.documentation_pages():
            if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]
                Page(None, file, config)
            assert file.page is not None
            pages.append(file.page)
        return [page for page in pages if not self._read_page(page, cache)]

    def _read_page(self, page: Page, cache: PageCache | None) -> bool:
        """Read a page: its source and tags with its search entries from the cache (True), or
        in full when the cache lacks them (False)."""
        from mkdocs.commands.build import _populate_page

        key = cache.key(page) if cache is not None else None
        found = cache.get(key) if cache is not None and key else None
        if found is None:
            _populate_page(page, self.config, self.files)
            return False
        self.entries[page.file.src_uri] = found.search
        page = self.config.plugins.on_pre_page(page, config=self.config, files=self.files)
        page.read_source(self.config)
        self.config.plugins.on_page_markdown(
            page.markdown or "", page=page, config=self.config, files=self.files
        )
        return True

    def _render(self, pages: list[Page]) -> None:
        """Build the pages into the scratch folder and keep their search entries."""
        from mkdocs.commands.build import _build_page

        documentation = self.files.documentation_pages()
        for page in pages:
            before = len(search_entries(self.config))
            _build_page(page, self.config, documentation, self.nav, self.env)
            self.entries[page.file.src_uri] = list(search_entries(self.config)[before:])

    def rebuild(self, markdown: Mapping[str, str]) -> list[str]:
        """Write these pages' Markdown (by docs-relative path), render them, the tags page and
        the search index, and move them into the site; the site files replaced."""
        from mkdocs.commands.build import _populate_page

        with _strict("render the changed pages"):
            pages = []
            for path, text in sorted(markdown.items()):
                if path == TAGS_PAGE:
                    continue  # the same text always, and rendered below
                write_text_atomic(self.docs / path, text)
                file = self.files.get_file_from_path(path)
                if file is None or file.page is None:
                    raise ArchlexError(f"serve: {path} is not a page of the site")
                _populate_page(file.page, self.config, self.files)
                pages.append(file.page)
            pages.append(self._tags_page())
            self._render(pages)
            self._write_search_index()
        return self._publish()

    def _tags_page(self) -> Page:
        """The tags page read again, its listing filled with every page's tags as they are now."""
        from mkdocs.commands.build import _populate_page

        tags = self.config.plugins["material/tags"]
        file = self.files.get_file_from_path(TAGS_PAGE)
        assert file is not None and file.page is not None
        tags.listings = type(tags.listings)(tags.config, tags.listings.depth)  # type: ignore[attr-defined]
        _populate_page(file.page, self.config, self.files)
        tags.on_env(self.env, config=self.config, files=self.files)
        return file.page

    def _write_search_index(self) -> None:
        """The search index of every page's entries, in the order a full build writes them."""
        index = self.config.plugins[_SEARCH].search_index  # type: ignore[attr-defined]
        index.entries = [
            entry
            for file in self.files.documentation_pages()
            for entry in self.entries.get(file.src_uri, ())
        ]
        self.config.plugins[_SEARCH].on_post_build(config=self.config)
        self.config.plugins["material/offline"].on_post_build(config=self.config)
        index.entries = []

    def _publish(self) -> list[str]:
        """Move every file of the scratch folder into the site, pages first, the search index
        last; the paths moved."""
        written = sorted(
            (
                p.relative_to(self.scratch).as_posix()
                for p in self.scratch.rglob("*")
                if p.is_file()
            ),
            key=lambda path: (path.startswith("search/"), path),
        )
        for path in written:
            target = self.out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            (self.scratch / path).replace(target)
        shutil.rmtree(self.scratch, ignore_errors=True)
        return written


@contextmanager
def _strict(action: str) -> Iterator[None]:
    """Turn mkdocs' warnings and errors into one `ArchlexError`, as a strict build does."""
    from mkdocs.exceptions import MkDocsException

    with mkdocs_messages() as messages:
        try:
            yield
        except (MkDocsException, OSError) as error:
            detail = "; ".join(messages) or str(error)
            raise ArchlexError(f"mkdocs could not {action}: {detail}") from error
    if messages:
        raise ArchlexError(f"mkdocs could not {action}: {'; '.join(messages)}")
