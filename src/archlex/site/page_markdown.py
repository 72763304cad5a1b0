"""A page's Markdown rendered as mkdocs' `Page.render` does (mkdocs 1.6), with one
Python-Markdown instance per process, reset between pages, instead of one built per page.

Building the instance (loading the extensions, compiling their patterns) took about a fifth of
a small page's Markdown time. mkdocs' own per-page processors (anchors, relative links, the
title, raw HTML anchors) are made for each page and registered in place of the last page's, as
`Page.render` registers them on its new instance. With another mkdocs than 1.6 the page renders
itself; and the first pages in each process are rendered both ways and compared, the instance
dropped if any part differs. Large raw HTML blocks (a diagram's inline SVG) are kept out of the
conversion by stand-ins (archlex.site.raw_blocks); the first pages with stand-ins of each folder
are rendered both ways too, the folder's stand-ins dropped if any part differs.
"""

from __future__ import annotations

import importlib
import logging
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archlex.site.raw_blocks import StoodIn, stood_in

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
        # pages with stand-ins left to render both ways, by folder (-1: stand-ins not used)
        self.standin_checks: dict[str, int] = {}

    def render(self, page: Page, files: Files) -> None:
        """Render the page's Markdown into its content, table of contents, title and links."""
        if not self.enabled:
            page.render(self.config, files)
            return
        shape = posixpath.dirname(page.file.src_uri)
        stood = self._stood_in(page, shape)
        if self.checks > 0 or (stood is not None and self.standin_checks.get(shape, _CHECKS) > 0):
            self._checked(page, files, stood, shape)  # the page renders itself too
            return
        self._render(page, files, stood)

    def _stood_in(self, page: Page, shape: str) -> StoodIn | None:
        """The page's source with stand-ins for its large raw blocks, where the shape allows."""
        if page.markdown is None or self.standin_checks.get(shape) == -1:
            return None
        return stood_in(page.markdown, self._instance().is_block_level)

    def _checked(self, page: Page, files: Files, stood: StoodIn | None, shape: str) -> None:
        """Render the page both ways and keep what the page renders itself; a difference drops
        the folder's stand-ins (where the page had any), else the kept instance."""
        self._quietly(page, files, stood)
        ours = _Rendered.of(page)
        page.render(self.config, files)  # what the page keeps, its warnings logged once
        same = _Rendered.of(page) == ours
        if stood is not None:
            self.standin_checks[shape] = self.standin_checks.get(shape, _CHECKS) - 1 if same else -1
        if same:
            self.checks = max(self.checks - 1, 0)
        elif stood is None:
            logging.getLogger(__name__).debug("kept Markdown instance differs: not used")
            self.enabled = False
        else:
            logging.getLogger(__name__).debug("raw block stand-ins of %s/ differ: not used", shape)

    def _quietly(self, page: Page, files: Files, stood: StoodIn | None) -> None:
        """Render the page on the kept instance without logging its warnings."""
        from mkdocs.structure import pages

        pages.log.disabled = True
        try:
            self._render(page, files, stood)
        finally:
            pages.log.disabled = False

    def _render(self, page: Page, files: Files, stood: StoodIn | None) -> None:
        """`Page.render` of mkdocs 1.6, on the kept instance (with stand-ins, where they give
        the page as Python-Markdown gives it)."""
        from mkdocs.structure import pages
        from mkdocs.structure.toc import get_toc

        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._instance().reset()
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, self.config)
        anchors._register(md)
        relative = pages._RelativePathTreeprocessor(page.file, files, self.config)
        relative._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)
        content = md.convert(page.markdown if stood is None else stood.source)
        if stood is not None:
            restored = stood.restored(content, md.htmlStash.rawHtmlBlocks)
            if restored is None:
                self._render(page, files, None)
                return
            content = restored
            raw_html.present_anchor_ids |= stood.anchors
        page.content = content
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors

    def _instance(self) -> Any:
        """The kept Python-Markdown instance, made on first use."""
        if self.kept is None:
            config = self.config
            extensions, options = config["markdown_extensions"], config["mdx_configs"] or {}
            markdown = importlib.import_module("markdown")
            self.kept = markdown.Markdown(extensions=extensions, extension_configs=options)
        return self.kept
