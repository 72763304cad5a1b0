"""The roadmap's Gantt chart made interactive for the site: each work package's and milestone's
row (its id, name, bar or diamond and date) a link to that entity's page.

The roadmap product names each row's group by its entity's id (render/roadmap/gantt.py) and
gives it a `<title>` with the dates; a phase has no page of its own, so its row stays as drawn.
The chart is read and written as a tree as the diagrams are (archlex.site.diagram_svg), so
every model text in it stays escaped; the product's own gantt.svg keeps no links.
"""

from __future__ import annotations

from archlex.render.roadmap.gantt import MILESTONE_GROUP, PACKAGE_GROUP
from archlex.site.diagram_svg import SVG, LinkedSvg, parse_svg, placeable, wrap_in_link
from archlex.site.links import SiteMap

# The rows that link, by the group's id prefix: the kind of entity whose page they open.
_LINKED_ROWS = {PACKAGE_GROUP: "work package", MILESTONE_GROUP: "milestone"}


def linked_gantt(svg: str, site: SiteMap, prefix: str) -> LinkedSvg:
    """The chart with its rows linked to their entities' pages and its ids prefixed."""
    root = parse_svg(svg)
    # An image's content is hidden from assistive technology, and the links with it: the
    # chart is labelled by its title and description (and the figure) instead.
    root.attrib.pop("role", None)
    count = 0
    for group in list(root.iter(f"{{{SVG}}}g")):  # listed first: linking moves its children
        entity = row_entity(group.get("id", ""), site)
        if entity is not None:
            count += wrap_in_link(group, site.pages[entity])
    return placeable(root, prefix, count)


def row_entity(group_id: str, site: SiteMap) -> str | None:
    """The id of the entity a row's group draws, when the site has that entity's page (not
    when another kind of entity with the same id has it)."""
    for group_prefix, kind in _LINKED_ROWS.items():
        if group_id.startswith(group_prefix):
            entity = group_id.removeprefix(group_prefix)
            return entity if site.kinds.get(entity) == kind else None
    return None
