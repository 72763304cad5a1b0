"""mkdocs' build with a content-keyed cache of pages: a page whose Markdown, and the site around
it, are as in an earlier build is copied from the cache instead of rendered again.

The key of a page is its docs-relative path and Markdown, with the site's key: mkdocs.yml, the
theme overrides, the list of every file (links resolve against it), the versions of mkdocs,
mkdocs-material and Python-Markdown, and archlex's own code. What a page gives the rest of the
build is cached with its HTML: its search index entries, the anchors it has and the anchors it
links to (mkdocs checks those after every page is built), so the site, its search index and
its warnings are those of a full build. Pages with a listing (the tags page) depend on every
other page and are always rendered. Only a build without warnings stores its pages; each stored
build replaces the entries of the one before.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archlex.cache_folder import code_fingerprint, read_private, write_private

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

# A page with a listing lists every other page's tags: it is never taken from the cache.
LISTING = "<!-- material/tags"
_SEARCH = "material/search"


@dataclass(frozen=True)
class CachedPage:
    """A rendered page and what the rest of the build reads from it."""

    html: bytes
    search: list[dict[str, Any]]
    anchors: list[str]
    links: dict[str, dict[str, str]]  # docs-relative path -> anchor -> the link's URL

    def dump(self) -> bytes:
        """The entry as compressed JSON."""
        record = {
            "html": self.html.decode("utf-8"),
            "search": self.search,
            "anchors": self.anchors,
            "links": self.links,
        }
        # Not sorted: the search entries keep their keys' order, as in the index mkdocs writes
        # (which turns what JSON cannot hold into text, as `default=str` does here).
        return zlib.compress(json.dumps(record, default=str).encode("utf-8"), 1)

    @classmethod
    def load(cls, data: bytes) -> CachedPage:
        """An entry written by `dump`."""
        record = json.loads(zlib.decompress(data))
        return cls(
            record["html"].encode("utf-8"), record["search"], record["anchors"], record["links"]
        )


class PageCache:
    """The cached pages of one site, in a folder of `<key>.page` files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.site_key = ""
        self.hits = 0
        self._used: set[str] = set()

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """Compute the site's key from the configuration and the list of files."""
        digest = hashlib.sha256(code_fingerprint("site pages").encode())
        for package in ("mkdocs", "mkdocs-material", "markdown"):
            digest.update(f"{package}={version(package)};".encode())
        digest.update(Path(config.config_file_path).read_bytes())
        root = Path(config.config_file_path).parent
        for path in sorted((root / "overrides").rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
        digest.update("\n".join(sorted(files.src_uris)).encode("utf-8"))
        self.site_key = digest.hexdigest()

    def key(self, page: Page) -> str | None:
        """The page's key; None for a page that is always rendered."""
        source = page.file.content_bytes
        if LISTING.encode() in source:
            return None
        digest = hashlib.sha256(f"{self.site_key}\0{page.file.src_uri}\0".encode())
        digest.update(source)
        return digest.hexdigest()

    def get(self, key: str) -> CachedPage | None:
        """The cached page, if there is one (an unreadable entry counts as none)."""
        # Only a file the user alone could have written: a page goes into the site as it is.
        data = read_private(self.folder / f"{key}.page", self.folder)
        try:
            found = CachedPage.load(data) if data is not None else None
        except (ValueError, KeyError, zlib.error):
            found = None
        if found is None:
            return None
        self._used.add(key)
        self.hits += 1
        return found

    def store(self, fresh: dict[str, CachedPage]) -> None:
        """Keep the pages of this build, and drop the entries it did not use."""
        for key, entry in fresh.items():
            write_private(self.folder / f"{key}.page", entry.dump())
        keep = self._used | set(fresh)
        for path in self.folder.glob("*.page"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)


def restore(
    page: Page, cached: CachedPage, files: Files, config: MkDocsConfig, write: bool = True
) -> None:
    """Write a cached page (unless a worker wrote it already: `write` false) and give the
    build what rendering it would have given."""
    assert page.file.abs_dest_path is not None
    if write:
        destination = Path(page.file.abs_dest_path)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(cached.html)
    config.plugins[_SEARCH].search_index.entries.extend(cached.search)  # type: ignore[attr-defined]
    page.present_anchor_ids = set(cached.anchors)
    links: dict[File, dict[str, str]] = {}
    for uri, anchors in cached.links.items():
        target = files.get_file_from_path(uri)
        if target is not None:
            links[target] = anchors
    page.links_to_anchors = links


def search_entries(config: MkDocsConfig) -> list[dict[str, Any]]:
    """The search index's entries so far (a page adds its own when it is built)."""
    entries: list[dict[str, Any]] = config.plugins[_SEARCH].search_index.entries  # type: ignore[attr-defined]
    return entries


def captured(page: Page, search: list[dict[str, Any]], html: bool = True) -> CachedPage:
    """A page just built, as a cache entry (without its HTML unless `html`)."""
    assert page.file.abs_dest_path is not None
    links = {
        target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()
    }
    return CachedPage(
        Path(page.file.abs_dest_path).read_bytes() if html else b"",
        [dict(entry) for entry in search],
        sorted(page.present_anchor_ids or ()),
        links,
    )
