"""The views the model names, on the page of each system they show."""

from __future__ import annotations

from archlex.graph.views import select
from archlex.site.context import SiteContext
from archlex.site.links import relative
from archlex.site.markdown import text
from archlex.site.pages_diagrams import diagram_page_path


def named_view_images(context: SiteContext, path: str, parts: set[str]) -> list[str]:
    """Each drawn named view that shows the system (its id and its components' are `parts`):
    its title, and the diagram."""
    images = []
    alt = context.tr._("diagram")
    for view in sorted(context.model.views, key=lambda v: v.id):
        asset = f"diagrams/{view.id}.svg"
        if asset in context.assets and parts & select(context.model, view).systems:
            image = f"![{alt}]({relative(path, asset)})"
            target = diagram_page_path(asset) if context.docs is not None else asset
            images += [f"**{text(view.title)}**", f"[{image}]({relative(path, target)})"]
    return images
