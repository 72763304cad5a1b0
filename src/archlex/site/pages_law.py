"""The Law pages: the regulations with their chapters, each article, the roles they define."""

from __future__ import annotations

import datetime as dt

from archlex.catalog.search import article_eli, show_provision
from archlex.catalog.timeline import Derived, Timeline
from archlex.model import (
    Article,
    Flow,
    MidLink,
    Provision,
    Regulation,
    Requirement,
    Role,
    Standard,
)
from archlex.site.context import SiteContext
from archlex.site.links import relative
from archlex.site.markdown import date_cell, facts, heading, page, table, text, web_link
from archlex.toolkit.escape import md_cell
from archlex.toolkit.labels import COVERAGE_STATES, LINK_COLOURS, REQUIREMENT_STATUSES, VERIFICATION


def regulations_index(context: SiteContext) -> str:
    """The regulations in the model, with their coverage."""
    tr = context.tr
    path = "regulations/index.md"
    link = context.linker(path)
    figures = context.report.coverage.by_regulation() if context.report.coverage else {}
    rows = []
    for regulation in sorted(context.model.regulations, key=lambda r: r.id):
        found = figures.get(regulation.id)
        rows.append(
            [
                link.id(regulation.id),
                text(regulation.short_title or regulation.title),
                str(len(regulation.articles)),
                f"{tr.number(found.percent, 1)} %" if found else "",
            ]
        )
    body = [
        tr._(
            "The regulations the model uses, their chapters and articles, and what in the "
            "architecture traces each of their obligations."
        ),
        table(
            [
                tr._("Regulation"),
                tr._("Title"),
                tr._("Articles"),
                tr._("Traced"),
            ],
            rows,
            tr._("No regulation is loaded."),
        ),
    ]
    return page(tr._("Regulations"), [tr._("regulation")], body)


def regulation_page(context: SiteContext, regulation: Regulation) -> str:
    """One regulation: its facts, its coverage, and its chapters with their articles."""
    tr = context.tr
    path = context.site.pages[regulation.id]
    link = context.linker(path)
    body = [
        text(regulation.description) if regulation.description else "",
        facts(
            [
                (tr._("Title"), text(regulation.title)),
                (tr._("Short title"), text(regulation.short_title)),
                (tr._("ELI"), web_link(regulation.eli or "", regulation.eli)),
                (tr._("CELEX"), text(regulation.celex)),
                (tr._("Adopted"), _date(context, regulation.adopted)),
            ],
            tr._("Nothing recorded."),
        ),
        _coverage(context, regulation.id),
        heading(2, tr._("Chapters")),
    ]
    placed: set[str] = set()
    for chapter in regulation.chapters:
        first, last = (_number(n) for n in chapter.articles)
        articles = [a for a in regulation.articles if first <= _number(a.number) <= last]
        placed.update(a.number for a in articles)
        title = tr._("Chapter {number}").format(number=chapter.number)
        title += f": {chapter.title}" if chapter.title else ""
        body += [f"**{md_cell(title)}**", _article_rows(context, link.page, regulation, articles)]
    rest = [a for a in regulation.articles if a.number not in placed]
    if rest:
        no_chapter = "**" + tr._("Articles in no chapter") + "**"
        body += [no_chapter, _article_rows(context, path, regulation, rest)]
    return page(f"{regulation.id}: {regulation.short_title or regulation.title}", [], body)


def _coverage(context: SiteContext, regulation_id: str) -> str:
    if context.report.coverage is None:
        return ""
    found = context.report.coverage.by_regulation().get(regulation_id)
    tr = context.tr
    if found is None:
        return "*" + tr._("No obligation of this regulation applies to the model.") + "*"
    states = ", ".join(
        f"{tr.number(count)} {tr.label(COVERAGE_STATES, state)}"
        for state, count in found.states.items()
    )
    text = tr._(
        "**Coverage:** {traced} of {applicable} applicable obligations traced ({percent}), "
        "{met} met; {states}."
    )
    return text.format(
        traced=tr.number(found.traced),
        applicable=tr.number(found.applicable),
        percent=f"{tr.number(found.percent, 1)} %",
        met=f"{tr.number(found.met_percent, 1)} %",
        states=states,
    )


def _date(context: SiteContext, day: dt.date | Derived | None) -> str:
    """A date as a table writes it; a derived one with how it was derived."""
    tr = context.tr
    if isinstance(day, Derived):
        if day.date is None:
            return text(day.derivation)
        shown = date_cell(tr, day.date)
        return shown + (f" ({text(day.derivation)})" if day.derivation else "")
    return date_cell(tr, day) if day else ""


def article_label(context: SiteContext, number: str) -> str:
    """`Art 20` in English, `20. pants` in Latvian."""
    tr = context.tr
    return tr._("Art {number}").format(number=number)


def _article_rows(
    context: SiteContext, path: str, regulation: Regulation, articles: list[Article]
) -> str:
    tr = context.tr
    rows = []
    for article in articles:
        target = context.site.articles[(regulation.id, article.number)]
        obligations = [
            o for o in context.model.obligations if _in_article(o.provision, regulation, article)
        ]
        rows.append(
            [
                f"[{article_label(context, article.number)}]({relative(path, target)})",
                text(article.title),
                str(len(obligations)),
                tr.label(VERIFICATION, str(article.verified)),
            ]
        )
    return table(
        [
            tr._("Article"),
            tr._("Title"),
            tr._("Obligations"),
            tr._("Verified"),
        ],
        rows,
        tr._("No articles."),
    )


def _in_article(provision: Provision, regulation: Regulation, article: Article) -> bool:
    return provision.regulation == regulation.id and provision.article == article.number


def article_page(context: SiteContext, regulation: Regulation, article: Article) -> str:
    """One article: its obligations, the access it grants, what traces it, its ELI."""
    tr = context.tr
    path = context.site.articles[(regulation.id, article.number)]
    link = context.linker(path)
    query = f"{regulation.id} Art {article.number}"
    view = show_provision(context.model, query, context.citations)
    timeline = Timeline(context.model, None)
    body = [
        facts(
            [
                (tr._("Regulation"), link.id(regulation.id)),
                (tr._("Chapter"), text(view.chapter.number if view.chapter else None)),
                (
                    tr._("ELI"),
                    web_link(tr._("EUR-Lex"), article_eli(regulation, article)),
                ),
                (tr._("Paragraphs"), str(article.paragraphs or "")),
                (tr._("Verified"), tr.label(VERIFICATION, str(article.verified))),
                (tr._("Source"), text(article.source)),
            ],
            tr._("Nothing recorded."),
        ),
        heading(2, tr._("Obligations")),
        table(
            [
                tr._("Obligation"),
                tr._("Provision"),
                tr._("Actor"),
                tr._("What it asks"),
                tr._("Deadline"),
                tr._("Coverage"),
            ],
            [
                [
                    f"**{md_cell(o.id)}**",
                    md_cell(str(o.provision)),
                    link.id(o.actor),
                    text(o.summary),
                    _date(context, timeline.deadline(o)),
                    context.state(o.id),
                ]
                for o in sorted(view.obligations, key=lambda o: (o.provision.sort_key, o.id))
            ],
            tr._("None."),
        ),
        heading(2, tr._("Access it grants")),
        table(
            [
                tr._("Grant"),
                tr._("Provision"),
                tr._("Role"),
                tr._("Systems"),
                tr._("Via"),
                tr._("Purpose"),
            ],
            [
                [
                    f"**{md_cell(a.id)}**",
                    md_cell(str(a.provision)),
                    link.id(a.role),
                    link.ids(a.systems),
                    link.id(a.via),
                    text(a.purpose),
                ]
                for a in sorted(view.access, key=lambda a: (a.provision.sort_key, a.id))
            ],
            tr._("None."),
        ),
        *_traces(context, path, view.requirements, view.flows, view.roles),
        *_links_and_standards(context, view.mid_links, view.standards),
    ]
    title = f"{regulation.id} {article_label(context, article.number)}: {article.title}"
    verified = tr.label(VERIFICATION, str(article.verified))
    return page(title, [tr._("article"), verified], body)


def _traces(
    context: SiteContext,
    path: str,
    requirements: list[Requirement],
    flows: list[Flow],
    roles: list[Role],
) -> list[str]:
    tr = context.tr
    link = context.linker(path)
    return [
        heading(2, tr._("What in the model traces it")),
        "**" + tr._("Requirements") + "**",
        table(
            [
                tr._("Requirement"),
                tr._("Title"),
                tr._("Satisfies"),
                tr._("Status"),
            ],
            [
                [
                    link.id(r.id),
                    text(r.title),
                    link.provisions(r.satisfies),
                    tr.label(REQUIREMENT_STATUSES, r.status),
                ]
                for r in sorted(requirements, key=lambda r: r.id)
            ],
            tr._("None."),
        ),
        "**" + tr._("Flows citing it as legal basis") + "**",
        table(
            [tr._("Flow"), tr._("From"), tr._("To"), tr._("Name")],
            [
                [link.id(f.id), link.id(f.from_), link.id(f.to), text(f.name)]
                for f in sorted(flows, key=lambda f: f.id)
            ],
            tr._("None."),
        ),
        "**" + tr._("Roles it defines") + "**",
        table(
            [tr._("Role"), tr._("Name")],
            [[link.id(r.id), text(r.name)] for r in sorted(roles, key=lambda r: r.id)],
            tr._("None."),
        ),
    ]


def _links_and_standards(
    context: SiteContext, mid_links: list[MidLink], standards: list[Standard]
) -> list[str]:
    tr = context.tr
    parts: list[str] = []
    if mid_links:
        parts += [
            heading(2, tr._("MID links")),
            table(
                [tr._("Link"), tr._("Colour"), tr._("Meaning")],
                [
                    [md_cell(m.id), tr.label(LINK_COLOURS, m.colour), text(m.meaning)]
                    for m in mid_links
                ],
                tr._("None."),
            ),
        ]
    if standards:
        parts += [
            heading(2, tr._("Standards")),
            table(
                [tr._("Standard"), tr._("Name")],
                [[md_cell(s.id), text(s.name)] for s in standards],
                tr._("None."),
            ),
        ]
    return parts


def roles_index(context: SiteContext) -> str:
    """Every role, the provisions that define it and who holds it."""
    tr = context.tr
    link = context.linker("roles/index.md")
    rows = [
        [link.id(r.id), text(r.name), link.provisions(r.defined_by)]
        for r in sorted(context.model.roles, key=lambda r: r.id)
    ]
    return page(
        tr._("Roles"),
        [tr._("role")],
        [
            table(
                [tr._("Role"), tr._("Name"), tr._("Defined by")],
                rows,
                tr._("None."),
            )
        ],
    )


def role_page(context: SiteContext, role: Role) -> str:
    """One role: its definition, who holds it, what it must do and may access."""
    tr = context.tr
    link = context.linker(context.site.pages[role.id])
    model = context.model
    holders = [o for o in model.organisations if any(g.role == role.id for g in o.roles)]
    obligations = [o for o in model.obligations if o.actor == role.id]
    grants = [a for a in model.access if a.role == role.id]
    body = [
        text(role.description),
        facts(
            [
                (tr._("Name"), text(role.name)),
                (tr._("Defined by"), link.provisions(role.defined_by)),
            ],
            tr._("Nothing recorded."),
        ),
        heading(2, tr._("Held by")),
        table(
            [tr._("Organisation"), tr._("Name")],
            [[link.id(o.id), text(o.name)] for o in sorted(holders, key=lambda o: o.id)],
            tr._("None."),
        ),
        heading(2, tr._("Obligations")),
        table(
            [
                tr._("Obligation"),
                tr._("Provision"),
                tr._("What it asks"),
                tr._("Coverage"),
            ],
            [
                [md_cell(o.id), link.provision(o.provision), text(o.summary), context.state(o.id)]
                for o in sorted(obligations, key=lambda o: (o.provision.sort_key, o.id))
            ],
            tr._("None."),
        ),
        heading(2, tr._("Access")),
        table(
            [
                tr._("Grant"),
                tr._("Provision"),
                tr._("Systems"),
                tr._("Purpose"),
            ],
            [
                [md_cell(a.id), link.provision(a.provision), link.ids(a.systems), text(a.purpose)]
                for a in sorted(grants, key=lambda a: (a.provision.sort_key, a.id))
            ],
            tr._("None."),
        ),
    ]
    return page(f"{role.id}: {role.name}", [tr._("role")], body)


def _number(number: str) -> tuple[int, str]:
    digits = "".join(c for c in number if c.isdigit())
    return (int(digits or 0), number[len(digits) :])
