"""What `archlex catalog` answers from, in plain data: one card per article (the lines `show`
prints, each with the provisions it rests on), the article listing of each regulation, and the
search entries. Built once from a loaded model, it is kept in the cache (archlex.catalog.store),
so that the catalog answers without importing pydantic or reading the YAML again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archlex.catalog.provision import Provision, parse_provision
from archlex.catalog.search import (
    ProvisionView,
    SearchHit,
    catalog_entries,
    chapter_of,
    no_article,
    no_regulation,
    parse_query,
    show_provision,
)

if TYPE_CHECKING:
    from archlex.model import Model, Regulation

INDEX_FORMAT = 1


@dataclass(frozen=True)
class CardLine:
    """One entry of a card's section, and the provisions it cites (a paragraph keeps the lines
    that trace it)."""

    head: str
    body: str
    provisions: tuple[str, ...]


@dataclass(frozen=True)
class CardSection:
    """A titled list on a card; `empty` is printed when no line is left, None leaves it out."""

    title: str
    lines: tuple[CardLine, ...]
    empty: str | None = None


@dataclass(frozen=True)
class Card:
    """Everything `show` prints for one article."""

    title: str
    chapter: str | None
    eli: str | None
    verified: bool
    source: str | None
    catalog: tuple[CardSection, ...]
    in_model: tuple[CardSection, ...]

    def narrowed(self, provision: Provision) -> Card:
        """The card of a paragraph or point: only the lines that trace it."""
        return Card(
            self.title,
            self.chapter,
            self.eli,
            self.verified,
            self.source,
            tuple(_narrow(section, provision) for section in self.catalog),
            tuple(_narrow(section, provision) for section in self.in_model),
        )


@dataclass(frozen=True)
class RegulationSummary:
    """A regulation's id and its article numbers, in order: for the catalog's error messages."""

    id: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class CatalogIndex:
    """The whole catalog of one model (or of the bundled library alone: `model_name` None)."""

    model_name: str | None
    regulations: tuple[RegulationSummary, ...]
    cards: dict[str, Card]  # by article, e.g. "2019/818 Art 22"
    listings: dict[str, tuple[str, ...]]  # the lines of `list`, by regulation id
    entries: tuple[SearchHit, ...]

    def card(self, text: str) -> tuple[Provision, Card]:
        """The provision a user asked for and its card, or the error `show` gives."""
        provision = parse_query(text)
        regulation = next((r for r in self.regulations if r.id == provision.regulation), None)
        if regulation is None:
            raise no_regulation(provision.regulation, [r.id for r in self.regulations])
        card = self.cards.get(f"{regulation.id} Art {provision.article}")
        if card is None:
            raise no_article(regulation.id, provision.article, list(regulation.articles))
        return provision, card.narrowed(provision) if provision.parts else card


def _narrow(section: CardSection, provision: Provision) -> CardSection:
    lines = tuple(
        line
        for line in section.lines
        if any(_traces(provision, cited) for cited in line.provisions)
    )
    return CardSection(section.title, lines, section.empty)


def _traces(provision: Provision, text: str) -> bool:
    cited = parse_provision(text)
    return cited is not None and provision.traces(cited)


def _mark(verified: bool) -> str:
    return "verified" if verified else "not verified"


def index_of(model: Model, model_name: str | None) -> CatalogIndex:
    """The catalog index of a loaded model."""
    cards = {
        f"{regulation.id} Art {article.number}": card_of(
            show_provision(model, f"{regulation.id} Art {article.number}"), model_name is not None
        )
        for regulation in model.regulations
        for article in regulation.articles
    }
    return CatalogIndex(
        model_name,
        tuple(
            RegulationSummary(r.id, tuple(a.number for a in r.articles)) for r in model.regulations
        ),
        cards,
        {r.id: _listing(model, r) for r in model.regulations},
        tuple(catalog_entries(model)),
    )


def card_of(view: ProvisionView, in_model: bool) -> Card:
    """The card of an article's view; the model's sections only when there is a user's model."""
    article = view.article
    chapter = f"Chapter {view.chapter.number}: {view.chapter.title or ''}" if view.chapter else None
    catalog = (
        CardSection(
            "Obligations",
            tuple(
                CardLine(
                    f"{o.id}  {o.provision}  actor: {o.actor}"
                    + (f"  deadline: {o.deadline}" if o.deadline else "")
                    + f"  [{_mark(o.verified)}]",
                    o.summary,
                    (str(o.provision),),
                )
                for o in view.obligations
            ),
        ),
        CardSection(
            "Access it grants",
            tuple(
                CardLine(
                    f"{a.id}  {a.provision}  {a.role} -> {', '.join(a.systems)}"
                    + (f" via {a.via}" if a.via else "")
                    + f"  [{_mark(a.verified)}]",
                    a.purpose,
                    (str(a.provision),),
                )
                for a in view.access
            ),
        ),
        CardSection(
            "MID links",
            tuple(
                CardLine(
                    f"{m.id}  {m.colour.value}"
                    + (f"  verified by: {', '.join(m.verified_by)}" if m.verified_by else ""),
                    m.meaning + (f" Then: {m.follow_up}" if m.follow_up else ""),
                    (str(m.provision),),
                )
                for m in view.mid_links
            ),
        ),
        CardSection(
            "Standards",
            tuple(CardLine(s.id, s.name, (str(s.provision),)) for s in view.standards),
        ),
        CardSection(
            "Roles it defines",
            tuple(CardLine(r.id, r.name, tuple(str(p) for p in r.defined_by)) for r in view.roles),
        ),
    )
    traces = (
        CardSection(
            "Requirements that satisfy it",
            tuple(
                CardLine(f"{r.id}  [{r.status.value}]", r.title, tuple(str(p) for p in r.satisfies))
                for r in view.requirements
            ),
            "none",
        ),
        CardSection(
            "Flows that cite it",
            tuple(
                CardLine(
                    f"{f.id}  {f.from_} -> {f.to}",
                    f.name or "",
                    tuple(str(p) for p in f.legal_basis),
                )
                for f in view.flows
            ),
            "none",
        ),
    )
    return Card(
        article.title,
        chapter,
        view.eli,
        article.verified,
        article.source,
        catalog,
        traces if in_model else (),
    )


def _listing(model: Model, regulation: Regulation) -> tuple[str, ...]:
    """The lines `list` prints for one regulation: chapters, articles, obligation counts."""
    lines = [f"{regulation.id}  {regulation.short_title or regulation.title}"]
    counts: dict[str, int] = {}
    for obligation in model.obligations:
        if obligation.provision.regulation == regulation.id:
            counts[obligation.provision.article] = counts.get(obligation.provision.article, 0) + 1
    current = None
    for article in regulation.articles:
        chapter = chapter_of(regulation, article)
        if chapter is not None and chapter is not current:
            current = chapter
            lines.append(f"  Chapter {chapter.number}  {chapter.title or ''}")
        obligations = counts.get(article.number, 0)
        suffix = f"  [{obligations} obligation{'s' * (obligations != 1)}]" if obligations else ""
        flag = " " if article.verified else "?"
        lines.append(f"   {flag} Art {article.number:<4} {article.title}{suffix}")
    return tuple(lines)


def index_to_json(index: CatalogIndex) -> dict[str, Any]:
    """The index as JSON-ready data (the cache stores JSON: it is read without pickle's risks)."""
    return {
        "format": INDEX_FORMAT,
        "model_name": index.model_name,
        "regulations": [[r.id, list(r.articles)] for r in index.regulations],
        "cards": {
            key: [
                card.title,
                card.chapter,
                card.eli,
                card.verified,
                card.source,
                [_section_json(s) for s in card.catalog],
                [_section_json(s) for s in card.in_model],
            ]
            for key, card in index.cards.items()
        },
        "listings": {key: list(lines) for key, lines in index.listings.items()},
        "entries": [
            [e.score, e.provision, e.kind, e.entity, e.text, e.verified] for e in index.entries
        ],
    }


def _section_json(section: CardSection) -> list[Any]:
    return [
        section.title,
        [[line.head, line.body, list(line.provisions)] for line in section.lines],
        section.empty,
    ]


def index_from_json(data: Any) -> CatalogIndex:
    """The index back from `index_to_json`'s data; KeyError, TypeError or ValueError when the
    data is not such an index (the cache then treats it as a miss)."""
    if data["format"] != INDEX_FORMAT:
        raise ValueError("another index format")
    return CatalogIndex(
        data["model_name"],
        tuple(RegulationSummary(rid, tuple(numbers)) for rid, numbers in data["regulations"]),
        {
            key: Card(
                title,
                chapter,
                eli,
                bool(verified),
                source,
                tuple(_section_from_json(s) for s in catalog),
                tuple(_section_from_json(s) for s in in_model),
            )
            for key, (title, chapter, eli, verified, source, catalog, in_model) in data[
                "cards"
            ].items()
        },
        {key: tuple(lines) for key, lines in data["listings"].items()},
        tuple(
            SearchHit(int(score), provision, kind, entity, text, bool(verified))
            for score, provision, kind, entity, text, verified in data["entries"]
        ),
    )


def _section_from_json(data: list[Any]) -> CardSection:
    title, lines, empty = data
    return CardSection(
        title,
        tuple(CardLine(head, body, tuple(provisions)) for head, body, provisions in lines),
        empty,
    )
