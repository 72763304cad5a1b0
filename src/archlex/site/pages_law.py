"""The Law pages: the regulations with their chapters, each article, the roles they define."""

from __future__ import annotations

from archlex.catalog.search import article_eli, show_provision
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
from archlex.site.markdown import facts, heading, page, table, text, web_link, yes_no
from archlex.toolkit.escape import md_cell


def regulations_index(context: SiteContext) -> str:
    """The regulations in the model, with their coverage."""
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
                f"{found.percent} %" if found else "",
            ]
        )
    body = [
        "The regulations the model uses, their chapters and articles, and what in the "
        "architecture traces each of their obligations.",
        table(["Regulation", "Title", "Articles", "Traced"], rows, "No regulation is loaded."),
    ]
    return page("Regulations", ["regulation"], body)


def regulation_page(context: SiteContext, regulation: Regulation) -> str:
    """One regulation: its facts, its coverage, and its chapters with their articles."""
    path = context.site.pages[regulation.id]
    link = context.linker(path)
    body = [
        text(regulation.description) if regulation.description else "",
        facts(
            [
                ("Title", text(regulation.title)),
                ("Short title", text(regulation.short_title)),
                ("ELI", web_link(regulation.eli or "", regulation.eli)),
                ("CELEX", text(regulation.celex)),
                ("Adopted", str(regulation.adopted or "")),
            ]
        ),
        _coverage(context, regulation.id),
        heading(2, "Chapters"),
    ]
    placed: set[str] = set()
    for chapter in regulation.chapters:
        first, last = (_number(n) for n in chapter.articles)
        articles = [a for a in regulation.articles if first <= _number(a.number) <= last]
        placed.update(a.number for a in articles)
        title = f"Chapter {chapter.number}" + (f": {chapter.title}" if chapter.title else "")
        body += [f"**{md_cell(title)}**", _article_rows(context, link.page, regulation, articles)]
    rest = [a for a in regulation.articles if a.number not in placed]
    if rest:
        body += ["**Articles in no chapter**", _article_rows(context, path, regulation, rest)]
    return page(f"{regulation.id}: {regulation.short_title or regulation.title}", [], body)


def _coverage(context: SiteContext, regulation_id: str) -> str:
    if context.report.coverage is None:
        return ""
    found = context.report.coverage.by_regulation().get(regulation_id)
    if found is None:
        return "*No obligation of this regulation applies to the model.*"
    states = ", ".join(f"{count} {state}" for state, count in found.states.items())
    return (
        f"**Coverage:** {found.traced} of {found.applicable} applicable obligations traced "
        f"({found.percent} %), {found.met_percent} % met; {states}."
    )


def _article_rows(
    context: SiteContext, path: str, regulation: Regulation, articles: list[Article]
) -> str:
    rows = []
    for article in articles:
        target = context.site.articles[(regulation.id, article.number)]
        obligations = [
            o for o in context.model.obligations if _in_article(o.provision, regulation, article)
        ]
        rows.append(
            [
                f"[Art {article.number}]({relative(path, target)})",
                text(article.title),
                str(len(obligations)),
                yes_no(article.verified),
            ]
        )
    return table(["Article", "Title", "Obligations", "Verified"], rows, "No articles.")


def _in_article(provision: Provision, regulation: Regulation, article: Article) -> bool:
    return provision.regulation == regulation.id and provision.article == article.number


def article_page(context: SiteContext, regulation: Regulation, article: Article) -> str:
    """One article: its obligations, the access it grants, what traces it, its ELI."""
    path = context.site.articles[(regulation.id, article.number)]
    link = context.linker(path)
    view = show_provision(context.model, f"{regulation.id} Art {article.number}")
    body = [
        facts(
            [
                ("Regulation", link.id(regulation.id)),
                ("Chapter", text(view.chapter.number if view.chapter else None)),
                ("ELI", web_link("EUR-Lex", article_eli(regulation, article))),
                ("Paragraphs", str(article.paragraphs or "")),
                ("Verified", yes_no(article.verified)),
                ("Source", text(article.source)),
            ]
        ),
        heading(2, "Obligations"),
        table(
            ["Obligation", "Provision", "Actor", "What it asks", "Deadline", "Coverage"],
            [
                [
                    f"**{md_cell(o.id)}**",
                    md_cell(str(o.provision)),
                    link.id(o.actor),
                    text(o.summary),
                    str(o.deadline or ""),
                    context.state(o.id),
                ]
                for o in sorted(view.obligations, key=lambda o: (o.provision.sort_key, o.id))
            ],
        ),
        heading(2, "Access it grants"),
        table(
            ["Grant", "Provision", "Role", "Systems", "Via", "Purpose"],
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
        ),
        *_traces(context, path, view.requirements, view.flows, view.roles),
        *_links_and_standards(view.mid_links, view.standards),
    ]
    title = f"{regulation.id} Art {article.number}: {article.title}"
    return page(title, ["article", "verified" if article.verified else "unverified"], body)


def _traces(
    context: SiteContext,
    path: str,
    requirements: list[Requirement],
    flows: list[Flow],
    roles: list[Role],
) -> list[str]:
    link = context.linker(path)
    return [
        heading(2, "What in the model traces it"),
        "**Requirements**",
        table(
            ["Requirement", "Title", "Satisfies", "Status"],
            [
                [link.id(r.id), text(r.title), link.provisions(r.satisfies), r.status.value]
                for r in sorted(requirements, key=lambda r: r.id)
            ],
        ),
        "**Flows citing it as legal basis**",
        table(
            ["Flow", "From", "To", "Name"],
            [
                [link.id(f.id), link.id(f.from_), link.id(f.to), text(f.name)]
                for f in sorted(flows, key=lambda f: f.id)
            ],
        ),
        "**Roles it defines**",
        table(
            ["Role", "Name"],
            [[link.id(r.id), text(r.name)] for r in sorted(roles, key=lambda r: r.id)],
        ),
    ]


def _links_and_standards(mid_links: list[MidLink], standards: list[Standard]) -> list[str]:
    parts: list[str] = []
    if mid_links:
        parts += [
            heading(2, "MID links"),
            table(
                ["Link", "Colour", "Meaning"],
                [[md_cell(m.id), m.colour.value, text(m.meaning)] for m in mid_links],
            ),
        ]
    if standards:
        parts += [
            heading(2, "Standards"),
            table(["Standard", "Name"], [[md_cell(s.id), text(s.name)] for s in standards]),
        ]
    return parts


def roles_index(context: SiteContext) -> str:
    """Every role, the provisions that define it and who holds it."""
    link = context.linker("roles/index.md")
    rows = [
        [link.id(r.id), text(r.name), link.provisions(r.defined_by)]
        for r in sorted(context.model.roles, key=lambda r: r.id)
    ]
    return page("Roles", ["role"], [table(["Role", "Name", "Defined by"], rows)])


def role_page(context: SiteContext, role: Role) -> str:
    """One role: its definition, who holds it, what it must do and may access."""
    link = context.linker(context.site.pages[role.id])
    model = context.model
    holders = [o for o in model.organisations if any(g.role == role.id for g in o.roles)]
    obligations = [o for o in model.obligations if o.actor == role.id]
    grants = [a for a in model.access if a.role == role.id]
    body = [
        text(role.description),
        facts([("Name", text(role.name)), ("Defined by", link.provisions(role.defined_by))]),
        heading(2, "Held by"),
        table(
            ["Organisation", "Name"],
            [[link.id(o.id), text(o.name)] for o in sorted(holders, key=lambda o: o.id)],
        ),
        heading(2, "Obligations"),
        table(
            ["Obligation", "Provision", "What it asks", "Coverage"],
            [
                [md_cell(o.id), link.provision(o.provision), text(o.summary), context.state(o.id)]
                for o in sorted(obligations, key=lambda o: (o.provision.sort_key, o.id))
            ],
        ),
        heading(2, "Access"),
        table(
            ["Grant", "Provision", "Systems", "Purpose"],
            [
                [md_cell(a.id), link.provision(a.provision), link.ids(a.systems), text(a.purpose)]
                for a in sorted(grants, key=lambda a: (a.provision.sort_key, a.id))
            ],
        ),
    ]
    return page(f"{role.id}: {role.name}", ["role"], body)


def _number(number: str) -> tuple[int, str]:
    digits = "".join(c for c in number if c.isdigit())
    return (int(digits or 0), number[len(digits) :])
