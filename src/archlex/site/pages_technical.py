"""The Technical architecture page: the technical views, interactive, then where each national
system and interface runs and the connections, in the tables the concept's section 6.3 shows."""

from __future__ import annotations

from archlex.render.concept.technical_values import technical_tables
from archlex.site.context import SiteContext
from archlex.site.markdown import heading, page, table
from archlex.site.pages_diagrams import diagram_figure

TECHNICAL_PAGE = "technical/index.md"
VIEWS = ("diagrams/technical.svg", "diagrams/technical-border.svg")


def technical_page(context: SiteContext) -> str:
    """The technical views and the hosting and connection tables."""
    tr = context.tr
    tables = technical_tables(context.model, tr)
    body = [
        tr._(
            "Where the systems run (data centres, security zones, environments) and how they "
            "connect (network, protocol, format, availability, volume)."
        )
    ]
    body += [diagram_figure(context, a, TECHNICAL_PAGE) for a in VIEWS if a in context.assets]
    body += [
        heading(2, tr._("Where the national systems and interfaces run")),
        table(tables["hosting_head"], tables["hosting_rows"], tr._("The model gives no hosting.")),
        heading(2, tr._("Connections")),
        table(
            tables["connection_head"],
            tables["connection_rows"],
            tr._("The model gives no connections."),
        ),
    ]
    # Without the contents column (two headings), so the diagrams get the width.
    return page(tr._("Technical architecture"), [], body).replace("---\n", "---\nhide:\n- toc\n", 1)
