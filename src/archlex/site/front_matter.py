"""A page's front matter read without PyYAML where it is of the form archlex writes, as mkdocs'
`Page.read_source` reads it (mkdocs 1.6, `mkdocs.utils.meta.get_data`).

mkdocs loads every page's front matter with PyYAML's pure-Python safe loader: about a quarter of
the main process's reading of a 10k site's pages, before any worker starts. archlex writes a
page's front matter as `yaml_text` dumps it (archlex.site.markdown): keys of lower-case letters,
each a string of one line or a block sequence of such strings (`title`, `tags`, `hide`), every
string PyYAML's own choice of a plain or single-quoted scalar. `front_matter` reads that form
directly (archlex.toolkit.yaml_text `read_scalar`: only a scalar PyYAML itself writes so, and
so reads back as that string); anything else gives None and PyYAML reads it. The first pages
read in a process are read both ways and compared (archlex.site.trusted).
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from archlex.site.trusted import Trusted
from archlex.toolkit.yaml_text import read_scalar

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_KEY = re.compile(r"([a-z]+):(?: (.*))?")

log = logging.getLogger(__name__)


def front_matter(text: str) -> dict[str, Any] | None:
    """The mapping PyYAML's safe loader reads from front matter `text` (its lines, each ending
    with a line break) of the form archlex writes; None for any other."""
    data: dict[str, Any] = {}
    items: list[str] | None = None  # the sequence of the last key, if it has one
    for line in text.split("\n")[:-1]:
        if line.startswith("- "):
            item = read_scalar(line[2:])
            if items is None or item is None:
                return None
            items.append(item)
            continue
        if items == []:
            return None  # a key without a value or items is null
        match = _KEY.fullmatch(line)
        if match is None or match.group(1) in data or read_scalar(match.group(1)) is None:
            return None
        key, written = match.groups()
        value: list[str] | str | None = [] if written is None else read_scalar(written)
        if value is None:
            return None
        data[key] = value
        items = value if isinstance(value, list) else None
    return None if items == [] or not text.endswith("\n") else data


class FrontMatter:
    """Reads pages' sources as `Page.read_source` does, their front matter by `front_matter`
    where it can (per process)."""

    def __init__(self) -> None:
        self.trusted = Trusted()
        self.read = 0  # pages whose front matter was read here

    def read_source(self, page: Page, config: MkDocsConfig) -> None:
        """`page.read_source(config)` of mkdocs 1.6, its front matter read here if it can be."""
        from mkdocs.structure import pages
        from mkdocs.utils import meta

        source = config.plugins.on_page_read_source(page=page, config=config)
        if source is None:
            try:
                source = page.file.content_string
            except OSError:
                pages.log.error(f"File not found: {page.file.src_path}")
                raise
            except ValueError:
                pages.log.error(f"Encoding error reading file: {page.file.src_path}")
                raise
        found = meta.YAML_RE.match(source) if self.trusted.take() else None
        data = front_matter(found.group(1)) if found is not None else None
        if data is None:
            page.markdown, page.meta = meta.get_data(source)
            return
        markdown = source[found.end() :].lstrip("\n")  # type: ignore[union-attr]
        if self.trusted.checking:
            theirs = meta.get_data(source)
            if (markdown, list(data.items())) != (theirs[0], list(theirs[1].items())):
                self.trusted.disagreed()
                log.debug("front matter of %s differs from PyYAML's: not used", page.file)
                page.markdown, page.meta = theirs
                return
            self.trusted.agreed()
        page.markdown, page.meta = markdown, data
        self.read += 1
