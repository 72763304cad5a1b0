"""Which generated pages an edit of the model touches, for `archlex serve`.

A page shows the entities it links to: a page's links (Markdown links, and the `href`s of the
diagrams embedded in it) are read from its Markdown, and an edit that changes an entity
touches that entity's page, every page that links to it, and the pages its own page linked
to before and after the edit (a flow moved to another system shows on both systems' pages).
An edit that adds or removes a page, or changes the manifest, is structural: the whole site
is built again. What the links do not show (a count on the home page, a coverage state two
steps away) is caught by the full build that `serve` runs in the background after each edit.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from archlex.findings import Finding
from archlex.model import Entity, Model

# `[text](target)` of Markdown, and `href="target"` of the HTML the diagrams embed.
_LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")
# Pages that sum the whole model up: written again whenever the findings change.
SUMMARY_PAGES = ("index.md", "findings.md")


def page_links(path: str, markdown: str) -> set[str]:
    """The docs-relative Markdown paths of the pages the page at `path` links to."""
    folder = posixpath.dirname(path)
    found = set()
    for match in _LINK.finditer(markdown):
        target = (match.group(1) or match.group(2)).split("#", 1)[0]
        if not target or "://" in target or target.startswith(("/", "mailto:")):
            continue
        if target.endswith(".html"):
            target = target.removesuffix(".html") + ".md"
        if target.endswith(".md"):
            found.add(posixpath.normpath(posixpath.join(folder, target)))
    return found


@dataclass
class EditMap:
    """The links of every generated page, both ways."""

    links: dict[str, set[str]] = field(default_factory=dict)  # page -> pages it links to
    linked_from: dict[str, set[str]] = field(default_factory=dict)  # page -> pages linking

    @classmethod
    def build(cls, pages: Mapping[str, str]) -> EditMap:
        """The map of a site's pages (Markdown by docs-relative path)."""
        edit_map = cls()
        for path, markdown in pages.items():
            edit_map.update(path, markdown)
        return edit_map

    def update(self, path: str, markdown: str) -> None:
        """Record the links of a page written again."""
        for target in self.links.get(path, set()):
            self.linked_from.get(target, set()).discard(path)
        self.links[path] = page_links(path, markdown)
        for target in self.links[path]:
            self.linked_from.setdefault(target, set()).add(path)

    def around(self, pages: Iterable[str]) -> set[str]:
        """The pages, the pages that link to them and the pages they link to."""
        found = set()
        for path in pages:
            found |= {path, *self.linked_from.get(path, ()), *self.links.get(path, ())}
        return found


def _entity_table(model: Model) -> dict[tuple[str, str], Entity]:
    """Every entity by kind and id (the first of two with one id, as the site map takes)."""
    table: dict[tuple[str, str], Entity] = {}
    for kind, entity in model.entities():
        table.setdefault((kind, entity.id), entity)
    return table


def changed_ids(before: Model, after: Model) -> set[str] | None:
    """The ids of the entities an edit changed; None for a structural edit (an entity added
    or removed, or another manifest)."""
    if before.manifest != after.manifest:
        return None
    old, new = _entity_table(before), _entity_table(after)
    if old.keys() != new.keys():
        return None
    return {
        entity_id for (kind, entity_id), entity in new.items() if old[kind, entity_id] != entity
    }


def finding_targets(before: list[Finding], after: list[Finding]) -> set[str] | None:
    """The targets of the findings that came or went; None when the findings are the same."""
    if before == after:
        return None
    return {f.target for f in set(before) ^ set(after) if f.target}
