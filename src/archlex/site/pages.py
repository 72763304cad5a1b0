"""Every page of the site as Markdown, by docs-relative path: a pure function of the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from archlex.outcome import Report
from archlex.site import pages_architecture as architecture
from archlex.site import pages_law as law
from archlex.site import pages_plan as plan
from archlex.site.context import SiteContext
from archlex.site.links import SiteMap, link_table_ids, relative
from archlex.site.markdown import page, with_tags
from archlex.toolkit.escape import html_text, md_cell

# The pages other products write, the folder's index page they become in the site (so that
# `matrix.md` and the product's own `matrix.html` do not both claim `matrix.html`), with
# their title and downloads.
PRODUCT_PAGES = {
    "matrix/matrix.md": ("Traceability matrix", ["matrix.csv", "matrix.xlsx", "matrix.html"]),
    "roadmap/roadmap.md": ("Roadmap", ["gantt.svg", "gantt.png"]),
    "concept/concept.md": ("Concept", ["concept.docx"]),
}


def product_index(path: str) -> str:
    """Where a product's page lives in the site: its folder's index page."""
    return path.rsplit("/", 1)[0] + "/index.md"


TAGS_PAGE = "tags.md"


def site_pages(report: Report, as_of: dt.date, assets: frozenset[str]) -> dict[str, str]:
    """The Markdown of every page the site generates (not the products' own pages)."""
    context = SiteContext(report, SiteMap.build(report.model), as_of, assets)
    model = report.model
    pages = {
        "index.md": plan.home_page(context),
        "findings.md": plan.findings_page(context),
        TAGS_PAGE: page("Tags", [], ["Every page by type and status.", "<!-- material/tags -->"]),
        "regulations/index.md": law.regulations_index(context),
        "roles/index.md": law.roles_index(context),
        "work-packages/index.md": plan.work_packages_index(context),
        "milestones/index.md": plan.milestones_index(context),
        "diagrams/index.md": diagrams_page(assets),
    }
    for kind, (_, path, _) in architecture.INDEXES.items():
        pages[path] = architecture.index_page(context, kind)
    site = context.site
    for regulation in model.regulations:
        pages[site.pages[regulation.id]] = law.regulation_page(context, regulation)
        for article in regulation.articles:
            pages[site.articles[(regulation.id, article.number)]] = law.article_page(
                context, regulation, article
            )
    entity_pages: list[tuple[Sequence[Any], Callable[[SiteContext, Any], str]]] = [
        (model.roles, law.role_page),
        (model.organisations, architecture.organisation_page),
        (model.systems, architecture.system_page),
        (model.data, architecture.data_page),
        (model.flows, architecture.flow_page),
        (model.processes, architecture.process_page),
        (model.requirements, architecture.requirement_page),
        (model.work_packages, plan.work_package_page),
        (model.milestones, plan.milestone_page),
    ]
    for entities, render in entity_pages:
        for entity in entities:
            path = site.pages[entity.id]
            if path not in pages:  # the first of two entities with one id has the page
                pages[path] = with_tags(render(context, entity), entity.tags)
    return dict(sorted(pages.items()))


def diagrams_page(assets: frozenset[str]) -> str:
    """Every diagram the diagrams product drew, as images with links to the SVG and PNG."""
    svgs = sorted(a for a in assets if a.startswith("diagrams/") and a.endswith(".svg"))
    body = []
    for svg in svgs:
        name = svg.removeprefix("diagrams/").removesuffix(".svg")
        link = relative("diagrams/index.md", svg)
        body += [f"**{md_cell(name)}**", f"[![{md_cell(name)}]({link})]({link})"]
    return page("Diagrams", ["diagram"], body or ["*No diagrams were drawn.*"])


def product_page(path: str, markdown: str, assets: frozenset[str], site: SiteMap) -> str:
    """A product's own Markdown with a safe front-matter title, links to its downloads, and
    the ids and provisions in its tables linked to their pages."""
    title, downloads = PRODUCT_PAGES[path]
    markdown = link_table_ids(markdown, site, product_index(path))
    folder = path.rsplit("/", 1)[0]
    links = [f"[{name}]({name})" for name in downloads if f"{folder}/{name}" in assets]
    head, _, rest = markdown.partition("\n")
    files = "**Download:** " + " · ".join(links) + "\n" if links else ""
    return f"---\ntitle: {html_text(title)}\n---\n\n{head}\n\n{files}{rest}"


__all__ = ["PRODUCT_PAGES", "product_page", "site_pages"]
