"""Queries on the regulation catalog for `archlex catalog` and the site: show one provision,
search. The models are imported for their types only, so that `archlex catalog` can answer
from its index (archlex.catalog.index) without loading pydantic."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from archlex.catalog.provision import PROVISION_FORMAT, Provision, parse_provision
from archlex.errors import ArchlexError

if TYPE_CHECKING:
    from archlex.model import (
        AccessGrant,
        Article,
        Chapter,
        Flow,
        MidLink,
        Model,
        Obligation,
        Regulation,
        Requirement,
        Role,
        Standard,
    )


def verification_label(value: bool | str) -> str:
    """verified, partial or unverified: how far a catalog entry was checked against the act."""
    if value is True:
        return "verified"
    return "partial" if value == "partial" else "unverified"


@dataclass
class ProvisionView:
    """Everything the catalog and the model say about one provision."""

    provision: Provision
    regulation: Regulation
    article: Article
    chapter: Chapter | None
    eli: str | None
    obligations: list[Obligation] = field(default_factory=list)
    access: list[AccessGrant] = field(default_factory=list)
    mid_links: list[MidLink] = field(default_factory=list)
    standards: list[Standard] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)


@dataclass(frozen=True)
class SearchHit:
    """One catalog entry that matches a search, with how well."""

    score: int
    provision: str
    kind: str
    entity: str
    text: str
    verified: bool


def find_regulation(model: Model, regulation_id: str) -> Regulation:
    """The regulation with this id, or an error naming the loaded ones."""
    regulation = model.regulation(regulation_id)
    if regulation is None:
        raise no_regulation(regulation_id, [r.id for r in model.regulations])
    return regulation


def no_regulation(regulation_id: str, loaded: list[str]) -> ArchlexError:
    """The error for a regulation the catalog does not have."""
    return ArchlexError(
        f"no regulation {regulation_id!r} is loaded",
        f"loaded regulations: {', '.join(loaded) or 'none'}",
    )


def no_article(regulation_id: str, article: str, numbers: list[str]) -> ArchlexError:
    """The error for an article its regulation does not have."""
    return ArchlexError(
        f"{regulation_id} has no Article {article}",
        f"it has articles {numbers[0]} to {numbers[-1]}" if numbers else None,
    )


def parse_query(text: str) -> Provision:
    """The provision a user asked for, or an error showing how to write one."""
    provision = parse_provision(text)
    if provision is None:
        raise ArchlexError(f"{text!r} is not a provision", f"write {PROVISION_FORMAT}")
    return provision


def chapter_of(regulation: Regulation, article: Article) -> Chapter | None:
    """The chapter whose article range holds the article."""
    number = _number(article.number)
    for chapter in regulation.chapters:
        if _number(chapter.articles[0]) <= number <= _number(chapter.articles[1]):
            return chapter
    return None


def article_eli(regulation: Regulation, article: Article) -> str | None:
    """The ELI of an article: the act's ELI with `/art_N` before its final `/oj`."""
    if regulation.eli is None:
        return None
    if regulation.eli.endswith("/oj"):
        return regulation.eli[: -len("/oj")] + f"/art_{article.number}/oj"
    return regulation.eli


def show_provision(model: Model, text: str, citations: Citations | None = None) -> ProvisionView:
    """What the catalog has on a provision, and what in the model traces it (with
    `citations` of the model, only the entries citing its article are looked at)."""
    provision = parse_query(text)
    regulation = find_regulation(model, provision.regulation)
    article = regulation.article(provision.article)
    if article is None:
        raise no_article(regulation.id, provision.article, [a.number for a in regulation.articles])
    view = ProvisionView(
        provision,
        regulation,
        article,
        chapter_of(regulation, article),
        article_eli(regulation, article),
    )

    def citing(kind: str) -> list[Any]:
        return citations.of(kind, provision) if citations else list(getattr(model, kind))

    view.obligations = [o for o in citing("obligations") if provision.traces(o.provision)]
    view.access = [a for a in citing("access") if provision.traces(a.provision)]
    view.mid_links = [m for m in citing("mid_links") if provision.traces(m.provision)]
    view.standards = [
        s for s in citing("standards") if s.provision is not None and provision.traces(s.provision)
    ]
    view.roles = [r for r in citing("roles") if any(provision.traces(p) for p in r.defined_by)]
    view.requirements = [
        r for r in citing("requirements") if any(provision.traces(p) for p in r.satisfies)
    ]
    view.flows = [f for f in citing("flows") if any(provision.traces(p) for p in f.legal_basis)]
    return view


# The provisions each kind of entry cites, by the model's attribute of that kind.
_CITED: dict[str, Callable[[Any], Iterable[Provision | None]]] = {
    "obligations": lambda o: (o.provision,),
    "access": lambda a: (a.provision,),
    "mid_links": lambda m: (m.provision,),
    "standards": lambda s: (s.provision,),
    "roles": lambda r: r.defined_by,
    "requirements": lambda r: r.satisfies,
    "flows": lambda f: f.legal_basis,
}


class Citations:
    """A model's entries by the articles they cite, each list in the model's order: a
    provision traces only provisions of its own article, so these are all `show_provision`
    needs to look at (the site shows every article: one pass over the model, not one each)."""

    def __init__(self, model: Model) -> None:
        self._index: dict[str, dict[tuple[str, str], list[Any]]] = {}
        for kind, cited in _CITED.items():
            found: dict[tuple[str, str], list[Any]] = {}
            for entry in getattr(model, kind):
                keys = {(p.regulation, p.article) for p in cited(entry) if p is not None}
                for key in keys:
                    found.setdefault(key, []).append(entry)
            self._index[kind] = found

    def of(self, kind: str, provision: Provision) -> list[Any]:
        """The entries of `kind` citing the provision's article."""
        return self._index[kind].get((provision.regulation, provision.article), [])


def search(model: Model, words: str, limit: int = 25) -> list[SearchHit]:
    """Catalog entries (articles, obligations, access, MID links, roles) matching every word,
    best first: a title match counts more than a match in a summary."""
    return search_entries(catalog_entries(model), words, limit)


def search_entries(entries: Iterable[SearchHit], words: str, limit: int = 25) -> list[SearchHit]:
    """The entries matching every word, best first (`score` of an entry is its kind's weight)."""
    terms = [t for t in re.split(r"\W+", words.lower()) if t]
    if not terms:
        raise ArchlexError(
            "search for at least one word", 'e.g. archlex catalog search "manual verification"'
        )
    hits = [hit for hit in entries if hit.score and _matches(hit.text, terms)]
    scored = [
        SearchHit(_score(h.text, terms, h.score), h.provision, h.kind, h.entity, h.text, h.verified)
        for h in hits
    ]
    return sorted(scored, key=lambda h: (-h.score, _provision_key(h.provision), h.entity))[:limit]


def catalog_entries(model: Model) -> list[SearchHit]:
    """Every searchable entry, with a weight for the kind of text it is."""
    entries: list[SearchHit] = []
    for regulation in model.regulations:
        for article in regulation.articles:
            entries.append(
                SearchHit(
                    3,
                    f"{regulation.id} Art {article.number}",
                    "article",
                    "",
                    article.title,
                    article.verified is True,
                )
            )
    for obligation in model.obligations:
        entries.append(
            SearchHit(
                2,
                str(obligation.provision),
                "obligation",
                obligation.id,
                obligation.summary,
                obligation.verified is True,
            )
        )
    for grant in model.access:
        entries.append(
            SearchHit(
                2,
                str(grant.provision),
                "access",
                grant.id,
                f"{grant.role}: {grant.purpose}",
                grant.verified is True,
            )
        )
    for link in model.mid_links:
        entries.append(
            SearchHit(
                2,
                str(link.provision),
                "MID link",
                link.id,
                f"{link.colour.value} link: {link.meaning}",
                link.verified is True,
            )
        )
    for role in model.roles:
        provision = str(role.defined_by[0]) if role.defined_by else ""
        entries.append(
            SearchHit(
                2, provision, "role", role.id, f"{role.name}: {role.description or ''}", False
            )
        )
    return entries


def _matches(text: str, terms: list[str]) -> bool:
    lowered = text.lower()
    return all(term in lowered for term in terms)


def _score(text: str, terms: list[str], weight: int) -> int:
    lowered = text.lower()
    phrase = " ".join(terms) in lowered
    return weight * 10 + (5 if phrase else 0) - min(len(lowered) // 100, 4)


def _number(article: str) -> int:
    digits = re.match(r"\d+", article)
    return int(digits.group()) if digits else 0


def _provision_key(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    provision = parse_provision(text)
    return provision.sort_key if provision else (text, ())
