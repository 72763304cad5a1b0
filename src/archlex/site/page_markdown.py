"""A page's Markdown rendered as mkdocs' `Page.render` does (mkdocs 1.6), with one
Python-Markdown instance per process, reset between pages, instead of one built per page.

Building the instance (loading the extensions, compiling their patterns) took about a fifth of
a small page's Markdown time. mkdocs' own per-page processors (anchors, relative links, the
title, raw HTML anchors) are made for each page and registered in place of the last page's, as
`Page.render` registers them on its new instance. With another mkdocs than 1.6 the page renders
itself; and the first pages in each process are rendered both ways and compared, the instance
dropped if any part differs.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_CHECKS = 2  # pages rendered both ways in a process before the kept instance is trusted


@dataclass(frozen=True)
class _Rendered:
    """What rendering gives a page."""

    content: str
    toc: str
    title: str | None
    anchors: frozenset[str]
    links: Any

    @classmethod
    def of(cls, page: Page) -> _Rendered:
        """The page's rendered parts, as they are now."""
        return cls(
            page.content or "",
            str(page.toc),
            page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            page.links_to_anchors,
        )


class PageMarkdown:
    """Renders pages' Markdown with one kept Python-Markdown instance."""

    def __init__(self, config: MkDocsConfig) -> None:
        import mkdocs

        self.config = config
        self.kept: Any = None  # a markdown.Markdown (Python-Markdown has no type hints)
        self.enabled = mkdocs.__version__.startswith("1.6.")
        self.checks = _CHECKS

    def render(self, page: Page, files: Files) -> None:
        """Render the page's Markdown into its content, table of contents, title and links."""
        if not self.enabled:
            page.render(self.config, files)
            return
        if self.checks > 0:  # the page renders itself too; the instance is kept if it agrees
            self.checks -= 1
            self._quietly(page, files)
            ours = _Rendered.of(page)
            page.render(self.config, files)  # what the page keeps, its warnings logged once
            if _Rendered.of(page) != ours:
                logging.getLogger(__name__).debug("kept Markdown instance differs: not used")
                self.enabled = False
            return
        self._render(page, files)

    def _quietly(self, page: Page, files: Files) -> None:
        """Render the page on the kept instance without logging its warnings."""
        from mkdocs.structure import pages

        pages.log.disabled = True
        try:
            self._render(page, files)
        finally:
            pages.log.disabled = False

    def _render(self, page: Page, files: Files) -> None:
        """`Page.render` of mkdocs 1.6, on the kept instance."""
        from mkdocs.structure import pages
        from mkdocs.structure.toc import get_toc

        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.kept is None:
            config = self.config
            extensions, options = config["markdown_extensions"], config["mdx_configs"] or {}
            markdown = importlib.import_module("markdown")
            self.kept = markdown.Markdown(extensions=extensions, extension_configs=options)
        md = self.kept.reset()
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, self.config)
        anchors._register(md)
        relative = pages._RelativePathTreeprocessor(page.file, files, self.config)
        relative._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors
