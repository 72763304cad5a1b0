"""Every page of the site as Markdown, by docs-relative path: a pure function of the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from archlex.i18n import N_, Translator
from archlex.outcome import Report
from archlex.site import pages_architecture as architecture
from archlex.site import pages_diagrams as diagrams
from archlex.site import pages_indexes as indexes
from archlex.site import pages_law as law
from archlex.site import pages_plan as plan
from archlex.site import pages_roadmap as roadmap
from archlex.site import pages_technical as technical
from archlex.site.context import SiteContext
from archlex.site.links import SiteMap, link_table_ids
from archlex.site.markdown import page, with_tags
from archlex.toolkit.escape import html_text, md_cell

# The pages other products write, the folder's index page they become in the site (so that
# `matrix.md` and the product's own `matrix.html` do not both claim `matrix.html`), with
# their title and downloads.
PRODUCT_PAGES = {
    "matrix/matrix.md": (N_("Traceability matrix"), ["matrix.csv", "matrix.xlsx", "matrix.html"]),
    "roadmap/roadmap.md": (N_("Roadmap"), ["gantt.svg", "gantt.png"]),
    "concept/concept.md": (N_("Concept"), ["concept.docx"]),
}


# What puts a product's drawings into its page as interactive figures, in place of their
# images: (Markdown, the page, the docs folder, the site map, the texts) -> Markdown.
PRODUCT_FIGURES: dict[str, Callable[[str, str, Path, SiteMap, Translator], str]] = {
    "roadmap/roadmap.md": roadmap.with_gantt_figure,
}


# The products whose heading names the model ("Roadmap: <model>"): on the site, whose header
# names the model on every page, the heading is the page's title alone (on a phone the model's
# name made it six lines).
HEADED_BY_TITLE = frozenset({"matrix/matrix.md", "roadmap/roadmap.md"})


def product_index(path: str) -> str:
    """Where a product's page lives in the site: its folder's index page."""
    return path.rsplit("/", 1)[0] + "/index.md"


TAGS_PAGE = "tags.md"


def site_pages(
    report: Report, as_of: dt.date, assets: frozenset[str], docs: Path | None = None
) -> dict[str, str]:
    """The Markdown of every page the site generates (not the products' own pages); with the
    docs folder the products wrote `assets` into, the diagrams are embedded interactive."""
    context = SiteContext(report, SiteMap.build(report.model), as_of, assets, docs=docs)
    return {path: make() for path, make in sorted(page_makers(context).items())}


def page_makers(context: SiteContext) -> dict[str, Callable[[], str]]:
    """What writes each page the site generates, by docs-relative path; a page is written
    only when its maker is called (`archlex serve` writes only the pages an edit touches)."""
    model = context.report.model
    tr = context.tr
    tags = page(
        tr._("Tags"), [], [tr._("Every page by type and status."), "<!-- material/tags -->"]
    )
    makers: dict[str, Callable[[], str]] = {
        "index.md": partial(plan.home_page, context),
        "findings.md": partial(plan.findings_page, context),
        TAGS_PAGE: lambda: tags,
        "regulations/index.md": partial(law.regulations_index, context),
        "roles/index.md": partial(law.roles_index, context),
        "work-packages/index.md": partial(plan.work_packages_index, context),
        "milestones/index.md": partial(plan.milestones_index, context),
        technical.TECHNICAL_PAGE: partial(technical.technical_page, context),
    }
    makers.update(diagrams.diagram_makers(context))
    for kind, (_, path, _) in indexes.INDEXES.items():
        makers[path] = partial(indexes.index_page, context, kind)
    site = context.site
    for regulation in model.regulations:
        makers[site.pages[regulation.id]] = partial(law.regulation_page, context, regulation)
        for article in regulation.articles:
            makers[site.articles[(regulation.id, article.number)]] = partial(
                law.article_page, context, regulation, article
            )
    for path, make in _entity_makers(context).items():
        makers.setdefault(path, make)  # the first of two entities with one id has the page
    return makers


def _entity_makers(context: SiteContext) -> dict[str, Callable[[], str]]:
    """What writes each entity's page, by path (the first entity of an id, in kind order)."""
    model, site = context.model, context.site
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
    makers: dict[str, Callable[[], str]] = {}
    for entities, render in entity_pages:
        for entity in entities:
            makers.setdefault(site.pages[entity.id], partial(_entity_page, render, context, entity))
    return makers


def _entity_page(
    render: Callable[[SiteContext, Any], str], context: SiteContext, entity: Any
) -> str:
    """An entity's page with its tags."""
    return with_tags(render(context, entity), entity.tags)


def product_page(
    path: str,
    markdown: str,
    assets: frozenset[str],
    site: SiteMap,
    tr: Translator,
    docs: Path | None = None,
) -> str:
    """A product's own Markdown with a safe front-matter title, links to its downloads, and
    the ids and provisions in its tables linked to their pages; with the docs folder the
    products wrote into, its drawings embedded interactive (`PRODUCT_FIGURES`)."""
    title, downloads = tr._(PRODUCT_PAGES[path][0]), PRODUCT_PAGES[path][1]
    markdown = link_table_ids(markdown, site, product_index(path))
    if docs is not None and path in PRODUCT_FIGURES:
        markdown = PRODUCT_FIGURES[path](markdown, product_index(path), docs, site, tr)
    folder = path.rsplit("/", 1)[0]
    links = [f"[{name}]({name})" for name in downloads if f"{folder}/{name}" in assets]
    head, _, rest = markdown.partition("\n")
    if path in HEADED_BY_TITLE:
        head = "# " + md_cell(title)
    files = "**" + tr._("Download:") + "** " + " · ".join(links) + "\n" if links else ""
    return f"---\ntitle: {html_text(title)}\n---\n\n{head}\n\n{files}{rest}"


__all__ = ["PRODUCT_PAGES", "page_makers", "product_page", "site_pages"]
