"""mkdocs' `path_to_url` for the links between pages that archlex writes (`../systems/X.md`,
`X.md#anchor`), the target and its relative address looked up once per folder and path.

mkdocs 1.6 resolves every link of every page again: it splits the URL, guesses the target,
finds its file and makes its address relative (about a third of a converted entity page's
time). For a plain relative link to a Markdown file that exists and is not excluded, the
answer depends only on the page's folder and the link's path, so it is kept; anything else
(another scheme, a query, `%`, an absolute path, a missing or excluded target, an excluded page)
goes to mkdocs' own `path_to_url`, with its warnings.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.structure.files import File

_PLAIN = re.compile(r"(?![/\\])([^:?#%\\\s]+\.md)(?:#([^#?\s]+))?")


class PageLinks:
    """The links of one build's pages, made relative as mkdocs does (per process)."""

    def __init__(self) -> None:
        # (page's source folder, page's address folder, link's path) -> (target, address)
        self.known: dict[tuple[str, str, str], tuple[File, str]] = {}

    def link(self, relative: Any, url: str) -> str:
        """`relative.path_to_url(url)` (an mkdocs `_RelativePathTreeprocessor` of the page)."""
        from mkdocs.utils import get_relative_url

        plain = _PLAIN.fullmatch(url)
        page = relative.file
        if plain is None or page.inclusion.is_excluded():
            return str(relative.path_to_url(url))
        path, anchor = plain.groups()
        folder, _, name = page.url.rpartition("/")
        key = (posixpath.dirname(page.src_uri), folder if "." in name else page.url, path)
        known = self.known.get(key)
        if known is None:
            target = relative.files.get_file_from_path(relative._target_uri(page.src_uri, path))
            if target is None or target.inclusion.is_excluded():
                return str(relative.path_to_url(url))
            known = self.known[key] = (target, get_relative_url(target.url, page.url))
        target, address = known
        if anchor is None:
            return address
        relative.links_to_anchors.setdefault(target, {}).setdefault(anchor, url)
        return f"{address}#{anchor}"
