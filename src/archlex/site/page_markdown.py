"""A page's Markdown rendered as mkdocs' `Page.render` does (mkdocs 1.6), with one
Python-Markdown instance per process, reset between pages, instead of one built per page.

Building the instance (loading the extensions, compiling their patterns) took about a fifth of
a small page's Markdown time. mkdocs' own per-page processors (anchors, relative links, the
title, raw HTML anchors) are made for each page and registered in place of the last page's, as
`Page.render` registers them on its new instance. With another mkdocs than 1.6 the page renders
itself; and the first pages in each process are rendered both ways and compared, the instance
dropped if any part differs. Large raw HTML blocks (a diagram's inline SVG) are kept out of the
conversion by stand-ins (archlex.site.raw_blocks); the first pages with stand-ins of each folder
are rendered both ways too, the folder's stand-ins dropped if any part differs; so are the first
pages that take the simple inline step (archlex.site.page_inline), in any folder. A page of the
small part of Markdown archlex's entity pages use is made into HTML without Python-Markdown
(archlex.site.page_blocks), checked the same way on the first pages of each folder (and
apart, on the first pages of each folder with raw HTML blocks it passes through).
"""

from __future__ import annotations

import importlib
import logging
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from archlex.site.page_blocks import BlockConverter, converter_for
from archlex.site.page_inline import FastInline
from archlex.site.page_links import PageLinks
from archlex.site.raw_blocks import PassedBlock, stood_in
from archlex.site.trusted import Trusted

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


# A page larger than this (characters of Markdown) is not converted while the converter is
# still checked on its folder: the check renders it both ways, which for the concept page (2 MB
# at 10k, in a folder of its own) took twice its time the old way.
CHECKED_LARGEST = 300_000


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
    """Renders pages' Markdown with one kept Python-Markdown instance, or the block converter."""

    def __init__(self, config: MkDocsConfig) -> None:
        import mkdocs

        self.config = config
        self.kept: Any = None  # a markdown.Markdown (Python-Markdown has no type hints)
        self.inline: FastInline | None = None  # the kept instance's inline step
        self.converter: BlockConverter | None = None  # where the instance is the usual one
        self.enabled = mkdocs.__version__.startswith("1.6.")
        self.trusted = Trusted()  # the kept instance
        self.simple = Trusted()  # the simple inline step
        self.stand_ins: dict[str, Trusted] = {}  # the raw block stand-ins, by folder
        self.blocks: dict[str, Trusted] = {}  # the block converter, by folder
        self.converted = 0  # pages the block converter made
        self.links = PageLinks()  # the converted pages' links
        # the raw blocks of the converted pages, by page, for their search entries (taken by
        # archlex.site.page_search once the page is written)
        self.passed: dict[str, tuple[PassedBlock, ...]] = {}

    def render(self, page: Page, files: Files) -> None:
        """Render the page's Markdown into its content, table of contents, title and links."""
        if not self.enabled or not self.trusted.take():
            page.render(self.config, files)
            return
        folder = posixpath.dirname(page.file.src_uri)
        with _held() as warnings:
            used = self._render(page, files, folder, warnings)
        if not any(way.checking for way in used):
            _log(warnings)
            return
        checked = [(used, _Rendered.of(page))]  # the page renders itself too, and keeps that
        if self.trusted not in used and (self.trusted.checking or self.simple.checking):
            with _held():  # a small page: check the kept instance and its inline step on it
                kept = self._kept(page, files, folder)  # too, not on the first large page
            checked.append((kept, _Rendered.of(page)))
        page.render(self.config, files)
        theirs = _Rendered.of(page)
        for ways, ours in checked:
            _judge(ways, ours == theirs, self.trusted, page)

    def _render(
        self, page: Page, files: Files, folder: str, warnings: list[logging.LogRecord]
    ) -> list[Trusted]:
        """Render the page the fastest way it may take; the ways it took."""
        self._instance()
        # pages with raw HTML blocks are checked apart from the folder's others
        raw = page.markdown is not None and "<" in page.markdown
        blocks = self.blocks.setdefault(f"{folder} <raw>" if raw else folder, Trusted())
        held = len(warnings)
        large = blocks.checking and len(page.markdown or "") > CHECKED_LARGEST
        if (
            self.converter is not None
            and blocks.take()
            and not large
            and self._convert(page, files)
        ):
            self.converted += 1
            return [blocks]
        del warnings[held:]  # what the converter logged before it gave up
        return self._kept(page, files, folder)

    def _kept(self, page: Page, files: Files, folder: str) -> list[Trusted]:
        """Render the page with the kept instance; the ways it took."""
        raw = self.stand_ins.setdefault(folder, Trusted())
        stood, inlined = self._markdown(page, files, raw.take(), self.simple.take())
        taken = [way for way, used in ((raw, stood), (self.simple, inlined)) if used]
        return [self.trusted, *taken]

    def _convert(self, page: Page, files: Files) -> bool:
        """`Page.render` of mkdocs 1.6 by the block converter; whether the page was of its
        subset (else nothing is set)."""
        from mkdocs.structure import pages
        from mkdocs.structure.toc import get_toc

        assert self.converter is not None
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        relative = pages._RelativePathTreeprocessor(page.file, files, self.config)
        converted = self.converter.convert(page.markdown, partial(self.links.link, relative))
        if converted is None:
            return False
        page.content = converted.content
        page.toc = get_toc(converted.tokens)  # type: ignore[arg-type]
        page._title_from_render = converted.title
        page.present_anchor_ids = converted.anchors
        if converted.blocks:
            self.passed[page.file.src_uri] = converted.blocks
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors
        return True

    def _markdown(self, page: Page, files: Files, raw: bool, inline: bool) -> tuple[bool, bool]:
        """`Page.render` of mkdocs 1.6, on the kept instance, raw blocks stood in for where
        `raw`, the simple inline step where `inline`; whether each was taken."""
        from mkdocs.structure import pages
        from mkdocs.structure.toc import get_toc

        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._instance().reset()
        stood = stood_in(page.markdown, md.is_block_level) if raw else None
        if self.inline is not None:
            self.inline.enabled = inline
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
                return self._markdown(page, files, False, inline)
            content = restored
            raw_html.present_anchor_ids |= stood.anchors
        page.content = content
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors
        return stood is not None, self.inline is not None and self.inline.used

    def _instance(self) -> Any:
        """The kept Python-Markdown instance, made on first use, its inline step the simple
        one where its inline patterns are Python-Markdown's own, the block converter where its
        processors are those of archlex's extensions as archlex configures them."""
        if self.kept is None:
            config = self.config
            extensions, options = config["markdown_extensions"], config["mdx_configs"] or {}
            markdown = importlib.import_module("markdown")
            self.kept = markdown.Markdown(extensions=extensions, extension_configs=options)
            self.converter = converter_for(self.kept)  # before the inline step is replaced
            own = [type(pattern) for pattern in markdown.Markdown().inlinePatterns]
            if [type(pattern) for pattern in self.kept.inlinePatterns] == own:
                self.inline = FastInline(self.kept.treeprocessors["inline"])
                self.kept.treeprocessors.register(self.inline, "inline", 20)
        return self.kept


def _judge(ways: list[Trusted], same: bool, kept: Trusted, page: Page) -> None:
    """Count a checked page for the ways it took; where it differed, the fast ways it took are
    not taken again (the kept instance, if it took none)."""
    if same:
        for way in ways:
            way.agreed()
        return
    blamed = [way for way in ways if way is not kept] or [kept]
    for way in blamed:
        way.disagreed()
    logging.getLogger(__name__).debug("Markdown of %s differs: %s not used", page, blamed)


@contextmanager
def _held() -> Iterator[list[logging.LogRecord]]:
    """Hold back what mkdocs logs while a page renders (logged by `_log` unless the page is
    rendered again to be checked, which logs it then)."""
    from mkdocs.structure import pages

    held: list[logging.LogRecord] = []

    class Hold(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            held.append(record)

    handler, propagate = Hold(), pages.log.propagate
    pages.log.addHandler(handler)
    pages.log.propagate = False
    try:
        yield held
    finally:
        pages.log.removeHandler(handler)
        pages.log.propagate = propagate


def _log(records: list[logging.LogRecord]) -> None:
    """Log the records held back."""
    for record in records:
        logging.getLogger(record.name).handle(record)
