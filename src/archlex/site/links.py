"""Where each entity's page lives in the site, and Markdown links to it from any page.

File names come from validated ids only, made safe for every file system: characters other
than ASCII letters, digits, `_` and `-` become `-` (`2019/817` -> `2019-817`), Windows device
names get a suffix, and two ids that would share a file name (also when case is ignored)
get `-2`, `-3`, ... in id order, so the same model always gives the same names.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field

from archlex.model import Model, Provision, parse_provision
from archlex.toolkit.escape import md_cell

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{n}" for d in ("com", "lpt") for n in range(10)]
)

# The folder of each kind of page; the order is the order of `SiteMap.build`.
FOLDERS = {
    "regulation": "regulations",
    "organisation": "organisations",
    "role": "roles",
    "system": "systems",
    "data": "data",
    "flow": "flows",
    "process": "processes",
    "requirement": "requirements",
    "work package": "work-packages",
    "milestone": "milestones",
}


def slug(entity_id: str) -> str:
    """A file-name stem for an id: ASCII letters, digits, `_` and `-` only, never empty."""
    stem = _UNSAFE.sub("-", entity_id).strip("-") or "page"
    if stem.casefold() in _WINDOWS_DEVICES or stem.casefold() == "index":
        stem += "-page"
    return stem


@dataclass
class SiteMap:
    """The page of every entity that has one, by id, and of every catalogued article."""

    pages: dict[str, str] = field(default_factory=dict)  # id -> docs-relative path
    kinds: dict[str, str] = field(default_factory=dict)  # id -> kind
    articles: dict[tuple[str, str], str] = field(default_factory=dict)  # (reg, number) -> path
    _taken: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, model: Model) -> SiteMap:
        """Assign a page to every entity of the kinds in FOLDERS and to every article."""
        site = cls()
        by_kind: dict[str, list[str]] = {kind: [] for kind in FOLDERS}
        for kind, entity in model.entities():
            if kind in by_kind and entity.id not in site.kinds:
                by_kind[kind].append(entity.id)
                site.kinds[entity.id] = kind
        for kind, ids in by_kind.items():
            for entity_id in sorted(ids):
                site.pages[entity_id] = site._claim(FOLDERS[kind], slug(entity_id))
        for regulation in sorted(model.regulations, key=lambda r: r.id):
            stem = posixpath.splitext(posixpath.basename(site.pages[regulation.id]))[0]
            for article in regulation.articles:
                site.articles[(regulation.id, article.number)] = site._claim(
                    "articles", f"{stem}-art-{slug(article.number)}"
                )
        site._add_aliases(model)
        return site

    def _add_aliases(self, model: Model) -> None:
        """Entities shown on another entity's page: components, obligations, grants, links."""
        for system in model.systems:
            for component in system.components:
                self._alias(component.id, self.pages.get(system.id), "component")
        provisions = [(o.id, o.provision) for o in model.obligations]
        provisions += [(a.id, a.provision) for a in model.access]
        provisions += [(m.id, m.provision) for m in model.mid_links]
        for entry_id, provision in provisions:
            self._alias(entry_id, self.article_page(provision), "catalog entry")
        for phase in model.phases:
            self._alias(phase.id, "work-packages/index.md", "phase")

    def _alias(self, entity_id: str, page: str | None, kind: str) -> None:
        if page is not None and entity_id not in self.pages:
            self.pages[entity_id] = page
            self.kinds[entity_id] = kind

    def _claim(self, folder: str, stem: str) -> str:
        candidate, number = stem, 1
        while f"{folder}/{candidate}".casefold() in self._taken:
            number += 1
            candidate = f"{stem}-{number}"
        self._taken.add(f"{folder}/{candidate}".casefold())
        return f"{folder}/{candidate}.md"

    def article_page(self, provision: Provision) -> str | None:
        """The page of the article a provision lies in, if the catalog has it."""
        return self.articles.get((provision.regulation, provision.article))


def relative(source: str, target: str) -> str:
    """The link from one docs-relative page to another docs-relative file."""
    if source.startswith("/"):
        return posixpath.relpath(target, posixpath.dirname(source))
    return _relative(source.rpartition("/")[0], target)


@functools.lru_cache(maxsize=65536)  # the pages of a folder link to the same pages
def _relative(folder: str, target: str) -> str:
    """The link from a page of the docs-relative `folder` to a docs-relative file."""
    parts, into = target.split("/"), folder.split("/") if folder else []
    if not all(parts) or not all(into) or {".", ".."} & {*parts, *into}:
        return posixpath.relpath(target, folder or ".")
    # A plain path (no empty, `.` or `..` part): what relpath gives, without its abspath and
    # getcwd calls (a 10k site writes some 200,000 links).
    shared = 0
    while shared < min(len(parts), len(into)) and parts[shared] == into[shared]:
        shared += 1
    return "/".join([".."] * (len(into) - shared) + parts[shared:]) or "."


@dataclass(frozen=True)
class Linker:
    """Writes links from one page: every id becomes a link to its page when it has one."""

    site: SiteMap
    page: str

    def to(self, target: str, text: str) -> str:
        """A link with escaped text to a docs-relative file."""
        return f"[{md_cell(text)}]({relative(self.page, target)})"

    def id(self, entity_id: str | None, text: str | None = None) -> str:
        """The id as a link to its page, or as escaped text when it has none."""
        if not entity_id:
            return ""
        target = self.site.pages.get(entity_id)
        label = text if text is not None else entity_id
        return self.to(target, label) if target else md_cell(label)

    def ids(self, entity_ids: list[str]) -> str:
        """Several ids, each a link, separated by commas."""
        return ", ".join(self.id(i) for i in entity_ids)

    def provision(self, provision: Provision) -> str:
        """A provision as a link to its article's page, or as text when not catalogued."""
        target = self.site.article_page(provision)
        return self.to(target, str(provision)) if target else md_cell(str(provision))

    def provisions(self, provisions: list[Provision]) -> str:
        """Several provisions, in the order of the regulation, each a link."""
        ordered = sorted(provisions, key=lambda p: p.sort_key)
        return ", ".join(self.provision(p) for p in ordered)


# A cell of numbers, dates or amounts is never read as ids, even where an id could match it.
_NOT_IDS = re.compile(r"[\d\s./:%,-]*")
# An item that starts with an id and its name: `REQ-1: Title (agreed)`.
_ID_AND_NAME = re.compile(r"(?P<id>[^\s:]+)(?P<rest>: .*)")


def link_table_ids(markdown: str, site: SiteMap, page: str) -> str:
    """The products' Markdown (matrix, roadmap, concept) with ids and provisions linked.

    In a table cell, each line (`<br>`) that is an id, a provision or a comma-separated list of
    them, possibly in bold, becomes links, and so does the id of a line `ID: name`. Cells are
    compared in their escaped form, so nothing else changes."""
    linker = Linker(site, page)
    by_escaped = {md_cell(entity_id): entity_id for entity_id in site.pages}

    def link(token: str) -> str | None:
        if token in by_escaped:
            return linker.id(by_escaped[token])
        provision = parse_provision(token)
        if provision is not None and site.article_page(provision) is not None:
            return linker.provision(provision)
        return None

    def listed(text: str) -> str | None:
        if not text or _NOT_IDS.fullmatch(text):
            return None
        links = [link(token) for token in text.split(", ")]
        return None if None in links else ", ".join(li for li in links if li is not None)

    def item(text: str) -> str:
        bold = len(text) > 4 and text.startswith("**") and text.endswith("**")
        inner = text[2:-2] if bold else text
        linked = listed(inner)
        named = _ID_AND_NAME.fullmatch(inner)
        if linked is None and named is not None and named["id"] in by_escaped:
            linked = linker.id(by_escaped[named["id"]]) + named["rest"]
        if linked is None:
            return text
        return f"**{linked}**" if bold else linked

    def cell(text: str) -> str:
        items = [item(part.strip()) for part in text.split("<br>")]
        return f" {'<br>'.join(items)} " if text.strip() else text

    lines = []
    for line in markdown.split("\n"):
        if line.startswith("| ") and line.endswith(" |") and not line.startswith("| ---"):
            line = "|" + "|".join(cell(c) for c in line[1:-1].split("|")) + "|"
        lines.append(line)
    return "\n".join(lines)
