"""The diagrams product's SVGs made interactive for the site: every box and line a link.

Graphviz names each box by the model id it draws (a prefix such as `data:` may come before
it) and each line `tail->head`, and puts the tooltip the diagrams product gave it on an `<a>`
without a target. Here each box and line of a known entity becomes an `<a href>` to the page
of that entity, with a `<title>` (the tooltip and the accessible name) of its name and
description; a line stands for the flows its tooltip names, or else for the flows between
its two ends: one flow opens that flow's page, several the page of the system at one end.
The diagrams product's own files keep no links: the DOCX and PDF place those.

The SVG is parsed as XML (no entities, no external files: `parse_svg`), changed as a tree and
written back by ElementTree, so every model text in it stays escaped character data or a
quoted attribute; nothing from the SVG is copied into the page as text. Element ids get a
prefix, so several diagrams can share a page.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from defusedxml.ElementTree import fromstring

from archlex.model import Flow, Model
from archlex.site.links import SiteMap, relative

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

_TITLE, _A, _G = f"{{{SVG}}}title", f"{{{SVG}}}a", f"{{{SVG}}}g"
_TOOLTIP = f"{{{XLINK}}}title"
# A flow id named where a tooltip line or list item starts (`F-1: name`, `F-1, F-2`).
_LISTED_ID = re.compile(r"(?:^|\n|, )([\w.-]+)")
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_ID_LISTS = frozenset({"aria-labelledby", "aria-describedby"})  # attributes naming ids
RECORD = "diagrams/diagrams.json"  # the diagrams product's record of what it drew
MAX_TITLE = 600  # characters of a tooltip: a long description is cut
# The page a line of several flows opens: a system's, else a data category's, else the tail's.
_PREFERRED = {"system": 0, "component": 0, "data": 1}


@dataclass(frozen=True)
class Target:
    """Where a box or line leads (docs-relative page) and what its tooltip says."""

    page: str
    title: str


@dataclass
class DiagramLinks:
    """Finds the page each box and line of a diagram stands for."""

    model: Model
    site: SiteMap
    _flows: dict[str, Flow] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._flows = {f.id: f for f in sorted(self.model.flows, key=lambda f: f.id)}

    @cached_property
    def _members(self) -> dict[str, set[str]]:
        """The system and component ids a box of an entity covers (organisations: their
        national systems; systems: their components)."""
        members: dict[str, set[str]] = {}
        for system in self.model.systems:
            parts = {system.id, *(c.id for c in system.components)}
            members.setdefault(system.id, set()).update(parts)
            for owner in {system.owner, system.operator} - {None}:
                members.setdefault(str(owner), set()).update(parts)
        for organisation in self.model.organisations:
            members.setdefault(organisation.id, set())
        return members

    def entity(self, name: str) -> str | None:
        """The entity a Graphviz node name stands for: the name, or what follows `prefix:`."""
        for candidate in (name, name.partition(":")[2]):
            if candidate and candidate in self.site.pages:
                return candidate
        return None

    def node(self, name: str, tooltip: str) -> Target | None:
        """A box: the page of its entity, titled with its name and description."""
        found = self.entity(name)
        if found is None:
            return None
        return Target(self.site.pages[found], self.describe(found) or tooltip or found)

    def edge(self, name: str, tooltip: str) -> Target | None:
        """A line: its one flow's page, or the page of a system at its ends for several."""
        tail, _, head = name.partition("->")
        ends = [e for e in (self.entity(tail), self.entity(head)) if e is not None]
        flows = self._named_flows(tooltip) or self._flows_between(ends)
        if len(flows) == 1:
            flow = flows[0]
            return Target(self.site.pages[flow.id], tooltip or self.describe(flow.id))
        if len(ends) < 2:
            return None  # a line of the layout (a lifeline, the legend): no entity of its own
        # A system's page lists its flows in and out; a data category's, the flows carrying it.
        chosen = min(ends, key=lambda e: _PREFERRED.get(self.site.kinds.get(e, ""), 9))
        lines = [f"{f.id}: {f.name}" if f.name else f.id for f in flows]
        return Target(self.site.pages[chosen], tooltip or "\n".join(lines) or self.describe(chosen))

    def _named_flows(self, tooltip: str) -> list[Flow]:
        ids = dict.fromkeys(_LISTED_ID.findall(tooltip))
        return [self._flows[i] for i in ids if i in self._flows and i in self.site.pages]

    @cached_property
    def _ordered(self) -> list[Flow]:
        """The flows of `_flows`, in its (id) order."""
        return list(self._flows.values())

    @cached_property
    def _touching(self) -> dict[str, set[int]]:
        """The flows (positions in `_ordered`) by each id at one of their ends or their via."""
        touching: dict[str, set[int]] = {}
        for position, flow in enumerate(self._ordered):
            for end in (flow.from_, flow.to, flow.via):
                if end:
                    touching.setdefault(end, set()).add(position)
        return touching

    def _flows_between(self, ends: list[str]) -> list[Flow]:
        if len(ends) < 2:
            return []
        a, b = (self._members.get(e, {e}) | {e} for e in ends)
        # Only a flow touching both boxes can join them: from the index, not every flow.
        near_a = {p for end in a for p in self._touching.get(end, ())}
        near_b = {p for end in b for p in self._touching.get(end, ())}
        found = []
        for flow in (self._ordered[p] for p in sorted(near_a & near_b)):
            starts, stops = {flow.from_, flow.via}, {flow.to, flow.via}
            if (starts & a and stops & b) or (starts & b and stops & a):
                if flow.id in self.site.pages:
                    found.append(flow)
        return found

    def describe(self, entity_id: str) -> str:
        """`id: name` and the description, for a tooltip."""
        entity = self.model.get(entity_id)
        name = getattr(entity, "name", None) or getattr(entity, "title", None)
        lines = [f"{entity_id}: {name}" if name else entity_id]
        description = getattr(entity, "description", None)
        if description:
            lines.append(" ".join(str(description).split()))
        return "\n".join(lines)


@dataclass(frozen=True)
class InteractiveSvg:
    """An SVG ready to sit in a page: its markup, its size in points, the links it has."""

    markup: str
    width: str
    links: int


# A link's target while the markup is not yet placed on a page: a NUL (never in XML text or
# attributes that expat read) before the docs-relative page.
_TARGET = "\x00"
_TARGET_HREF = re.compile('href="\x00([^"]*)"')


@dataclass(frozen=True)
class LinkedSvg:
    """An SVG with its links, titles and prefixed ids, for any page (links placed by `at`)."""

    markup: str
    width: str
    links: int

    def at(self, page: str) -> InteractiveSvg:
        """The SVG on the docs-relative `page`: each link relative to it."""
        markup = _TARGET_HREF.sub(lambda m: f'href="{_page_url(page, m[1])}"', self.markup)
        return InteractiveSvg(markup, self.width, self.links)


def interactive_svg(svg: str, links: DiagramLinks, page: str, prefix: str) -> InteractiveSvg:
    """The SVG with links (relative to the docs-relative `page`), titles and prefixed ids."""
    return linked_svg(svg, links, prefix).at(page)


def linked_svg(svg: str, links: DiagramLinks, prefix: str) -> LinkedSvg:
    """The SVG with links, titles and prefixed ids: parsed and written once for every page
    that shows it (a diagram's own page and its entity's)."""
    root = parse_svg(svg)
    count = 0
    for group in root.iter(_G):
        kind = group.get("class", "")
        if kind in ("node", "edge"):
            count += _link_group(group, kind, links)
        elif kind in ("graph", "cluster"):  # Graphviz's own names (`cluster_eu`): no tooltip
            for title in group.findall(_TITLE):
                group.remove(title)
    return placeable(root, prefix, count)


def placeable(root: ET.Element, prefix: str, links: int) -> LinkedSvg:
    """The changed tree written back for a page: ids prefixed, sized by the page (its width
    kept as the most it is drawn at), with the number of `links` placed in it."""
    prefix_ids(root, prefix)
    width = root.attrib.pop("width", "")
    if width[-1:].isdigit():  # user units, which CSS writes in px (Graphviz writes pt)
        width += "px"
    root.attrib.pop("height", None)
    markup = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return LinkedSvg(_one_block(markup), width, links)


def parse_svg(svg: str) -> ET.Element:
    """The SVG's tree. defusedxml refuses entity declarations (and the external entities only
    they can name); a text without one is read by ElementTree's C parser (the same expat, the
    same tree, half the time: no Python call per element), any other by defusedxml."""
    if "<!ENTITY" in svg:  # XML spells the keyword so, always
        return fromstring(svg.encode("utf-8"))
    return ET.fromstring(svg.encode("utf-8"))  # no entity declared: see above


def _link_group(group: ET.Element, kind: str, links: DiagramLinks) -> int:
    """Make one node or edge group a link when it stands for an entity; 1 if it did."""
    title = group.find(_TITLE)
    name = (title.text or "") if title is not None else ""
    tooltip = _unwrap_anchors(group)
    found = links.node(name, tooltip) if kind == "node" else links.edge(name, tooltip)
    text = found.title if found is not None else tooltip
    if title is not None:
        title.text = _cut(text) if text else None
        if not text:
            group.remove(title)
    return 0 if found is None else wrap_in_link(group, found.page)


def wrap_in_link(group: ET.Element, page: str) -> int:
    """Put what the group draws, and its `<title>` first, into a link to the docs-relative
    `page` (placed by `LinkedSvg.at`); 1, the link made, or 0 when it draws nothing."""
    title = group.find(_TITLE)
    drawn = [child for child in group if child.tag != _TITLE]
    if not drawn:
        return 0
    anchor = ET.Element(_A, {"href": _TARGET + page})
    for child in drawn:
        group.remove(child)
        anchor.append(child)
    if title is not None:
        group.remove(title)
        anchor.insert(0, title)
    group.append(anchor)
    return 1


def _unwrap_anchors(group: ET.Element) -> str:
    """Replace Graphviz's tooltip-only `<a>` wrappers by their content; the tooltip."""
    tooltip = ""
    for holder in [group, *group.iter(_G)]:
        for index, child in enumerate(list(holder)):
            if child.tag != _A:
                continue
            tooltip = tooltip or child.get(_TOOLTIP, "")
            holder.remove(child)
            for offset, inner in enumerate(list(child)):
                holder.insert(index + offset, inner)
    return tooltip


def _page_url(source: str, target: str) -> str:
    """The built page's address: raw HTML is not rewritten by mkdocs, so `.md` -> `.html`."""
    link = relative(source, target)
    return link[: -len(".md")] + ".html" if link.endswith(".md") else link


def prefix_ids(root: ET.Element, prefix: str) -> None:
    """Unique ids per drawing on a page; `url(#id)` and `aria-labelledby` (`describedby`)
    references follow."""
    for element in root.iter():
        if "id" in element.attrib:
            element.set("id", prefix + element.get("id", ""))
        for key, value in element.attrib.items():
            if key in _ID_LISTS:
                element.set(key, " ".join(prefix + i for i in value.split()))
            elif "url(#" in value:
                element.set(key, _URL_REF.sub(lambda m: f"url(#{prefix}{m[1]})", value))


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"


def _one_block(markup: str) -> str:
    """No blank line inside (Markdown would end the raw HTML block there)."""
    return "\n".join(line for line in markup.splitlines() if line.strip())


def diagram_titles(docs: Path, assets: frozenset[str]) -> dict[str, str]:
    """Each diagram's title from the diagrams product's record, by docs-relative SVG path: its
    heading, without the model's name, which the site shows in its header."""
    if RECORD not in assets:
        return {}
    record = json.loads((docs / RECORD).read_text(encoding="utf-8"))
    folder = RECORD.rsplit("/", 1)[0]
    return {
        f"{folder}/{d['svg']}": str(d.get("heading") or d.get("title") or d.get("name") or d["svg"])
        for d in record.get("diagrams", [])
        if isinstance(d, dict) and isinstance(d.get("svg"), str)
    }
